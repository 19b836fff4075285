package flow

import "fmt"

// ChoiceScene asks the current actor to choose in each event of the
// briefing that offers it a choice, one after the other: as the actor
// who decides, or as a partner who must agree in a joint decision
// ('with:'). Each answers at its own hand-over, under its own key
// (ChoiceKey), and no one is shown another's answer before the reveal.
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
	f.table.picks[f.ChoiceKey(s.Pending[0])] = ev.Choice.Options[s.Cursor].ID
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

// ChoiceHeading says whose decision event ei's choice is, for the current
// actor: its heading ("Event — your choice", or "Event — a joint
// decision" for a choice others must agree to) and, for a joint decision,
// a note on how the answers combine. A partner is told who proposes, never
// what: the chooser's answer stays secret until the turn is revealed.
func (f *Flow) ChoiceHeading(ei int) (heading, note string) {
	m := f.Game.Model
	with := m.Partners(ei)
	if len(with) == 0 {
		return "Event — your choice", ""
	}
	def := m.Scenario.Events[ei].Choice.Options[0].Text
	chooser := m.Chooser(ei)
	var others []string
	for _, ai := range append([]int{chooser}, with...) {
		if ai != f.Current {
			others = append(others, m.Scenario.Actors[ai].Name)
		}
	}
	list := joinAnd(others)
	if chooser == f.Current {
		return "Event — a joint decision: you propose", fmt.Sprintf("%s must agree. An option is taken only if you and %s answer alike (you see the other answers when the turn is revealed); otherwise %q is.", list, list, def)
	}
	return "Event — a joint decision: you must agree", fmt.Sprintf("%s proposes. An option is taken only if you and %s answer alike (you see the other answers when the turn is revealed); otherwise %q is.", m.Scenario.Actors[chooser].Name, list, def)
}
