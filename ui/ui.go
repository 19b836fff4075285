// Package ui is the Ebitengine window of sixparty: it draws the scenes of
// package flow and turns keys and clicks into flow's named actions. It
// holds no game logic of its own; everything that needs no pixels lives in
// ui/flow, ui/layout, ui/chart and ui/geo, which are tested without a
// display. Tests of this package need one and carry the "display" build
// tag.
package ui

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"github.com/sixparty/sixparty/assets"
	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
	"github.com/sixparty/sixparty/watch"
)

// Options configures the window.
type Options struct {
	// Flow is the game's state machine, at its title screen.
	Flow *flow.Flow
	// Script, when set, plays instead of the keyboard and mouse.
	Script *flow.Script
	// ShotsDir, when set, receives a PNG of every new screen.
	ShotsDir string
	// Log, when set, receives a line per screenshot with its drawing time.
	Log io.Writer
	// Width and Height are the window's starting size (default 1600x900).
	Width, Height int
	// Reload, when set, delivers new versions of the scenario file
	// (sixparty play --watch); each one is handed to the flow.
	Reload <-chan watch.Update
	// Drawn, when set, is called after every frame drawn (the browser
	// build marks its first screen for the load-time measurement).
	Drawn func()
}

// Game is the ebiten.Game of the front end.
type Game struct {
	opts  Options
	f     *flow.Flow
	geo   *assets.Geo
	hits  layout.Hits[[]flow.Input]
	shots map[string]bool
	nshot int
	err   error

	w, h     int
	canvas   layout.Canvas
	dirty    bool
	drawn    bool // drawn since the last scripted input
	idle     int  // updates since the last input
	resting  bool // the game loop runs only on input
	mapCache mapCache
	reload   chan watch.Update
	// pressed is set while the left button is held since a press seen.
	pressed bool
	// text is what the last frame drew, and title its screen's title.
	text  textLog
	title string
	// now is the clock as the last Update read it: Draw shows countdowns
	// and connection states by it, so that it only draws what Update saw.
	now time.Time
}

// NewGame returns the front end for the options.
func NewGame(opts Options) (*Game, error) {
	geo, err := assets.Map()
	if err != nil {
		return nil, err
	}
	if opts.ShotsDir != "" {
		if err := os.MkdirAll(opts.ShotsDir, 0o755); err != nil {
			return nil, fmt.Errorf("ui: %w", err)
		}
	}
	// A forecast finishing on its goroutine wakes a resting window.
	opts.Flow.SetWake(ebiten.ScheduleFrame)
	if opts.Script != nil {
		opts.Script.Async = true
	}
	return &Game{opts: opts, f: opts.Flow, geo: geo, shots: map[string]bool{}, dirty: true, now: time.Now()}, nil
}

// Run opens the window and plays until the player quits.
func Run(opts Options) error {
	g, err := NewGame(opts)
	if err != nil {
		return err
	}
	w, h := opts.Width, opts.Height
	if w <= 0 || h <= 0 {
		w, h = defaultWindow()
	}
	ebiten.SetWindowSize(w, h)
	ebiten.SetWindowTitle("sixparty")
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	// The screen keeps its pixels between frames and is redrawn only when
	// something changed; a turn-based game needs no more than 30 updates
	// a second to feel immediate.
	ebiten.SetScreenClearedEveryFrame(false)
	ebiten.SetTPS(30)
	if opts.Reload != nil {
		// A reload must wake a resting game loop: forward each update and
		// ask for a frame.
		ch := make(chan watch.Update, 1)
		g.reload = ch
		go func() {
			for u := range opts.Reload {
				ch <- u
				ebiten.ScheduleFrame()
			}
		}()
	}
	if err := ebiten.RunGame(g); err != nil && !errors.Is(err, ebiten.Termination) {
		return err
	}
	return g.err
}

