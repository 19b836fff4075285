package flow

import (
	"bytes"
	"context"
	"math"
	"net/http/httptest"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/server"
	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/server/store"
	"github.com/sixparty/sixparty/sim"
)

// served is a game on a server in the test process, with three person
// seats (the first three actors of the default scenario) and the rest
// played by the computer.
type served struct {
	url   string
	links map[string]string
	m     *sim.Model
	seats []string
}

func serveGame(t *testing.T) *served {
	t.Helper()
	return serveScenario(t, scenarios.Default)
}

// serveScenario serves a game of the built-in scenario name with its
// first three actors person seats.
func serveScenario(t *testing.T, name string) *served {
	t.Helper()
	url := testServer(t)
	m, err := scenarios.LoadBuiltin(name)
	if err != nil {
		t.Fatal(err)
	}
	s := &served{url: url, m: m}
	seats := map[string]string{}
	for i, a := range m.Scenario.Actors {
		seats[a.ID] = "computer:easy"
		if i < 3 {
			seats[a.ID] = "person"
			s.seats = append(s.seats, a.ID)
		}
	}
	// The scenario's own seed, which a game plays only when asked to: the
	// tests count on its chance.
	seed := m.Scenario.Meta.Seed
	resp, err := client.Create(context.Background(), url, proto.CreateRequest{Scenario: name, Seats: seats, Seed: &seed})
	if err != nil {
		t.Fatal(err)
	}
	s.links = resp.Links
	return s
}

// testServer starts a server in the test process, on a store of its own,
// and returns its URL; the test's cleanup stops it.
func testServer(t *testing.T) string {
	t.Helper()
	st, err := store.OpenSQLite(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	srv := server.New(server.Config{Store: st, Logf: t.Logf})
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { hs.Close(); srv.Close(); st.Close() })
	return hs.URL
}

func join(t *testing.T, ctx context.Context, s string) *RemoteConn {
	t.Helper()
	l, err := client.ParseLink(s)
	if err != nil {
		t.Fatal(err)
	}
	rc, err := JoinRemote(ctx, l)
	if err != nil {
		t.Fatal(err)
	}
	go rc.Run(ctx)
	return rc
}

