package lint

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sixparty/sixparty/scenarios"
)

const src = `format: 1
meta: {id: t, title: T, turns: 4, seed: 1}
actors:
  - {id: a, name: A, budget: 2, objectives: [{id: up, score: x}]}
  - {id: b, name: B}
variables:
  - {id: x, name: X, init: 0}
  - {id: unused, name: Unused, init: 1}
  - {id: shown, name: Shown, init: 1}
levers:
  - {id: a.push, actor: a, levels: [off, on], cost: [0, 1], effects: [{target: x, change: "1"}]}
  - {id: a.idle, actor: a, levels: [off, on]}
  - {id: a.read, actor: a, levels: [off, on], cost: [0, 1]}
rules:
  - {id: show, target: shown, change: "a.read"}
events:
  - {id: early, turn: 1}
  - {id: never, when: "x < -100"}
outcomes:
  - {id: big, when: "x > 1000"}
  - {id: limit}
`

func TestCheck(t *testing.T) {
	m, err := scenarios.Load("t.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	res := Check(m, Options{Games: 5, Workers: 2})
	for _, w := range res.Warnings {
		got = append(got, w.String())
	}
	if len(res.Errors) != 0 || len(res.Notes) != 0 || res.Games != 5 {
		t.Errorf("errors %v, notes %q, %d games; want none, none and 5", res.Errors, res.Notes, res.Games)
	}
	want := []string{
		`t.yaml:5:10: warning: actor "b" has no levers`,
		`t.yaml:8:10: warning: variable "unused" is neither read nor changed by anything`,
		`t.yaml:12:10: warning: lever "a.idle" has no effect: it has no effects and no expression reads it`,
		`t.yaml:18:10: warning: event "never" never fired in 5 computer-played games`,
		`t.yaml:20:10: warning: outcome "big" ended none of 5 computer-played games`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	if n := len(Check(m, Options{Games: -1}).Warnings); n != 3 {
		t.Errorf("static only: %d warnings, want 3", n)
	}
}

// faulty is a scenario whose rules fault in play, on a turn that no
// order changes; each test case swaps in one rule.
const faulty = `format: 1
meta: {id: f, title: F, turns: 6, seed: 10}
actors:
  - {id: a, name: A, budget: 1, objectives: [{id: up, score: x}]}
variables:
  - {id: x, name: X, init: 0}
  - {id: y, name: Y, init: 1}
levers:
  - {id: a.push, actor: a, levels: [off, on], cost: [0, 1], effects: [{target: y, change: "level"}]}
rules:
  - {id: clock, target: x, change: "1"}
  - RULE
events:
  - {id: later, when: "x > 4"}
outcomes:
  - {id: limit}
`

// TestFaultsAreErrors checks that every fault met in the games played is
// an error at the formula, with the turn and seed that met it, and that
// the warnings about what never happened, which would only repeat the
// fault, are left out.
func TestFaultsAreErrors(t *testing.T) {
	tests := []struct{ rule, want string }{
		{`{id: r, target: y, change: "1 / (3 - x)"}`,
			"f.yaml:12:35: division by zero (in 50 of 50 games; first on turn 3, seed 10, computer players at easy: reproduce with 'sixparty run f.yaml --seed 10 --difficulty easy')"},
		{`{id: r, target: y, change: "log(2 - x)"}`,
			"f.yaml:12:33: logarithm of a number that is not positive (in 50 of 50 games; first on turn 2, seed 10, computer players at easy: reproduce with 'sixparty run f.yaml --seed 10 --difficulty easy')"},
		{`{id: r, target: y, set: "exp(400 * x)"}`,
			"f.yaml:12:30: exp overflow (in 50 of 50 games; first on turn 2, seed 10, computer players at easy: reproduce with 'sixparty run f.yaml --seed 10 --difficulty easy')"},
		{`{id: r, target: y, set: "y * 1e200"}`,
			"f.yaml:12:32: arithmetic overflow (in 50 of 50 games; first on turn 2, seed 10, computer players at easy: reproduce with 'sixparty run f.yaml --seed 10 --difficulty easy')"},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			m, err := scenarios.Load("f.yaml", []byte(strings.Replace(faulty, "RULE", tt.rule, 1)))
			if err != nil {
				t.Fatal(err)
			}
			res := Check(m, Options{Games: 100, Workers: 2})
			if got := strings.TrimSpace(res.Errors.Lines()); got != tt.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tt.want)
			}
			if len(res.Warnings) != 0 {
				t.Errorf("warnings %v, want none (the event never fires only because the games fault)", res.Warnings)
			}
		})
	}
	// The same scenario without the fault plays.
	m, err := scenarios.Load("f.yaml", []byte(strings.Replace(faulty, "RULE", `{id: r, target: y, change: "0"}`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	if res := Check(m, Options{Games: 10, Workers: 2}); len(res.Errors) != 0 {
		t.Errorf("errors without the fault: %v", res.Errors)
	}
}

// TestLimits checks that a scenario of many turns is played in fewer
// games, and that the time budget stops the games, each saying so.
func TestLimits(t *testing.T) {
	m, err := scenarios.Load("t.yaml", []byte(strings.Replace(src, "turns: 4", "turns: 400", 1)))
	if err != nil {
		t.Fatal(err)
	}
	res := Check(m, Options{Games: 100, Workers: 2})
	if want := []string{"played 30 games, not 100: at 400 turns a game, validate plays at most 12000 turns"}; !reflect.DeepEqual(res.Notes, want) || res.Games != 30 {
		t.Errorf("notes %q after %d games, want %q after 30", res.Notes, res.Games, want)
	}
	res = Check(m, Options{Games: 20, Workers: 1, Budget: time.Nanosecond})
	if want := []string{"stopped after 1ns: played 1 of 20 games"}; !reflect.DeepEqual(res.Notes, want) || res.Games != 1 {
		t.Errorf("notes %q after %d games, want %q after 1", res.Notes, res.Games, want)
	}
}

func ExampleReads() {
	m, _ := scenarios.Load("t.yaml", []byte(src))
	r := Reads(m.Scenario)
	fmt.Println(r["x"], r["a.read"], r["unused"])
	// Output: true true false
}

// played is a scenario of six turns that plays without a fault; each case
// of TestFaultsOutsideRules adds to it a lever, a rule or a check (LEVER,
// RULE, CHECK) that faults.
const played = `format: 1
meta: {id: p, title: P, turns: 6, seed: 10}
actors:
  - {id: a, name: A, budget: 3, objectives: [{id: up, score: x}]}
variables:
  - {id: x, name: X, init: 0}
levers:
  - {id: a.push, actor: a, levels: [off, on], cost: [0, 1], effects: [{target: x, change: "level"}]}
  - {id: a.push2, actor: a, levels: [off, on], cost: [0, 1], effects: [{target: x, change: "level"}]}
  - {id: a.push3, actor: a, levels: [off, on], cost: [0, 1], effects: [{target: x, change: "level"}]}
  - LEVER
rules:
  - {id: clock, target: x, change: "1"}
outcomes:
  - {id: limit}
checks:
  - CHECK
`

// TestFaultsOutsideRules checks that faults met elsewhere than in a rule
// are errors like those: one line per fault, at its position, counting
// the games that met it. A check's 'expect' is evaluated after the game
// ('sixparty check' reproduces it, not 'run'); a lever's 'requires' in
// every state a game reaches, whether or not the lever is ordered; and a
// lever level that computer players never order is still played, by the
// batch of random orders that validate always plays.
func TestFaultsOutsideRules(t *testing.T) {
	const fine = `{id: a.idle, actor: a, levels: [off, on], effects: [{target: x, change: "0"}]}`
	const share = `{outcome: limit, share: [0, 1]}`
	tests := []struct{ name, lever, check, want string }{
		{"check", fine, `{name: c, expect: "1 / (x - x) > 0", share: [0, 1]}`,
			"p.yaml:17:26: division by zero (in 50 of 50 games; first on turn 6, seed 10, computer players at easy, evaluating the balance checks: reproduce with 'sixparty check p.yaml --games 1')"},
		{"requires", `{id: a.wait, actor: a, levels: [off, on], requires: "log(9 - x) > 0", effects: [{target: x, change: "0"}]}`, share,
			"p.yaml:11:58: logarithm of a number that is not positive (in 50 of 50 games; first on turn 3, seed 10, computer players at easy: reproduce with 'sixparty run p.yaml --seed 10 --difficulty easy')"},
		{"level computers avoid", `{id: a.harm, actor: a, levels: [off, on], cost: [0, 1], effects: [{target: x, change: "-1 / (level - 1)"}]}`, share,
			"p.yaml:11:95: division by zero (in 50 of 100 games; first on turn 2, seed 60, random legal orders, which 'sixparty run' does not play)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(strings.Replace(played, "LEVER", tt.lever, 1), "CHECK", tt.check, 1)
			m, err := scenarios.Load("p.yaml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			res := Check(m, Options{Games: 300, Workers: 2})
			if got := strings.TrimSpace(res.Errors.Lines()); got != tt.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// declared is a scenario whose outcome "big" only a declared strategy
// reaches: at the stated boost (10) x reaches at most 14 (one surge, on
// turn 3, and a push every turn), which validate's computer players and
// random orders play at; the strategy 'surge' plays exactly that over
// drawn parameters, and a boost above 11 ends the game in "big".
const declared = `format: 1
meta: {id: d, title: D, turns: 4, seed: 1}
actors:
  - {id: a, name: A, budget: 1, objectives: [{id: up, score: x}]}
  - {id: b, name: B, budget: 1, objectives: [{id: calm, score: "-x"}]}
variables:
  - {id: x, name: X, init: 0}
levers:
  - {id: a.push, actor: a, levels: [off, on], cost: [0, 1], effects: [{target: x, change: "1"}]}
  - {id: b.surge, actor: b, levels: [off, on], cost: [0, 1], requires: "turn == 3", effects: [{target: x, change: "boost"}]}
outcomes:
  - {id: big, when: "x > 15"}
  - {id: limit}
parameters:
  - {id: boost, name: Boost, value: 10, range: [8, 16], source: judgement}
strategies:
  - {id: surge, name: Surge, orders: surge.yaml}
`

const surgeTrack = `scenario: d
turns:
  - turn: 1
    orders:
      a: {a.push: on}
  - turn: 3
    orders:
      a: {a.push: on}
      b: {b.surge: on}
  - turn: 4
    orders:
      a: {a.push: on}
      b: {b.surge: off}
`

// TestDeclaredStrategies checks that validate's games include the
// scenario's declared strategies (over drawn parameters), so that an
// outcome only they reach is not reported as never happening; without
// the strategy the same scenario gets the warning.
func TestDeclaredStrategies(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		t.Helper()
		p := dir + "/" + name
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("surge.yaml", surgeTrack)
	m, err := scenarios.LoadFile(write("d.yaml", declared))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range Check(m, Options{Games: 150, Workers: 2}).Warnings {
		if strings.Contains(w.String(), `outcome "big"`) {
			t.Errorf("with the strategy declared: %s", w)
		}
	}
	plain := strings.Split(declared, "strategies:")[0]
	m, err = scenarios.LoadFile(write("p.yaml", plain))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range Check(m, Options{Games: 150, Workers: 2}).Warnings {
		found = found || strings.Contains(w.String(), `outcome "big" ended none of 150 computer-played games`)
	}
	if !found {
		t.Errorf("without the strategy, no warning that outcome \"big\" never happens")
	}
}

// TestReadsGates checks that a variable read only by a budget formula or
// a level's condition counts as read: Static does not call it unused.
func TestReadsGates(t *testing.T) {
	s := strings.Replace(src, "budget: 2, objectives", `budget: 2, budget_formula: "1 + unused", objectives`, 1)
	s = strings.Replace(s, "{id: a.idle, actor: a, levels: [off, on]}", `{id: a.idle, actor: a, levels: [off, on, full], level_requires: {full: "shown > 0"}}`, 1)
	m, err := scenarios.Load("t.yaml", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	r := Reads(m.Scenario)
	if !r["unused"] || !r["shown"] {
		t.Errorf("Reads: unused %v, shown %v, want both read", r["unused"], r["shown"])
	}
	for _, w := range Static(m) {
		if strings.Contains(w.Msg, `"unused"`) {
			t.Errorf("Static: %s", w.Msg)
		}
	}
}