// defaultWindow returns a 16:9 window size that fits the monitor with a
// margin for the window's frame and the desktop's panels, at most
// 1600x900: on a 1280x720 monitor about 1228x691 (it opened at 1088x612).
func defaultWindow() (int, int) {
	w, h := 1600, 900
	if m := ebiten.Monitor(); m != nil {
		if mw, mh := m.Size(); mw > 0 && mh > 0 {
			k := min(1.0, float64(mw)*0.96/float64(w), float64(mh)*0.96/float64(h))
			w, h = int(float64(w)*k), int(float64(h)*k)
		}
	}
	return w, h
}

// Layout uses the window's full resolution so that text stays sharp; the
// scenes scale through layout.Canvas.
func (g *Game) Layout(outsideWidth, outsideHeight int) (int, int) {
	s := ebiten.Monitor().DeviceScaleFactor()
	w, h := int(float64(outsideWidth)*s), int(float64(outsideHeight)*s)
	if w != g.w || h != g.h {
		g.w, g.h = w, h
		g.canvas = layout.NewCanvas(w, h)
		g.dirty = true
	}
	return w, h
}

// Update reads the input, applies it to the flow, and ends the program
// when the flow quits.
func (g *Game) Update() error {
	if g.err != nil {
		return g.err
	}
	g.now = time.Now()
	defer g.f.Prepare() // what Draw reads, made here when it changed (flow/sheets.go)
	if g.f.Quit {
		if runtime.GOOS == "js" {
			// A page cannot end itself: say so rather than freeze.
			g.f.Quit = false
			g.f.Message = "To leave, close this tab: the game is autosaved in the browser."
			g.dirty = true
			return nil
		}
		return ebiten.Termination
	}
	if g.f.Poll() {
		// Draw what the forecast changed before any scripted input.
		g.dirty, g.drawn = true, false
	}
	if g.opts.Script != nil {
		if !g.drawn {
			return nil
		}
		g.apply(g.opts.Script.Next(g.f))
		g.drawn = false
		return nil
	}
	g.f.Tick() // the event choice's guard against a double Enter counts these
	ins := g.inputs()
	for _, in := range ins {
		g.apply(in)
	}
	reloaded := false
	select {
	case u := <-g.reload:
		g.f.Reload(u)
		g.dirty, reloaded = true, true
	default:
	}
	g.rest(len(ins) > 0 || reloaded)
	return nil
}

// idleAfter is how many updates without input (a second) before the game
// loop rests.
const idleAfter = 30

// rest lets the game loop sleep while nothing happens. Skipping Draw is not
// enough on its own: the window is still presented 60 times a second,
// which under a software renderer cost 0.77 CPU-seconds per 10 idle
// seconds at 1920x1080. In FPSModeVsyncOffMinimum, Update and Draw run
// only when input arrives (measured: 0), so the loop switches to it after
// a second without input and back at the next action, keeping key repeat
// and animation-free redraws smooth while someone is playing. The mode is
// deprecated in favour of SetScreenClearedEveryFrame(false), which this
// game also uses, but is the only way to stop presenting.
func (g *Game) rest(active bool) {
	switch {
	case active:
		g.idle = 0
		if g.resting {
			g.resting = false
			ebiten.SetFPSMode(ebiten.FPSModeVsyncOn) //nolint:staticcheck // see above
		}
	case !g.resting:
		g.idle++
		if g.idle >= idleAfter && !g.dirty {
			g.resting = true
			ebiten.SetFPSMode(ebiten.FPSModeVsyncOffMinimum) //nolint:staticcheck // see above
		}
	}
}

func (g *Game) apply(in flow.Input) {
	if in.Action == flow.Fullscreen {
		ebiten.SetFullscreen(!ebiten.IsFullscreen())
	} else {
		g.f.Do(in)
	}
	g.dirty = true
}

