//go:build display

package ui

import (
	"testing"
	"time"

	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/ui/flow"
)

// TestRemoteSeatRevealed draws a remote seat's dashboard and why view once
// the game is over and revealed (the facilitator sets the tension past the
// war outcome's threshold and adjudicates): every value exact, and the why
// view of an indicator the seat saw only as an estimate, with its true
// causes.
func TestRemoteSeatRevealed(t *testing.T) {
	join := serveDefault(t)
	fac := join(proto.RoleFacilitator)
	f := flow.NewRemote(flow.Config{}, join("us"))
	m := f.Model
	hundred := 100.0
	fac.Table.Send(proto.Msg{Type: "adjust", Var: "tension", Value: &hundred, Reason: "test: war"})
	fac.Table.Send(proto.Msg{Type: "adjudicate", Turn: 1})
	fac.Kick()
	for end := time.Now().Add(30 * time.Second); !f.Revealed() || f.Played < f.Remote().Table.Played(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("the game was never revealed")
		}
		f.Poll()
	}
	g, err := NewGame(Options{Flow: f})
	if err != nil {
		t.Fatal(err)
	}
	f.Do(flow.Do(flow.OpenDashboard))
	if f.Scene() != flow.Dashboard {
		t.Fatalf("D opened %v, not the dashboard", f.Scene())
	}
	seatShot(t, g, "revealed-dashboard")
	seat := f.Remote().Table.Seat()
	row := -1
	for i, vi := range f.DashVars() {
		if !m.SeesExactly(seat, vi) && row < 0 {
			for _, e := range f.Table().Entries(1) {
				if e.Var == vi && e.Amount != 0 {
					row = i
				}
			}
		}
	}
	if row < 0 {
		t.Fatal("no moved indicator the seat sees only as an estimate")
	}
	f.SetCursor(row)
	f.Do(flow.Do(flow.AskWhy))
	if f.Scene() != flow.Why {
		t.Fatalf("W opened %v (%s)", f.Scene(), f.Message)
	}
	seatShot(t, g, "revealed-why")
}
