package sim_test

import (
	"strings"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// priced is a scenario whose lever's top level costs more as x grows.
const priced = `
format: 1
meta: {id: priced, title: Priced, turns: 6}
actors:
  - {id: a, name: Alpha, budget: 3}
variables:
  - {id: x, name: X, init: 0}
levers:
  - id: a.push
    actor: a
    name: Push
    levels: [none, low, high]
    cost: [0, 1, "1 + x"]
    effects: [{target: x, change: "level"}]
outcomes:
  - {id: limit, name: Limit}
`

func TestCostExpression(t *testing.T) {
	m := load(t, priced)
	g := sim.NewGame(m, 1)
	li, a := m.LeverIndex("a.push"), m.ActorIndex("a")
	if got := m.CostIn(g.State(), li, 2); got != 1 {
		t.Errorf("cost of high at x 0 = %g, want 1", got)
	}
	if c, fixed := m.FixedCost(li, 1); !fixed || c != 1 {
		t.Errorf("FixedCost(low) = %g, %v; want 1, true", c, fixed)
	}
	if _, fixed := m.FixedCost(li, 2); fixed {
		t.Errorf("FixedCost(high) is fixed; want an expression")
	}
	if _, err := g.Play(sim.Orders{"a": {"a.push": 2}}, nil); err != nil {
		t.Fatal(err)
	}
	// x is 2: high costs 3, within the budget of 3.
	if got := m.OrdersCostIn(g.State(), a, []int{2}); got != 3 {
		t.Errorf("orders cost %g at x 2, want 3", got)
	}
	if _, err := g.Play(sim.Orders{"a": {"a.push": 2}}, nil); err != nil {
		t.Fatal(err)
	}
	// x is 4: high costs 5, over the budget.
	s := g.State()
	if _, err := m.Levels(s, sim.Orders{"a": {"a.push": 2}}); err == nil || err.Error() != "sim: orders of a: the orders cost 5, over the budget of 3" {
		t.Errorf("high at x 4: %v", err)
	}
	_, _, drops := m.Sanitize(s, sim.Orders{"a": {"a.push": 2}}, nil)
	if len(drops) != 1 || drops[0].String() != "turn 3: orders of a dropped: they cost 5, over the budget of 3" {
		t.Errorf("Sanitize dropped %v", drops)
	}
	if got := m.CarryForward(s, []int{2}); got[0] != 0 {
		t.Errorf("CarryForward(high) = %v at x 4, want [0]", got)
	}
	if got := m.FitBudget(s, a, map[string]int{"a.push": 2}); got["a.push"] != 1 {
		t.Errorf("FitBudget(high) = %v at x 4, want low", got)
	}
	if got := m.CostsIn(s)[li]; len(got) != 3 || got[2] != 5 {
		t.Errorf("CostsIn = %v, want [0 1 5]", got)
	}
}

// TestCostFault: a cost expression that comes out below 0, or faults, is
// an error with its position when the game reaches that state.
func TestCostFault(t *testing.T) {
	for _, tc := range []struct{ cost, want string }{
		{`"1 - x"`, `sim: turn 1: test.yaml:13:19: the cost of level "high" of lever "a.push" is -1, below 0: a cost must not be negative`},
		{`"1 / (x - 2)"`, `sim: turn 1: test.yaml:13:21: division by zero`},
		{`"log(x - 2)"`, `sim: turn 1: test.yaml:13:19: logarithm of a number that is not positive`},
	} {
		src := strings.Replace(priced, `cost: [0, 1, "1 + x"]`, "cost: [0, 1, "+tc.cost+"]", 1)
		src = strings.Replace(src, "init: 0}", "init: 2}", 1)
		m, err := loadErr(src)
		if err != nil {
			t.Fatalf("%s: %v", tc.cost, err)
		}
		g := sim.NewGame(m, 1)
		if err := g.Err(); err == nil || err.Error() != tc.want {
			t.Errorf("%s: got %v\nwant %s", tc.cost, err, tc.want)
		}
		if got := m.CostIn(g.State(), m.LeverIndex("a.push"), 2); got <= 3 {
			t.Errorf("%s: CostIn = %g, want +Inf (unaffordable)", tc.cost, got)
		}
	}
}

// TestCostLoadErrors: mistakes in costs are reported at load with their
// positions.
func TestCostLoadErrors(t *testing.T) {
	for _, tc := range []struct{ from, to, want string }{
		{`cost: [0, 1, "1 + x"]`, `cost: [0, 1, "1 + y"]`, `test.yaml:13:23: unknown name "y"`},
		{`cost: [0, 1, "1 + x"]`, `cost: ["x", 1, 2]`, `test.yaml:13:13: the first level's cost must be a number: orders fall back to it, so it must be affordable in every state`},
		{`cost: [0, 1, "1 + x"]`, `cost: [0, 1, "x > 1"]`, `test.yaml:13:19: expression is a condition, want a number`},
		{`cost: [0, 1, "1 + x"]`, `cost: [0, 1, "2 + 2"]`, `test.yaml:13:19: level "high" costs 4, more than the budget of 3 of actor "a": it can never be ordered`},
		{`cost: [0, 1, "1 + x"]`, `cost: [0, 1, "1 - 2"]`, `test.yaml:13:19: cost must not be negative`},
		{`cost: [0, 1, "1 + x"]`, `cost: [0, 1, ]`, `test.yaml:13:11: lever "a.push" has 3 levels but 2 costs`},
		{`{id: x, name: X, init: 0}`, `{id: x, name: X, init: 0, visible: [], noise: 1}`, `test.yaml:13:19: the cost of level "high" reads "x", which actor "a" sees only as an estimate: the cost shown on its orders screen would tell it the true value (read a variable it sees exactly)`},
		{`cost: [0, 1, "1 + x"]`, `cost: [0, 1, "1 + random()"]`, `test.yaml:13:23: the cost of level "high" draws a random number, but it is read on the state, not played: it would come out the same in every game (draw the chance in a rule or an effect)`},
		{`cost: [0, 1, "1 + x"]`, `cost: [0, 1, "max(1, x + noise(2))"]`, `test.yaml:13:30: the cost of level "high" draws a random number, but it is read on the state, not played: it would come out the same in every game (draw the chance in a rule or an effect)`},
		{`budget: 3}`, `budget: 3, budget_formula: "3 * random()"}`, `test.yaml:5:58: the budget_formula draws a random number, but it is read on the state, not played: it would come out the same in every game (draw the chance in a rule or an effect)`},
		{`budget: 3}`, `}`, `test.yaml:13:11: actor "a" has no 'budget', so it can never order a level of lever "a.push" that costs more than 0: give the actor a budget`},
	} {
		src := strings.Replace(priced, tc.from, tc.to, 1)
		_, err := loadErr(src)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v\nwant %s", tc.to, err, tc.want)
		}
	}
}