// Draw redraws the screen only when something changed.
func (g *Game) Draw(screen *ebiten.Image) {
	if !g.dirty {
		return
	}
	g.dirty = false
	start := time.Now()
	screen.Fill(colBG)
	g.hits.Reset()
	g.text = textLog{}
	d := &dc{dst: screen, s: g.canvas.Scale, hits: &g.hits, log: &g.text}
	g.drawScene(d, g.canvas.Bounds())
	if g.f.Scene() != flow.Reading {
		g.f.SetScreenText(g.title, g.text.all())
	}
	g.drawn = true
	if g.opts.Drawn != nil {
		g.opts.Drawn()
	}
	if g.opts.ShotsDir != "" {
		key := g.f.ShotKey()
		if !g.shots[key] {
			g.shots[key] = true
			g.nshot++
			name := fmt.Sprintf("%02d-%s.png", g.nshot, key)
			if err := g.shoot(screen, name); err != nil {
				g.err = err
			}
			if g.opts.Log != nil {
				fmt.Fprintf(g.opts.Log, "%s: drawn in %v\n", name, time.Since(start).Round(time.Millisecond))
			}
		}
	}
}

func (g *Game) shoot(screen *ebiten.Image, name string) error {
	b := screen.Bounds()
	img := image.NewRGBA(b)
	screen.ReadPixels(img.Pix)
	file, err := os.Create(filepath.Join(g.opts.ShotsDir, name))
	if err != nil {
		return fmt.Errorf("ui: %w", err)
	}
	if err := png.Encode(file, img); err != nil {
		file.Close()
		return fmt.Errorf("ui: %w", err)
	}
	if err := file.Close(); err != nil {
		return fmt.Errorf("ui: %w", err)
	}
	return nil
}

// binding maps a key to an action.
type binding struct {
	key    ebiten.Key
	action flow.Action
	name   string // key name for the help line
	ctrl   bool
}

// keymap is every key the game reads. The first binding of an action
// names its key on the help line.
var keymap = []binding{
	{ebiten.KeyArrowUp, flow.Up, "↑", false},
	{ebiten.KeyArrowDown, flow.Down, "↓", false},
	{ebiten.KeyArrowLeft, flow.Left, "←", false},
	{ebiten.KeyArrowRight, flow.Right, "→", false},
	{ebiten.KeyEnter, flow.Confirm, "Enter", false},
	{ebiten.KeyNumpadEnter, flow.Confirm, "Enter", false},
	{ebiten.KeySpace, flow.Confirm, "Space", false},
	{ebiten.KeyEscape, flow.Back, "Esc", false},
	{ebiten.KeyB, flow.ToggleBriefs, "B", false},
	{ebiten.KeyM, flow.OpenMap, "M", false},
	{ebiten.KeyD, flow.OpenDashboard, "D", false},
	{ebiten.KeyW, flow.AskWhy, "W", false},
	{ebiten.KeyS, flow.Save, "S", false},
	{ebiten.KeyL, flow.Load, "L", false},
	{ebiten.KeyA, flow.Autosave, "A", false},
	{ebiten.KeyE, flow.EndGame, "E", false},
	{ebiten.KeyF, flow.Facilitate, "F", false},
	{ebiten.KeyP, flow.WhatIf, "P", false},
	{ebiten.KeyN, flow.Branch, "N", false},
	{ebiten.KeyC, flow.Compare, "C", false},
	{ebiten.KeyPageDown, flow.PageNext, "PgDn", false},
	{ebiten.KeyPageUp, flow.PagePrev, "PgUp", false},
	{ebiten.KeyHome, flow.ToFirst, "Home", false},
	{ebiten.KeyEnd, flow.ToLast, "End", false},
	{ebiten.KeyF11, flow.Fullscreen, "F11", false},
	{ebiten.KeyT, flow.FullText, "T", false},
	{ebiten.KeyO, flow.Downstream, "O", false},
	{ebiten.KeyH, flow.Tour, "H", false},
	{ebiten.KeyQ, flow.Quit, "Ctrl+Q", true},
}