// waitFor polls cond until it holds, failing after a minute.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(time.Minute); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// TestRemoteTable plays two turns of a served game at remote tables (three
// seats, the facilitator, the projector): drafts, a message, a dropped
// connection mid-turn whose draft survives, the facilitator adjudicating.
// It checks what every table shows against the facilitator's true state:
// no seat's table holds a hidden variable's true value or its ledger
// entries, and the projector's holds only what every actor sees exactly.
func TestRemoteTable(t *testing.T) {
	s := serveGame(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	fac := join(t, ctx, s.links[proto.RoleFacilitator])
	proj := join(t, ctx, s.links[proto.RoleProjector])
	var seats []*RemoteConn
	for _, a := range s.seats {
		seats = append(seats, join(t, ctx, s.links[a]))
	}
	m := s.m
	if fac.Table.Role() != proto.RoleFacilitator || proj.Table.Role() != proto.RoleProjector || seats[1].Table.Seat() != 1 {
		t.Fatalf("roles: %s %s seat %d", fac.Table.Role(), proj.Table.Role(), seats[1].Table.Seat())
	}
	// A message from the first seat to everyone.
	seats[0].Table.Say("all", "hello room")
	seats[0].Kick()
	waitFor(t, "the message", func() bool { return seats[2].Table.Unread("all") == 1 && len(fac.Table.Messages(-1)) == 1 })
	if got := seats[2].Table.Messages(2); got[0].Text != "hello room" || got[0].From != 0 || got[0].Turn != 1 {
		t.Errorf("message received: %+v", got)
	}
	waitFor(t, "the sender's copy", func() bool { return len(seats[0].Table.Messages(0)) == 1 })
	if n := seats[0].Table.Unread("all"); n != 0 {
		t.Errorf("the sender has %d unread of its own", n)
	}
	seats[2].Table.MarkRead("all")
	if n := seats[2].Table.Unread("all"); n != 0 {
		t.Errorf("unread after reading: %d", n)
	}

	for turn := 1; turn <= 2; turn++ {
		for i, rc := range seats {
			if i == 1 {
				// The second seat's network drops just before it submits:
				// the draft waits on the table and goes out on reconnect.
				rc.Drop()
			}
			if err := rc.Table.Submit(i, map[string]int{}, nil); err != nil {
				t.Fatal(err)
			}
			rc.Kick()
		}
		waitFor(t, "every seat ready", func() bool {
			for i := range seats {
				if !fac.Table.Ready(i) {
					return false
				}
			}
			return true
		})
		fac.Table.Send(proto.Msg{Type: "adjudicate", Turn: turn})
		fac.Kick()
		waitFor(t, "the adjudication", func() bool {
			for _, rc := range append([]*RemoteConn{fac, proj}, seats...) {
				if rc.Table.Played() != turn || rc.Table.Turn() != turn+1 {
					return false
				}
			}
			return true
		})
	}
	if _, dials := seats[1].Connected(); dials < 3 {
		t.Errorf("the dropped seat dialled %d times, want at least 3", dials)
	}
	for _, e := range fac.Table.Errors() {
		t.Errorf("facilitator refused: %s", e)
	}

	// What each table holds, against the truth.
	for turn := 0; turn <= 2; turn++ {
		truth := fac.Table.View(-1, turn)
		for i, rc := range seats {
			v := rc.Table.View(i, turn)
			for vi := range m.Scenario.Vars {
				if m.SeesExactly(i, vi) != v.Exact[vi] {
					t.Errorf("seat %d turn %d var %d: exact %v", i, turn, vi, v.Exact[vi])
				}
				if !m.SeesExactly(i, vi) && m.Scenario.Vars[vi].Noise > 0 && v.Vals[vi] == truth.Vals[vi] {
					t.Errorf("seat %d turn %d holds the true value of hidden %s", i, turn, m.Scenario.Vars[vi].ID)
				}
				if m.SeesExactly(i, vi) && math.Abs(v.Vals[vi]-truth.Vals[vi]) > 1e-9 {
					t.Errorf("seat %d turn %d: %s is %v, truly %v", i, turn, m.Scenario.Vars[vi].ID, v.Vals[vi], truth.Vals[vi])
				}
			}
		}
		pv := proj.Table.View(-1, turn)
		for vi := range m.Scenario.Vars {
			if !proj.Table.Known(-1, vi) && pv.Vals[vi] != 0 {
				t.Errorf("projector turn %d holds %s, which not every actor sees", turn, m.Scenario.Vars[vi].ID)
			}
		}
	}
	for turn := 1; turn <= 2; turn++ {
		for i, rc := range seats {
			for _, e := range rc.Table.Entries(turn) {
				if !m.SeesExactly(i, e.Var) {
					t.Errorf("seat %d has a ledger entry of hidden %s", i, m.Scenario.Vars[e.Var].ID)
				}
			}
		}
		if got, want := seats[0].Table.Levels(turn), fac.Table.Levels(turn); !reflect.DeepEqual(got, want) {
			t.Errorf("turn %d levels differ between a seat and the facilitator", turn)
		}
		if len(fac.Table.Entries(turn)) == 0 {
			t.Errorf("turn %d: no ledger at the facilitator", turn)
		}
		for _, e := range fac.Table.Entries(turn) {
			if e.Cause.Kind == 0 {
				t.Errorf("turn %d: a cause not read back: %+v", turn, e)
			}
		}
	}
}

// TestRemoteTableReplay feeds a table the messages a seat recorded (as
// `sixparty join --trace` writes them) and checks it ends as the live
// table did: the table is a function of the server's messages alone.
func TestRemoteTableReplay(t *testing.T) {
	s := serveGame(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var trace lockedBuf
	c, live := traced(t, ctx, s, &trace)
	fac := join(t, ctx, s.links[proto.RoleFacilitator])
	fac.Table.Say("all", "from the white cell")
	fac.Kick()
	for i := range s.seats {
		fac.Table.Send(proto.Msg{Type: "seat", Actor: s.seats[i], Seat: "computer:easy"})
	}
	fac.Table.Send(proto.Msg{Type: "adjudicate", Turn: 1})
	fac.Kick()
	for live.Played() < 1 || len(live.Messages(0)) < 1 {
		out, err := c.Recv(ctx)
		if err != nil {
			t.Fatal(err)
		}
		live.Apply(out)
	}
	replayed := tableOf(t, s, trace.bytes())
	if !reflect.DeepEqual(replayed.Snapshot(), live.Snapshot()) || !reflect.DeepEqual(replayed.View(0, 1), live.View(0, 1)) {
		t.Errorf("the replayed table differs from the live one")
	}
	if got := replayed.Messages(0); len(got) != 1 || got[0].From != -1 || got[0].Text != "from the white cell" {
		t.Errorf("messages: %+v", got)
	}
}

type lockedBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuf) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuf) bytes() []byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	return bytes.Clone(l.b.Bytes())
}

