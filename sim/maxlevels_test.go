package sim_test

import (
	"slices"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// TestMaxLevels holds MaxLevels, which the computer players ask once per
// state, to MaxLevel lever by lever in every state of games of random
// legal orders of each built-in, so commitments, gated levels and
// preconditions cap both alike.
func TestMaxLevels(t *testing.T) {
	for _, name := range scenarios.Builtin() {
		m, err := scenarios.LoadBuiltin(name)
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		for seed := range uint64(4) {
			g := sim.NewGame(m, seed)
			for {
				s := g.State()
				got = m.MaxLevels(s, got)
				want := make([]int, m.NumLevers())
				for li := range want {
					want[li] = m.MaxLevel(s, li)
				}
				if !slices.Equal(got, want) {
					t.Fatalf("%s seed %d turn %d: MaxLevels %v, want %v", name, seed, s.Turn, got, want)
				}
				if g.Over() {
					break
				}
				o, c := sim.Orders{}, sim.Choices{}
				for i, a := range m.Scenario.Actors {
					o[a.ID] = ai.Explore(g, i)
					for e, opt := range ai.Choose(g, i) {
						c[e] = opt
					}
				}
				if _, err := g.Play(o, c); err != nil {
					t.Fatalf("%s seed %d turn %d: %v", name, seed, s.Turn, err)
				}
			}
		}
	}
}
