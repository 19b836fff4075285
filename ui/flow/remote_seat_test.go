package flow

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sixparty/sixparty/server/proto"
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
