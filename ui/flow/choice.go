package flow

// ChoiceScene asks the current actor to choose in each event of the
// briefing that offers it a choice, one after the other.
type ChoiceScene struct {
	Rows
	// Pending lists the events still to choose in, the one shown first.
	Pending []int
	// opened is the flow's clock when the scene opened.
	opened int
}

// ChoiceGuard is how many of the window's frames (a third of a second at
// its 30 updates a second) an event's choice ignores Enter for after it
// opens, so that a double Enter on the screen before cannot answer it
// unseen (issue 14, point 10). Only a window that ticks the flow (Tick)
// has the guard: the scripted player, the tests and the text play give
// one input at a time and never tick.
const ChoiceGuard = 10

// Tick tells the flow a frame of the window has passed; the window calls
// it on each update with the keyboard and mouse (not a scripted game).
func (f *Flow) Tick() { f.clock++; f.clocked = true }

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
	if f.clocked && f.clock-s.opened < ChoiceGuard {
		f.Message = "A new event asks you to choose: read it, then press Enter to choose."
		return
	}
	f.table.picks[ev.ID] = ev.Choice.Options[s.Cursor].ID
	if len(s.Pending) > 1 {
		f.goTo(&ChoiceScene{Pending: s.Pending[1:], opened: f.clock})
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
