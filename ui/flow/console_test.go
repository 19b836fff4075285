package flow

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/server/proto"
)

// TestConsoleDeadline drives the console over a served game: it sets a
// deadline of three minutes a turn with the computer filling in, which a
// seat then sees; extends the running deadline by five minutes, which
// moves it on; switches to the wait policy; and shows the policy, the
// countdown and the server's warning and overdue states.
func TestConsoleDeadline(t *testing.T) {
	s := serveGame(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	con := NewRemote(Config{}, join(t, ctx, s.links[proto.RoleFacilitator]))
	seat := NewRemote(Config{}, join(t, ctx, s.links[s.seats[0]]))
	na := len(s.m.Scenario.Actors)
	to := func(row int) {
		for con.Cursor() < na+row {
			con.Do(Do(Down))
		}
		for con.Cursor() > na+row {
			con.Do(Do(Up))
		}
	}
	if st := con.DeadlineStatus(time.Now()); st != "No deadline running." {
		t.Errorf("status with no deadline: %q", st)
	}
	// Extending with no deadline running sends nothing.
	to(conExtend)
	con.Do(Do(Confirm))
	if !strings.Contains(con.Message, "No deadline") {
		t.Errorf("extend without a deadline: %q", con.Message)
	}
	to(conDeadline)
	for range 3 {
		con.Do(Do(Right))
	}
	to(conPolicy)
	con.Do(Do(Right)) // the computer fills in
	if rows := SceneOf[*ConsoleScene](con).ConsoleRows(con); !strings.Contains(rows[conPolicy], "computer") {
		t.Errorf("policy row: %q", rows[conPolicy])
	}
	if l := con.Label(Confirm); l != "set the deadline" {
		t.Errorf("Enter on the policy row: %q", l)
	}
	con.Do(Do(Confirm))
	if !strings.Contains(con.Message, "3 min a turn, the computer fills in") {
		t.Errorf("message: %q", con.Message)
	}
	var due int64
	waitFor(t, "the deadline at the seat", func() bool {
		d := seat.remote.Table.Snapshot().Deadline
		if d != nil && d.Seconds == 180 && d.Policy == "computer" && d.Due > 0 {
			due = d.Due
			return true
		}
		return false
	})
	waitFor(t, "the deadline at the console", func() bool {
		d := con.remote.Table.Snapshot().Deadline
		return d != nil && d.Due == due
	})
	st := con.DeadlineStatus(time.UnixMilli(due).Add(-90 * time.Second))
	if want := "Running: 3 min a turn, the computer fills in · 1:30 left"; st != want {
		t.Errorf("status %q, want %q", st, want)
	}
	if rows := SceneOf[*ConsoleScene](con).ConsoleRows(con); !strings.Contains(rows[conDeadline], "the computer fills in") || !strings.Contains(rows[conDeadline], " left") {
		t.Errorf("deadline row: %q", rows[conDeadline])
	}

	// Extend by five minutes (the second extension).
	to(conExtend)
	con.Do(Do(Right))
	if l := con.Label(Confirm); l != "extend" {
		t.Errorf("Enter on the extend row: %q", l)
	}
	con.Do(Do(Confirm))
	if !strings.Contains(con.Message, "5 min") {
		t.Errorf("message: %q", con.Message)
	}
	waitFor(t, "the extension at the seat", func() bool {
		d := seat.remote.Table.Snapshot().Deadline
		return d != nil && d.Due > due+290_000 && d.Due < due+310_000 && d.Seconds == 180
	})

	// The wait policy, from the policy row.
	to(conPolicy)
	con.Do(Do(Right))
	con.Do(Do(Confirm))
	waitFor(t, "the wait policy at the seat", func() bool {
		d := seat.remote.Table.Snapshot().Deadline
		return d != nil && d.Policy == "wait"
	})

	// The warning and overdue states as the server sends them.
	waitFor(t, "the wait policy at the console", func() bool {
		d := con.remote.Table.Snapshot().Deadline
		return d != nil && d.Policy == "wait"
	})
	tb := con.remote.Table
	tb.mu.Lock()
	d := *tb.view.Deadline
	d.Warning = true
	tb.view.Deadline = &d
	tb.mu.Unlock()
	if st := con.DeadlineStatus(time.Now()); !strings.Contains(st, "wait for every team") || !strings.Contains(st, "WARNING") {
		t.Errorf("warning status: %q", st)
	}
	tb.mu.Lock()
	d.Overdue = true
	tb.view.Deadline = &d
	tb.mu.Unlock()
	if st := con.DeadlineStatus(time.UnixMilli(d.Due).Add(75 * time.Second)); !strings.Contains(st, "passed 1:15 ago") || !strings.Contains(st, "OVERDUE") {
		t.Errorf("overdue status: %q", st)
	}
	if w, o := con.DeadlineAlert(); !w || !o {
		t.Errorf("alert: %v %v", w, o)
	}
}

// TestConsoleAdoptsDeadline opens a console while a deadline runs: its
// deadline editors start from the running one (not "none" beside it),
// follow it when it changes, and keep what the facilitator is choosing
// while it does not.
func TestConsoleAdoptsDeadline(t *testing.T) {
	m, err := scenarios.Load("fixture.yaml", []byte(fixture))
	if err != nil {
		t.Fatal(err)
	}
	tb, err := NewRemoteTable(m, proto.RoleFacilitator, "")
	if err != nil {
		t.Fatal(err)
	}
	f := NewRemote(Config{}, &RemoteConn{Table: tb, kick: make(chan struct{}, 1)})
	c := SceneOf[*ConsoleScene](f)
	view := func(seq int64, d *proto.Deadline) {
		tb.Apply(proto.Out{Type: "view", Seq: seq, View: &proto.View{Turn: 1, Deadline: d}})
		f.Poll()
	}
	rows := func() (string, string) {
		r := c.ConsoleRows(f)
		return r[conDeadline], r[conPolicy]
	}
	view(1, &proto.Deadline{Seconds: 300, Policy: "wait"})
	if d, p := rows(); !strings.HasPrefix(d, "Deadline to set: ◄ 5 min a turn ►") || !strings.Contains(p, "◄ wait:") {
		t.Errorf("rows %q, %q; want 5 min and wait", d, p)
	}
	c.Minutes = 7 // being chosen: a view of the same deadline keeps it
	view(2, &proto.Deadline{Seconds: 300, Policy: "wait", Warning: true})
	if c.Minutes != 7 {
		t.Errorf("minutes %d after a view of the same deadline, want 7", c.Minutes)
	}
	view(3, &proto.Deadline{Seconds: 10, Policy: "computer"}) // not whole minutes
	if d, p := rows(); !strings.HasPrefix(d, "Deadline to set: ◄ 7 min a turn ►") || !strings.Contains(p, "◄ computer:") {
		t.Errorf("rows %q, %q; want 7 min kept and computer", d, p)
	}
}
