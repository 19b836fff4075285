package flow

import (
	"context"
	"testing"
	"time"

	"github.com/sixparty/sixparty/sim"
)

// TestRemoteSeatCost: a seat of a served hormuz-2019 prices the convoy,
// whose cost is an expression of the danger in the strait, as the server
// does, from what it sees exactly; the draft's cost adds it up.
func TestRemoteSeatCost(t *testing.T) {
	s := serveScenario(t, "hormuz-2019")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	f := NewRemote(Config{}, join(t, ctx, s.links["us"]))
	m := f.Model
	li := m.LeverIndex("us.escort")
	want := m.CostIn(sim.NewGame(m, 1).State(), li, 2) // the start's danger: 35
	if want != 2+(35.0-40)/30 {
		t.Fatalf("the convoy costs %g at the start, want 2 + (35 - 40) / 30", want)
	}
	if got := f.SeatCost(li, 2); got != want {
		t.Errorf("the seat prices the convoy at %g, want %g", got, want)
	}
	sc := SceneOf[*RemoteSeatScene](f)
	if sc == nil {
		t.Fatalf("at %s, not the seat", f.Scene())
	}
	sc.Cost(f) // the draft, synced with the table
	for i, l := range f.SeatLevers() {
		if l == li {
			sc.Levels[i] = 2
		}
	}
	if cost, budget := sc.Cost(f); cost != want || budget != 4 {
		t.Errorf("the draft costs %g of %g, want %g of 4", cost, budget, want)
	}
}
