package flow

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/sim"
)

// seatHelp returns the seat's help line as action: label pairs.
func seatHelp(f *Flow) map[Action]string {
	out := map[Action]string{}
	for _, a := range f.Hints() {
		out[a] = f.Label(a)
	}
	return out
}

// TestRemoteSeatHints walks a seat's rows and checks that the help line
// says what each key does there: Enter goes to submit from a lever, and
// submits only on the submit row; once the game is over, the closed
// orders offer neither levels nor submit.
func TestRemoteSeatHints(t *testing.T) {
	s := serveGame(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	open := func(link string) *Flow { return NewRemote(Config{}, join(t, ctx, link)) }
	con := open(s.links[proto.RoleFacilitator])
	var seats []*Flow
	for _, a := range s.seats {
		seats = append(seats, open(s.links[a]))
	}
	f := seats[0]
	goTo := func(row int) {
		for f.Cursor() < row {
			f.Do(Do(Down))
		}
		for f.Cursor() > row {
			f.Do(Do(Up))
		}
	}
	want := func(where string, w map[Action]string) {
		t.Helper()
		h := seatHelp(f)
		for a, l := range w {
			got, ok := h[a]
			switch {
			case l == "" && ok:
				t.Errorf("%s: %v offered as %q", where, a, got)
			case l != "" && got != l:
				t.Errorf("%s: %v says %q, want %q", where, a, got, l)
			}
		}
	}
	goTo(0)
	want("lever", map[Action]string{Left: "lower level", Right: "raise level", Confirm: "go to submit"})
	f.Do(Do(Confirm))
	if f.Cursor() != f.SubmitRow() {
		t.Fatalf("Enter on a lever went to row %d, not submit %d", f.Cursor(), f.SubmitRow())
	}
	want("submit", map[Action]string{Confirm: "submit orders", Left: "", Right: ""})
	goTo(f.SubmitRow() + seatRowChannel)
	want("channel", map[Action]string{Left: "channel", Confirm: "next channel"})
	goTo(f.SubmitRow() + seatRowText)
	want("message", map[Action]string{Confirm: "send message", Right: "channel"})

	// The end: war, adjudicated.
	hundred := 100.0
	con.send(proto.Msg{Type: "adjust", Var: "tension", Value: &hundred, Reason: "test: war"})
	for _, o := range seats {
		for o.Cursor() < o.SubmitRow() {
			o.Do(Do(Down))
		}
		for o.Cursor() > o.SubmitRow() {
			o.Do(Do(Up))
		}
		o.Do(Do(Confirm))
	}
	waitFor(t, "every seat ready at the console", func() bool {
		con.Poll()
		for i := range seats {
			if !con.remote.Table.Ready(i) {
				return false
			}
		}
		return true
	})
	for con.Cursor() < len(s.m.Scenario.Actors)+conAdjudicate {
		con.Do(Do(Down))
	}
	con.Do(Do(Confirm))
	waitFor(t, "the end", func() bool { f.Poll(); return f.remote.Table.Over() })
	for _, row := range []int{0, f.SubmitRow()} {
		goTo(row)
		h := seatHelp(f)
		for a, l := range h {
			if strings.Contains(l, "submit") || strings.Contains(l, "level") {
				t.Errorf("row %d after the end: %v says %q", row, a, l)
			}
		}
		if !slices.Contains(f.Hints(), Up) || slices.Contains(f.Hints(), Confirm) {
			t.Errorf("row %d after the end: hints %v", row, f.Hints())
		}
	}
	goTo(f.SubmitRow() + seatRowText)
	want("message after the end", map[Action]string{Confirm: "send message"})
}

// TestRemoteDashboard opens the dashboard and the why view at a remote
// seat fed by recorded server messages: the seat's own view, exact where
// it sees exactly, an estimate where it sees noise, "not seen" where the
// server sent nothing; the why view explains an exact indicator from the
// ledger the server sent and an estimate from the scenario only.
func TestRemoteDashboard(t *testing.T) {
	m, err := scenarios.Load("fixture.yaml", []byte(fixture))
	if err != nil {
		t.Fatal(err)
	}
	tension, money, mood := m.VarIndex("tension"), m.VarIndex("money"), m.VarIndex("mood")
	tb, err := NewRemoteTable(m, proto.RoleSeat, "a")
	if err != nil {
		t.Fatal(err)
	}
	talk := sim.Cause{Kind: sim.ByLever, Index: m.LeverIndex("a.talk"), Actor: 0, Level: 1}
	drift := sim.Cause{Kind: sim.ByRule, Index: 0}
	tb.Apply(proto.Out{Type: "welcome", Seq: 1, View: &proto.View{Turn: 1, Vars: []proto.Var{
		{ID: "tension", Value: 50, Exact: true}, {ID: "money", Value: 10.4, SD: 2}}}})
	tb.Apply(proto.Out{Type: "view", Seq: 2, View: &proto.View{Turn: 2, Vars: []proto.Var{
		{ID: "tension", Value: 51.5, Exact: true}, {ID: "money", Value: 12.2, SD: 2}},
		Turns: []proto.Turn{{Turn: 1, Orders: map[string]map[string]int{"a": {"a.talk": 1}}, Ledger: []proto.Change{
			ledgerChange(m, "tension", -2, talk), ledgerChange(m, "tension", 3.5, drift)}}}}})
	f := NewRemote(Config{}, &RemoteConn{Table: tb, kick: make(chan struct{}, 1)})
	f.Poll()
	if !slices.Contains(f.Hints(), OpenDashboard) {
		t.Errorf("the seat's help line %v offers no dashboard", f.Hints())
	}
	f.Do(Do(OpenDashboard))
	if f.Scene() != Dashboard || f.Viewer() != 0 {
		t.Fatalf("scene %v viewer %d, want the dashboard of seat 0", f.Scene(), f.Viewer())
	}
	if got := f.DashVars(); !slices.Equal(got, []int{tension, money, mood}) {
		t.Errorf("dashboard vars %v", got)
	}
	for vi, want := range map[int]string{tension: "51.5", money: "≈ 12.2 ± 2.0", mood: "not seen"} {
		if got := f.Value(vi); got != want {
			t.Errorf("%s shown %q, want %q", m.Scenario.Vars[vi].ID, got, want)
		}
	}
	if vals, sd := f.Series(money); !slices.Equal(vals, []float64{10.4, 12.2}) || !slices.Equal(sd, []float64{2, 2}) {
		t.Errorf("money's series %v ± %v", vals, sd)
	}
	if vals, _ := f.Series(mood); vals != nil {
		t.Errorf("mood, never sent, has a series %v", vals)
	}
	if sc, _ := f.Score(0); !sc.Exact || sc.Total != -51.5 {
		t.Errorf("seat's score %+v, want exactly -51.5", sc)
	}

	// Why tension moved: the two causes the server sent, largest first.
	f.SetCursor(0)
	f.Do(Do(AskWhy))
	w := SceneOf[*WhyScene](f)
	if f.Scene() != Why || w.Var != tension || w.Hidden || w.Turn != 1 {
		t.Fatalf("scene %v %+v, want tension's why view", f.Scene(), w)
	}
	rs := f.WhyReasons()
	if len(rs) != 2 || rs[0].Entry.Cause != drift || rs[1].Entry.Cause != talk || rs[1].Entry.Amount != -2 {
		t.Errorf("reasons %+v, want drift then talk", rs)
	}
	if b, a := f.WhyChange(); b != 50 || a != 51.5 {
		t.Errorf("why change %v → %v, want 50 → 51.5", b, a)
	}
	f.Do(Do(Back))

	// Money, an estimate: no amounts. Mood, unseen: no why view at all.
	f.SetCursor(1)
	f.Do(Do(AskWhy))
	if w := SceneOf[*WhyScene](f); f.Scene() != Why || w.Var != money || !w.Hidden || f.WhyReasons() != nil {
		t.Errorf("money's why view %+v hidden, reasons %v", w, f.WhyReasons())
	}
	f.Do(Do(Back))
	f.SetCursor(2)
	f.Do(Do(AskWhy))
	if f.Scene() != Dashboard || !strings.Contains(f.Message, "not seen") {
		t.Errorf("mood's why: scene %v, message %q", f.Scene(), f.Message)
	}
	f.Do(Do(Back))
	if f.Scene() != RemoteSeat {
		t.Errorf("back from the dashboard at %v, want the seat", f.Scene())
	}
}

// ledgerChange is a ledger entry as the server sends it.
func ledgerChange(m *sim.Model, v string, amount float64, c sim.Cause) proto.Change {
	return proto.Change{Var: v, Amount: amount, Cause: m.Describe(c), Kind: c.Kind.String(), Index: c.Index, Actor: c.Actor, Level: c.Level, Option: c.Option}
}

// TestRemoteEntries checks that a remote table reads each ledger entry's
// cause from its kind and indexes (the text is for people: a wrong one
// changes nothing), with its scenario position, and that an entry whose
// cause the scenario does not have is dropped with a fault saying so,
// which the seat's status line shows.
func TestRemoteEntries(t *testing.T) {
	m, err := scenarios.Load("fixture.yaml", []byte(fixture))
	if err != nil {
		t.Fatal(err)
	}
	talk := m.LeverIndex("a.talk")
	summit := m.EventIndex("summit")
	for _, tc := range []struct {
		name string
		in   proto.Change
		want sim.Cause
		err  string
	}{
		{"lever", proto.Change{Var: "tension", Amount: -2, Cause: "not what it says", Kind: "lever", Index: talk, Actor: 0, Level: 1, Option: 0},
			sim.Cause{Kind: sim.ByLever, Index: talk, Actor: 0, Level: 1}, ""},
		{"rule", proto.Change{Var: "mood", Amount: 5, Kind: "rule", Index: 1, Actor: -1, Option: -1},
			sim.Cause{Kind: sim.ByRule, Index: 1, Actor: -1, Option: -1}, ""},
		{"event option", proto.Change{Var: "tension", Amount: -10, Kind: "event", Index: summit, Actor: 0, Option: 0},
			sim.Cause{Kind: sim.ByEvent, Index: summit, Actor: 0, Option: 0}, ""},
		{"facilitator", proto.Change{Var: "tension", Amount: 3, Kind: "facilitator", Index: -1, Actor: -1, Option: -1, Reason: "r"},
			sim.Cause{Kind: sim.ByFacilitator, Index: -1, Actor: -1, Option: -1}, ""},
		{"bounds", proto.Change{Var: "tension", Amount: -1, Kind: "bounds", Index: 0, Actor: -1, Option: -1},
			sim.Cause{Kind: sim.ByBounds, Index: 0, Actor: -1, Option: -1}, ""},
		{"no kind", proto.Change{Var: "tension", Amount: 1, Cause: "rule: Drift"}, sim.Cause{},
			`flow: turn 1: the ledger entry of tension has a cause the scenario does not have (kind "", index 0)`},
		{"lever out of range", proto.Change{Var: "tension", Kind: "lever", Index: 99}, sim.Cause{},
			`flow: turn 1: the ledger entry of tension has a cause the scenario does not have (kind "lever", index 99)`},
		{"lever of another actor", proto.Change{Var: "tension", Kind: "lever", Index: talk, Actor: 1, Level: 1}, sim.Cause{},
			`flow: turn 1: the ledger entry of tension has a cause the scenario does not have (kind "lever", index 0)`},
		{"bounds of another variable", proto.Change{Var: "tension", Kind: "bounds", Index: 1}, sim.Cause{},
			`flow: turn 1: the ledger entry of tension has a cause the scenario does not have (kind "bounds", index 1)`},
		{"option out of range", proto.Change{Var: "tension", Kind: "event", Index: summit, Actor: 0, Option: 5}, sim.Cause{},
			`flow: turn 1: the ledger entry of tension has a cause the scenario does not have (kind "event", index 0)`},
		{"unknown variable", proto.Change{Var: "nope", Kind: "rule"}, sim.Cause{},
			`flow: turn 1: a ledger entry of "nope", which is not a variable of the scenario`},
	} {
		tb, _ := NewRemoteTable(m, proto.RoleSeat, "a")
		in := tc.in
		in.Pos = &proto.Pos{File: "fixture.yaml", Line: 7, Col: 3}
		tb.Apply(proto.Out{Type: "welcome", View: &proto.View{Turn: 2, Turns: []proto.Turn{{Turn: 1, Ledger: []proto.Change{in}}}}})
		got, errs := tb.Entries(1), tb.Faults()
		if tc.err != "" {
			if len(got) != 0 || !slices.Equal(errs, []string{tc.err}) {
				t.Errorf("%s: entries %+v, faults %q; want none and %q", tc.name, got, errs, tc.err)
			}
			tb.Apply(proto.Out{Type: "welcome", View: &proto.View{Turn: 2, Turns: []proto.Turn{{Turn: 1, Ledger: []proto.Change{in}}}}})
			f := NewRemote(Config{}, &RemoteConn{Table: tb, kick: make(chan struct{}, 1)})
			if f.Poll(); f.Message != "This window could not read what the server sent: "+tc.err {
				t.Errorf("%s: status %q", tc.name, f.Message)
			}
			continue
		}
		want := sim.Entry{Turn: 1, Var: m.VarIndex(in.Var), Amount: in.Amount, Cause: tc.want, Reason: in.Reason, Pos: sim.Pos{File: "fixture.yaml", Line: 7, Col: 3}}
		if len(errs) != 0 || len(got) != 1 || got[0] != want {
			t.Errorf("%s: entries %+v, errors %q; want %+v", tc.name, got, errs, want)
		}
	}
}
