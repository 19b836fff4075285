//go:build display

package ui

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/server"
	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/server/store"
	"github.com/sixparty/sixparty/ui/flow"
)

// TestRemoteSeatChoice draws a remote seat whose briefing holds an event
// its actor decides (injected by the facilitator): the scene draws with
// the choice row, and a click on its second option takes it.
func TestRemoteSeatChoice(t *testing.T) {
	join := serveDefault(t)
	fac := join(proto.RoleFacilitator)
	f := flow.NewRemote(flow.Config{}, join("us"))
	fac.Table.Send(proto.Msg{Type: "inject", Event: "singapore"})
	fac.Kick()
	for end := time.Now().Add(30 * time.Second); len(f.SeatChoices()) == 0; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("the injected event never reached the seat")
		}
		f.Poll()
	}
	ei := f.SeatChoices()[0]
	row := len(f.SeatLevers())
	for f.Cursor() < row {
		f.Do(flow.Do(flow.Down)) // the choice row scrolls into view
	}
	g, err := NewGame(Options{Flow: f})
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{1280, 720}, {1920, 1080}} {
		pix := render(g, size[0], size[1])
		if dir := os.Getenv("SIXPARTY_TEST_SHOTS"); dir != "" {
			writePNG(t, filepath.Join(dir, fmt.Sprintf("remote-seat-choice-%dx%d.png", size[0], size[1])), pix, size[0], size[1])
		}
		if n := colours(pix); n < 20 {
			t.Errorf("%dx%d: only %d colours", size[0], size[1], n)
		}
	}
	// A click on the second option of the choice row.
	render(g, 1280, 720)
	clicked := false
	for y := 0.0; y < 1200 && !clicked; y += 4 {
		for x := 0.0; x < 2000 && !clicked; x += 4 {
			ins, ok := g.hits.At(x, y)
			if ok && len(ins) == 1 && ins[0].Action == flow.SetLevel && ins[0].Item == row && ins[0].Value == 1 {
				g.f.Do(ins[0])
				clicked = true
			}
		}
	}
	if !clicked {
		t.Fatal("no click region for the choice's second option")
	}
	if k := flow.SceneOf[*flow.RemoteSeatScene](f).Pick(f, ei); k != 1 {
		t.Errorf("option %d taken, want 1", k)
	}
}

// TestRemoteSeatEnd draws a remote seat once the game is over (the
// facilitator sets the tension past the war outcome's threshold and
// adjudicates): the outcome and the final scores over the rows.
func TestRemoteSeatEnd(t *testing.T) {
	join := serveDefault(t)
	fac := join(proto.RoleFacilitator)
	f := flow.NewRemote(flow.Config{}, join("us"))
	hundred := 100.0
	fac.Table.Send(proto.Msg{Type: "adjust", Var: "tension", Value: &hundred, Reason: "test: war"})
	fac.Table.Send(proto.Msg{Type: "adjudicate", Turn: 1})
	fac.Kick()
	for end := time.Now().Add(30 * time.Second); !f.Remote().Table.Over(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("the game never ended")
		}
		f.Poll()
	}
	if e, _ := f.RemoteEnd(); len(e.Scores) == 0 {
		t.Fatal("no final scores")
	}
	g, err := NewGame(Options{Flow: f})
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{1280, 720}, {1920, 1080}, {800, 600}} {
		pix := render(g, size[0], size[1])
		if dir := os.Getenv("SIXPARTY_TEST_SHOTS"); dir != "" {
			writePNG(t, filepath.Join(dir, fmt.Sprintf("remote-seat-end-%dx%d.png", size[0], size[1])), pix, size[0], size[1])
		}
		if n := colours(pix); n < 20 {
			t.Errorf("%dx%d: only %d colours", size[0], size[1], n)
		}
	}
}

// serveDefault serves a game of the default scenario on its own seed on a
// server in the test process, for a minute at most, and returns a
// function that joins it by a role's link (an actor id, "facilitator" or
// "projector") and keeps the connection running.
func serveDefault(t *testing.T) func(role string) *flow.RemoteConn {
	t.Helper()
	return serveGame(t, proto.CreateRequest{Scenario: scenarios.Default, Seed: defaultSeed(t)})
}

