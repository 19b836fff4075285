package flow

// BriefingScene shows the turn's date and events, and every actor's brief
// on request.
type BriefingScene struct {
	Rows
	// ShowBriefs overlays every actor's brief.
	ShowBriefs bool
}

// ID implements Scene.
func (*BriefingScene) ID() SceneID { return Briefing }

// ShowBriefs reports whether every actor's brief is shown over the
// briefing.
func (f *Flow) ShowBriefs() bool {
	b, ok := f.scene.(*BriefingScene)
	return ok && b.ShowBriefs
}

// Do implements Scene.
func (s *BriefingScene) Do(f *Flow, in Input) {
	switch in.Action {
	case Confirm:
		if s.ShowBriefs {
			s.ShowBriefs = false
			return
		}
		f.nextSeat()
	case ToggleBriefs:
		s.ShowBriefs = !s.ShowBriefs
	case Back:
		s.ShowBriefs = false
	case OpenMap:
		f.open(&MapScene{})
	case OpenDashboard:
		f.open(&DashboardScene{})
	case EndGame:
		f.askEndGame()
	case Facilitate:
		s.ShowBriefs = false
		f.openFacilitator()
	case Tour:
		s.ShowBriefs = false
		f.openTour()
	}
}

// Hints implements Scene.
func (s *BriefingScene) Hints(*Flow) []Action {
	if s.ShowBriefs {
		return []Action{ToggleBriefs, Back}
	}
	return []Action{Confirm, ToggleBriefs, OpenMap, OpenDashboard, Facilitate, Tour, Save, EndGame}
}

// Label implements Scene.
func (s *BriefingScene) Label(_ *Flow, a Action) string {
	if a != Confirm {
		return ""
	}
	if s.ShowBriefs {
		return "close"
	}
	return "to the orders"
}

// ShotKey implements ShotScene.
func (s *BriefingScene) ShotKey(*Flow) string {
	if s.ShowBriefs {
		return "briefing-briefs"
	}
	return Briefing.String()
}
