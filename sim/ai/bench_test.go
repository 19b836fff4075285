package ai_test

import (
	"testing"

	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// benchDecide times one actor's decision at difficulty d on the first turn
// of the default scenario, where the lookahead is longest, cycling through
// the actors.
func benchDecide(b *testing.B, d ai.Difficulty) {
	m := load(b, "")
	g := sim.NewGame(m, m.Scenario.Meta.Seed)
	n := len(m.Scenario.Actors)
	steps := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		steps += ai.Decide(g, i%n, d).Steps
	}
	b.ReportMetric(float64(steps)/float64(b.N), "steps/op")
}

// BenchmarkDecideHard times a decision at the hardest difficulty (the goal
// is at most 250 ms on a 2-core machine).
func BenchmarkDecideHard(b *testing.B) { benchDecide(b, ai.Hard) }

// BenchmarkDecideNormal times a decision at normal difficulty.
func BenchmarkDecideNormal(b *testing.B) { benchDecide(b, ai.Normal) }

// BenchmarkDecideEasy times a decision at easy difficulty.
func BenchmarkDecideEasy(b *testing.B) { benchDecide(b, ai.Easy) }

// BenchmarkDecideHardByActor times each actor's decision at the hardest
// difficulty on the first turn.
func BenchmarkDecideHardByActor(b *testing.B) {
	m := load(b, "")
	g := sim.NewGame(m, m.Scenario.Meta.Seed)
	for ai0, a := range m.Scenario.Actors {
		b.Run(a.ID, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ai.Decide(g, ai0, ai.Hard)
			}
		})
	}
}
