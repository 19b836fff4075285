package flow

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/savegame"
	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/sim"
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
			if i == 0 && turn == 1 {
				f.Do(Do(Right)) // the first lever up a level
			}
			for f.Cursor() < f.SubmitRow() {
				f.Do(Do(Down))
			}
			for f.Cursor() > f.SubmitRow() {
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

// TestRemoteChoice has the facilitator inject an event whose choice the
// first seat's actor decides: the seat's scene lists it after the levers,
// the seat takes the second option and submits, and the exported record
// holds the choice.
func TestRemoteChoice(t *testing.T) {
	s := serveGame(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	open := func(link string) *Flow {
		return NewRemote(Config{}, join(t, ctx, link))
	}
	con := open(s.links[proto.RoleFacilitator])
	var seats []*Flow
	for _, a := range s.seats {
		seats = append(seats, open(s.links[a]))
	}
	m := s.m
	me := m.ActorIndex(s.seats[0])
	ei := -1
	for k, ev := range m.Scenario.Events {
		if ev.Choice != nil && len(ev.Choice.Options) > 1 && m.Chooser(k) == me && len(m.Partners(k)) == 0 {
			ei = k
			break
		}
	}
	if ei < 0 {
		t.Fatalf("no event of %s's choice in %s", s.seats[0], m.Scenario.Meta.Title)
	}
	ev := m.Scenario.Events[ei]
	con.send(proto.Msg{Type: "inject", Event: ev.ID})
	f := seats[0]
	waitFor(t, "the injected event in the seat's briefing", func() bool {
		f.Poll()
		return len(f.SeatChoices()) > 0
	})
	if got := f.SeatChoices(); !slices.Contains(got, ei) {
		t.Fatalf("the seat's choices: %v, want %d among them", got, ei)
	}
	for _, o := range seats[1:] {
		o.Poll()
		if slices.Contains(o.SeatChoices(), ei) {
			t.Errorf("seat %d is asked to choose in %s", o.Current, ev.ID)
		}
	}
	for f.Cursor() < len(f.SeatLevers())+slices.Index(f.SeatChoices(), ei) {
		f.Do(Do(Down))
	}
	if l := f.scene.Label(f, Right); l != "option" {
		t.Errorf("the choice row's Right: %q", l)
	}
	f.Do(Do(Right))
	sc := SceneOf[*RemoteSeatScene](f)
	if k := sc.Pick(f, ei); k != 1 {
		t.Fatalf("option %d picked, want 1", k)
	}
	f.Do(Do(Confirm)) // to the submit row
	if f.Cursor() != f.SubmitRow() {
		t.Fatalf("cursor %d, want the submit row %d", f.Cursor(), f.SubmitRow())
	}
	for _, o := range seats {
		for o.Cursor() < o.SubmitRow() {
			o.Do(Do(Down))
		}
		o.Do(Do(Confirm))
		if !strings.HasPrefix(o.Message, "Orders submitted") {
			t.Fatalf("seat %d: %q", o.Current, o.Message)
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
	waitFor(t, "the adjudication", func() bool { return f.remote.Table.Played() == 1 })

	l, _ := client.ParseLink(s.links[proto.RoleFacilitator])
	b, err := client.Save(ctx, l)
	if err != nil {
		t.Fatal(err)
	}
	sf, err := savegame.Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(sf.Record.Turns) != 1 {
		t.Fatalf("the record has %d turns", len(sf.Record.Turns))
	}
	if got, want := sf.Record.Turns[0].Choices[ev.ID], ev.Choice.Options[1].ID; got != want {
		t.Errorf("recorded choice in %s: %q, want %q (all: %v)", ev.ID, got, want, sf.Record.Turns[0].Choices)
	}
}

// TestRemoteEnd ends a served game (the facilitator sets the tension past
// the war outcome's threshold and adjudicates): the seat's end view names
// the outcome and holds every actor's final score, and its orders are
// closed.
func TestRemoteEnd(t *testing.T) {
	s := serveGame(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	open := func(link string) *Flow {
		return NewRemote(Config{}, join(t, ctx, link))
	}
	con := open(s.links[proto.RoleFacilitator])
	var seats []*Flow
	for _, a := range s.seats {
		seats = append(seats, open(s.links[a]))
	}
	m := s.m
	f := seats[0]
	if _, over := f.RemoteEnd(); over {
		t.Fatal("an end view before the game is over")
	}
	hundred := 100.0
	con.send(proto.Msg{Type: "adjust", Var: "tension", Value: &hundred, Reason: "test: war"})
	for _, o := range seats {
		for o.Cursor() < o.SubmitRow() {
			o.Do(Do(Down))
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
	for con.Cursor() < len(m.Scenario.Actors)+conAdjudicate {
		con.Do(Do(Down))
	}
	con.Do(Do(Confirm))
	waitFor(t, "the end", func() bool { f.Poll(); return f.remote.Table.Over() })
	e, over := f.RemoteEnd()
	if !over {
		t.Fatal("no end view once over")
	}
	o := f.remote.Table.Outcome()
	if o == nil || e.Headline != o.Name {
		t.Errorf("end headline %q, outcome %v", e.Headline, o)
	}
	if len(e.Scores) != len(m.Scenario.Actors) || e.Mine != m.ActorIndex(s.seats[0]) {
		t.Errorf("end scores %v, mine %d", e.Scores, e.Mine)
	}
	t.Logf("%s: %v", e.Headline, e.Scores)
	sc := SceneOf[*RemoteSeatScene](f)
	for f.Cursor() > 0 {
		f.Do(Do(Up))
	}
	before := sc.Levels[0]
	f.Do(Do(Right))
	if sc.Levels[0] != before {
		t.Errorf("a lever moved after the end: %d to %d", before, sc.Levels[0])
	}
}

// TestRemoteJointChoice injects a joint decision (the chooser and a
// partner must agree): both seats list it, each takes the second option,
// and the record holds the chooser's answer under the event's id and the
// partner's under sim.PartnerKey.
func TestRemoteJointChoice(t *testing.T) {
	s := serveScenario(t, "hormuz-2019")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	open := func(link string) *Flow {
		return NewRemote(Config{}, join(t, ctx, link))
	}
	con := open(s.links[proto.RoleFacilitator])
	m := s.m
	ei := -1
	for k, ev := range m.Scenario.Events {
		if ev.Choice != nil && len(m.Partners(k)) > 0 && slices.Contains(s.seats, m.Scenario.Actors[m.Chooser(k)].ID) && slices.Contains(s.seats, m.Scenario.Actors[m.Partners(k)[0]].ID) {
			ei = k
			break
		}
	}
	if ei < 0 {
		t.Fatal("no joint decision between person seats")
	}
	ev := m.Scenario.Events[ei]
	var seats []*Flow
	for _, a := range s.seats {
		seats = append(seats, open(s.links[a]))
	}
	con.send(proto.Msg{Type: "inject", Event: ev.ID})
	for _, f := range seats {
		waitFor(t, "the injected event", func() bool {
			f.Poll()
			return len(f.remote.Table.Briefing()) > 0 && slices.Contains(f.remote.Table.Briefing(), ei)
		})
		if !m.Decides(ei, f.Current) {
			if slices.Contains(f.SeatChoices(), ei) {
				t.Errorf("seat %d lists %s, which it does not decide", f.Current, ev.ID)
			}
			continue
		}
		k := slices.Index(f.SeatChoices(), ei)
		if k < 0 {
			t.Fatalf("seat %d does not list %s", f.Current, ev.ID)
		}
		for f.Cursor() < len(f.SeatLevers())+k {
			f.Do(Do(Down))
		}
		f.Do(Do(Right))
	}
	for _, f := range seats {
		for f.Cursor() < f.SubmitRow() {
			f.Do(Do(Down))
		}
		for f.Cursor() > f.SubmitRow() {
			f.Do(Do(Up))
		}
		f.Do(Do(Confirm))
		if !strings.HasPrefix(f.Message, "Orders submitted") {
			t.Fatalf("seat %d: %q", f.Current, f.Message)
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
	waitFor(t, "the adjudication", func() bool { return seats[0].remote.Table.Played() == 1 })
	l, _ := client.ParseLink(s.links[proto.RoleFacilitator])
	b, err := client.Save(ctx, l)
	if err != nil {
		t.Fatal(err)
	}
	sf, err := savegame.Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	got := sf.Record.Turns[0].Choices
	want := ev.Choice.Options[1].ID
	partner := sim.PartnerKey(ev.ID, m.Scenario.Actors[m.Partners(ei)[0]].ID)
	if got[ev.ID] != want || got[partner] != want {
		t.Errorf("recorded choices %v, want %s and %s = %s", got, ev.ID, partner, want)
	}
}
