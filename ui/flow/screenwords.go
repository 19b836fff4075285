package flow

import (
	"fmt"
	"strings"

	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/ui/geo"
)

// This file holds the words of the screens that the window draws and
// `play --text` writes out (ScreenText), so both say the same thing.

// FacMenuNotes returns the line under each of the facilitator menu's
// entries (FacMenuLabels).
func (f *Flow) FacMenuNotes() []string {
	back := "Return to the briefing; nothing else changes."
	if f.Under() == Handover {
		back = "Return to the hand-over screen; nothing else changes."
	}
	return []string{
		"Set any indicator to a new value, with a reason that is logged.",
		"Add one of the scenario's events to this turn's briefing.",
		back,
	}
}

// FacLogNote is the foot of the facilitator's log of interventions.
const FacLogNote = "Every adjustment goes into the ledger with its reason: the turn report and the why view show it as \"facilitator: reason\", and saved games replay it. This screen shows the true values, which players may see only as estimates."

// FacValueNote is the foot of the facilitator's new-value form.
const FacValueNote = "Enter moves to the next field; Esc goes back to the list without changing anything."

// VarFacts is what the facilitator sees of one indicator, in words.
type VarFacts struct {
	Name, Description string
	// Now is its true value; Bounds where it may be ("May be …"); Who
	// who sees it exactly; Recomputed, when not "", warns that a rule
	// sets it every turn.
	Now, Bounds, Who, Recomputed string
}

// FacFacts returns indicator vi as the facilitator sees it in state s.
func FacFacts(m *sim.Model, s *sim.State, vi int) VarFacts {
	v := &m.Scenario.Vars[vi]
	vf := VarFacts{
		Name:        v.Name,
		Description: v.Description,
		Now:         "Now " + FormatValue(m, vi, s.Vals[vi], 0, false) + " (true value)",
		Bounds:      "May be " + BoundsText(m, vi) + ".",
		Who:         "Every actor sees it exactly.",
	}
	if len(v.Visible) > 0 {
		var names []string
		for _, id := range v.Visible {
			if ai := m.ActorIndex(id); ai >= 0 {
				names = append(names, m.Scenario.Actors[ai].Name)
			}
		}
		vf.Who = "Seen exactly by " + strings.Join(names, ", ") + "; the others see an estimate."
	}
	if rules := Recomputed(m, vi); len(rules) > 0 {
		vf.Recomputed = "Recomputed every turn by the rule \"" + strings.Join(rules, "\", \"") + "\": a new value lasts only until the turn is played; adjust what it is computed from instead."
	}
	return vf
}