// serveGame serves the game req asks for on a server in the test process,
// for a minute at most, and returns a function that joins it by a role's
// link and keeps the connection running.
func serveGame(t *testing.T, req proto.CreateRequest) func(role string) *flow.RemoteConn {
	t.Helper()
	st, err := store.OpenSQLite(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	srv := server.New(server.Config{Store: st, Logf: t.Logf})
	hs := httptest.NewServer(srv.Handler())
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(func() { cancel(); hs.Close(); srv.Close(); st.Close() })
	resp, err := client.Create(ctx, hs.URL, req)
	if err != nil {
		t.Fatal(err)
	}
	return func(role string) *flow.RemoteConn {
		t.Helper()
		l, err := client.ParseLink(resp.Links[role])
		if err != nil {
			t.Fatal(err)
		}
		rc, err := flow.JoinRemote(ctx, l)
		if err != nil {
			t.Fatal(err)
		}
		go rc.Run(ctx)
		return rc
	}
}

// defaultSeed returns the default scenario's own seed, which a served game
// plays only when asked to: the drawings count on its chance.
func defaultSeed(t *testing.T) *uint64 {
	t.Helper()
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	seed := m.Scenario.Meta.Seed
	return &seed
}

// TestRemoteSeatDashboard draws a remote seat's dashboard and why views
// after a turn: the seat's own view of every indicator (estimates marked),
// the why view of one it sees exactly, with the causes the server sent,
// and of one it sees only as an estimate.
func TestRemoteSeatDashboard(t *testing.T) {
	join := serveDefault(t)
	fac := join(proto.RoleFacilitator)
	f := flow.NewRemote(flow.Config{}, join("us"))
	m := f.Model
	for _, a := range m.Scenario.Actors {
		fac.Table.Send(proto.Msg{Type: "seat", Actor: a.ID, Seat: "computer:easy"})
	}
	fac.Table.Send(proto.Msg{Type: "adjudicate", Turn: 1})
	fac.Kick()
	for end := time.Now().Add(30 * time.Second); f.Played < 1; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("turn 1 never reached the seat")
		}
		f.Poll()
	}
	// A deadline running: its countdown is in the dashboard's header too.
	fac.Table.Send(proto.Msg{Type: "deadline", Seconds: 600, Policy: "hold"})
	fac.Kick()
	for end := time.Now().Add(30 * time.Second); !strings.Contains(f.LiveStatus(time.Now()), "left"); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("the deadline never reached the seat: %q", f.LiveStatus(time.Now()))
		}
		f.Poll()
	}
	g, err := NewGame(Options{Flow: f})
	if err != nil {
		t.Fatal(err)
	}
	shot := func(name string) { t.Helper(); seatShot(t, g, name) }
	shot("orders")
	f.Do(flow.Do(flow.OpenDashboard))
	if f.Scene() != flow.Dashboard {
		t.Fatalf("D opened %v, not the dashboard", f.Scene())
	}
	shot("dashboard")
	// The why view of the indicator that moved most of those the seat sees
	// exactly, then of one it sees only as an estimate.
	exact, est := -1, -1
	for i, vi := range f.DashVars() {
		switch {
		case f.Known(vi) && exact < 0 && len(f.Table().Entries(1)) > 0:
			for _, e := range f.Table().Entries(1) {
				if e.Var == vi && e.Amount != 0 {
					exact = i
				}
			}
		case !f.Known(vi) && est < 0:
			est = i
		}
	}
	if exact < 0 || est < 0 {
		t.Fatalf("no moved exact indicator (%d) or estimate (%d) on the dashboard", exact, est)
	}
	for _, c := range []struct {
		name string
		row  int
	}{{"why", exact}, {"why-estimate", est}} {
		f.SetCursor(c.row)
		f.Do(flow.Do(flow.AskWhy))
		if f.Scene() != flow.Why {
			t.Fatalf("W on row %d opened %v (%s)", c.row, f.Scene(), f.Message)
		}
		if w := flow.SceneOf[*flow.WhyScene](f); w.Hidden != (c.name == "why-estimate") {
			t.Errorf("%s: hidden %v", c.name, w.Hidden)
		}
		if c.name == "why" && len(f.WhyReasons()) == 0 {
			t.Errorf("the why view of an exact indicator that moved has no causes")
		}
		shot(c.name)
		f.Do(flow.Do(flow.Back))
	}
	f.Do(flow.Do(flow.Back))
	if f.Scene() != flow.RemoteSeat {
		t.Errorf("back at %v, not the seat", f.Scene())
	}
}

// seatShot draws a remote seat's screen at 1280×720 and 1920×1080,
// checks it is not blank, and keeps it as remote-seat-NAME-WxH.png under
// SIXPARTY_TEST_SHOTS.
func seatShot(t *testing.T, g *Game, name string) {
	t.Helper()
	for _, size := range [][2]int{{1280, 720}, {1920, 1080}} {
		pix := render(g, size[0], size[1])
		if dir := os.Getenv("SIXPARTY_TEST_SHOTS"); dir != "" {
			writePNG(t, filepath.Join(dir, fmt.Sprintf("remote-seat-%s-%dx%d.png", name, size[0], size[1])), pix, size[0], size[1])
		}
		if n := colours(pix); n < 20 {
			t.Errorf("%s %dx%d: only %d colours", name, size[0], size[1], n)
		}
	}
}