// KeyName returns the name of the key bound to an action, or "".
func KeyName(a flow.Action) string {
	for _, b := range keymap {
		if b.action == a {
			return b.name
		}
	}
	return ""
}

// repeats reports whether a held arrow key should repeat this update.
func repeats(k ebiten.Key) bool {
	d := inpututil.KeyPressDuration(k)
	return d == 1 || d > 12 && d%3 == 0
}

// inputs returns this update's inputs from the keyboard, the mouse and
// touches, in the order they came where the library keeps it.
//
// Letter keys are read from the characters typed, which Ebitengine queues
// between updates, so that presses made while a frame is late (a loaded
// machine) are not lost; the other keys are read as pressed this update.
// A click is taken where the button was pressed or, when the press came
// and went between two updates with the pointer's move (a touchscreen
// tap), where it was released; a touch is taken where it ended.
func (g *Game) inputs() []flow.Input {
	var out []flow.Input
	text := g.f.WantsText()
	ctrl := ebiten.IsKeyPressed(ebiten.KeyControl)
	chars := ebiten.AppendInputChars(nil)
	if text {
		for _, r := range chars {
			out = append(out, flow.Input{Action: flow.Type, Rune: r})
		}
		if repeats(ebiten.KeyBackspace) {
			out = append(out, flow.Do(flow.Erase))
		}
	} else if !ctrl {
		for _, r := range chars {
			if b, ok := letterBinding(r); ok {
				out = append(out, flow.Do(b.action))
			}
		}
	}
	for _, b := range keymap {
		if b.ctrl != ctrl && b.ctrl {
			continue
		}
		if isLetter(b.key) && !b.ctrl && !ctrl && len(chars) > 0 {
			// Read from the characters typed; a layout whose letters are
			// not Latin types none, and its presses are read here.
			continue
		}
		arrow := b.action == flow.Up || b.action == flow.Down || b.action == flow.Left || b.action == flow.Right
		if text && !arrow && b.action != flow.Confirm && b.action != flow.Back && b.action != flow.Quit || text && b.key == ebiten.KeySpace {
			continue
		}
		if arrow && repeats(b.key) || !arrow && inpututil.IsKeyJustPressed(b.key) {
			out = append(out, flow.Do(b.action))
		}
	}
	if !text && inpututil.IsKeyJustPressed(ebiten.KeyBackspace) {
		out = append(out, flow.Do(flow.Back))
	}
	click := func(x, y int) {
		cx, cy := g.canvas.ToCanvas(float64(x), float64(y))
		if ins, ok := g.hits.At(cx, cy); ok {
			out = append(out, ins...)
		}
	}
	switch {
	case inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft):
		g.pressed = true
		click(ebiten.CursorPosition())
	case inpututil.IsMouseButtonJustReleased(ebiten.MouseButtonLeft) && !g.pressed:
		click(ebiten.CursorPosition())
	case inpututil.IsMouseButtonJustReleased(ebiten.MouseButtonLeft):
		g.pressed = false
	}
	for _, id := range inpututil.AppendJustReleasedTouchIDs(nil) {
		click(inpututil.TouchPositionInPreviousTick(id))
	}
	if _, wy := ebiten.Wheel(); wy > 0 {
		out = append(out, flow.Do(flow.Up))
	} else if wy < 0 {
		out = append(out, flow.Do(flow.Down))
	}
	return out
}

// isLetter reports whether k is a letter key, read from the characters
// typed.
func isLetter(k ebiten.Key) bool { return k >= ebiten.KeyA && k <= ebiten.KeyZ }

// letterBinding returns the binding of the letter key typed as r.
func letterBinding(r rune) (binding, bool) {
	if r >= 'a' && r <= 'z' {
		r -= 'a' - 'A'
	}
	for _, b := range keymap {
		if !b.ctrl && isLetter(b.key) && rune('A'+(b.key-ebiten.KeyA)) == r {
			return b, true
		}
	}
	return binding{}, false
}
