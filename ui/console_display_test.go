//go:build display

package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/ui/flow"
)

// TestConsoleDeadline draws the facilitator's console of a served game
// with a deadline of three minutes a turn under the wait policy running:
// the deadline, policy and extend rows, the countdown.
func TestConsoleDeadline(t *testing.T) {
	join := serveDefault(t)
	rc := join(proto.RoleFacilitator)
	f := flow.NewRemote(flow.Config{}, rc)
	na := len(f.Model.Scenario.Actors)
	for f.Cursor() < na+flow.ConsoleDeadlineRow {
		f.Do(flow.Do(flow.Down))
	}
	for range 3 {
		f.Do(flow.Do(flow.Right))
	}
	f.Do(flow.Do(flow.Down)) // the policy: wait
	f.Do(flow.Do(flow.Right))
	f.Do(flow.Do(flow.Right))
	f.Do(flow.Do(flow.Confirm))
	for end := time.Now().Add(30 * time.Second); !strings.Contains(f.DeadlineStatus(time.Now()), "wait for every team"); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("the deadline never reached the console: %q", f.DeadlineStatus(time.Now()))
		}
		f.Poll()
	}
	f.Do(flow.Do(flow.Down)) // the extend row
	g, err := NewGame(Options{Flow: f})
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{1280, 720}, {1920, 1080}} {
		pix := render(g, size[0], size[1])
		if dir := os.Getenv("SIXPARTY_TEST_SHOTS"); dir != "" {
			writePNG(t, filepath.Join(dir, fmt.Sprintf("console-deadline-%dx%d.png", size[0], size[1])), pix, size[0], size[1])
		}
		if n := colours(pix); n < 20 {
			t.Errorf("%dx%d: only %d colours", size[0], size[1], n)
		}
	}
}

// TestConsoleDeadlineAlerts draws the console of a served game whose
// ten-second deadline under the wait policy runs out while no team is
// ready: first the warning (the last fifth), then overdue, each with the
// deadline row in its colour and the status saying so.
func TestConsoleDeadlineAlerts(t *testing.T) {
	join := serveDefault(t)
	rc := join(proto.RoleFacilitator)
	f := flow.NewRemote(flow.Config{}, rc)
	for f.Cursor() < len(f.Model.Scenario.Actors)+flow.ConsoleDeadlineRow {
		f.Do(flow.Do(flow.Down))
	}
	rc.Table.Send(proto.Msg{Type: "deadline", Seconds: 10, Policy: "wait"})
	rc.Kick()
	g, err := NewGame(Options{Flow: f})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, says string
		is         func(warn, over bool) bool
	}{
		{"warning", "WARNING: the deadline is near", func(w, o bool) bool { return w && !o }},
		{"overdue", "OVERDUE: waiting for the teams not ready", func(_, o bool) bool { return o }},
	} {
		for end := time.Now().Add(30 * time.Second); !c.is(f.DeadlineAlert()); time.Sleep(20 * time.Millisecond) {
			if time.Now().After(end) {
				t.Fatalf("no %s: %q", c.name, f.DeadlineStatus(time.Now()))
			}
			f.Poll()
		}
		if s := f.DeadlineStatus(time.Now()); !strings.Contains(s, c.says) {
			t.Errorf("%s: the status says %q", c.name, s)
		}
		for _, size := range [][2]int{{1280, 720}, {1920, 1080}} {
			pix := render(g, size[0], size[1])
			if dir := os.Getenv("SIXPARTY_TEST_SHOTS"); dir != "" {
				writePNG(t, filepath.Join(dir, fmt.Sprintf("console-%s-%dx%d.png", c.name, size[0], size[1])), pix, size[0], size[1])
			}
			if n := colours(pix); n < 20 {
				t.Errorf("%s %dx%d: only %d colours", c.name, size[0], size[1], n)
			}
		}
	}
}
