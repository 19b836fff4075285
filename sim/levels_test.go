package sim_test

import (
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
