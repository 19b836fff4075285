package ai_test

import (
	"reflect"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// TestPlayerSameDecisions checks that a Player reused from decision to
// decision, across actors, difficulties, games and scenarios, decides as
// Plan does, bit for bit; and that a brief one differs only in leaving
// out the explanation, the reasons and the alternative.
func TestPlayerSameDecisions(t *testing.T) {
	var full, brief ai.Player
	brief.Brief = true
	for _, name := range []string{scenarios.Default, "nile-2020", "hormuz-2019", scenarios.Default} {
		m, err := scenarios.LoadBuiltin(name)
		if err != nil {
			t.Fatal(err)
		}
		diff := mixed(m)
		for seed := uint64(1); seed <= 2; seed++ {
			g := sim.NewGame(m, seed)
			for !g.Over() {
				o, c := sim.Orders{}, sim.Choices{}
				for ai0, a := range m.Scenario.Actors {
					want := ai.Decide(g, ai0, diff[ai0])
					got := full.Plan(m, g.State(), g.View(ai0), g.Seed, ai0, diff[ai0])
					if !reflect.DeepEqual(got, want) {
						t.Fatalf("%s seed %d turn %d %s: reused Player decided\n%+v\nPlan\n%+v", name, seed, g.Turn(), a.ID, got, want)
					}
					short := brief.Plan(m, g.State(), g.View(ai0), g.Seed, ai0, diff[ai0])
					if short.Explain != "" || short.Reasons != nil || short.Alternative != nil {
						t.Fatalf("%s turn %d %s: a brief decision explains: %+v", name, g.Turn(), a.ID, short)
					}
					want.Explain, want.Reasons, want.Alternative = "", nil, nil
					if !reflect.DeepEqual(short, want) {
						t.Fatalf("%s seed %d turn %d %s: brief Player decided\n%+v\nPlan\n%+v", name, seed, g.Turn(), a.ID, short, want)
					}
					o[a.ID] = got.Orders
					for k, v := range got.Choices {
						if _, ok := c[k]; !ok {
							c[k] = v
						}
					}
				}
				if _, err := g.Play(o, c); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}
