package flow

// AdjudicationScene reveals the turn's orders (page 0), then its changes
// (page 1).
type AdjudicationScene struct {
	Rows
}

// ID implements Scene.
func (*AdjudicationScene) ID() SceneID { return Adjudication }

// Do implements Scene.
func (s *AdjudicationScene) Do(f *Flow, in Input) {
	switch in.Action {
	case Confirm, PageNext:
		if s.Page == 0 {
			s.Page = 1
		} else {
			f.goTo(&ReportScene{})
		}
	case Back, PagePrev:
		s.Page = 0
	case OpenMap:
		f.open(&MapScene{})
	}
}

// Hints implements Scene.
func (*AdjudicationScene) Hints(*Flow) []Action { return []Action{Confirm, OpenMap} }

// Label implements Scene.
func (*AdjudicationScene) Label(_ *Flow, a Action) string {
	if a == Confirm {
		return "next"
	}
	return ""
}

// ShotKey implements ShotScene.
func (s *AdjudicationScene) ShotKey(*Flow) string {
	if s.Page == 1 {
		return "adjudication-changes"
	}
	return Adjudication.String()
}
