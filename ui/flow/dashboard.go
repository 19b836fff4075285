package flow

// DashboardScene shows every indicator the viewer may see, by group.
type DashboardScene struct {
	Rows
	noLabel
}

// ID implements Scene.
func (*DashboardScene) ID() SceneID { return Dashboard }

// Do implements Scene.
func (s *DashboardScene) Do(f *Flow, in Input) {
	vars := f.DashVars()
	if f.move(in, len(vars)) {
		return
	}
	switch in.Action {
	case Back, OpenDashboard, Confirm:
		f.close()
	case AskWhy:
		if len(vars) > 0 {
			f.openWhy(vars[s.Cursor], f.Played)
		}
	}
}

// Hints implements Scene.
func (*DashboardScene) Hints(*Flow) []Action { return []Action{Up, Down, AskWhy, Back} }
