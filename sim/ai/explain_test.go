package ai_test

import (
	"strings"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// still is a scenario in which nothing Alpha does can move its one
// objective.
const still = `
format: 1
meta: {id: still, title: Still, turns: 3}
actors:
  - {id: a, name: Alpha, budget: 1, objectives: [{id: rich, name: Rich, score: "a.money"}]}
variables:
  - {id: a.money, name: Money, init: 10}
  - {id: a.noise, name: Noise, init: 0}
levers:
  - {id: a.shout, actor: a, name: Shout, levels: [quiet, loud_voice], cost: [0, 1], effects: [{target: a.noise, change: "level"}]}
outcomes:
  - {id: limit, name: Limit}
`

// TestExplainNoChange checks that a computer player's reasons never show
// an objective that does not move as "+0": with nothing moving they say
// so in words.
func TestExplainNoChange(t *testing.T) {
	m, err := scenarios.Load("still.yaml", []byte(still))
	if err != nil {
		t.Fatal(err)
	}
	for _, diff := range ai.Difficulties {
		d := ai.Decide(sim.NewGame(m, 1), m.ActorIndex("a"), diff)
		if strings.Contains(d.Explain, "+0") || strings.Contains(d.Explain, "Rich") {
			t.Errorf("%v: %q names an objective that does not move", diff, d.Explain)
		}
		if !strings.Contains(d.Explain, "ahead, it expects no change in its objectives.") {
			t.Errorf("%v: %q does not say that nothing moves", diff, d.Explain)
		}
	}
}
