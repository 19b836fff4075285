package flow

// HandoverScene asks the players to pass the machine to the next person
// (hot-seat play), so that no one sees another's orders.
type HandoverScene struct {
	Rows
}

// ID implements Scene.
func (*HandoverScene) ID() SceneID { return Handover }

// Do implements Scene.
func (*HandoverScene) Do(f *Flow, in Input) {
	switch in.Action {
	case Confirm:
		f.enterSeat()
	case Facilitate:
		f.openFacilitator()
	}
}

// Hints implements Scene.
func (*HandoverScene) Hints(*Flow) []Action { return []Action{Confirm, Facilitate} }

// Label implements Scene.
func (*HandoverScene) Label(_ *Flow, a Action) string {
	if a == Confirm {
		return "I am ready"
	}
	return ""
}
