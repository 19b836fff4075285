package flow

// ChoiceScene asks the current actor to choose in each event of the
// briefing that offers it a choice, one after the other.
type ChoiceScene struct {
	Rows
	// Pending lists the events still to choose in, the one shown first.
	Pending []int
}

// ID implements Scene.
func (*ChoiceScene) ID() SceneID { return Choice }

// Do implements Scene.
func (s *ChoiceScene) Do(f *Flow, in Input) {
	ev := &f.Game.Model.Scenario.Events[s.Pending[0]]
	if f.move(in, len(ev.Choice.Options)) {
		return
	}
	if in.Action != Confirm {
		return
	}
	f.table.picks[ev.ID] = ev.Choice.Options[s.Cursor].ID
	if len(s.Pending) > 1 {
		f.goTo(&ChoiceScene{Pending: s.Pending[1:]})
		return
	}
	f.goTo(&OrdersScene{})
}

// Hints implements Scene.
func (*ChoiceScene) Hints(*Flow) []Action { return []Action{Up, Down, Confirm} }

// Label implements Scene.
func (*ChoiceScene) Label(_ *Flow, a Action) string {
	if a == Confirm {
		return "choose"
	}
	return ""
}
