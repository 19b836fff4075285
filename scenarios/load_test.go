package scenarios

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sixparty/sixparty/sim"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestBrokenFiles loads each file in testdata/broken and compares the
// sorted list of mistakes with the .errors file beside it.
func TestBrokenFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/broken/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no broken files: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			_, err := LoadFile(f)
			var el sim.ErrorList
			if !errors.As(err, &el) {
				t.Fatalf("error = %v, want a sim.ErrorList", err)
			}
			got := el.Lines()
			golden := strings.TrimSuffix(f, ".yaml") + ".errors"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("errors differ from %s:\n got:\n%s\nwant:\n%s", golden, got, want)
			}
		})
	}
}

// base is a valid scenario that the table below breaks in one place each.
const base = `format: 1
meta: {id: base, title: Base, turns: 3}
actors:
  - {id: a, name: Alpha, budget: 2}
variables:
  - {id: x, name: X, init: 1}
levers:
  - {id: a.push, actor: a, name: Push, levels: [off, on], cost: [0, 1], effects: [{target: x, change: "level"}]}
outcomes:
  - {id: end, name: End}
`

func TestMistakes(t *testing.T) {
	tests := []struct {
		old, new string
		want     string
	}{
		{`init: 1`, `init: 1, unit: "%", nmae: X`, `t.yaml:6:42: unknown field "nmae" in variables[0]; did you mean "name"?`},
		{`change: "level"`, `change: "level * (x"`, `t.yaml:8:113: syntax error: unexpected token EOF`},
		{`change: "level"`, `change: "lvl + x"`, `t.yaml:8:104: unknown name "lvl"; did you mean "level"?`},
		{`change: "level"`, `change: "x > 1"`, `t.yaml:8:104: expression is a condition, want a number`},
		{`change: "level"`, `change: "max()"`, `t.yaml:8:104: max needs at least one argument`},
		{`target: x`, `target: a.push`, `t.yaml:8:92: unknown variable "a.push" (it is a lever; effects change variables)`},
		{`actor: a,`, `actor: b,`, `t.yaml:8:25: unknown actor "b"`},
		{`budget: 2`, `budget: -2`, `t.yaml:4:34: budget must be a number of at least 0`},
		{`budget: 2`, `budget: .nan`, `t.yaml:4:34: budget must be a number, found ".nan"`},
		{`turns: 3`, `turns: 3.5`, `t.yaml:2:38: turns must be a whole number, found "3.5"`},
		{`{id: x, name: X`, `{id: X, name: X`, "t.yaml:6:10: variable id \"X\" must be lower-case letters, digits and underscores, optionally after a prefix and a dot (like gov.sanctions)\nt.yaml:8:92: unknown variable \"x\"; did you mean \"X\"?"},
		{`{id: x, name: X`, `{id: turn, name: X`, "t.yaml:6:10: name \"turn\" is already used\nt.yaml:8:92: unknown variable \"x\""},
		{`{id: a, name: Alpha`, `{id: a, id: b, name: Alpha`, `t.yaml:4:13: field "id" is given twice`},
		{"  - {id: end, name: End}\n", "  - {id: end, name: End, when: \"x > 1\"}\n", `t.yaml:10:3: one outcome must have no 'when': it ends the game at the turn limit`},
		{"outcomes:", "rules:\n  - {id: r, target: x, set: \"x\", when: \"x\"}\noutcomes:", `t.yaml:10:41: expression is a number, want a condition`},
		{"outcomes:", "events:\n  - {id: e, name: E, turn: 9}\noutcomes:", `t.yaml:10:28: turn must be between 1 and 3, found 9`},
		{"outcomes:", "rules:\n  - {id: r, target: x, set: \"x\"}\n  - {id: r, target: x, set: \"x\"}\noutcomes:", `t.yaml:11:10: rule "r" is defined twice`},
		// Values that cannot be right.
		{"outcomes:", "events:\n  - {id: e, name: E, when: \"x > 0\", chance: 2}\noutcomes:", `t.yaml:10:45: chance must be between 0 and 1, found 2`},
		{"outcomes:", "events:\n  - {id: e, name: E, when: \"x > 0\", chance: \"-0.5\"}\noutcomes:", `t.yaml:10:46: chance must be between 0 and 1, found -0.5`},
		{"outcomes:", "events:\n  - {id: e, name: E, turn: 0}\noutcomes:", `t.yaml:10:28: turn must be between 1 and 3, found 0`},
		{"outcomes:", "events:\n  - {id: e, name: E, when: \"x > 0\", turn: 0}\noutcomes:", `t.yaml:10:43: turn must be between 1 and 3, found 0`},
		{`change: "level"}`, `change: "level", lasts: 0}`, `t.yaml:8:119: lasts must be at least 1`},
		{`change: "level"}`, `change: "level", lasts: -1}`, `t.yaml:8:119: lasts must be at least 1`},
		{`levels: [off, on]`, `levels: [off, off]`, `t.yaml:8:54: level "off" of lever "a.push" is given twice`},
		{`levels: [off, on], cost: [0, 1]`, `levels: [off, on, "", on], cost: [0, 1, 1, 1]`, "t.yaml:8:59: level 2 of lever \"a.push\" needs a name\nt.yaml:8:62: level \"on\" of lever \"a.push\" is given twice"},
		{`levels: [off, on]`, `levels: [off, on], labels: [Off]`, `t.yaml:8:67: lever "a.push" has 2 levels but 1 labels`},
		{`levels: [off, on]`, `levels: [off, on], labels: [Off, " "]`, `t.yaml:8:74: label 1 of lever "a.push" is empty: give the level a name players can read`},
		{`levels: [off, on]`, `levels: [off, on], labels: [Off, Off]`, `t.yaml:8:73: label "Off" of lever "a.push" is given twice: players could not tell the two levels apart`},
		{`levels: [off, on]`, `levels: [off, on], labels: []`, `t.yaml:8:67: lever "a.push" has 2 levels but 0 labels`},
		{`init: 1}`, `init: 1, noise: 2}`, `t.yaml:6:38: noise has no effect: every actor sees "x" exactly (drop 'noise', or leave out of 'visible' the actors who should see an estimate)`},
		{`init: 1}`, `init: 1, noise: 2, visible: [a]}`, `t.yaml:6:38: noise has no effect: every actor sees "x" exactly (drop 'noise', or leave out of 'visible' the actors who should see an estimate)`},
		{`cost: [0, 1]`, `cost: [0, 2.5]`, `t.yaml:8:69: level "on" costs 2.5, more than the budget of 2 of actor "a": it can never be ordered`},
		{`turns: 3`, `turns: 401`, `t.yaml:2:38: turns must be at most 400, found 401`},
		{"outcomes:", "checks:\n  - {outcome: end, share: [0, 1], games: 0}\noutcomes:", `t.yaml:10:42: games must be at least 1, found 0`},
		// Accepted without a word once (issue 15): each is caught now.
		{"outcomes:", "events:\n  - {id: e, name: E, when: \"x > 0\", chance: \"1.4\"}\noutcomes:", `t.yaml:10:46: chance must be between 0 and 1, found 1.4`},
		{`budget: 2`, `budget: 0`, `t.yaml:8:69: level "on" costs 1, more than the budget of 0 of actor "a": it can never be ordered`},
		{`, budget: 2`, ``, `t.yaml:8:65: actor "a" has no 'budget', so it can never order a level of lever "a.push" that costs more than 0: give the actor a budget`},
		{"outcomes:", "checks:\n  - {outcome: end, share: [0, 1], difficulty: hrad}\noutcomes:", `t.yaml:10:47: difficulty must be easy, normal or hard, found "hrad"; did you mean "hard"?`},
		{"  - {id: end, name: End}\n", "  - {id: end, name: End, expected: often}\n", `t.yaml:10:36: expected must be 'rare' (or left out), found "often"`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			src := strings.Replace(base, tt.old, tt.new, 1)
			if src == base {
				t.Fatalf("%q not found in the base scenario", tt.old)
			}
			m, err := Load("t.yaml", []byte(src))
			if m != nil {
				t.Errorf("a broken scenario gave a model")
			}
			if err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			if got := strings.TrimSpace(err.(sim.ErrorList).Lines()); got != tt.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
	if _, err := Load("t.yaml", []byte(base)); err != nil {
		t.Fatalf("the base scenario is broken: %v", err)
	}
}

func TestBlockScalarPositions(t *testing.T) {
	src := strings.Replace(base, `change: "level"}]}`, `change: "level"}]}
rules:
  - id: r
    target: x
    change: |
      x * 2 +
        (1 - nope)`, 1)
	_, err := Load("t.yaml", []byte(src))
	if want := `t.yaml:14:14: unknown name "nope"`; err == nil || strings.TrimSpace(err.(sim.ErrorList).Lines()) != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

func TestEmptyAndMissing(t *testing.T) {
	if _, err := Load("e.yaml", nil); err == nil || err.Error() != "e.yaml:1:1: the file is empty" {
		t.Errorf("empty file: %v", err)
	}
	if _, err := LoadFile("testdata/none.yaml"); err == nil || !strings.HasPrefix(err.Error(), "scenario: open testdata/none.yaml:") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := LoadBuiltin("nosuch"); err == nil || !strings.HasPrefix(err.Error(), `scenario: no built-in scenario "nosuch" (have `) {
		t.Errorf("missing built-in: %v", err)
	}
}

func TestAliasBomb(t *testing.T) {
	// Each level repeats the one below it 100 times: a million effects.
	list := func(ref string) string { return "[" + strings.Repeat(ref+", ", 99) + ref + "]" }
	src := "anchors:\n" +
		"  - &e {target: x, change: \"1\"}\n" +
		"  - &es " + list("*e") + "\n" +
		"  - &o {id: a, effects: *es}\n" +
		"  - &os " + list("*o") + "\n" +
		"  - &ev {id: e, name: E, turn: 1, choice: {actor: a, options: *os}}\n" +
		"events: " + list("*ev") + "\n"
	_, err := Load("bomb.yaml", []byte(src))
	want := "bomb.yaml:1:1: the file has 3091918 values; the limit is 500000 (each use of an alias counts as a copy of what it names)\n"
	if err == nil || err.(sim.ErrorList).Lines() != want {
		t.Errorf("error = %.200v, want %s", err, want)
	}
	// Ten levels of ten: more values than an int64 holds, counted
	// without expanding them.
	src = "l0: &l0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
	for i := 1; i <= 20; i++ {
		src += fmt.Sprintf("l%d: &l%d [*l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	_, err = Load("laughs.yaml", []byte(src))
	want = "laughs.yaml:1:1: the file has 1234567901234567901232 values; the limit is 500000 (each use of an alias counts as a copy of what it names)\n"
	if err == nil || err.(sim.ErrorList).Lines() != want {
		t.Errorf("error = %.200v, want %s", err, want)
	}
}

// TestAliasCycle checks that an alias inside what it names is refused
// rather than decoded for ever.
func TestAliasCycle(t *testing.T) {
	_, err := Load("cycle.yaml", []byte("format: 1\nmeta: &m {id: c, title: C, turns: 1, more: *m}\n"))
	want := "cycle.yaml:2:44: this alias is part of what it names, so it never ends\n"
	if err == nil || err.(sim.ErrorList).Lines() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

// FuzzLoad feeds the loader arbitrary bytes: it must never panic, and it
// returns either a model or an error list, never both or neither.
func FuzzLoad(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		m, err := Load("f.yaml", src)
		if (m == nil) == (err == nil) {
			t.Fatalf("model %v and error %v", m != nil, err)
		}
		if err != nil {
			var el sim.ErrorList
			if !errors.As(err, &el) || len(el) == 0 {
				t.Fatalf("error %T %v is not a non-empty ErrorList", err, err)
			}
			return
		}
		// A model that loads must play a turn without panicking.
		g := sim.NewGame(m, 1)
		g.Play(sim.Orders{}, nil)
	})
}

// FuzzParse feeds arbitrary bytes to parse, the layer under Parse's
// recover, so that a panic in yaml.v3, the decoder or the compiler shows
// as a failure instead of being turned into an error message. A syntax
// error must be placed on a line of the file.
func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		s, errs := parse("f.yaml", src)
		if (s == nil) == (len(errs) == 0) {
			t.Fatalf("scenario %v and %d errors", s != nil, len(errs))
		}
		if !utf8.Valid(src) {
			return // UTF-16 perhaps, whose lines yaml.v3 counts itself
		}
		// YAML breaks lines at \n, \r\n, a lone \r, NEL, LS and PS.
		text := strings.ReplaceAll(string(src), "\r\n", "\n")
		lines := 1 + strings.Count(text, "\n") + strings.Count(text, "\r") + strings.Count(text, "\u0085") + strings.Count(text, "\u2028") + strings.Count(text, "\u2029")
		for _, e := range errs {
			if e.Pos.Line > lines {
				t.Fatalf("error on line %d of a file of %d lines: %v", e.Pos.Line, lines, e)
			}
		}
	})
}

// FuzzTrack feeds arbitrary bytes to LoadTrack, which has no recover.
func FuzzTrack(f *testing.F) {
	m, err := LoadBuiltin(Default)
	if err != nil {
		f.Fatal(err)
	}
	src, _ := os.ReadFile("pressure-2017.history.yaml")
	f.Add(src)
	f.Add([]byte("turns:\n  - turn: 1\n    orders:\n      us: {us.unsc: 1}\n    choices: {olympics: accept}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		tr, err := LoadTrack("o.yaml", src, m)
		if (tr == nil) == (err == nil) {
			t.Fatalf("track %v and error %v", tr != nil, err)
		}
		if tr != nil {
			for turn := 1; turn <= m.Scenario.Meta.Turns; turn++ {
				tr.Orders(turn)
			}
		}
	})
}

func addSeeds(f *testing.F) {
	f.Add([]byte(base))
	f.Add([]byte(paramBase))
	f.Add([]byte(strategyBase))
	f.Add([]byte(block))
	for _, name := range Builtin() {
		src, _ := BuiltinSource(name)
		f.Add(src)
	}
	files, _ := filepath.Glob("testdata/broken/*.yaml")
	for _, file := range files {
		src, _ := os.ReadFile(file)
		f.Add(src)
	}
}

// TestExprPositions places a mistake inside expressions written in each
// style of YAML scalar whose value is not the file's text: folded and
// literal blocks, plain and quoted scalars over several lines, and quoted
// ones with escapes. The position must be that of the name in the file.
func TestExprPositions(t *testing.T) {
	tests := []struct {
		name, value, want string
	}{
		{"folded", ">-\n      x * 2 +\n      (1 - nope)", `t.yaml:14:12: unknown name "nope"`},
		{"folded-long", ">-\n      x * 2 + x * 3 + x * 4\n      - x * 5\n      - (1 - nope) * 2", `t.yaml:15:14: unknown name "nope"`},
		{"folded-more-indented", ">\n      x * 2 +\n\n        (1 - nope)", `t.yaml:15:14: unknown name "nope"`},
		{"folded-blank-first", ">-\n\n      x +\n      nope", `t.yaml:15:7: unknown name "nope"`},
		{"literal", "|\n      x * 2\n      + 1\n      - nope", `t.yaml:15:9: unknown name "nope"`},
		{"literal-strip-indented", "|-\n      x * 2 +\n        (1 - nope)", `t.yaml:14:14: unknown name "nope"`},
		{"plain", "x * 2 +\n      (1 - nope)", `t.yaml:13:12: unknown name "nope"`},
		{"double-quoted", "\"x * 2 +\n      (1 - nope)\"", `t.yaml:13:12: unknown name "nope"`},
		{"double-quoted-escaped-break", "\"x * 2 + \\\n      (1 - nope)\"", `t.yaml:13:12: unknown name "nope"`},
		{"double-quoted-escapes", `"x +\t\t nope"`, `t.yaml:12:22: unknown name "nope"`},
		{"double-quoted-hex", `"x + \x6eope"`, `t.yaml:12:18: unknown name "nope"`},
		{"single-quoted", "'x * 2 +\n\n      (1 - nope)'", `t.yaml:14:12: unknown name "nope"`},
		{"single-quoted-one-line", `'x + nope'`, `t.yaml:12:18: unknown name "nope"`},
		{"double-quoted-one-line", `"x + nope"`, `t.yaml:12:18: unknown name "nope"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(base, `change: "level"}]}`, "change: \"level\"}]}\nrules:\n  - id: r\n    target: x\n    change: "+tt.value, 1)
			_, err := Load("t.yaml", []byte(src))
			if err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			if got := strings.TrimSpace(err.(sim.ErrorList).Lines()); got != tt.want {
				t.Errorf("errors:\n%s\nwant:\n%s\nin:\n%s", got, tt.want, src)
			}
		})
	}
}
