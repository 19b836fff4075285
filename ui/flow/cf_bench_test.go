package flow

import (
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// BenchmarkCounterfactual times playing the default scenario's
// counterfactual, which opening the comparison scene does once per game.
func BenchmarkCounterfactual(b *testing.B) {
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		b.Fatal(err)
	}
	g := sim.NewGame(m, m.Scenario.Meta.Seed)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, ok, err := ScenarioCounterfactual(g); err != nil || !ok {
			b.Fatal(err)
		}
	}
}
