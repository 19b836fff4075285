//go:build display

package ui

import (
	"math"
	"strings"
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

// TestRemoteSeatRevealedValues draws a remote seat's dashboard and why view
// once the game is over and revealed but cannot be rebuilt on the seat's
// machine: the facilitator sets an indicator the seat sees only as an
// estimate (a change the seat's ledger never holds) and the tension past
// the war outcome's threshold, then adjudicates. The dashboard shows every
// true final value (the text view too) and says the causes were not
// rebuilt; the why view of that indicator says so plainly.
func TestRemoteSeatRevealedValues(t *testing.T) {
	join := serveDefault(t)
	fac := join(proto.RoleFacilitator)
	f := flow.NewRemote(flow.Config{}, join("us"))
	m := f.Model
	seat := f.Remote().Table.Seat()
	hidden := -1
	for vi := range m.Scenario.Vars {
		lo, hi := m.Bounds(vi)
		if !m.SeesExactly(seat, vi) && !math.IsInf(lo, 0) && !math.IsInf(hi, 0) && hidden < 0 {
			hidden = vi
		}
	}
	if hidden < 0 {
		t.Fatal("no bounded indicator the seat sees only as an estimate")
	}
	lo, hi := m.Bounds(hidden)
	set, hundred := lo+0.37*(hi-lo), 100.0
	fac.Table.Send(proto.Msg{Type: "adjust", Var: m.Scenario.Vars[hidden].ID, Value: &set, Reason: "test: a secret"})
	fac.Table.Send(proto.Msg{Type: "adjust", Var: "tension", Value: &hundred, Reason: "test: war"})
	fac.Table.Send(proto.Msg{Type: "adjudicate", Turn: 1})
	fac.Kick()
	for end := time.Now().Add(30 * time.Second); f.Revelation() != flow.RevealValues || f.Played < f.Remote().Table.Played(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("the game was never revealed without its causes (revelation %v)", f.Revelation())
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
	for i, vi := range f.DashVars() {
		if vi == hidden {
			f.SetCursor(i) // its card in view
		}
	}
	seatShot(t, g, "revealed-values-dashboard")
	for _, x := range f.Remote().Table.Snapshot().Reveal.Truth {
		vi := m.VarIndex(x.ID)
		if want := flow.FormatValue(m, vi, x.Value, 0, false); f.Value(vi) != want {
			t.Errorf("%s shows %q, the true value %q", x.ID, f.Value(vi), want)
		}
	}
	// The text view (T) has what was drawn: the cards in view, the
	// hidden indicator's among them.
	text := strings.Join(g.text.all(), "\n")
	t.Logf("the dashboard's text view:\n%s", text)
	for _, want := range []string{"Dashboard — true values at the end", flow.RevealValuesStatus, "Your final score ", m.Scenario.Vars[hidden].Name, f.Value(hidden)} {
		if !strings.Contains(text, want) {
			t.Errorf("the dashboard's text view lacks %q", want)
		}
	}
	f.Do(flow.Do(flow.AskWhy))
	if f.Scene() != flow.Why || !f.WhyUnrebuilt() {
		t.Fatalf("W opened %v (unrebuilt %t, %s)", f.Scene(), f.WhyUnrebuilt(), f.Message)
	}
	seatShot(t, g, "revealed-values-why")
	if text := strings.Join(g.text.all(), "\n"); !strings.Contains(text, ": not rebuilt.") || !strings.Contains(text, "true value at the end") {
		t.Errorf("the why view's text view:\n%s", text)
	}
	// The tension, which the seat saw exactly: its own chain, said so.
	f.Do(flow.Do(flow.Back))
	for i, vi := range f.DashVars() {
		if vi == m.VarIndex("tension") {
			f.SetCursor(i)
		}
	}
	f.Do(flow.Do(flow.AskWhy))
	if f.Scene() != flow.Why || f.WhyUnrebuilt() {
		t.Fatalf("W opened %v (unrebuilt %t, %s)", f.Scene(), f.WhyUnrebuilt(), f.Message)
	}
	seatShot(t, g, "revealed-values-why-own")
	if text := strings.Join(g.text.all(), "\n"); !strings.Contains(text, "The causes below are those your seat saw during play.") || !strings.Contains(text, "test: war") {
		t.Errorf("the why view's text view:\n%s", text)
	}
}
