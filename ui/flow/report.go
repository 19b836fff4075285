package flow

// ReportScene lists the turn's largest changes with their causes.
type ReportScene struct {
	Rows
}

// ID implements Scene.
func (*ReportScene) ID() SceneID { return Report }

// Do implements Scene.
func (s *ReportScene) Do(f *Flow, in Input) {
	rows := f.ReportRows()
	if f.move(in, len(rows)) {
		return
	}
	switch in.Action {
	case Confirm:
		if f.Game.Over() {
			f.toEnd()
			return
		}
		f.startTurn()
	case AskWhy:
		if len(rows) > 0 {
			f.openWhy(rows[s.Cursor].Var, f.Played)
		}
	case OpenDashboard:
		f.open(&DashboardScene{})
	case OpenMap:
		f.open(&MapScene{})
	case EndGame:
		f.askEndGame()
	case Downstream:
		seats := f.Humans()
		if seat := f.ScoreSeat(); seat >= 0 {
			seats = []int{seat}
		}
		f.openDownstream(seats, -1)
	}
}

// Hints implements Scene.
func (*ReportScene) Hints(*Flow) []Action {
	return []Action{Confirm, AskWhy, Downstream, OpenDashboard, OpenMap, Save, EndGame}
}

// Label implements Scene.
func (*ReportScene) Label(f *Flow, a Action) string {
	if a != Confirm {
		return ""
	}
	if f.Game != nil && f.Game.Over() {
		return "to the end"
	}
	return "next turn"
}
