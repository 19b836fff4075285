package flow

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"math"
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

// recordSeat connects to served game s as its first seat, with every
// message traced into trace and applied to live, and as the facilitator,
// who gives every actor to the computer; recv applies the seat's messages
// until its condition holds. The connections last two minutes at most.
func recordSeat(t *testing.T, s *served) (trace *lockedBuf, live *RemoteTable, recv func(until func() bool), fac *RemoteConn) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	trace = new(lockedBuf)
	c, live := traced(t, ctx, s, trace)
	recv = func(until func() bool) {
		t.Helper()
		for !until() {
			out, err := c.Recv(ctx)
			if err != nil {
				t.Fatal(err)
			}
			live.Apply(out)
		}
	}
	fac = join(t, ctx, s.links[proto.RoleFacilitator])
	for _, a := range s.m.Scenario.Actors {
		fac.Table.Send(proto.Msg{Type: "seat", Actor: a.ID, Seat: "computer:easy"})
	}
	return trace, live, recv, fac
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
	trace, live, recv, fac := recordSeat(t, s)
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

// TestRemoteRevealedValues records a seat's server messages over a served
// game in which the facilitator sets, before the first turn, a variable the
// seat sees only as an estimate: the seat's ledger never holds that
// adjustment, so the turns revealed at the end cannot play again to the
// truth on the seat's machine. Before the end the table keeps the seat's
// secrets; once over it reports the game revealed without its causes and
// gives every true final value exactly, and the dashboard, the why view
// and the end say so.
func TestRemoteRevealedValues(t *testing.T) {
	s := serveGame(t)
	trace, live, recv, fac := recordSeat(t, s)
	m, seat := s.m, s.m.ActorIndex(s.seats[0])
	hidden := -1 // a bounded variable the seat does not see exactly
	for vi := range m.Scenario.Vars {
		lo, hi := m.Bounds(vi)
		if !m.SeesExactly(seat, vi) && !math.IsInf(lo, 0) && !math.IsInf(hi, 0) && hidden < 0 {
			hidden = vi
		}
	}
	if hidden < 0 {
		t.Fatal("no bounded variable the seat sees only as an estimate")
	}
	id := m.Scenario.Vars[hidden].ID
	lo, hi := m.Bounds(hidden)
	set := lo + 0.37*(hi-lo)
	fac.Table.Send(proto.Msg{Type: "adjust", Var: id, Value: &set, Reason: "test: a secret"})
	fac.Table.Send(proto.Msg{Type: "adjudicate", Turn: 1})
	fac.Kick()
	recv(func() bool { return live.Played() >= 1 })
	waitFor(t, "turn 1 at the console", func() bool { return fac.Table.Played() >= 1 })

	before := tableOf(t, s, trace.bytes())
	if k := before.Revelation(); k != RevealNone || before.Known(seat, hidden) {
		t.Fatalf("before the end: revelation %v, %s known %t", k, id, before.Known(seat, hidden))
	}
	for turn := 0; turn <= 1; turn++ {
		got, truth := before.View(seat, turn), fac.Table.View(-1, turn)
		if got.Exact[hidden] || got.Vals[hidden] == truth.Vals[hidden] {
			t.Errorf("before the end, turn %d: %s is %v (exact %t), the true value %v", turn, id, got.Vals[hidden], got.Exact[hidden], truth.Vals[hidden])
		}
	}
	for _, e := range before.Entries(1) {
		if e.Var == hidden {
			t.Errorf("before the end, a change of %s the seat may not see: %+v", id, e)
		}
	}

	// The end: the facilitator sets the tension past the war outcome's
	// threshold (the seat sees it) and adjudicates, until the war.
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
	waitFor(t, "the end at the console", func() bool { return fac.Table.Over() })

	tb := tableOf(t, s, trace.bytes())
	if k := tb.Revelation(); k != RevealValues || tb.Revealed() {
		t.Fatalf("once over: revelation %v (rebuilt %t), want the values without the causes", k, tb.Revealed())
	}
	n := tb.Played()
	got, want := tb.View(seat, n), fac.Table.View(-1, n)
	for vi, v := range m.Scenario.Vars {
		if got.Vals[vi] != want.Vals[vi] || !got.Exact[vi] || got.SD[vi] != 0 || !tb.Known(seat, vi) {
			t.Errorf("the end: %s is %v (exact %t, sd %v, known %t), the true value %v", v.ID, got.Vals[vi], got.Exact[vi], got.SD[vi], tb.Known(seat, vi), want.Vals[vi])
		}
	}
	r := tb.Snapshot().Reveal
	for _, x := range r.Truth {
		if got.Vals[m.VarIndex(x.ID)] != x.Value {
			t.Errorf("the end: %s is %v, revealed %v", x.ID, got.Vals[m.VarIndex(x.ID)], x.Value)
		}
	}
	if v := tb.View(seat, n-1); v.Exact[hidden] || v.Vals[hidden] == fac.Table.View(-1, n-1).Vals[hidden] {
		t.Errorf("before the last turn %s is %v (exact %t): the seat's estimate should stay", id, v.Vals[hidden], v.Exact[hidden])
	}
	if tb.OwnChain(seat, hidden) || !tb.OwnChain(seat, m.VarIndex("tension")) {
		t.Errorf("own chains: %s %t, tension %t", id, tb.OwnChain(seat, hidden), tb.OwnChain(seat, m.VarIndex("tension")))
	}

	// The seat's dashboard.
	f := NewRemote(Config{}, &RemoteConn{Table: tb})
	f.Do(Do(OpenDashboard))
	if title, _ := f.DashTitle(); title != "Dashboard — true values at the end" {
		t.Errorf("dashboard title %q", title)
	}
	// (The table has no connection here: the status starts "reconnecting…".)
	if live := f.LiveStatus(time.Now()); !strings.HasSuffix(live, " · causes not rebuilt here") {
		t.Errorf("header status %q", live)
	}
	me := m.Scenario.Actors[seat].ID
	wantScore := "Your final score " + SignedScore(r.Scores[me]) + ", on the true values the server revealed. Cards marked ▲ or ▼ count for your score: the arrow says which way is good for you."
	if line := f.DashSheet().ScoreLine; line != wantScore {
		t.Errorf("score line %q, want %q", line, wantScore)
	}
	trueText := FormatValue(m, hidden, want.Vals[hidden], 0, false)
	row := -1
	for i, card := range f.DashSheet().Cards {
		if card.Var == hidden {
			row = i
			if card.Value != trueText || !card.Exact {
				t.Errorf("the card of %s shows %q (exact %t), the true value %q", id, card.Value, card.Exact, trueText)
			}
		}
	}
	if row < 0 || f.Value(hidden) != trueText {
		t.Fatalf("%s at row %d shows %q, the true value %q", id, row, f.Value(hidden), trueText)
	}

	// W on it: no chain of its own, so not rebuilt, said plainly.
	f.SetCursor(row)
	f.Do(Do(AskWhy))
	if f.Scene() != Why || !f.WhyUnrebuilt() {
		t.Fatalf("W on %s opened %v (unrebuilt %t, %s)", id, f.Scene(), f.WhyUnrebuilt(), f.Message)
	}
	w := f.WhySheet()
	est := tb.View(seat, n-1)
	wantHead := "Your estimate " + FormatValue(m, hidden, est.Vals[hidden], est.SD[hidden], true) + " → true value at the end " + trueText
	if w.Kind != WhyNotRebuilt || w.Head != wantHead || len(w.Causes) != 0 {
		t.Errorf("why %s: kind %d, head %q (want %q), %d causes", id, w.Kind, w.Head, wantHead, len(w.Causes))
	}
	wantNotes := []string{
		"The server revealed every true value at the end of the game, but the turns it revealed do not play again on this machine to those values (the facilitator set a value or injected an event this seat did not see exactly), so the true causes could not be rebuilt here.",
		"How much each cause moved " + m.Scenario.Vars[hidden].Name + ": not rebuilt. The values before the end are your estimates; the facilitator's debrief shows the causes.",
	}
	if len(w.Notes) < 2 || w.Notes[0] != wantNotes[0] || w.Notes[1] != wantNotes[1] {
		t.Errorf("why %s notes:\n%s", id, strings.Join(w.Notes, "\n"))
	}
	if w.Vals[n] != want.Vals[hidden] || w.SD[n] != 0 || w.SD[n-1] == 0 {
		t.Errorf("why %s chart: ends on %v ± %v (the truth %v), the turn before ± %v", id, w.Vals[n], w.SD[n], want.Vals[hidden], w.SD[n-1])
	}

	// W on the tension, which the seat saw exactly: its own chain.
	f.Do(Do(Back))
	for i, card := range f.DashSheet().Cards {
		if card.Var == m.VarIndex("tension") {
			f.SetCursor(i)
		}
	}
	f.Do(Do(AskWhy))
	if f.Scene() != Why || f.WhyUnrebuilt() {
		t.Fatalf("W on the tension opened %v (unrebuilt %t)", f.Scene(), f.WhyUnrebuilt())
	}
	w = f.WhySheet()
	if w.Kind != WhyCauses || len(w.Notes) != 2 || w.Notes[1] != "The causes below are those your seat saw during play." {
		t.Errorf("why tension: kind %d, notes %q", w.Kind, w.Notes)
	}
	facCause := false
	for _, c := range w.Causes {
		facCause = facCause || strings.Contains(c.Text, "test: war")
	}
	if !facCause {
		t.Errorf("why tension: no facilitator cause among %+v", w.Causes)
	}

	// The seat's end: every actor's revealed score.
	e, over := f.RemoteEnd()
	if !over || len(e.Scores) != len(m.Scenario.Actors) || e.ScoreError != "" {
		t.Fatalf("the end: over %t, scores %v, error %q", over, e.Scores, e.ScoreError)
	}
	for i, a := range m.Scenario.Actors {
		if e.Scores[i] != r.Scores[a.ID] {
			t.Errorf("the end: %s scored %v, revealed %v", a.ID, e.Scores[i], r.Scores[a.ID])
		}
	}
}

