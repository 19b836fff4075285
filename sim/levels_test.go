package sim_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/sim"
)

// gated is a scenario whose lever's top level needs the state's leave.
const gated = `
format: 1
meta: {id: gated, title: Gated, turns: 4}
actors:
  - {id: a, name: Alpha, budget: 3}
variables:
  - {id: x, name: X, init: 0}
levers:
  - id: a.push
    actor: a
    name: Push
    levels: [none, low, high, all]
    cost: [0, 1, 2, 3]
    level_requires: {high: "x >= 1", all: "x >= 2"}
    effects: [{target: x, change: "level"}]
outcomes:
  - {id: limit, name: Limit}
`

func TestLevelRequires(t *testing.T) {
	m := load(t, gated)
	g := sim.NewGame(m, 1)
	li := m.LeverIndex("a.push")
	// x is 0: low only.
	if got := m.MaxLevel(g.State(), li); got != 1 {
		t.Errorf("MaxLevel = %d at x 0, want 1", got)
	}
	if _, err := g.Play(sim.Orders{"a": {"a.push": 2}}, nil); err == nil || err.Error() != "sim: orders of a: a.push: not available at high: high requires x >= 1" {
		t.Errorf("high at x 0: %v", err)
	}
	_, _, drops := m.Sanitize(g.State(), sim.Orders{"a": {"a.push": 3}}, nil)
	if len(drops) != 1 || drops[0].String() != "turn 1: a: a.push=3 dropped: not available at all: high requires x >= 1" {
		t.Errorf("Sanitize dropped %v", drops)
	}
	if _, err := g.Play(sim.Orders{"a": {"a.push": 1}}, nil); err != nil {
		t.Fatal(err)
	}
	// x is 1: high, not all; CarryForward lowers an order of all.
	if got := m.MaxLevel(g.State(), li); got != 2 {
		t.Errorf("MaxLevel = %d at x 1, want 2", got)
	}
	if got := m.CarryForward(g.State(), []int{3})[0]; got != 2 {
		t.Errorf("CarryForward(all) = %d at x 1, want 2", got)
	}
	if _, err := g.Play(sim.Orders{"a": {"a.push": 2}}, nil); err != nil {
		t.Fatal(err)
	}
	// x is 3: every level.
	if got := m.MaxLevel(g.State(), li); got != 3 {
		t.Errorf("MaxLevel = %d at x 3, want 3", got)
	}
}

