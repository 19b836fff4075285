package flow

// WhyScene explains why one indicator moved on one turn, with its chart;
// each moved input of a cause opens a why view of its own.
type WhyScene struct {
	Rows
	// Var and Turn are the indicator and the turn explained.
	Var, Turn int
}

// ID implements Scene.
func (*WhyScene) ID() SceneID { return Why }

// WhyVar and WhyTurn return the indicator and turn of the why view shown
// (or the nearest one under the scene shown), -1 and 0 when none is.
func (f *Flow) WhyVar() int {
	if w := SceneOf[*WhyScene](f); w != nil {
		return w.Var
	}
	return -1
}

// WhyTurn: see WhyVar.
func (f *Flow) WhyTurn() int {
	if w := SceneOf[*WhyScene](f); w != nil {
		return w.Turn
	}
	return 0
}

// Do implements Scene.
func (s *WhyScene) Do(f *Flow, in Input) {
	links := f.WhyLinks()
	if f.move(in, len(links)) {
		return
	}
	switch in.Action {
	case Back:
		f.close()
	case Confirm, AskWhy:
		if len(links) == 0 {
			f.close()
			return
		}
		f.openWhy(links[min(s.Cursor, len(links)-1)], s.Turn)
	case Left, PagePrev:
		if s.Turn > 1 {
			s.Turn--
			s.Cursor = 0
		}
	case Right, PageNext:
		if s.Turn < f.Played {
			s.Turn++
			s.Cursor = 0
		}
	}
}

// Hints implements Scene.
func (*WhyScene) Hints(f *Flow) []Action {
	if len(f.WhyLinks()) > 0 {
		return []Action{Up, Down, AskWhy, Left, Right, Back}
	}
	return []Action{Left, Right, Back}
}

// Label implements Scene.
func (*WhyScene) Label(_ *Flow, a Action) string {
	switch a {
	case AskWhy:
		return "why did that move?"
	case Left:
		return "earlier turn"
	case Right:
		return "later turn"
	}
	return ""
}
