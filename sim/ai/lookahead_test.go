package ai_test

import (
	"reflect"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// TestLookaheadSameDecisions plays 20 full games of each built-in, the
// actors at every difficulty in turn, and checks that every decision is
// the same whether the planner plays its candidates out with a ledger
// (sim.Stepper.Step) or without (Advance, what it uses), and that a game
// in look-ahead mode given the same orders ends in the same state and
// record.
func TestLookaheadSameDecisions(t *testing.T) {
	games := 20
	if testing.Short() {
		games = 2
	}
	defer ai.SetRecordPlayOuts(false)
	for _, name := range scenarios.Builtin() {
		m, err := scenarios.LoadBuiltin(name)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(name, func(t *testing.T) {
			n := len(m.Scenario.Actors)
			all := make([]bool, n)
			for i := range all {
				all[i] = true
			}
			for k := range games {
				diff := make([]ai.Difficulty, n)
				for i := range diff {
					diff[i] = ai.Difficulties[(i+k)%len(ai.Difficulties)]
				}
				seed := m.Scenario.Meta.Seed + uint64(k)
				g, gl := sim.NewGame(m, seed), sim.NewGame(m, seed)
				gl.SetLookahead(true)
				for !g.Over() {
					o, c := sim.Orders{}, sim.Choices{}
					ai.SetRecordPlayOuts(true)
					want := ai.Fill(g, diff, all, o, c)
					ai.SetRecordPlayOuts(false)
					ol, cl := sim.Orders{}, sim.Choices{}
					got := ai.Fill(gl, diff, all, ol, cl)
					if !reflect.DeepEqual(got, want) {
						t.Fatalf("game %d turn %d: decisions without a ledger\n%+v\nwant\n%+v", k, g.Turn(), got, want)
					}
					if _, err := g.Play(o, c); err != nil {
						t.Fatalf("game %d turn %d: %v", k, g.Turn(), err)
					}
					if _, err := gl.Play(ol, cl); err != nil {
						t.Fatalf("game %d turn %d: look-ahead game: %v", k, gl.Turn(), err)
					}
					if !reflect.DeepEqual(gl.State().Vals, g.State().Vals) || gl.State().RNG != g.State().RNG {
						t.Fatalf("game %d turn %d: the look-ahead game's state differs", k, g.Turn())
					}
				}
				if !reflect.DeepEqual(gl.Record(), g.Record()) {
					t.Errorf("game %d: the look-ahead game's record differs", k)
				}
			}
		})
	}
}