// TestRemoteRevealKinds feeds a seat's table of the fixture one view of
// the end: what it reveals and the end and dashboard lines that follow.
// Truth at the start values plays again (no turn) and rebuilds the game;
// another tension does not, and leaves the values alone; a score error
// is said where the scores would be.
func TestRemoteRevealKinds(t *testing.T) {
	m, err := openFixture("fixture")
	if err != nil {
		t.Fatal(err)
	}
	truth := func(tension float64) []proto.Var {
		return []proto.Var{{ID: "tension", Value: tension, Exact: true}, {ID: "money", Value: 10, Exact: true}, {ID: "mood", Value: 0, Exact: true}}
	}
	const cards = ". Cards marked ▲ or ▼ count for your score: the arrow says which way is good for you."
	for _, tc := range []struct {
		name      string
		reveal    *proto.Reveal
		kind      RevealKind
		money     string // Beta's money on the dashboard
		scoreLine string
		endError  string
	}{
		{"no reveal", nil, RevealNone, "≈ 0.0 ± 0.0", "", ""},
		{"rebuilt", &proto.Reveal{Seed: 1, Truth: truth(50), Scores: map[string]float64{"a": -50}}, RevealGame, "10.0", "Your final score -50.00, on the true values the server revealed" + cards, ""},
		{"not rebuilt", &proto.Reveal{Seed: 1, Truth: truth(60), Scores: map[string]float64{"a": -60}}, RevealValues, "10.0", "Your final score -60.00, on the true values the server revealed" + cards, ""},
		{"score error", &proto.Reveal{Seed: 1, Truth: truth(60), ScoreError: "calm: a fault"}, RevealValues, "10.0", "Final scores: the server could not compute them: calm: a fault" + cards, "calm: a fault"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb, err := NewRemoteTable(m, proto.RoleSeat, "a")
			if err != nil {
				t.Fatal(err)
			}
			v := &proto.View{Actor: "a", Turn: 1, Over: true, Reveal: tc.reveal, Vars: []proto.Var{{ID: "tension", Value: 50, Exact: true}, {ID: "money", Value: 0}, {ID: "mood", Value: 0, Exact: true}}}
			tb.Apply(proto.Out{Type: "welcome", Seq: 1, View: v})
			if got := tb.Revelation(); got != tc.kind {
				t.Fatalf("revelation %v, want %v", got, tc.kind)
			}
			f := NewRemote(Config{}, &RemoteConn{Table: tb})
			if got := f.Value(m.VarIndex("money")); got != tc.money {
				t.Errorf("money shows %q, want %q", got, tc.money)
			}
			if got := f.DashScoreLine(); tc.reveal != nil && got != tc.scoreLine {
				t.Errorf("score line %q, want %q", got, tc.scoreLine)
			}
			if e, _ := f.RemoteEnd(); e.ScoreError != tc.endError {
				t.Errorf("the end's score error %q, want %q", e.ScoreError, tc.endError)
			}
		})
	}
}
