package flow

import (
	"fmt"
	"strings"
)

// TourView is the scene kind of the guided first turn.
var TourView = NewSceneID("tour")

// TourScene is the guided first turn (issue 14): a few pages over the
// first briefing of the first game on a machine saying what the briefing
// says, which lever does what and how to ask why. Enter goes on, Esc skips
// it; it is recorded as seen (Config.SetTourSeen) as soon as it opens, and
// H on the briefing shows it again. Page is the page shown.
type TourScene struct {
	Rows
}

// ID implements Scene.
func (*TourScene) ID() SceneID { return TourView }

// openTour opens the guided tour over the briefing and records it as seen.
func (f *Flow) openTour() {
	if f.Game == nil {
		return
	}
	f.open(&TourScene{})
	if f.cfg.SetTourSeen != nil {
		f.cfg.SetTourSeen()
	}
}

// TourPage is one page of the tour: a heading and its paragraphs.
type TourPage struct {
	Title string
	Lines []string
}

// TourPages returns the tour's pages for the game played: its seat's
// objectives and levers when one person plays.
func (f *Flow) TourPages() []TourPage {
	m := f.Game.Model
	seat := -1
	if h := f.Humans(); len(h) == 1 {
		seat = h[0]
	}
	brief := TourPage{Title: "1. The briefing: what is happening, and what you are scored on", Lines: []string{
		"Each turn opens on a briefing: the date (" + m.Date(1) + " now, one " + m.Scenario.Meta.Step + " a turn, " + fmt.Sprint(m.Scenario.Meta.Turns) + " turns), the events of the turn with what they do, and the map.",
	}}
	if seat >= 0 {
		a := m.Scenario.Actors[seat]
		var obj []string
		for _, o := range a.Objectives {
			obj = append(obj, o.Name)
		}
		brief.Lines = append(brief.Lines, "You play "+a.Name+". You are scored on: "+strings.Join(obj, "; ")+". The panel under the map gives each objective's weight and your score as you see it.")
	}
	brief.Lines = append(brief.Lines, "B shows every actor's brief: what each wants, and so what the computer players will try to do.", "Some of what you see is an estimate (≈ value ± uncertainty): fog of war. The dashboard (D) marks which.")
	levers := TourPage{Title: "2. Your orders: which lever does what", Lines: []string{
		"Enter on the briefing opens your orders. Each lever has levels; each level costs political capital, and capital not spent this turn is lost.",
	}}
	if seat >= 0 {
		for k, li := range m.ActorLevers(seat) {
			if k == 4 {
				levers.Lines = append(levers.Lines, fmt.Sprintf("… and %d more levers on the orders screen.", len(m.ActorLevers(seat))-k))
				break
			}
			l := m.Scenario.Levers[li]
			line := "• " + l.Name
			if len(l.Effects) > 0 {
				line += ": " + EffectText(m, l.Effects[0])
			}
			levers.Lines = append(levers.Lines, line)
		}
	}
	levers.Lines = append(levers.Lines, "↑/↓ pick a lever, ←/→ set its level. The panel on the right says what the selected lever does and, worked out from what you see, how much it moves each indicator. P (what if?) forecasts your whole draft. Enter submits.")
	why := TourPage{Title: "3. After the turn: asking why", Lines: []string{
		"Everyone's orders are revealed together, then what changed. The turn report lists the largest changes with their causes.",
		"W on a change asks why it moved: every cause with its amount and scenario line, and the inputs of each formula that moved too (W again follows the chain).",
		"O asks what your lever changed: directly and one step on, turn by turn.",
		"T on any screen reads its whole text, nothing cut. S saves; the game is autosaved after every turn.",
		"H on the briefing shows this tour again. Enter: to the briefing.",
	}}
	return []TourPage{brief, levers, why}
}

// Do implements Scene.
func (s *TourScene) Do(f *Flow, in Input) {
	n := len(f.TourPages())
	switch in.Action {
	case Confirm, Right, PageNext:
		if s.Page < n-1 {
			s.Page++
			return
		}
		f.close()
	case Left, PagePrev:
		if s.Page > 0 {
			s.Page--
		}
	case Back, Tour:
		f.close()
	}
}

// Hints implements Scene.
func (*TourScene) Hints(*Flow) []Action { return []Action{Confirm, Left, Back} }

// Label implements Scene.
func (s *TourScene) Label(f *Flow, a Action) string {
	switch a {
	case Confirm:
		if s.Page < len(f.TourPages())-1 {
			return "next"
		}
		return "to the briefing"
	case Left:
		return "previous"
	case Back:
		return "skip the tour"
	}
	return ""
}

// ShotKey implements ShotScene.
func (s *TourScene) ShotKey(*Flow) string { return fmt.Sprintf("tour-%d", s.Page+1) }
