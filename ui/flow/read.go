package flow

// ReadScene shows everything the screen under it showed, as text: each
// line in full, wrapped to the window and scrolled, so that nothing a
// screen had to cut to fit is out of reach (issue 14). Its cursor is the
// first line shown.
type ReadScene struct {
	Rows
	// Title is the title of the screen read; Lines its text.
	Title string
	Lines []string
}

// ID implements Scene.
func (*ReadScene) ID() SceneID { return Reading }

// ReadPage is how many lines PgUp and PgDn scroll the text view by.
const ReadPage = 10

// Do implements Scene.
func (s *ReadScene) Do(f *Flow, in Input) {
	to := func(i int) { s.Cursor = max(0, min(len(s.Lines)-1, i)) }
	switch in.Action {
	case Up:
		to(s.Cursor - 1)
	case Down:
		to(s.Cursor + 1)
	case PagePrev, Left:
		to(s.Cursor - ReadPage)
	case PageNext, Right:
		to(s.Cursor + ReadPage)
	case ToFirst:
		to(0)
	case ToLast:
		to(len(s.Lines) - 1)
	case Back, Confirm, FullText:
		f.close()
	}
}

// Hints implements Scene.
func (*ReadScene) Hints(*Flow) []Action { return []Action{Up, Down, PageNext, PagePrev, Back} }

// Label implements Scene.
func (*ReadScene) Label(_ *Flow, a Action) string {
	if a == Back {
		return "back to the screen"
	}
	return ""
}