func TestLevelRequiresMistakes(t *testing.T) {
	tests := []struct{ old, new, want string }{
		{`{high: "x >= 1", all: "x >= 2"}`, `{hihg: "x >= 1"}`, `test.yaml:14:22: lever "a.push" has no level "hihg"; did you mean "high"?`},
		{`{high: "x >= 1", all: "x >= 2"}`, `{none: "x >= 1"}`, `test.yaml:14:22: level "none" is the lever's first level, always allowed: gate the levels above it`},
		{`{high: "x >= 1", all: "x >= 2"}`, `{high: "y >= 1"}`, `test.yaml:14:29: unknown name "y"`},
		{`{high: "x >= 1", all: "x >= 2"}`, `{high: "x + 1"}`, `test.yaml:14:29: expression is a number, want a condition`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			src := strings.Replace(gated, tt.old, tt.new, 1)
			_, err := loadErr(src)
			if err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			if got := strings.TrimSpace(err.(sim.ErrorList).Lines()); got != tt.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// growing is a scenario whose actor's budget grows with its support.
const growing = `
format: 1
meta: {id: growing, title: Growing, turns: 4}
actors:
  - {id: a, name: Alpha, budget: 4, budget_formula: "1 + support / 10", objectives: [{id: s, name: S, score: "support"}]}
variables:
  - {id: support, name: Support, init: 0}
levers:
  - {id: a.rally, actor: a, name: Rally, levels: [none, one, two, three], cost: [0, 1, 2, 3], effects: [{target: support, change: "10 * level"}]}
outcomes:
  - {id: limit, name: Limit}
`

// TestBudgetFormulaReads checks that a budget formula, whose budget is
// shown to its actor's seat, may read only what the actor sees exactly,
// and no parameter, as a cost expression may (TestCostLoadErrors).
func TestBudgetFormulaReads(t *testing.T) {
	base := strings.NewReplacer(
		"variables:", "  - {id: b, name: Beta}\nvariables:",
		"outcomes:", "parameters:\n  - {id: base, name: Base, value: 1, range: [0, 2], source: judgement}\noutcomes:",
	).Replace(growing)
	for _, tt := range []struct{ old, new, want string }{
		{"init: 0}", "init: 0, visible: [], noise: 1}", `test.yaml:5:54: the budget_formula reads "support", which actor "a" sees only as an estimate: the budget shown on its orders screen would tell it the true value (read a variable it sees exactly)`},
		{"init: 0}", "init: 0, visible: []}", `test.yaml:5:54: the budget_formula reads "support", which actor "a" sees only as an estimate: the budget shown on its orders screen would tell it the true value (read a variable it sees exactly)`},
		{`"1 + support / 10"`, `"base + support / 10"`, `test.yaml:5:54: the budget_formula reads parameter "base", whose value in a game of drawn parameters actor "a" does not know: the budget shown on its orders screen would tell it (write the parameter's stated value)`},
		{"init: 0}", "init: 0, visible: [a], noise: 1}", ""}, // b sees an estimate: its budget does not read it
		{`"1 + support / 10"`, `"1 + a.rally"`, ""},
	} {
		src := strings.Replace(base, tt.old, tt.new, 1)
		if src == base {
			t.Fatalf("%q not found", tt.old)
		}
		_, err := loadErr(src)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v, want no error", tt.new, err)
		case tt.want != "" && (err == nil || err.Error() != tt.want):
			t.Errorf("%s: got %v\nwant %s", tt.new, err, tt.want)
		}
	}
}

func TestBudgetFormula(t *testing.T) {
	m := load(t, growing)
	g := sim.NewGame(m, 1)
	if b := m.BudgetIn(g.State(), 0); b != 1 {
		t.Errorf("budget at support 0 = %v, want 1", b)
	}
	if _, err := g.Play(sim.Orders{"a": {"a.rally": 2}}, nil); err == nil || err.Error() != "sim: orders of a: the orders cost 2, over the budget of 1" {
		t.Errorf("two at budget 1: %v", err)
	}
	if got := m.FitBudget(g.State(), 0, map[string]int{"a.rally": 3}); got["a.rally"] != 1 {
		t.Errorf("FitBudget(three) = %v at budget 1, want one", got)
	}
	if _, err := g.Play(sim.Orders{"a": {"a.rally": 1}}, nil); err != nil {
		t.Fatal(err)
	}
	// Support 10: a budget of 2.
	if b := m.BudgetIn(g.State(), 0); b != 2 {
		t.Errorf("budget at support 10 = %v, want 2", b)
	}
	if _, err := g.Play(sim.Orders{"a": {"a.rally": 2}}, nil); err != nil {
		t.Fatal(err)
	}
	// Support 30: 4, capped at 'budget'.
	if b := m.BudgetIn(g.State(), 0); b != 4 {
		t.Errorf("budget at support 30 = %v, want 4 (the cap)", b)
	}
	for _, tt := range []struct{ old, new, want string }{
		{`budget: 4, budget_formula: "1 + support / 10"`, `budget_formula: "1 + support / 10"`, "test.yaml:5:43: actor \"a\" has a budget_formula but no 'budget': give the most its budget can be"},
		{`"1 + support / 10"`, `"1 + suport / 10"`, `test.yaml:5:58: unknown name "suport"; did you mean "support"?`},
	} {
		_, err := loadErr(strings.Replace(growing, tt.old, tt.new, 1))
		if err == nil || !strings.Contains(err.(sim.ErrorList).Lines(), tt.want) {
			t.Errorf("error %v, want %s", err, tt.want)
		}
	}
}

// TestLevelName shows what players read for a level: its label when the
// scenario gives labels, else its identifier with spaces for underscores.
func TestLevelName(t *testing.T) {
	plain := sim.Lever{ID: "a.s", Levels: []string{"none", "sanction_users", "show_of_force"}}
	named := sim.Lever{ID: "a.s", Levels: []string{"none", "sanction_users"}, Labels: []string{"None", "Sanction users"}}
	tests := []struct {
		l    sim.Lever
		k    int
		want string
	}{
		{plain, 0, "none"},
		{plain, 1, "sanction users"},
		{plain, 2, "show of force"},
		{named, 0, "None"},
		{named, 1, "Sanction users"},
		{plain, 3, "3"},
		{plain, -1, "-1"},
	}
	for _, tt := range tests {
		if got := tt.l.LevelName(tt.k); got != tt.want {
			t.Errorf("LevelName(%d) of %v = %q, want %q", tt.k, tt.l.Levels, got, tt.want)
		}
	}
}

// ExampleLever_LevelName shows a level's display name with and without
// labels.
func ExampleLever_LevelName() {
	l := sim.Lever{Levels: []string{"as_usual", "show_of_force"}}
	fmt.Println(l.LevelName(1))
	l.Labels = []string{"As usual", "Show of force"}
	fmt.Println(l.LevelName(1))
	// Output:
	// show of force
	// Show of force
}
