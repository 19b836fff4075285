package options

import (
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// BenchmarkCompare measures the speed goal: a comparison of two
// strategies × 500 games at normal on the default scenario, on every CPU
// (the goal is ≤ 10 s on 2 cores). It reports games/s.
func BenchmarkCompare(b *testing.B) {
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		b.Fatal(err)
	}
	const n = 500
	sts := benchStrategies(b, m)
	for b.Loop() {
		if _, err := Compare(m, sts, CompareOptions{Games: n, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(sts)*n*b.N)/b.Elapsed().Seconds(), "games/s")
}

// BenchmarkStrategyGame measures one game of the default scenario with
// every actor computer-played at normal, on one goroutine.
func BenchmarkStrategyGame(b *testing.B) {
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		b.Fatal(err)
	}
	st := Strategy{Difficulty: ai.Normal}
	var w Worker
	for i := 0; b.Loop(); i++ {
		if _, err := PlayStrategy(m, st, uint64(i), sim.Setup{}, &w); err != nil {
			b.Fatal(err)
		}
	}
}

// benchStrategies returns the two strategies the speed goal compares:
// the historical track against every actor computer-played.
func benchStrategies(b *testing.B, m *sim.Model) []Strategy {
	var out []Strategy
	for _, arg := range []string{"pressure-2017.history", "us=computer:normal"} {
		st, err := ParseStrategy(m, arg)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, st)
	}
	return out
}