// BenchmarkCostsIn reads every level's cost in a state of hormuz-2019,
// whose convoy is priced by the danger in the strait.
func BenchmarkCostsIn(b *testing.B) {
	m, err := scenarios.LoadBuiltin("hormuz-2019")
	if err != nil {
		b.Fatal(err)
	}
	s := sim.NewGame(m, 1).State()
	b.ReportAllocs()
	for b.Loop() {
		m.CostsIn(s)
	}
}

// BenchmarkOrdersCostIn prices the United States' orders, a convoy
// among them, in a state of hormuz-2019.
func BenchmarkOrdersCostIn(b *testing.B) {
	m, err := scenarios.LoadBuiltin("hormuz-2019")
	if err != nil {
		b.Fatal(err)
	}
	s := sim.NewGame(m, 1).State()
	levels := make([]int, m.NumLevers())
	levels[m.LeverIndex("us.escort")] = 2
	us := m.ActorIndex("us")
	b.ReportAllocs()
	for b.Loop() {
		m.OrdersCostIn(s, us, levels)
	}
}

// TestCostReadsParameter: a cost may not read a parameter, whose drawn
// value the orders screen would show.
func TestCostReadsParameter(t *testing.T) {
	src := strings.Replace(priced, `cost: [0, 1, "1 + x"]`, `cost: [0, 1, "1 + p"]`, 1)
	src = strings.Replace(src, "outcomes:", "parameters:\n  - {id: p, name: P, value: 1, range: [0, 2], source: judgement}\noutcomes:", 1)
	want := `test.yaml:13:19: the cost of level "high" reads parameter "p", whose value in a game of drawn parameters actor "a" does not know: the cost shown on its orders screen would tell it (write the parameter's stated value)`
	if _, err := loadErr(src); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

// TestCostTurn: a cost expression reads 'turn' as the turn about to be
// played, like 'requires'.
func TestCostTurn(t *testing.T) {
	m := load(t, strings.Replace(priced, `cost: [0, 1, "1 + x"]`, `cost: [0, 1, "turn"]`, 1))
	g := sim.NewGame(m, 1)
	li := m.LeverIndex("a.push")
	if got := m.CostIn(g.State(), li, 2); got != 1 {
		t.Errorf("cost on turn 1 = %g, want 1", got)
	}
	if _, err := g.Play(sim.Orders{}, nil); err != nil {
		t.Fatal(err)
	}
	if got := m.CostIn(g.State(), li, 2); got != 2 {
		t.Errorf("cost on turn 2 = %g, want 2", got)
	}
}

// TestConditionDraws: a lever's 'requires' and 'level_requires' are read
// on the state with no generator of the game's, like a cost, so a random
// number in them is an error at load, at the call.
func TestConditionDraws(t *testing.T) {
	const tail = " draws a random number, but it is read on the state, not played: it would come out the same in every game (draw the chance in a rule or an effect)"
	for _, tc := range []struct{ to, want string }{
		{"cost: [0, 1, \"1 + x\"]\n    requires: \"random() < 0.5\"", `test.yaml:14:16: the 'requires' of lever "a.push"` + tail},
		{"cost: [0, 1, \"1 + x\"]\n    level_requires: {high: \"x + noise(1) > 0\"}", `test.yaml:14:33: the 'level_requires' of level "high"` + tail},
	} {
		src := strings.Replace(priced, `cost: [0, 1, "1 + x"]`, tc.to, 1)
		_, err := loadErr(src)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v\nwant %s", tc.to, err, tc.want)
		}
	}
}
