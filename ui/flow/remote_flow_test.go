package flow

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/savegame"
	"github.com/sixparty/sixparty/server/proto"
)

func typeText(f *Flow, s string) {
	for _, r := range s {
		f.Do(Input{Action: Type, Rune: r})
	}
}

// TestRemoteScenes drives the scenes of three seats, the console and the
// projector over remote tables, by their inputs alone, through two
// turns: a seat raises a lever and submits, sends a message; the console
// adjudicates; the projector shows only public values, then the turn's
// revealed orders and changes. The exported record holds the orders and
// the message.
func TestRemoteScenes(t *testing.T) {
	s := serveGame(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	open := func(link string) *Flow {
		return NewRemote(Config{}, join(t, ctx, link))
	}
	con, proj := open(s.links[proto.RoleFacilitator]), open(s.links[proto.RoleProjector])
	var seats []*Flow
	for _, a := range s.seats {
		seats = append(seats, open(s.links[a]))
	}
	if con.Scene() != Console || proj.Scene() != Projector || seats[0].Scene() != RemoteSeat {
		t.Fatalf("scenes: %v %v %v", con.Scene(), proj.Scene(), seats[0].Scene())
	}
	m := s.m
	for vi, line := range proj.RemoteValues() {
		if !line.Exact || !proj.remote.Table.Known(-1, line.Var) {
			t.Errorf("projector shows %d %q, which not every actor sees exactly", vi, line.Name)
		}
	}
	for turn := 1; turn <= 2; turn++ {
		for i, f := range seats {
			levers := f.SeatLevers()
			if i == 0 && turn == 1 {
				f.Do(Do(Right)) // the first lever up a level
			}
			for f.Cursor() < len(levers) {
				f.Do(Do(Down))
			}
			for f.Cursor() > len(levers) {
				f.Do(Do(Up))
			}
			f.Do(Do(Confirm))
			if !strings.HasPrefix(f.Message, "Orders submitted") {
				t.Fatalf("seat %d: %q", i, f.Message)
			}
			if turn == 1 && i == 2 {
				f.Do(Do(Down)) // the channel: everyone
				f.Do(Do(Down))
				if !f.WantsText() {
					t.Fatal("the message row takes no text")
				}
				typeText(f, "we hold")
				f.Do(Do(Confirm))
			}
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
		for con.Cursor() < len(m.Scenario.Actors)+conAdjudicate {
			con.Do(Do(Down))
		}
		con.Do(Do(Confirm))
		waitFor(t, "the adjudication", func() bool { return proj.remote.Table.Played() == turn && seats[0].remote.Table.Played() == turn })
		if turn == 1 {
			orders, changes := proj.LastTurnLines(5)
			first := m.Scenario.Levers[seats[0].SeatLevers()[0]]
			if len(orders) == 0 || !strings.Contains(strings.Join(orders, "\n"), first.Name) {
				t.Errorf("projector's revealed orders %q lack %s", orders, first.Name)
			}
			for _, c := range changes {
				t.Log("projector:", c)
			}
		}
	}
	waitFor(t, "the message", func() bool { return len(seats[0].ChannelMessages("all")) == 1 })
	if got := seats[0].ChannelMessages("all")[0]; got.Text != "we hold" || got.From != m.Scenario.Actors[2].Name {
		t.Errorf("message: %+v", got)
	}
	// A deadline of two minutes a turn, from the console.
	for con.Cursor() < len(m.Scenario.Actors)+conDeadline {
		con.Do(Do(Down))
	}
	con.Do(Do(Right))
	con.Do(Do(Right))
	con.Do(Do(Confirm))
	waitFor(t, "the deadline", func() bool {
		d := seats[0].remote.Table.Snapshot().Deadline
		return d != nil && d.Seconds == 120 && d.Policy == "hold"
	})
	if st := seats[0].RemoteStatus(time.Now()); !strings.Contains(st, " left") {
		t.Errorf("a seat's status with a deadline: %q", st)
	}
	if line := con.SeatLine(0); !strings.Contains(line, "person") {
		t.Errorf("console seat line %q", line)
	}

	l, _ := client.ParseLink(s.links[proto.RoleFacilitator])
	b, err := client.Save(ctx, l)
	if err != nil {
		t.Fatal(err)
	}
	sf, err := savegame.Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(sf.Record.Turns); n != 2 {
		t.Fatalf("the record has %d turns", n)
	}
	first := m.Scenario.Levers[seats[0].SeatLevers()[0]]
	if lvl := sf.Record.Turns[0].Orders[m.Scenario.Actors[0].ID][first.ID]; lvl != 1 {
		t.Errorf("recorded level of %s: %d, want 1", first.ID, lvl)
	}
	if len(sf.Record.Messages) != 1 || sf.Record.Messages[0].Text != "we hold" {
		t.Errorf("recorded messages: %+v", sf.Record.Messages)
	}
}