// TestRemoteProjectorUnseen checks that a variable the server left out of
// a view is known to be absent, not a value of 0: the projector's table
// neither knows nor shows mood (which every actor sees exactly, but the
// view did not hold), and a seat's shows it "not public". The value sent
// is shown as before.
func TestRemoteProjectorUnseen(t *testing.T) {
	m, err := scenarios.Load("fixture.yaml", []byte(fixture))
	if err != nil {
		t.Fatal(err)
	}
	tension, money, mood := m.VarIndex("tension"), m.VarIndex("money"), m.VarIndex("mood")
	out := proto.Out{Type: "welcome", Seq: 1, View: &proto.View{Turn: 1, Vars: []proto.Var{{ID: "tension", Value: 50, Exact: true}}}}
	for _, role := range []string{proto.RoleProjector, proto.RoleSeat} {
		actor := ""
		if role == proto.RoleSeat {
			actor = "a"
		}
		tb, err := NewRemoteTable(m, role, actor)
		if err != nil {
			t.Fatal(err)
		}
		if tb.Known(tb.Seat(), mood) || tb.Seen(0)[mood] {
			t.Errorf("%s: mood known or seen before any view", role)
		}
		tb.Apply(out)
		seen := tb.Seen(0)
		if !seen[tension] || seen[mood] || seen[money] {
			t.Errorf("%s: seen %v, want only tension", role, seen)
		}
		if !tb.Known(tb.Seat(), tension) || tb.Known(tb.Seat(), mood) || tb.Known(-1, mood) {
			t.Errorf("%s: known tension %v mood %v; want true false", role, tb.Known(tb.Seat(), tension), tb.Known(tb.Seat(), mood))
		}
		if v := tb.View(tb.Seat(), 0); v.Exact[mood] || v.SD[mood] != 0 || v.Vals[tension] != 50 || !v.Exact[tension] {
			t.Errorf("%s: view %+v", role, v)
		}
		fl := NewRemote(Config{}, &RemoteConn{Table: tb, kick: make(chan struct{}, 1)})
		lines := map[int]ValueLine{}
		for _, l := range fl.RemoteValues() {
			lines[l.Var] = l
		}
		if l := lines[tension]; l.Value != "50.0" || !l.Exact || !l.Seen {
			t.Errorf("%s: tension shown %+v, want 50.0 exact", role, l)
		}
		for _, vi := range []int{mood, money} {
			l, ok := lines[vi]
			switch {
			case role == proto.RoleProjector && ok:
				t.Errorf("projector shows unseen %s as %q", m.Scenario.Vars[vi].ID, l.Value)
			case role == proto.RoleSeat && (!ok || l.Seen || l.Exact || l.Value != "not public"):
				t.Errorf("seat shows unseen %s as %+v, want not public", m.Scenario.Vars[vi].ID, l)
			}
		}
	}
}
