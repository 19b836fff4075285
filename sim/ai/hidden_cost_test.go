package ai_test

import (
	"reflect"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// TestPlanHiddenCost checks that a computer player prices another actor's
// levers as it sees the state, not as it is: B's push costs money / 10,
// and money is B's alone, so A's decision must be the same whatever the
// true money, given the same view (A sees money as an estimate).
func TestPlanHiddenCost(t *testing.T) {
	src := `format: 1
meta: {id: hidden, title: Hidden cost, start: 2020-01, turns: 3, seed: 1}
actors:
  - {id: a, name: A, budget: 2, objectives: [{id: x, name: Keep x, score: "x"}]}
  - {id: b, name: B, budget: 2, objectives: [{id: y, name: Lower x, score: "-x"}]}
variables:
  - {id: x, name: X, init: 10}
  - {id: money, name: Money, init: 10, min: 0, max: 100, visible: [b], noise: 1}
levers:
  - {id: a.hold, actor: a, name: Hold, levels: [off, on, hard], cost: [0, 1, 2], effects: [{target: x, change: "level * 1.5"}]}
  - {id: a.save, actor: a, name: Save, levels: [off, on], cost: [0, 1], effects: [{target: x, change: "0.5"}]}
  - {id: b.push, actor: b, name: Push, levels: [off, on], cost: [0, "money / 10"], effects: [{target: x, change: "-5 * level"}]}
outcomes:
  - {id: end, name: End}
`
	m, err := scenarios.Load("hidden.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	g := sim.NewGame(m, 1)
	money := m.VarIndex("money")
	// On turn 1 B has no orders to carry forward; on turn 2 its push of
	// turn 1 is carried forward only if it can still afford it.
	for turn := 1; turn <= 2; turn++ {
		v := g.View(0)
		for _, d := range ai.Difficulties {
			var want ai.Decision
			for k, truth := range []float64{10, 30, 0} { // B can afford its push at 10 and 0, not at 30
				s := g.State().Clone()
				s.Vals[money] = truth
				got := ai.Plan(m, s, v, g.Seed, 0, d)
				if k == 0 {
					want = got
					continue
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("turn %d, %v: with B's money at %g (A's view unchanged) A decided\n%+v\nat 10\n%+v", turn, d, truth, got, want)
				}
			}
		}
		if _, err := g.Play(sim.Orders{"b": {"b.push": 1}}, nil); err != nil {
			t.Fatal(err)
		}
	}
}
