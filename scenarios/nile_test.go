package scenarios_test

import (
	"testing"

	"github.com/sixparty/sixparty/lint"
	"github.com/sixparty/sixparty/options"
	"github.com/sixparty/sixparty/scenarios"
)

// TestNile checks the second built-in scenario: another theme with other
// actors, no lint warnings, and balance checks that pass.
func TestNile(t *testing.T) {
	m, err := scenarios.LoadBuiltin("nile-2020")
	if err != nil {
		t.Fatal(err)
	}
	def, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range m.Scenario.Actors {
		if def.ActorIndex(a.ID) >= 0 {
			t.Errorf("actor %q is also in %s; the second scenario should have other actors", a.ID, scenarios.Default)
		}
	}
	if n := len(m.Scenario.Actors); n != 4 {
		t.Errorf("%d actors, want 4", n)
	}
	if len(m.Scenario.Checks) == 0 {
		t.Fatal("no checks")
	}
	games := options.Play(m, options.GamesNeeded(m), options.PlayOptions{})
	for _, g := range games {
		if g.Err != nil {
			t.Fatal(g.Err)
		}
	}
	for _, r := range options.Measure(m, games, false) {
		if !r.Pass {
			t.Error(r)
		}
	}
	for _, w := range lint.Static(m) {
		t.Error(w)
	}
	for _, w := range lint.Unfired(m, games) {
		t.Error(w)
	}
}
