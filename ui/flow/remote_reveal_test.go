package flow

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/server/proto"
)

// traced dials the first seat of s with its server messages recorded in
// trace (as `sixparty join --trace` writes them), and returns the
// connection with a table fed its welcome.
func traced(t *testing.T, ctx context.Context, s *served, trace *lockedBuf) (*client.Conn, *RemoteTable) {
	t.Helper()
	l, err := client.ParseLink(s.links[s.seats[0]])
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.Dial(ctx, l, 0, trace)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	live, err := NewRemoteTable(s.m, c.Role, c.View.Actor)
	if err != nil {
		t.Fatal(err)
	}
	v0 := c.View
	live.Apply(proto.Out{Type: "welcome", Seq: v0.Seq, View: &v0})
	return c, live
}

// tableOf returns a table of the first seat of s fed the server messages
// trace recorded.
func tableOf(t *testing.T, s *served, trace []byte) *RemoteTable {
	t.Helper()
	tb, err := NewRemoteTable(s.m, proto.RoleSeat, s.seats[0])
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(trace))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var out proto.Out
		if err := json.Unmarshal(sc.Bytes(), &out); err != nil {
			t.Fatal(err)
		}
		tb.Apply(out)
	}
	return tb
}

// TestRemoteRevealed records a seat's server messages over a served game
// of two turns, the second ending it, and feeds them to fresh tables:
// before the end the table is the seat's view (no hidden variable, no
// hidden change); once the server has revealed the game, the table
// rebuilt from the reveal gives the facilitator's true values at every
// turn and every change with its cause, and the seat's dashboard and why
// view show them and say so.
func TestRemoteRevealed(t *testing.T) {
	s := serveGame(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var trace lockedBuf
	c, live := traced(t, ctx, s, &trace)
	recv := func(until func() bool) {
		t.Helper()
		for !until() {
			out, err := c.Recv(ctx)
			if err != nil {
				t.Fatal(err)
			}
			live.Apply(out)
		}
	}
	fac := join(t, ctx, s.links[proto.RoleFacilitator])
	for _, a := range s.m.Scenario.Actors {
		fac.Table.Send(proto.Msg{Type: "seat", Actor: a.ID, Seat: "computer:easy"})
	}
	fac.Table.Send(proto.Msg{Type: "adjudicate", Turn: 1})
	fac.Kick()
	recv(func() bool { return live.Played() >= 1 })

	m, seat := s.m, s.m.ActorIndex(s.seats[0])
	hidden := -1 // a variable the seat does not see exactly
	for vi := range m.Scenario.Vars {
		if !m.SeesExactly(seat, vi) {
			hidden = vi
			break
		}
	}
	if hidden < 0 {
		t.Fatal("the seat sees every variable exactly: nothing to reveal")
	}
	before := tableOf(t, s, trace.bytes())
	if before.Revealed() || before.Known(seat, hidden) {
		t.Fatalf("revealed before the end (known hidden: %t)", before.Known(seat, hidden))
	}
	for _, e := range before.Entries(1) {
		if !m.SeesExactly(seat, e.Var) {
			t.Errorf("before the end, a change of %s, which the seat does not see exactly", m.Scenario.Vars[e.Var].ID)
		}
	}

	// The end: the facilitator sets the tension past the war outcome's
	// threshold (the seat sees the adjustment) and adjudicates, until the
	// war is declared.
	hundred := 100.0
	for turn := 2; !live.Over(); turn++ {
		if turn > m.Scenario.Meta.Turns {
			t.Fatal("the game never ended")
		}
		fac.Table.Send(proto.Msg{Type: "adjust", Var: "tension", Value: &hundred, Reason: "test: war"})
		fac.Table.Send(proto.Msg{Type: "adjudicate", Turn: turn})
		fac.Kick()
		recv(func() bool { return live.Played() >= turn || live.Over() })
	}
	waitFor(t, "the end at the console", func() bool {
		if errs := fac.Table.Errors(); len(errs) > 0 {
			t.Fatalf("the server refused: %v", errs)
		}
		return fac.Table.Over()
	})

	tb := tableOf(t, s, trace.bytes())
	if !tb.Revealed() {
		t.Fatal("not revealed once over")
	}
	n := tb.Played()
	for turn := 0; turn <= n; turn++ {
		got, want := tb.View(seat, turn), fac.Table.View(-1, turn)
		for vi := range m.Scenario.Vars {
			if got.Vals[vi] != want.Vals[vi] || !got.Exact[vi] || got.SD[vi] != 0 {
				t.Errorf("turn %d: %s is %v (exact %t, sd %v), the true value %v", turn, m.Scenario.Vars[vi].ID, got.Vals[vi], got.Exact[vi], got.SD[vi], want.Vals[vi])
			}
		}
	}
	for _, x := range tb.Snapshot().Reveal.Truth {
		if got := tb.View(seat, n).Vals[m.VarIndex(x.ID)]; got != x.Value {
			t.Errorf("the end: %s is %v, revealed %v", x.ID, got, x.Value)
		}
	}
	movedHidden := false
	for turn := 1; turn <= n; turn++ {
		got, want := tb.Entries(turn), fac.Table.Entries(turn)
		if len(got) != len(want) {
			t.Fatalf("turn %d: %d changes, the facilitator's %d", turn, len(got), len(want))
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.Var != w.Var || g.Amount != w.Amount || g.Cause != w.Cause {
				t.Errorf("turn %d change %d: %+v, the facilitator's %+v", turn, i, g, w)
			}
			movedHidden = movedHidden || g.Var == hidden && g.Amount != 0
		}
	}
	if !movedHidden {
		t.Logf("%s did not move: its why view is checked all the same", m.Scenario.Vars[hidden].ID)
	}

	// The seat's dashboard and why view over the revealed table.
	f := NewRemote(Config{}, &RemoteConn{Table: tb})
	f.Do(Do(OpenDashboard))
	if f.Scene() != Dashboard {
		t.Fatalf("D opened %v", f.Scene())
	}
	if title, _ := f.DashTitle(); title != "Dashboard — every value exact" {
		t.Errorf("dashboard title %q", title)
	}
	if live := f.LiveStatus(time.Now()); !strings.Contains(live, "true values revealed") {
		t.Errorf("header status %q", live)
	}
	row := -1
	for i, vi := range f.DashVars() {
		if vi == hidden {
			row = i
		}
	}
	if len(f.DashVars()) != len(m.Scenario.Vars) || row < 0 {
		t.Fatalf("the dashboard shows %d of %d variables, %s at row %d", len(f.DashVars()), len(m.Scenario.Vars), m.Scenario.Vars[hidden].ID, row)
	}
	if got, want := f.Value(hidden), FormatValue(m, hidden, fac.Table.View(-1, n).Vals[hidden], 0, false); got != want {
		t.Errorf("%s shows %q, the true value %q", m.Scenario.Vars[hidden].ID, got, want)
	}
	f.SetCursor(row)
	f.Played = 1
	f.Do(Do(AskWhy))
	w := SceneOf[*WhyScene](f)
	if f.Scene() != Why || w.Hidden {
		t.Fatalf("W on %s opened %v (%s)", m.Scenario.Vars[hidden].ID, f.Scene(), f.Message)
	}
	var moved float64
	for _, e := range fac.Table.Entries(1) {
		if e.Var == hidden {
			moved += e.Amount
		}
	}
	if moved != 0 && len(f.WhyReasons()) == 0 {
		t.Errorf("the why view of %s gives no cause, though it moved by %v", m.Scenario.Vars[hidden].ID, moved)
	}
}
