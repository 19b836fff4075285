package flow

import "slices"

// Scene is one screen of the front end. Each kind of screen is a type of
// its own, in a file of its own, that owns the state only it needs (its
// cursor and page through Rows, the why view's indicator and turn, the
// facilitator's typed value, ...); what lasts from screen to screen (the
// table played at, the seat ordering, its draft) lives in the Flow, which
// is the scene manager.
//
// The Flow shows one scene at a time. A scene is either gone to (goTo: the
// scenes opened so far are dropped) or opened over the current one (open:
// the map, the dashboard, the why view, the facilitator's controls, the
// forecast, branching and comparison), and Back closes it and shows the
// scene under it again, exactly as it was left: the scene value itself is
// kept on the stack, so a why view opened from another why view returns
// to its own indicator and turn.
//
// Scenes never draw: package ui draws each SceneID from the scene's
// exported fields and the Flow's views, and the scene machine is tested
// without a display.
type Scene interface {
	// ID names the kind of screen.
	ID() SceneID
	// Do applies one input (Quit and Save are handled by the Flow for
	// every scene).
	Do(f *Flow, in Input)
	// Hints returns the actions worth showing on the help line, most
	// important first.
	Hints(f *Flow) []Action
	// Label names action a on the help line, or returns "" for the
	// action's own name.
	Label(f *Flow, a Action) string
	// rows returns the scene's cursor and page; embed Rows to have it.
	rows() *Rows
}

// Rows is the selection every scene has: the selected row and, for a
// paged scene, the page shown. Embed it in a Scene.
type Rows struct {
	// Cursor is the selected row.
	Cursor int
	// Page is the page of a paged scene (the adjudication, the end).
	Page int
}

func (r *Rows) rows() *Rows { return r }

// TextScene is a Scene with text fields: WantsText reports whether typed
// characters go into one now.
type TextScene interface {
	Scene
	WantsText(f *Flow) bool
}

// ShotScene is a Scene with several faces (pages, overlays): ShotKey names
// the one shown, for screenshot file names.
type ShotScene interface {
	Scene
	ShotKey(f *Flow) string
}

// Top returns the scene shown.
func (f *Flow) Top() Scene { return f.scene }

// Scene returns the kind of scene shown.
func (f *Flow) Scene() SceneID { return f.scene.ID() }

// Cursor returns the selected row of the scene shown.
func (f *Flow) Cursor() int { return f.scene.rows().Cursor }

// SetCursor selects row i of the scene shown.
func (f *Flow) SetCursor(i int) { f.scene.rows().Cursor = i }

// Page returns the page of the scene shown.
func (f *Flow) Page() int { return f.scene.rows().Page }

// SceneOf returns the scene of type T shown, or the nearest one under it
// (opened over by the scene shown), or the zero T (nil for a pointer) when
// there is none.
func SceneOf[T Scene](f *Flow) T {
	if s, ok := f.scene.(T); ok {
		return s
	}
	for i := len(f.stack) - 1; i >= 0; i-- {
		if s, ok := f.stack[i].(T); ok {
			return s
		}
	}
	var zero T
	return zero
}

// goTo shows scene s and drops every scene opened so far.
func (f *Flow) goTo(s Scene) {
	f.scene = s
	f.stack = nil
}

// open shows an auxiliary scene over the current one; Back (close) returns
// to it as it was.
func (f *Flow) open(s Scene) {
	f.stack = append(f.stack, f.scene)
	f.scene = s
}

// close returns from an auxiliary scene to the one it was opened over.
func (f *Flow) close() {
	if len(f.stack) == 0 {
		return
	}
	f.scene = f.stack[len(f.stack)-1]
	f.stack = f.stack[:len(f.stack)-1]
}

// Under returns the kind of scene the current auxiliary scene was opened
// over (the one Back returns to), or the current scene when none is open.
func (f *Flow) Under() SceneID {
	if len(f.stack) == 0 {
		return f.Scene()
	}
	return f.stack[len(f.stack)-1].ID()
}

// over reports whether the current scene was opened over a scene of kind
// id.
func (f *Flow) over(id SceneID) bool {
	for _, s := range f.stack {
		if s.ID() == id {
			return true
		}
	}
	return false
}

// move moves the cursor of the scene shown within n rows.
func (f *Flow) move(in Input, n int) bool {
	r := f.scene.rows()
	switch in.Action {
	case Up:
		if r.Cursor > 0 {
			r.Cursor--
		}
	case Down:
		if r.Cursor < n-1 {
			r.Cursor++
		}
	case Select:
		if in.Item >= 0 && in.Item < n {
			r.Cursor = in.Item
		}
	default:
		return false
	}
	return true
}

// pick is move for menus, where clicking a row also chooses it: a click
// comes back as Confirm. ok is false when the input only moved the cursor.
func (f *Flow) pick(in Input, n int) (out Input, ok bool) {
	if !f.move(in, n) {
		return in, true
	}
	if in.Action != Select {
		return in, false
	}
	in.Action = Confirm
	return in, true
}

// Do applies one input to the scene shown.
func (f *Flow) Do(in Input) {
	f.Message = ""
	switch in.Action {
	case Quit:
		if f.inGame() && f.Scene() != Confirming {
			f.askQuit()
			return
		}
		f.Quit = true
		return
	case Save:
		f.save()
		return
	case FullText:
		if f.Scene() != Reading {
			f.open(&ReadScene{Title: f.screenTitle, Lines: slices.Clone(f.screenText)})
			return
		}
	}
	f.scene.Do(f, in)
}

// Hints returns the actions worth showing on the help line of the scene
// shown, most important first; every scene but the text view ends with
// FullText.
func (f *Flow) Hints() []Action {
	h := f.scene.Hints(f)
	if f.Scene() != Reading {
		h = append(slices.Clone(h), FullText)
	}
	return h
}

// SetScreenText keeps the text of the screen drawn last, every line in
// full as it was before any was cut to fit, for the text view (FullText)
// to show: the window calls it after each draw.
func (f *Flow) SetScreenText(title string, lines []string) {
	f.screenTitle, f.screenText = title, lines
}

// Label names an action on the help line of the scene shown: mostly the
// action's own name, but Continue says where it goes.
func (f *Flow) Label(a Action) string {
	if s := f.scene.Label(f, a); s != "" {
		return s
	}
	return a.String()
}

// WantsText reports whether typed characters go into a text field now.
func (f *Flow) WantsText() bool {
	if t, ok := f.scene.(TextScene); ok {
		return t.WantsText(f)
	}
	return false
}

// ShotKey names what is on screen, for screenshots: the scene, and the
// page or overlay where a scene has several.
func (f *Flow) ShotKey() string {
	if s, ok := f.scene.(ShotScene); ok {
		return s.ShotKey(f)
	}
	return f.Scene().String()
}

// noLabel is the Label of scenes whose help line uses the actions' own
// names.
type noLabel struct{}

func (noLabel) Label(*Flow, Action) string { return "" }
