package ai_test

import (
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
	"github.com/sixparty/sixparty/tools/scengen"
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

// BenchmarkDecideHardLevers times a hard decision on the first turn of the
// default scenario with its levers replicated (scengen.ReplicateLevers)
// until its actors have 400 and 1,000 levers each on average (63 and 158
// copies; the goals are at most 250 ms and 1 s), cycling through the
// actors. The easy decision at 1,000 levers shows the step budget held
// (1,000 steps) where the climb is cut short.
func BenchmarkDecideHardLevers(b *testing.B) {
	src, err := scenarios.BuiltinSource(scenarios.Default)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		copies int
		d      ai.Difficulty
	}{{"400", 63, ai.Hard}, {"1000", 158, ai.Hard}, {"easy-1000", 158, ai.Easy}} {
		b.Run(c.name, func(b *testing.B) {
			y, err := scengen.ReplicateLevers(src, c.copies)
			if err != nil {
				b.Fatal(err)
			}
			m, err := scenarios.Load("synthetic.yaml", y)
			if err != nil {
				b.Fatal(err)
			}
			g := sim.NewGame(m, m.Scenario.Meta.Seed)
			n := len(m.Scenario.Actors)
			steps := 0
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				steps += ai.Decide(g, i%n, c.d).Steps
			}
			b.ReportMetric(float64(steps)/float64(b.N), "steps/op")
			b.ReportMetric(float64(m.NumLevers())/float64(n), "levers/actor")
		})
	}
}
