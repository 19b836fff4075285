package scenarios

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/sim"
)

// paramBase is a valid scenario with one parameter, which the table below
// breaks in one place each. Line 8 is the lever, line 11 the parameter.
const paramBase = `format: 1
meta: {id: base, title: Base, turns: 3}
actors:
  - {id: a, name: Alpha, budget: 2}
variables:
  - {id: x, name: X, init: 1}
levers:
  - {id: a.push, actor: a, name: Push, levels: [off, on], cost: [0, 1], effects: [{target: x, change: "k * level"}]}
outcomes:
  - {id: end, name: End}
parameters:
  - {id: k, name: K, value: 1, range: [0.5, 2], source: judgement}
`

func TestParamMistakes(t *testing.T) {
	tests := []struct {
		old, new string
		want     string
	}{
		{`value: 1,`, `value: 3,`, `t.yaml:12:29: value 3 is outside the range [0.5, 2]`},
		{`range: [0.5, 2]`, `range: [2, 0.5]`, `t.yaml:12:39: range must be [low, high] with low below high, found [2, 0.5]`},
		{`range: [0.5, 2]`, `range: [1, 1]`, `t.yaml:12:39: range must be [low, high] with low below high, found [1, 1]`},
		{`range: [0.5, 2]`, `range: [0.5]`, `t.yaml:12:39: range must be [low, high], found 1 number(s)`},
		{`range: [0.5, 2], `, ``, `t.yaml:12:5: parameter "k" needs a range as [low, high]`},
		{`value: 1, `, ``, `t.yaml:12:5: parameter "k" needs a value`},
		{`, source: judgement`, ``, `t.yaml:12:5: parameter "k" needs a source: a citation for its range, or the word judgement`},
		{`source: judgement`, `source: judgement, dist: gaussian`, `t.yaml:12:74: dist must be uniform, triangular or normal, found "gaussian"`},
		{`source: judgement`, `source: judgement, dist: normall`, `t.yaml:12:74: dist must be uniform, triangular or normal, found "normall"; did you mean "normal"?`},
		{`source: judgement`, `source: judgement, dist: normal`, `t.yaml:12:5: a normal dist needs an sd above 0, found 0`},
		{`source: judgement`, `source: judgement, dist: normal, sd: -1`, `t.yaml:12:86: a normal dist needs an sd above 0, found -1`},
		{`source: judgement`, `source: judgement, sd: 0.2`, `t.yaml:12:72: sd applies only to dist: normal (this parameter's dist is uniform)`},
		{`value: 1,`, `value: high,`, `t.yaml:12:29: value must be a number, found "high"`},
		{`range: [0.5, 2]`, `range: [0.5, two]`, `t.yaml:12:45: range[1] must be a number, found "two"`},
		{`range: [0.5, 2]`, `range: 2`, `t.yaml:12:39: range must be a list, found "2"`},
		{`{id: k, name: K`, `{id: x, name: K`, "t.yaml:8:104: unknown name \"k\"\nt.yaml:12:10: parameter \"x\" has the id of the variable at t.yaml:6:10"},
		{`{id: k, name: K`, `{id: a, name: K`, "t.yaml:8:104: unknown name \"k\"\nt.yaml:12:10: parameter \"a\" has the id of the actor at t.yaml:4:10"},
		{`{id: k, name: K`, `{id: turn, name: K`, "t.yaml:8:104: unknown name \"k\"\nt.yaml:12:10: name \"turn\" is already used"},
		{`{id: k, name: K`, `{id: K, name: K`, "t.yaml:8:104: unknown name \"k\"; did you mean \"K\"?\nt.yaml:12:10: parameter id \"K\" must be lower-case letters, digits and underscores"},
		{`{id: k, name: K`, `{id: k.x, name: K`, "t.yaml:8:104: unknown name \"k\"\nt.yaml:12:10: parameter id \"k.x\" must be lower-case letters, digits and underscores"},
		{`name: K, `, ``, `t.yaml:12:5: parameter "k" needs a name`},
		{`change: "k * level"`, `change: "kk * level"`, `t.yaml:8:104: unknown name "kk"; did you mean "k"?`},
		{"source: judgement}\n", "source: judgement}\n  - {id: k, name: K2, value: 1, range: [0, 2], source: judgement}\n", `t.yaml:13:10: parameter "k" is defined twice (first at t.yaml:12:10)`},
		{"parameters:\n", "parameters:\n  - 3\n", `t.yaml:12:5: parameters[0] must be a mapping, found "3"`},
		{"parameters:\n", "parameters:\n  -\n", `t.yaml:12:4: parameters[0] is empty: write its fields, or remove the '-'`},
		{"actors:\n", "actors:\n  -\n", `t.yaml:4:4: actors[0] is empty: write its fields, or remove the '-'`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			src := strings.Replace(paramBase, tt.old, tt.new, 1)
			if src == paramBase {
				t.Fatalf("%q not found in the base scenario", tt.old)
			}
			m, err := Load("t.yaml", []byte(src))
			if m != nil {
				t.Fatalf("a broken scenario gave a model")
			}
			if got := strings.TrimSpace(err.(sim.ErrorList).Lines()); got != tt.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
	if _, err := Load("t.yaml", []byte(paramBase)); err != nil {
		t.Fatalf("the base scenario is broken: %v", err)
	}
}

// strategyBase is paramBase with one strategy, whose orders track the
// tests write beside it.
const strategyBase = paramBase + `strategies:
  - {id: push, name: Push, orders: push.yaml}
counterfactual: push
`

const pushTrack = `turns:
  - turn: 1
    orders:
      a: {a.push: on}
`

func TestStrategyMistakes(t *testing.T) {
	tests := []struct {
		old, new string
		track    string // the orders track's text; "" for none
		want     string
	}{
		{`orders: push.yaml}`, `orders: push.yaml, seats: {b: computer:hard}}`, pushTrack, `DIR/t.yaml:14:55: unknown actor "b"`},
		{`orders: push.yaml}`, `orders: push.yaml, seats: {a: computer:harder}}`, pushTrack, `DIR/t.yaml:14:55: seat "a" must be one of computer:easy, computer:normal, computer:hard, found "computer:harder"; did you mean "computer:hard"?`},
		{`orders: push.yaml}`, `orders: push.yaml, seats: {a: person}}`, pushTrack, `DIR/t.yaml:14:55: seat "a" must be one of computer:easy, computer:normal, computer:hard, found "person"`},
		{`counterfactual: push`, `counterfactual: pusj`, pushTrack, `DIR/t.yaml:15:17: unknown strategy "pusj"; did you mean "push"?`},
		{`orders: push.yaml`, `orders: nothere.yaml`, pushTrack, `DIR/t.yaml:14:36: strategy "push": cannot read orders track DIR/nothere.yaml: no such file`},
		{`orders: push.yaml}`, `seats: {a: computer:hard}}`, pushTrack, ``},
		{`orders: push.yaml`, `orders: ""`, pushTrack, `DIR/t.yaml:14:5: strategy "push" needs 'orders' (an orders track) or 'seats'`},
		{`{id: push, name: Push`, `{id: Push, name: Push`, pushTrack, "DIR/t.yaml:14:10: strategy id \"Push\" must be lower-case letters, digits, underscores and dashes\nDIR/t.yaml:15:17: unknown strategy \"push\"; did you mean \"Push\"?"},
		{``, ``, "turns:\n  - turn: 1\n    orders:\n      a: {a.pull: on}\n", "DIR/push.yaml:4:11: unknown lever \"a.pull\"; did you mean \"a.push\"?\nDIR/t.yaml:14:36: strategy \"push\": orders track DIR/push.yaml has 1 mistake(s), listed under it"},
		{`orders: push.yaml}`, `orders: push.yaml, seats: {a: computer:hard}}`, pushTrack, `DIR/t.yaml:14:55: seat "a": the orders track DIR/push.yaml gives a's orders, so no computer plays it`},
		{`orders: push.yaml`, `orders: ../push.yaml`, pushTrack, `DIR/t.yaml:14:36: strategy "push": cannot read orders track ../push.yaml: the path must be relative to the scenario's file and stay inside its directory`},
		{`orders: push.yaml`, `orders: /etc/passwd`, pushTrack, `DIR/t.yaml:14:36: strategy "push": cannot read orders track /etc/passwd: the path must be relative to the scenario's file and stay inside its directory`},
		{`orders: push.yaml`, `orders: .`, pushTrack, `DIR/t.yaml:14:36: strategy "push": cannot read orders track DIR: not a regular file`},
		{``, ``, "turns: [", "DIR/push.yaml:1:1: did not find expected node content\nDIR/t.yaml:14:36: strategy \"push\": orders track DIR/push.yaml has 1 mistake(s), listed under it"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			dir := t.TempDir()
			src := strings.Replace(strategyBase, tt.old, tt.new, 1)
			if err := os.WriteFile(filepath.Join(dir, "push.yaml"), []byte(tt.track), 0o644); err != nil {
				t.Fatal(err)
			}
			m, err := Load(filepath.Join(dir, "t.yaml"), []byte(src))
			if tt.want == "" {
				if err != nil {
					t.Fatalf("error %v, want none", err)
				}
				return
			}
			if m != nil {
				t.Fatalf("a broken scenario gave a model")
			}
			got := strings.ReplaceAll(strings.TrimSpace(err.(sim.ErrorList).Lines()), dir, "DIR")
			if got != tt.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestStrategyTrack(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "push.yaml"), []byte(pushTrack), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := Load(filepath.Join(dir, "t.yaml"), []byte(strategyBase))
	if err != nil {
		t.Fatal(err)
	}
	tr, err := StrategyTrack(m, "push")
	if err != nil {
		t.Fatal(err)
	}
	if o, _ := tr.Orders(3); o["a"]["a.push"] != 1 || !tr.Scripted[0] {
		t.Errorf("turn 3 orders = %v, scripted %v", o, tr.Scripted)
	}
	if _, err := StrategyTrack(m, "pull"); err == nil || err.Error() != `scenario: scenario "base" has no strategy "pull"; did you mean "push"? (it has push)` {
		t.Errorf("unknown strategy: %v", err)
	}
	if m.Scenario.Strategies[0].Orders != "push.yaml" || m.Scenario.Counterfactual != "push" {
		t.Errorf("strategy decoded as %+v, counterfactual %q", m.Scenario.Strategies[0], m.Scenario.Counterfactual)
	}
}

// TestBuiltinStrategies checks that the default scenario's strategies
// load from the embedded files, script only the three allies, and spend
// comparable budgets.
func TestBuiltinStrategies(t *testing.T) {
	m, err := LoadBuiltin(Default)
	if err != nil {
		t.Fatal(err)
	}
	if m.Scenario.Counterfactual != "rely-on-beijing" {
		t.Errorf("counterfactual = %q", m.Scenario.Counterfactual)
	}
	spent := map[string]float64{}
	for _, id := range []string{"combined", "rely-on-beijing"} {
		tr, err := StrategyTrack(m, id)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		var scripted []string
		for ai, a := range m.Scenario.Actors {
			if tr.Scripted[ai] {
				scripted = append(scripted, a.ID)
			}
		}
		if got := strings.Join(scripted, " "); got != "us japan rok" {
			t.Errorf("%s scripts %s, want us japan rok", id, got)
		}
		for turn := 1; turn <= m.Scenario.Meta.Turns; turn++ {
			o, _ := tr.Orders(turn)
			for lid, lvl := range o["us"] {
				spent[id] += m.CostIn(nil, m.LeverIndex(lid), lvl)
			}
		}
	}
	t.Logf("US political capital spent over the game: combined %g, relying on Beijing %g", spent["combined"], spent["rely-on-beijing"])
	if r := spent["rely-on-beijing"] / spent["combined"]; r < 0.75 {
		t.Errorf("relying on Beijing spends %g of the US budget, the combined strategy %g: not comparable", spent["rely-on-beijing"], spent["combined"])
	}
}

func TestLoadBuiltinEdited(t *testing.T) {
	src, err := BuiltinSource(Default)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), "value: 0.9\n", "value: 0.5\n", 1)
	m, err := LoadBuiltinEdited(Default, []byte(edited))
	if err != nil {
		t.Fatal(err)
	}
	if i, _ := m.ParamIndex("denial_to_talks"); m.StatedParams()[i] != 0.5 {
		t.Errorf("the edit is not in the model")
	}
	if _, err := StrategyTrack(m, "rely-on-beijing"); err != nil {
		t.Errorf("the built-in orders tracks were not read: %v", err)
	}
}

// TestStrategyOrdersSymlink: an orders track reached through a symbolic
// link that leads out of the scenario's directory is refused, as a path
// with ".." is, so a scenario from elsewhere reads no other file.
func TestStrategyOrdersSymlink(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "push.yaml"), []byte(pushTrack), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "push.yaml"), filepath.Join(dir, "push.yaml")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	_, err := Load(filepath.Join(dir, "t.yaml"), []byte(strategyBase))
	want := `DIR/t.yaml:14:36: strategy "push": cannot read orders track DIR/push.yaml: the path must be relative to the scenario's file and stay inside its directory`
	if got := strings.ReplaceAll(fmt.Sprint(err), dir, "DIR"); got != want {
		t.Errorf("error\n%s\nwant\n%s", got, want)
	}
}