// Lines returns the facts as lines of text, the empty ones left out.
func (vf VarFacts) Lines() []string {
	var out []string
	for _, s := range []string{vf.Name, vf.Description, vf.Now, vf.Bounds, vf.Who, vf.Recomputed} {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// EventNote says when event ei fires by itself and whom it asks to
// choose: "scheduled for turn 3 (2018-Q2) · Japan chooses".
func EventNote(m *sim.Model, s *sim.State, ei int) string {
	ev := &m.Scenario.Events[ei]
	var parts []string
	switch {
	case s.Fired[ei]:
		parts = append(parts, "has already happened")
	case ev.Turn > 0:
		parts = append(parts, fmt.Sprintf("scheduled for turn %d (%s)", ev.Turn, m.Date(ev.Turn)))
	case !ev.When.IsZero():
		parts = append(parts, "fires when its condition holds")
	}
	if ev.Choice != nil {
		parts = append(parts, m.Scenario.Actors[m.Chooser(ei)].Name+" chooses")
	}
	if len(parts) == 0 {
		return "injected only by hand"
	}
	return strings.Join(parts, " · ")
}

// MapLevels returns the lever levels the map draws: those of the last
// turn played, or nil before the first.
func (f *Flow) MapLevels() []int {
	if f.Played > 0 && f.Played <= len(f.Game.Reports()) {
		return f.Game.Reports()[f.Played-1].Levels
	}
	return nil
}

// MapNote is the map's key's note: what its lines are, or that there are
// none.
func (f *Flow) MapNote(flows int) string {
	if flows == 0 {
		return "No lever pulled last turn acts on another actor's indicators. Each lever that does is drawn from its actor to the actors whose indicators it changes; the thicker the line, the higher the level."
	}
	return fmt.Sprintf("The orders of turn %d (%s). Each line runs from the actor pulling a lever to the actor whose indicators it changes; thicker means a higher level. Numbers match the map.", f.Played, f.Game.Model.Date(f.Played))
}

// BranchNote says what branching from turn t does.
func BranchNote(t int) string {
	return fmt.Sprintf("The game is replayed from its record to the start of turn %d, exactly as it was played, and goes on from there with the orders you give; the game it came from is kept. Branches are saved with the game, and the end screen compares them (C).", t)
}

// StoppedText says that the game was ended after played of turns turns.
func StoppedText(played, turns int) string {
	return fmt.Sprintf("The game was ended after %d of %d turns, before any outcome was reached.", played, turns)
}

// mapLegend returns the map key's lines: a numbered line per flow of the
// levels given.
func mapLegend(m *sim.Model, levels []int) []string {
	if levels == nil {
		return nil
	}
	var out []string
	for n, p := range geo.Pairs(geo.Links(m, levels)) {
		out = append(out, geo.Legend(m, levels, p, n+1))
	}
	return out
}

// nameUnit writes an indicator's name with its unit in brackets, or the
// name alone.
func nameUnit(name, unit string) string {
	if unit == "" {
		return name
	}
	return name + " (" + unit + ")"
}

// joinText writes a heading and its text, "Title: text", or the heading
// alone when the text is empty.
func joinText(head, text string) string {
	if t := strings.TrimSpace(text); t != "" {
		return head + ": " + t
	}
	return head
}

// countText writes n with the singular or plural words that follow it:
// "1 more change is", "3 more changes are".
func countText(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// HiddenNote says how many of the turn's changes the viewer may not see,
// or "" when it sees them all.
func (f *Flow) HiddenNote() string {
	n := f.HiddenChanges()
	if n == 0 {
		return ""
	}
	return countText(n, "more change is", "more changes are") + " hidden from " + f.ViewerName() + " (fog of war)."
}

// DashTitle returns the dashboard's title and the words at its right:
// whose view it shows, and the turn its values are after (as the report
// says it).
func (f *Flow) DashTitle() (title, right string) {
	m := f.Table().Model()
	who := "as everyone sees it"
	switch v := f.Viewer(); {
	case f.Revealed():
		who = "every value exact"
	case f.Revelation() == RevealValues:
		who = "true values at the end"
	case v >= 0:
		who = "as " + m.Scenario.Actors[v].Name + " sees it"
	case v == -2:
		who = "what every player sees exactly"
	}
	return "Dashboard — " + who, f.AfterLabel()
}

// AfterLabel says which turn the values or flows shown are after, as the
// turn report says it: "after turn 1 · 2017-Q4" (a screen opened from
// the report of turn 1 said "Turn 2" while the report said "Turn 1"), or
// "" before the first turn is played, when the screen's own turn label
// says it.
func (f *Flow) AfterLabel() string {
	if f.Played > 0 {
		return fmt.Sprintf("after turn %d · %s", f.Played, f.Table().Model().Date(f.Played))
	}
	return ""
}

// DashScoreLine is the line over the dashboard's cards, when it shows one
// seat's view: its score and what the cards' arrows mean.
func (f *Flow) DashScoreLine() string {
	seat := f.ScoreSeat()
	if seat < 0 {
		return ""
	}
	sc, trend := f.Score(seat)
	line := ScoreLine(sc, trend, f.Played)
	if r := f.RevealedScoreLine(); r != "" {
		line = r // a served game's end: the server's own figure
	}
	return line + ". Cards marked ▲ or ▼ count for your score: the arrow says which way is good for you."
}

// DashHint is the line under the dashboard's cards, of which those from
// first (from 0) are shown, shown at a time; shown 0 means all.
func (f *Flow) DashHint(first, shown int) string {
	return DashHintOf(len(f.DashVars()), f.Viewer(), first, shown)
}

// DashHintOf is DashHint for a dashboard of n indicators in viewer's view
// (Viewer), as a prepared sheet holds them (DashSheet).
func DashHintOf(n, viewer, first, shown int) string {
	hint := "Select an indicator and press W for why it moved."
	if shown > 0 && n > shown {
		hint = fmt.Sprintf("Indicators %d–%d of %d (arrows, PgUp/PgDn, Home/End). ", first+1, min(n, first+shown), n) + hint
	}
	switch viewer {
	case -2:
		hint += " Indicators some players see only as estimates are left out; see them from your own orders."
	case -1:
	default:
		hint += " Values with ≈ ± are estimates (one standard deviation)."
	}
	return hint
}
