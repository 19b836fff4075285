//go:build display

package ui

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/ui/flow"
)

// TestFacilitatorScreens adjusts an indicator and injects an event through
// the facilitator's pages, then draws each page, the turn report, the why
// view of the adjusted indicator and the timeline, checking that each
// draws something and that the value page's clickable rows are where they
// are drawn.
func TestFacilitatorScreens(t *testing.T) {
	g := newTestGame(t)
	f := g.f
	do := func(ins ...flow.Input) {
		for _, in := range ins {
			f.Do(in)
		}
	}
	c := flow.Do(flow.Confirm)
	do(c, c) // setup, briefing
	m := f.Game.Model
	vi := -1
	for i, v := range m.Scenario.Vars {
		lo, hi := m.Bounds(i)
		if len(v.Visible) == 0 && !math.IsInf(lo, 0) && !math.IsInf(hi, 0) {
			vi = i
			break
		}
	}
	if vi < 0 {
		t.Fatal("the default scenario has no bounded indicator that everyone sees, which this test needs")
	}
	lo, hi := m.Bounds(vi)
	shots := 0
	shoot := func(name string) {
		t.Helper()
		shots++
		for _, size := range [][2]int{{1920, 1080}, {1280, 720}} {
			pix := render(g, size[0], size[1])
			if dir := os.Getenv("SIXPARTY_TEST_SHOTS"); dir != "" {
				writePNG(t, filepath.Join(dir, fmt.Sprintf("fac-%02d-%s-%dx%d.png", shots, name, size[0], size[1])), pix, size[0], size[1])
			}
			if n := colours(pix); n < 20 {
				t.Errorf("%s at %dx%d: only %d colours; the scene looks blank", name, size[0], size[1], n)
			}
			if again := render(g, size[0], size[1]); !bytes.Equal(pix, again) {
				t.Errorf("%s at %dx%d: two draws of the same state differ", name, size[0], size[1])
			}
		}
	}
	do(flow.Do(flow.Facilitate))
	shoot("menu")
	do(flow.Input{Action: flow.Select, Item: flow.FacRowAdjust}, flow.Input{Action: flow.Select, Item: slices.Index(f.FacVars(), vi)})
	for _, r := range fmt.Sprint(lo + (hi-lo)*0.8) {
		do(flow.Input{Action: flow.Type, Rune: r})
	}
	do(c)
	for _, r := range "talks collapse after a border incident; the room agreed to play it out" {
		do(flow.Input{Action: flow.Type, Rune: r})
	}
	shoot("value")
	// A click on the Apply row applies.
	render(g, 1280, 720)
	b := g.canvas.Bounds()
	clicked := false
	for y := 0.0; y < b.H && !clicked; y += 4 {
		if ins, ok := g.hits.At(b.W*0.3, y); ok && len(ins) == 1 && ins[0] == (flow.Input{Action: flow.Select, Item: flow.FacRowApply}) {
			do(ins...)
			clicked = true
		}
	}
	if !clicked || f.FacPage() != flow.FacAdjust || len(flow.Interventions(f.Game, f.Game.Turn())) != 1 {
		t.Fatalf("clicking Apply: found %v, page %v, message %q", clicked, f.FacPage(), f.Message)
	}
	shoot("adjust")
	do(flow.Do(flow.Back), flow.Input{Action: flow.Select, Item: flow.FacRowInject})
	shoot("inject")
	do(c)
	do(flow.Do(flow.Back))
	shoot("menu-log")
	do(flow.Do(flow.Back))
	if f.Scene() != flow.Briefing {
		t.Fatalf("scene %v", f.Scene())
	}
	shoot("briefing")
	for f.Scene() != flow.Report {
		do(c)
		f.WaitThinking() // the computer players decide off the thread in a window
	}
	row := slices.IndexFunc(f.ReportRows(), func(e sim.Entry) bool { return e.Var == vi })
	if row < 0 {
		t.Fatalf("the report does not list the adjusted indicator")
	}
	do(flow.Input{Action: flow.Select, Item: row})
	shoot("report")
	do(flow.Do(flow.AskWhy))
	shoot("why")
	do(flow.Do(flow.Back), flow.Do(flow.EndGame), flow.Do(flow.Confirm), flow.Do(flow.PageNext))
	shoot("timeline")
}
