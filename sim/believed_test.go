package sim_test

import (
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// TestBelievedRunningTotals: the running totals of accumulating
// objectives summed true values, some hidden from the viewer, so a
// believed state starts them again from zero and leaves the true state's
// alone.
func TestBelievedRunningTotals(t *testing.T) {
	m, err := scenarios.LoadBuiltin("hormuz-2019")
	if err != nil {
		t.Fatal(err)
	}
	g := sim.NewGame(m, 1)
	for range 3 {
		if _, err := g.Play(sim.Orders{}, nil); err != nil {
			t.Fatal(err)
		}
	}
	s := g.State()
	nonzero := false
	for _, x := range s.Acc {
		nonzero = nonzero || x != 0
	}
	if !nonzero {
		t.Fatalf("no running total moved in 3 turns: %v", s.Acc)
	}
	b := s.Believed(g.View(0))
	for j, x := range b.Acc {
		if x != 0 {
			t.Errorf("believed running total %d = %v, want 0", j, x)
		}
	}
	still := false
	for _, x := range s.Acc {
		still = still || x != 0
	}
	if !still {
		t.Errorf("believing cleared the true state's running totals")
	}
}
