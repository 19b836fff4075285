//go:build display

package ui

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/ui/flow"
)

// TestJointChoiceShown plays hormuz-2019 at a hot seat of Washington and
// Tehran until Macron's plan, a joint decision, asks Iran to agree: the
// partner gets the pop-up at its own hand-over, which draws, and says
// who proposes (SIXPARTY_TEST_SHOTS keeps the pictures: the partner's
// choice, and Washington's orders with the convoy's cost read on the
// state).
func TestJointChoiceShown(t *testing.T) {
	m, err := scenarios.LoadBuiltin("hormuz-2019")
	if err != nil {
		t.Fatal(err)
	}
	seats := make([]flow.Seat, len(m.Scenario.Actors))
	seats[m.ActorIndex("us")], seats[m.ActorIndex("iran")] = flow.Seat{Human: true}, flow.Seat{Human: true}
	f := flow.New(flow.Config{Builtin: scenarios.Builtin(), Source: "hormuz-2019", Open: scenarios.LoadBuiltin, Seats: seats})
	g, err := NewGame(Options{Flow: f})
	if err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv("SIXPARTY_TEST_SHOTS")
	s := &flow.Script{Turns: 12}
	ordersShot := false
	for i := 0; !f.Quit && i < 4000; i++ {
		if f.Scene() == flow.Orders && f.Current == m.ActorIndex("us") && !ordersShot && f.Game.State().Vals[m.VarIndex("hormuz.risk")] >= 40 {
			ordersShot = true
			f.Do(flow.Do(flow.Down)) // the naval escorts
			a := render(g, 1280, 720)
			if dir != "" {
				writePNG(t, filepath.Join(dir, "orders-cost-1280x720.png"), a, 1280, 720)
			}
		}
		if f.Scene() == flow.Choice && m.Scenario.Events[f.Pending()[0]].ID == "macron_plan" && f.Current == m.ActorIndex("iran") {
			h, note := f.ChoiceHeading(f.Pending()[0])
			if h != "Event — a joint decision: you must agree" || note == "" {
				t.Errorf("Iran's heading %q, note %q", h, note)
			}
			a := render(g, 1280, 720)
			if n := colours(a); n < 20 {
				t.Errorf("the partner's choice looks blank: %d colours", n)
			}
			if dir != "" {
				writePNG(t, filepath.Join(dir, "choice-partner-1280x720.png"), a, 1280, 720)
			}
			return
		}
		f.Do(s.Next(f))
	}
	t.Fatal("Iran was never asked to agree to Macron's plan")
}
