package flow

import "strings"

// HandoverScene asks the players to pass the machine to the next person
// (hot-seat play), so that no one sees another's orders. When several
// people share the machine, Enter first shows the person taking it its
// own briefing (Ready): its brief, what it is scored on with the
// weights, and its score so far as it sees it; Enter again opens its
// orders. The shared briefing shows no seat's score.
type HandoverScene struct {
	Rows
	// Ready is set once the person taking the machine said it is ready:
	// the screen is that seat's own.
	Ready bool
}

// ID implements Scene.
func (*HandoverScene) ID() SceneID { return Handover }

// SeatBriefing reports whether the hand-over shows the current seat its
// own briefing: the person taking the machine has said it is ready.
func (f *Flow) SeatBriefing() bool {
	s := SceneOf[*HandoverScene](f)
	return s != nil && s.Ready && f.Scene() == Handover
}

// Do implements Scene.
func (s *HandoverScene) Do(f *Flow, in Input) {
	switch in.Action {
	case Confirm:
		if !s.Ready && len(f.Humans()) > 1 {
			s.Ready = true
			return
		}
		f.enterSeat()
	case Back:
		s.Ready = false
	case Facilitate:
		if !s.Ready {
			f.openFacilitator()
		}
	}
}

// Hints implements Scene.
func (s *HandoverScene) Hints(*Flow) []Action {
	if s.Ready {
		return []Action{Confirm, Back}
	}
	return []Action{Confirm, Facilitate}
}

// Label implements Scene.
func (s *HandoverScene) Label(_ *Flow, a Action) string {
	switch {
	case a == Confirm && s.Ready:
		return "to my orders"
	case a == Confirm:
		return "I am ready"
	case a == Back:
		return "not me: back to the hand-over"
	}
	return ""
}

// ShotKey implements ShotScene.
func (s *HandoverScene) ShotKey(*Flow) string {
	if s.Ready {
		return "handover-ready"
	}
	return "handover"
}

// SeatBriefingLines returns the current seat's own briefing, as the
// hand-over shows it once the person is ready: the brief, the score so
// far as the seat sees it with each objective's weight and part, and
// the note that an estimate is one. Only the seat's own view goes in.
func (f *Flow) SeatBriefingLines() []string {
	a := f.Game.Model.Scenario.Actors[f.Current]
	lines := []string{"Only " + a.Name + " should be looking: this is your own view."}
	if b := strings.TrimSpace(a.Brief); b != "" {
		lines = append(lines, b)
	}
	return append(lines, f.ScoreLines(f.Current)...)
}

// EstimateScoreNote says that a score is the seat's own estimate.
const EstimateScoreNote = "≈ your estimate: some of what counts is hidden from you."
