package server_test

import (
	"maps"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/savegame"
	"github.com/sixparty/sixparty/server"
	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/server/store"
)

// waitView reads the facilitator's messages until its view satisfies ok.
func waitView(t *testing.T, c *client.Conn, ok func(v *proto.View) bool) {
	t.Helper()
	ctx := ctxT(t)
	for !ok(&c.View) {
		if _, err := c.Recv(ctx); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDeadline sets one-second deadlines: under "computer" the computer
// gives every missing seat's orders, under "hold" last turn's orders are
// played again, under "wait" the turn waits, overdue, for the facilitator.
func TestDeadline(t *testing.T) {
	_, hs := start(t, t.TempDir())
	ctx := ctxT(t)
	resp, err := client.Create(ctx, hs.URL, proto.CreateRequest{Scenario: "pressure-2017"})
	if err != nil {
		t.Fatal(err)
	}
	fl := link(t, resp.Links[proto.RoleFacilitator])
	fac, err := client.Dial(ctx, fl, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	expect(t, ctx, fac, proto.Msg{Type: "deadline", Seconds: 1, Policy: "never"}, proto.CodeBad, `deadline policy "never": want hold, computer or wait`)
	expect(t, ctx, fac, proto.Msg{Type: "extend", Seconds: 5}, proto.CodeRefused, "no deadline is running")
	expect(t, ctx, fac, proto.Msg{Type: "deadline", Seconds: 1, Policy: "computer"}, "", "")
	warned := false
	waitView(t, fac, func(v *proto.View) bool {
		warned = warned || (v.Deadline != nil && v.Deadline.Warning && v.Turn == 1)
		return v.Turn == 2
	})
	if !warned {
		t.Errorf("no warning before the deadline")
	}
	expect(t, ctx, fac, proto.Msg{Type: "deadline", Seconds: 1, Policy: "hold"}, "", "")
	waitView(t, fac, func(v *proto.View) bool { return v.Turn == 3 })
	expect(t, ctx, fac, proto.Msg{Type: "deadline", Seconds: 1, Policy: "wait"}, "", "")
	waitView(t, fac, func(v *proto.View) bool { return v.Deadline != nil && v.Deadline.Overdue })
	if fac.View.Turn != 3 {
		t.Errorf("under wait the game went on to turn %d", fac.View.Turn)
	}
	// Overdue, the deadline stays as it passed (the clients say how long
	// ago), and an extension restarts it from now.
	if d := fac.View.Deadline; d.Due <= 0 || d.Due > time.Now().UnixMilli() {
		t.Errorf("overdue deadline due at %d, want the time it passed", d.Due)
	}
	expect(t, ctx, fac, proto.Msg{Type: "extend", Seconds: 60}, "", "")
	waitView(t, fac, func(v *proto.View) bool {
		d := v.Deadline
		return d != nil && !d.Overdue && d.Due > time.Now().Add(50*time.Second).UnixMilli()
	})
	expect(t, ctx, fac, proto.Msg{Type: "deadline", Seconds: 1, Policy: "wait"}, "", "")
	waitView(t, fac, func(v *proto.View) bool { return v.Deadline != nil && v.Deadline.Overdue })
	data, err := client.Save(ctx, fl)
	if err != nil {
		t.Fatal(err)
	}
	f, err := savegame.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	turns := f.Record.Turns
	if len(turns) != 2 {
		t.Fatalf("%d turns played, want 2", len(turns))
	}
	n := 0
	for a, o := range turns[0].Orders {
		n += len(o)
		if !maps.Equal(turns[1].Orders[a], o) {
			t.Errorf("%s: held orders %v, last turn's %v", a, turns[1].Orders[a], o)
		}
	}
	if n == 0 {
		t.Errorf("the computer gave no orders on turn 1")
	}
}

// TestHandOver hands seats to the computer and back: with --auto, a turn
// is played as soon as the remaining person is ready, the computer giving
// the others' orders; the facilitator sees who is connected.
func TestHandOver(t *testing.T) {
	_, hs := start(t, t.TempDir())
	ctx := ctxT(t)
	resp, err := client.Create(ctx, hs.URL, proto.CreateRequest{Scenario: "pressure-2017", Auto: true})
	if err != nil {
		t.Fatal(err)
	}
	fac, err := client.Dial(ctx, link(t, resp.Links[proto.RoleFacilitator]), 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	us, err := client.Dial(ctx, link(t, resp.Links["us"]), 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	waitView(t, fac, func(v *proto.View) bool { return v.Connected["us"] == 1 && v.Connected[proto.RoleFacilitator] == 1 })
	for _, a := range actors[1:] {
		expect(t, ctx, fac, proto.Msg{Type: "seat", Actor: a, Seat: "computer:easy"}, "", "")
	}
	expect(t, ctx, fac, proto.Msg{Type: "seat", Actor: "uss", Seat: "computer"}, proto.CodeBad, `unknown actor "uss"; did you mean "us"?`)
	expect(t, ctx, us, proto.Msg{Type: "ready", Turn: 1, Ready: true}, "", "")
	waitView(t, fac, func(v *proto.View) bool { return v.Turn == 2 })
	if len(fac.View.Turns) != 1 || len(fac.View.Turns[0].Orders["china"]) == 0 {
		t.Errorf("turn 1 was not played with the computer's orders for china: %+v", fac.View.Turns)
	}
	// China back to a person: the turn now waits for it.
	expect(t, ctx, fac, proto.Msg{Type: "seat", Actor: "china", Seat: "person"}, "", "")
	expect(t, ctx, us, proto.Msg{Type: "ready", Turn: 2, Ready: true}, "", "")
	waitView(t, fac, func(v *proto.View) bool { return v.Seats["china"] == "person" && v.Ready["us"] })
	if fac.View.Turn != 2 || fac.View.Ready["china"] {
		t.Errorf("turn %d, china ready %v: want turn 2 waiting for china", fac.View.Turn, fac.View.Ready["china"])
	}
}

// TestResumeOnStart restarts a server on its store: Resume brings back a
// game that is not over, whose deadline then plays the turn with no
// client connected.
func TestResumeOnStart(t *testing.T) {
	dir := t.TempDir()
	st, err := store.OpenSQLite(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := server.New(server.Config{Store: st})
	hs := httptest.NewServer(srv.Handler())
	ctx := ctxT(t)
	resp, err := client.Create(ctx, hs.URL, proto.CreateRequest{Scenario: "pressure-2017"})
	if err != nil {
		t.Fatal(err)
	}
	fac, err := client.Dial(ctx, link(t, resp.Links[proto.RoleFacilitator]), 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	expect(t, ctx, fac, proto.Msg{Type: "deadline", Seconds: 1, Policy: "computer"}, "", "")
	hs.Close()
	srv.Close()
	st.Close()

	st, err = store.OpenSQLite(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv = server.New(server.Config{Store: st})
	defer srv.Close()
	if n, err := srv.Resume(ctx); n != 1 || err != nil {
		t.Fatalf("Resume: %d games, %v; want 1", n, err)
	}
	hs = httptest.NewServer(srv.Handler())
	defer hs.Close()
	l := link(t, resp.Links[proto.RoleProjector])
	l.Base = hs.URL // the new server's address
	for {
		c, err := client.Dial(ctx, l, 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		turn := c.View.Turn
		c.Close()
		if turn >= 2 {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatal("the resumed game's deadline never played the turn")
		case <-time.After(200 * time.Millisecond):
		}
	}
}
