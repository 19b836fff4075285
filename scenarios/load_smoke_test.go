package scenarios

import (
	"testing"

	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

func TestBuiltinPlays(t *testing.T) {
	for _, name := range Builtin() {
		t.Run(name, func(t *testing.T) {
			m, err := LoadBuiltin(name)
			if err != nil {
				t.Fatal(err)
			}
			g := sim.NewGame(m, m.Scenario.Meta.Seed)
			all := make([]bool, len(m.Scenario.Actors))
			for i := range all {
				all[i] = true
			}
			for !g.Over() {
				o, c := sim.Orders{}, sim.Choices{}
				ai.Play(g, ai.Greedy{}, all, o, c)
				if _, err := g.Play(o, c); err != nil {
					t.Fatalf("turn %d: %v", g.Turn(), err)
				}
			}
			t.Logf("%s after %d turns: %s", name, g.Turn()-1, g.Outcome().Name)
		})
	}
}
