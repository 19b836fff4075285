//go:build display

package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/sim/ai"
	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/geo"
)

// mapScenes are the screens of a local game that draw a map.
var mapScenes = []string{"title", "briefing", "map", "adjudication"}

// TestMapNamesApart plays a scripted turn of every built-in scenario and,
// on every screen that draws a map, at 1280x720 and 1920x1080, checks the
// map's layout as drawn (checkMapLayout). SIXPARTY_TEST_SHOTS keeps the
// pictures, named map-SCENARIO-SCENE-WxH.
func TestMapNamesApart(t *testing.T) {
	for _, name := range scenarios.Builtin() {
		t.Run(name, func(t *testing.T) {
			m, err := scenarios.LoadBuiltin(name)
			if err != nil {
				t.Fatal(err)
			}
			seats := make([]flow.Seat, len(m.Scenario.Actors))
			for i := range seats {
				seats[i] = flow.Seat{Level: ai.Easy}
			}
			seats[0] = flow.Seat{Human: true}
			f := flow.New(flow.Config{Builtin: scenarios.Builtin(), Source: name, Open: scenarios.LoadBuiltin, Seats: seats})
			g, err := NewGame(Options{Flow: f})
			if err != nil {
				t.Fatal(err)
			}
			s := &flow.Script{Turns: 1}
			seen := map[string]bool{}
			for i := 0; !g.f.Quit && i < 600; i++ {
				key := g.f.ShotKey()
				if !seen[key] && slices.Contains(mapScenes, key) {
					seen[key] = true
					for _, size := range [][2]int{{1280, 720}, {1920, 1080}} {
						checkMapDrawn(t, g, fmt.Sprintf("%s-%s", name, key), size)
					}
				}
				g.f.Do(s.Next(g.f))
			}
			for _, k := range mapScenes {
				if !seen[k] {
					t.Errorf("scene %s was not reached", k)
				}
			}
		})
	}
}

// TestProjectorMapNamesApart serves a game of every built-in scenario,
// seated by the computer, adjudicates its first turn and checks the projector's map, with the
// flows of the orders revealed, at 1280x720, 1920x1080 and the browser
// window of the seminar pictures (1280x577).
func TestProjectorMapNamesApart(t *testing.T) {
	for _, name := range scenarios.Builtin() {
		t.Run(name, func(t *testing.T) {
			m, err := scenarios.LoadBuiltin(name)
			if err != nil {
				t.Fatal(err)
			}
			seed := m.Scenario.Meta.Seed
			seats := map[string]string{}
			for _, a := range m.Scenario.Actors {
				seats[a.ID] = "computer:easy" // their orders are the flows shown
			}
			join := serveGame(t, proto.CreateRequest{Scenario: name, Seed: &seed, Seats: seats})
			fac := join(proto.RoleFacilitator)
			f := flow.NewRemote(flow.Config{}, join(proto.RoleProjector))
			fac.Table.Send(proto.Msg{Type: "adjudicate", Turn: 1})
			fac.Kick()
			for end := time.Now().Add(30 * time.Second); f.Remote().Table.Played() < 1; time.Sleep(20 * time.Millisecond) {
				if time.Now().After(end) {
					t.Fatal("the first turn was never adjudicated")
				}
				f.Poll()
			}
			g, err := NewGame(Options{Flow: f})
			if err != nil {
				t.Fatal(err)
			}
			for _, size := range [][2]int{{1280, 720}, {1920, 1080}, {1280, 577}} {
				checkMapDrawn(t, g, name+"-projector", size)
			}
		})
	}
}

// checkMapDrawn renders g's screen at size and checks the layout of the
// map it drew (checkMapLayout); the screen must draw one.
func checkMapDrawn(t *testing.T, g *Game, what string, size [2]int) {
	t.Helper()
	before := -1
	if c := g.mapCache.layouts; c != nil {
		before = c.Uses()
	}
	pix := render(g, size[0], size[1])
	if dir := os.Getenv("SIXPARTY_TEST_SHOTS"); dir != "" {
		writePNG(t, filepath.Join(dir, fmt.Sprintf("map-%s-%dx%d.png", what, size[0], size[1])), pix, size[0], size[1])
	}
	c := g.mapCache.layouts
	if c == nil || c.Uses() == before {
		t.Errorf("%s at %dx%d: no map drawn", what, size[0], size[1])
		return
	}
	in, l, _ := c.Last()
	t.Logf("%s at %dx%d: map in %+v", what, size[0], size[1], in.Rect)
	for _, e := range geo.NameProblems(in.Model, in.Rect, l) {
		t.Errorf("%s at %dx%d: %s", what, size[0], size[1], e)
	}
}

// TestMapLayoutCached checks that drawing the same screen again lays its
// map out once, and that another window size lays it out anew.
func TestMapLayoutCached(t *testing.T) {
	g := newTestGame(t)
	render(g, 1280, 720) // the title screen, with the default scenario's map
	c := g.mapCache.layouts
	if c == nil {
		t.Fatal("the title screen drew no map")
	}
	n := c.Computed()
	render(g, 1280, 720)
	render(g, 1920, 1080) // the same canvas: the same layout
	if c.Computed() != n {
		t.Errorf("drawing the same map again computed %d layouts", c.Computed()-n)
	}
	render(g, 1280, 1024) // another shape: another rectangle
	if c.Computed() != n+1 {
		t.Errorf("a new window shape computed %d layouts, want 1", c.Computed()-n)
	}
}
