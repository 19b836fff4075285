//go:build display

// These tests need a display (run them under Xvfb with -tags display): a
// test binary that links Ebitengine cannot start without one.

package ui

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim/ai"
	"github.com/sixparty/sixparty/ui/flow"
)

// runner runs the tests inside the game loop, where pixels can be read.
type runner struct {
	run  func() int
	code int
	done bool
}

func (r *runner) Update() error {
	if !r.done {
		r.code = r.run()
		r.done = true
	}
	return ebiten.Termination
}

func (r *runner) Draw(*ebiten.Image)         {}
func (r *runner) Layout(w, h int) (int, int) { return w, h }
func TestMain(m *testing.M) {
	r := &runner{run: m.Run}
	ebiten.SetWindowSize(320, 200)
	if err := ebiten.RunGame(r); err != nil {
		panic(err)
	}
	os.Exit(r.code)
}

func newTestGame(t *testing.T) *Game {
	t.Helper()
	// SIXPARTY_TEST_SCENARIO plays another built-in scenario (to look at
	// its screens with SIXPARTY_TEST_SHOTS).
	name := scenarios.Default
	if s := os.Getenv("SIXPARTY_TEST_SCENARIO"); s != "" {
		name = s
	}
	m, err := scenarios.LoadBuiltin(name)
	if err != nil {
		t.Fatal(err)
	}
	seats := make([]flow.Seat, len(m.Scenario.Actors))
	for i := range seats {
		seats[i] = flow.Seat{Level: ai.Easy}
	}
	// SIXPARTY_TEST_SEAT seats the person at another actor (by index),
	// alone.
	if s, err := strconv.Atoi(os.Getenv("SIXPARTY_TEST_SEAT")); err == nil && s >= 0 && s < len(seats) {
		seats[s] = flow.Seat{Human: true}
	} else {
		seats[0] = flow.Seat{Human: true}
		if os.Getenv("SIXPARTY_TEST_SOLO") == "" {
			seats[1] = flow.Seat{Human: true}
		}
	}
	f := flow.New(flow.Config{Builtin: scenarios.Builtin(), Source: name, Open: scenarios.LoadBuiltin, Seats: seats})
	g, err := NewGame(Options{Flow: f})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// render draws the current scene at w x h and returns its pixels.
func render(g *Game, w, h int) []byte {
	g.Layout(w, h)
	img := ebiten.NewImage(w, h)
	defer img.Deallocate()
	g.dirty = true
	g.Draw(img)
	pix := make([]byte, 4*w*h)
	img.ReadPixels(pix)
	return pix
}

// writePNG saves pixels for a person to look at (SIXPARTY_TEST_SHOTS=DIR).
func writePNG(t *testing.T, path string, pix []byte, w, h int) {
	img := &image.RGBA{Pix: pix, Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// colours counts the distinct colours of an image.
func colours(pix []byte) int {
	seen := map[[3]byte]bool{}
	for i := 0; i+3 < len(pix); i += 4 {
		seen[[3]byte{pix[i], pix[i+1], pix[i+2]}] = true
	}
	return len(seen)
}

// shotSizes returns the sizes TestEveryScene renders the scene named key
// at: six, or with SIXPARTY_TEST_ONLY (a comma-separated list of scene
// names, for looking at some screens quickly) those two sizes of the
// scenes listed and none of the others.
func shotSizes(key string) [][2]int {
	if only := os.Getenv("SIXPARTY_TEST_ONLY"); only != "" {
		if !slices.Contains(strings.Split(only, ","), key) {
			return nil
		}
		return [][2]int{{1280, 720}, {1920, 1080}}
	}
	// The four sizes of issue 14, and two other shapes.
	return [][2]int{{1280, 720}, {1366, 768}, {1920, 1080}, {2560, 1440}, {800, 600}, {1280, 1024}}
}

// TestEveryScene plays a scripted turn and checks that every scene draws
// something (text in several colours, not a blank screen), the same way
// twice, at two window sizes.
func TestEveryScene(t *testing.T) {
	g := newTestGame(t)
	s := &flow.Script{Turns: 1}
	// SIXPARTY_TEST_TURNS plays more turns (to look at charts with a
	// past).
	if n, err := strconv.Atoi(os.Getenv("SIXPARTY_TEST_TURNS")); err == nil && n > 0 {
		s.Turns = n
	}
	seen := map[string]bool{}
	for i := 0; !g.f.Quit && i < 600; i++ {
		key := g.f.ShotKey()
		if !seen[key] {
			seen[key] = true
			for _, size := range shotSizes(key) {
				a := render(g, size[0], size[1])
				if dir := os.Getenv("SIXPARTY_TEST_SHOTS"); dir != "" {
					writePNG(t, filepath.Join(dir, fmt.Sprintf("%s-%dx%d.png", key, size[0], size[1])), a, size[0], size[1])
				}
				if n := colours(a); n < 20 {
					t.Errorf("%s at %dx%d: only %d colours; the scene looks blank", key, size[0], size[1], n)
				}
				if b := render(g, size[0], size[1]); !bytes.Equal(a, b) {
					t.Errorf("%s at %dx%d: two draws of the same state differ", key, size[0], size[1])
				}
			}
		}
		g.f.Do(s.Next(g.f))
	}
	for _, k := range []string{"title", "setup", "briefing", "map", "handover", "orders", "dashboard", "forecast", "adjudication", "report", "why", "end-1", "branch", "end-1-branches", "compare-1", "compare-2"} {
		if !seen[k] && (k != "handover" || os.Getenv("SIXPARTY_TEST_SOLO") == "") {
			t.Errorf("scene %s was not reached", k)
		}
	}
}

// TestClicks checks that the regions drawn are where a click lands: a
// click on the menu's last row quits.
func TestClicks(t *testing.T) {
	g := newTestGame(t)
	render(g, 1280, 720)
	if g.hits.Len() == 0 {
		t.Fatal("the title screen has no clickable regions")
	}
	// Scan down the left part of the screen for the row that selects the
	// last menu entry, and click it.
	b := g.canvas.Bounds()
	for y := 0.0; y < b.H; y += 4 {
		ins, ok := g.hits.At(200, y)
		if ok && len(ins) == 1 && ins[0].Action == flow.Select && ins[0].Item == flow.MenuQuit {
			g.f.Do(ins[0])
			if !g.f.Quit {
				t.Error("clicking Quit did not quit")
			}
			return
		}
	}
	t.Error("no clickable Quit row on the title screen")
}

// TestIdleDoesNotRedraw checks that a frame with nothing new draws nothing.
func TestIdleDoesNotRedraw(t *testing.T) {
	g := newTestGame(t)
	render(g, 640, 360)
	img := ebiten.NewImage(640, 360)
	defer img.Deallocate()
	g.Draw(img) // not dirty: must leave img untouched
	pix := make([]byte, 4*640*360)
	img.ReadPixels(pix)
	for _, p := range pix {
		if p != 0 {
			t.Fatal("Draw painted a frame although nothing changed")
		}
	}
}

// TestNothingCutOutOfReach plays the scripted game and, on every screen
// at the four sizes the issue names, checks that each text cut to fit
// (shortened with "…", or a paragraph with lines dropped) can be read in
// full: the help line offers the text view (T), and the text view of
// that screen holds the text uncut and draws it without cutting any.
func TestNothingCutOutOfReach(t *testing.T) {
	g := newTestGame(t)
	s := &flow.Script{Turns: 1}
	seen := map[string]bool{}
	sizes := [][2]int{{1280, 720}, {1366, 768}, {1920, 1080}, {2560, 1440}}
	cut := 0
	for i := 0; !g.f.Quit && i < 600; i++ {
		key := g.f.ShotKey()
		if !seen[key] {
			seen[key] = true
			for _, size := range sizes {
				render(g, size[0], size[1])
				cuts := slices.Clone(g.text.cuts)
				if hints := g.f.Hints(); key != "read" && (len(hints) == 0 || hints[len(hints)-1] != flow.FullText) {
					t.Errorf("%s: the help line does not offer the full text (hints %v)", key, hints)
				}
				if len(cuts) == 0 {
					continue
				}
				cut += len(cuts)
				g.f.Do(flow.Do(flow.FullText))
				if g.f.Scene() != flow.Reading {
					t.Fatalf("%s: T opened %v, not the text view", key, g.f.Scene())
				}
				lines := flow.SceneOf[*flow.ReadScene](g.f).Lines
				for _, c := range cuts {
					if !slices.Contains(lines, c) {
						t.Errorf("%s at %dx%d: %q is cut and not in the text view", key, size[0], size[1], c)
					}
				}
				// The text view, a page at a time, is drawn uncut.
				for k := 0; k < len(lines); k += flow.ReadPage {
					render(g, size[0], size[1])
					if len(g.text.cuts) > 0 {
						t.Errorf("%s at %dx%d: the text view cuts %q", key, size[0], size[1], g.text.cuts)
						break
					}
					g.f.Do(flow.Do(flow.PageNext))
				}
				g.f.Do(flow.Do(flow.Back))
				if g.f.ShotKey() != key {
					t.Fatalf("back from the text view of %s: %s", key, g.f.ShotKey())
				}
			}
		}
		g.f.Do(s.Next(g.f))
	}
	t.Logf("%d screens, %d texts cut to fit, each readable in the text view", len(seen), cut)
}

// TestNoTextOverlaps plays the scripted game and checks, on every screen
// at the four sizes of issue 14, that no two strings are drawn over each
// other (their boxes may touch, not overlap by more than a few units).
func TestNoTextOverlaps(t *testing.T) {
	g := newTestGame(t)
	s := &flow.Script{Turns: 1}
	seen := map[string]bool{}
	sizes := [][2]int{{1280, 720}, {1366, 768}, {1920, 1080}, {2560, 1440}}
	for i := 0; !g.f.Quit && i < 600; i++ {
		key := g.f.ShotKey()
		if !seen[key] {
			seen[key] = true
			for _, size := range sizes {
				render(g, size[0], size[1])
				if o := overlaps(g.text.boxes); o != "" {
					t.Errorf("%s at %dx%d: %s", key, size[0], size[1], o)
				}
			}
		}
		g.f.Do(s.Next(g.f))
	}
}

// overlaps describes the first two boxes that overlap by more than 3
// units each way, or returns "". A map's flow badges are let off: on a
// crowded map one may sit under a name, and the map's key (M) lists every
// flow in words.
func overlaps(boxes []textBox) string {
	const slack = 3.0
	for i, a := range boxes {
		for _, b := range boxes[:i] {
			if a.badge || b.badge {
				continue
			}
			ix := min(a.r.Right(), b.r.Right()) - max(a.r.X, b.r.X)
			iy := min(a.r.Bottom(), b.r.Bottom()) - max(a.r.Y, b.r.Y)
			if ix > slack && iy > slack {
				return fmt.Sprintf("%q overlaps %q", a.str, b.str)
			}
		}
	}
	return ""
}

// TestChoiceGuardShown: an Enter just after an event's choice opens in
// the window is refused with a word above the dimmed screen, and the
// choice stays (SIXPARTY_TEST_SHOTS keeps the picture).
func TestChoiceGuardShown(t *testing.T) {
	t.Setenv("SIXPARTY_TEST_SEAT", "2") // the Republic of Korea chooses on turn 1
	g := newTestGame(t)
	s := &flow.Script{Turns: 1}
	for i := 0; g.f.Scene() != flow.Choice && !g.f.Quit && i < 600; i++ {
		g.f.Do(s.Next(g.f))
	}
	if g.f.Scene() != flow.Choice {
		t.Fatal("no event choice reached")
	}
	g.f.Tick()
	g.f.Do(flow.Do(flow.Confirm))
	if g.f.Scene() != flow.Choice || g.f.Message == "" {
		t.Fatalf("the Enter was not refused: %s, %q", g.f.Scene(), g.f.Message)
	}
	a := render(g, 1280, 720)
	if dir := os.Getenv("SIXPARTY_TEST_SHOTS"); dir != "" {
		writePNG(t, filepath.Join(dir, "choice-guard-1280x720.png"), a, 1280, 720)
	}
}
