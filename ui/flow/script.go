package flow

import "fmt"

// Script is the scripted player of `sixparty play --autoplay`: it plays
// Turns turns through every scene (briefs, the facilitator's pages without
// changing anything, map, dashboard, the why view, the choices and orders
// of the people's seats with a forecast of the first, the hand-over, the adjudication, the report) and
// then the end screen's pages; then it branches the game from its second
// turn, plays the branch on to the same turn, compares the two (and any
// counterfactual) and quits.
type Script struct {
	// Turns is how many turns to play before ending the game.
	Turns int
	// Async, set by the window, makes the script wait for a forecast by
	// returning None (the window polls it) instead of blocking.
	Async bool
	done  map[string]bool
	steps int
}

// MaxSteps bounds a script's inputs so that it always ends.
const MaxSteps = 5000

// once reports whether key is new, and marks it done.
func (s *Script) once(key string) bool {
	if s.done == nil {
		s.done = map[string]bool{}
	}
	if s.done[key] {
		return false
	}
	s.done[key] = true
	return true
}

// Next returns the scripted player's next input for f.
func (s *Script) Next(f *Flow) Input {
	if f.Thinking() {
		if !s.Async {
			f.WaitThinking()
		}
		return Do(None)
	}
	if f.Forecasting() {
		// Wait (the window polls instead), then let the forecast's scene
		// be seen before going on.
		if !s.Async {
			f.WaitForecast()
		}
		return Do(None)
	}
	s.steps++
	if s.steps > MaxSteps {
		return Do(Quit)
	}
	switch f.Scene() {
	case Title:
		if f.Game != nil || s.done["end"] {
			return Do(Quit)
		}
		if f.Cursor() != MenuNew {
			return Input{Action: Select, Item: MenuNew}
		}
		return Do(Confirm)
	case Setup:
		if f.Cursor() != f.StartRow() {
			return Input{Action: Select, Item: f.StartRow()}
		}
		return Do(Confirm)
	case Briefing:
		if f.ShowBriefs() {
			return Do(Back)
		}
		if s.once("briefs") {
			return Do(ToggleBriefs)
		}
		if s.once("facilitator") {
			return Do(Facilitate)
		}
		if s.once("read") {
			return Do(FullText)
		}
		if s.once("tour") {
			return Do(Tour)
		}
		return Do(Confirm)
	case Facilitator:
		// Look at every page and leave without adjusting or injecting.
		switch f.FacPage() {
		case FacMenu:
			if s.once("fac-adjust") {
				return Input{Action: Select, Item: FacRowAdjust}
			}
			if s.once("fac-inject") {
				return Input{Action: Select, Item: FacRowInject}
			}
		case FacAdjust:
			if s.once("fac-value") {
				return Do(Confirm)
			}
		}
		return Do(Back)
	case TourView:
		return Do(Confirm) // every page, then back to the briefing
	case Map, Why, Forecast, Reading, DownstreamView:
		return Do(Back)
	case Confirming:
		return Do(Confirm)
	case Dashboard:
		// Once a turn has been played, ask why of an estimate.
		if f.Played >= 1 && !f.over(End) && s.once("why-estimate") {
			for row, vi := range f.DashVars() {
				if !f.Known(vi) {
					if f.Cursor() != row {
						s.done["why-estimate"] = false
						return Input{Action: Select, Item: row}
					}
					return Do(AskWhy)
				}
			}
		}
		return Do(Back)
	case Handover, Choice:
		return Do(Confirm)
	case Orders:
		// The dashboard on the last turn, when its charts have a past.
		if f.Game.Turn() >= s.Turns && s.once("dashboard") {
			return Do(OpenDashboard)
		}
		// Raise the first lever that can be raised, once per turn and seat.
		if s.once(fmt.Sprintf("order %d %d", f.Game.Turn(), f.Current)) {
			m := f.Game.Model
			for row, li := range m.ActorLevers(f.Current) {
				lvl := f.Levels[li] + 1
				if lvl < len(m.Scenario.Levers[li].Levels) && f.CheckLevel(li, lvl) == nil {
					return Input{Action: SetLevel, Item: row, Value: lvl}
				}
			}
		}
		if s.once("forecast") {
			return Do(WhatIf)
		}
		return Do(Confirm)
	case Adjudication:
		return Do(Confirm)
	case Report:
		if s.once("map") {
			return Do(OpenMap)
		}
		if len(f.ReportRows()) > 0 && s.once("why") {
			return Do(AskWhy)
		}
		if (f.Played >= 2 || f.Played >= s.Turns) && s.once("downstream") {
			return Do(Downstream) // what did the first lever change?
		}
		if f.Played >= s.Turns && s.once("report-dashboard") {
			return Do(OpenDashboard)
		}
		if f.Played >= s.Turns && !f.Game.Over() {
			return Do(EndGame)
		}
		return Do(Confirm)
	case End:
		s.done["end"] = true
		// Every page, then branch the game from its second turn (the
		// first if it played one) and play the branch on; at the
		// branch's end, compare.
		if !s.done["branch"] {
			if f.Page() < f.EndPages()-1 {
				return Do(PageNext)
			}
			s.once("branch")
			return Do(Branch)
		}
		if s.once("compare") {
			return Do(Compare)
		}
		return Do(Quit)
	case Branching:
		if f.Cursor() == BranchRowTurn && s.once("branch-turn") {
			return Do(Right)
		}
		return Do(Confirm)
	case Comparison:
		if f.CompareWith()+1 < f.CompareChoices() && s.once(fmt.Sprintf("compare %d", f.CompareWith())) {
			return Do(Right)
		}
		return Do(Back)
	}
	return Do(Quit)
}
