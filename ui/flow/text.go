package flow

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/sixparty/sixparty/sim"
)

// ScreenText returns the scene shown as text, with no pixels: its title
// and its lines, the selected row marked with "> ". `sixparty play --text`
// prints it after every input, for a screen reader (issue 14). The main
// screens of a game (title, setup, briefing, hand-over, choice, orders,
// adjudication, report, questions, the computer's wait, dashboard, why,
// map, end, forecast, branching, comparison, facilitator) are written out
// in full, with what the window draws; a scene added elsewhere gives its
// name, the message and the actions.
func ScreenText(f *Flow) (title string, lines []string) {
	add := func(format string, a ...any) {
		if l := fmt.Sprintf(format, a...); strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	mark := func(i int) string {
		if i == f.Cursor() {
			return "> "
		}
		return "  "
	}
	turn := func() string {
		gm := f.Game
		t := gm.Turn()
		if gm.Over() {
			t = len(gm.Reports())
		}
		return fmt.Sprintf("Turn %d of %d, %s", t, gm.Model.Scenario.Meta.Turns, gm.Model.Date(t))
	}
	switch s := f.Top().(type) {
	case *TitleScene:
		title = "sixparty: a turn-based policy-options wargame"
		if m := f.Model; m != nil {
			add("%s", m.Scenario.Meta.Title)
			add("%s", strings.TrimSpace(m.Scenario.Meta.Summary))
		}
		for i, l := range MenuLabels() {
			add("%s%d. %s", mark(i), i+1, l)
		}
	case *SetupScene:
		title = "New game: scenario and seats"
		for i := 0; i < f.SetupRows(); i++ {
			switch {
			case i == RowScenario:
				add("%sScenario: %s (left, right to change)", mark(i), s.ScenarioChoice(f))
			case i == RowPath:
				add("%sScenario file: %s (type PATH, then enter)", mark(i), s.Path)
			case i == RowSeed:
				add("%sSeed: %s (type DIGITS, erase)", mark(i), s.SeedText)
			case i == f.StartRow():
				add("%sStart the game", mark(i))
			default:
				a := i - SeatRow(0)
				add("%s%s: played by %s (left, right to change)", mark(i), f.Model.Scenario.Actors[a].Name, f.Seats[a].Label())
			}
		}
	case *BriefingScene:
		gm := f.Game
		m := gm.Model
		title = "Briefing, " + turn()
		if f.ShowBriefs() {
			for i, a := range m.Scenario.Actors {
				add("%s", joinText(a.Name+" (played by "+f.Seats[i].Label()+"; "+f.BriefBudget(i)+")", a.Brief))
				for _, o := range a.Objectives {
					add("  objective: %s", o.Name)
				}
			}
			break
		}
		if gm.Turn() == 1 {
			add("%s", joinText(m.Scenario.Meta.Title, m.Scenario.Meta.Summary))
		}
		evs := gm.Briefing()
		if len(evs) == 0 {
			add("Events this turn: none.")
		}

		for _, ev := range evs {
			add("Event: %s. %s", ev.Name, strings.TrimSpace(gm.Narrate(ev.Text, f.Current)))
			if ev.Choice != nil {
				add("  %s must choose: %s", m.Scenario.Actors[m.Chooser(m.EventIndex(ev.ID))].Name, ev.Choice.Prompt)
			}
		}
		if seat := f.ScoreSeat(); seat >= 0 {
			lines = append(lines, f.ScoreLines(seat)...)
		}
	case *HandoverScene:
		a := f.Game.Model.Scenario.Actors[f.Current]
		if s.Ready {
			title = "Your own briefing, " + a.Name + ", " + turn()
			lines = append(lines, f.SeatBriefingLines()...)
			break
		}
		title = "Pass the machine to the player of " + a.Name
		add("%s. Everyone else, please look away. Enter when %s is ready.", turn(), a.Name)
		if why := f.CalledBack(); why != "" {
			add("You are asked again this turn: %s.", why)
		}
	case *ChoiceScene:
		m := f.Game.Model
		ev := m.Scenario.Events[s.Pending[0]]
		heading, note := f.ChoiceHeading(s.Pending[0])
		title = strings.Replace(heading, "Event — ", "Event, ", 1) + ": " + ev.Name
		add("%s", strings.TrimSpace(f.Game.Narrate(ev.Text, f.Current)))
		add("%s", f.Game.Narrate(ev.Choice.Prompt, f.Current))
		if note != "" {
			add("%s", note)
		}
		for i, o := range ev.Choice.Options {
			var fx []string
			for _, e := range o.Effects {
				fx = append(fx, EffectText(m, e))
			}
			if len(fx) == 0 {
				fx = []string{"no direct effect"}
			}
			add("%s%d. %s (%s)", mark(i), i+1, o.Text, strings.Join(fx, "; "))
		}
	case *OrdersScene:
		gm := f.Game
		m := gm.Model
		act := m.Scenario.Actors[f.Current]
		title = "Orders of " + act.Name + ", " + turn()
		spent := f.Spent()
		add("Political capital: %s of %s used, %s left.", Capital(spent), Capital(f.Budget()), Capital(f.Budget()-spent))
		if n := f.BudgetNote(); n != "" {
			add("The political capital is %s.", n)
		}
		mine := m.ActorLevers(f.Current)
		if len(mine) == 0 {
			add("This actor has no levers.")
		}
		for i, li := range mine {
			l := m.Scenario.Levers[li]
			var lv []string
			for lvl := range l.Levels {
				x := fmt.Sprintf("%s (cost %s)", l.LevelName(lvl), Capital(m.CostIn(gm.State(), li, lvl)))
				if f.Levels[li] == lvl {
					x = "[" + x + "]"
				}
				lv = append(lv, x)
			}
			un := ""
			if ok, why := m.Available(gm.State(), li); !ok {
				un = " Unavailable now: " + why + "."
			}
			add("%s%d. %s: %s.%s", mark(i), i+1, l.Name, strings.Join(lv, ", "), un)
			if i == f.Cursor() {
				if l.Description != "" {
					add("   %s", l.Description)
				}
				for _, n := range f.CostNotes(li) {
					add("   %s.", n)
				}
				for _, e := range l.Effects {
					add("   does: %s", EffectText(m, e))
				}
			}
		}
		sum, warn := f.DraftSummary()
		add("%s", sum)
		if warn != "" {
			add("Note: %s", warn)
		}
	case *AdjudicationScene:
		gm := f.Game
		m := gm.Model
		rep := gm.Reports()[f.Played-1]
		title = fmt.Sprintf("Adjudication, turn %d, %s", f.Played, m.Date(f.Played))
		if f.Page() == 0 {
			add("The orders, revealed together:")
			for i, a := range m.Scenario.Actors {
				var parts []string
				for _, li := range m.ActorLevers(i) {
					if lvl := rep.Levels[li]; lvl > 0 {
						parts = append(parts, m.Scenario.Levers[li].Name+": "+m.Scenario.Levers[li].LevelName(lvl))
					}
				}
				if len(parts) == 0 {
					parts = []string{"no lever pulled"}
				}
				add("%s: %s.", a.Name, strings.Join(parts, "; "))
			}
			break
		}
		add("What changed:")
		ch := f.NetChanges()
		if len(ch) == 0 {
			add("Nothing you can see changed.")
		}
		for _, c := range ch {
			v := m.Scenario.Vars[c.Var]
			add("%s: %s to %s (%s).", v.Name, m.Format(c.Var, c.Before), sim.WithUnit(m.Format(c.Var, c.After), v.Unit), Signed(m, c.Var, c.After-c.Before))
		}
	case *ReportScene:
		m := f.Game.Model
		title = fmt.Sprintf("Turn report, turn %d, %s: the largest changes and their causes", f.Played, m.Date(f.Played))
		rows := f.ReportRows()
		if len(rows) == 0 {
			add("Nothing you can see changed.")
		}
		for i, e := range rows {
			v := m.Scenario.Vars[e.Var]
			add("%s%d. %s %s: %s", mark(i), i+1, v.Name, sim.WithUnit(Signed(m, e.Var, e.Amount), v.Unit), CauseText(m, e))
		}
		add("%s", f.HiddenNote())
		for _, a := range m.Scenario.Actors {
			if ex, ok := f.Explain()[a.ID]; ok {
				add("Why %s chose: %s", a.Name, ex)
			}
		}
	case *ConfirmScene:
		title = s.Question
		add("%s", s.Detail)
		add("enter: %s; back: no, go back", s.Yes)
	case *ThinkingScene:
		title = "The computer players are deciding"
		for _, i := range s.Seats {
			add("%s is thinking.", f.Game.Model.Scenario.Actors[i].Name)
		}
	case *DashboardScene:
		t, right := f.DashTitle()
		title = t + ", " + cmp.Or(right, turn())
		add("%s", f.DashScoreLine())
		var stakes []Stake
		if seat := f.ScoreSeat(); seat >= 0 {
			stakes = Stakes(f.Table(), seat, f.Played)
		}
		for i, vi := range f.DashVars() {
			v := f.Game.Model.Scenario.Vars[vi]
			r := ""
			if stakes != nil && stakes[vi].Counts {
				r = " [counts for your score: " + StakeText(stakes[vi]) + "]"
			}
			if sr := f.SeriesRange(vi); sr != "" {
				r += " (over the turns: " + sr + ")"
			}
			add("%s%s: %s%s", mark(i), v.Name, f.Value(vi), r)
		}
		add("%s", f.DashHint(0, 0))
	case *WhyScene:
		gm := f.Game
		m := gm.Model
		v := m.Scenario.Vars[s.Var]
		title = fmt.Sprintf("Why did %s move? Turn %d, %s", v.Name, s.Turn, m.Date(s.Turn))
		if s.Hidden {
			add("Hidden from you: your estimate is %s.", f.Value(s.Var))
			lines = append(lines, f.EstimateBasis(s.Var)...)
			break
		}
		before, after := TurnStart(gm, s.Var, s.Turn), gm.History()[s.Turn].Vals[s.Var]
		add("%s to %s (%s).", m.Format(s.Var, before), sim.WithUnit(m.Format(s.Var, after), v.Unit), Signed(m, s.Var, after-before))
		reasons := f.WhyReasons()
		if len(reasons) == 0 {
			add("Nothing changed it on this turn.")
		}
		row := 0
		for _, r := range reasons {
			against := ""
			if r.Entry.Amount*(after-before) < 0 {
				against = ", against the turn's change"
			}
			add("%s: %s%s", Signed(m, s.Var, r.Entry.Amount), CauseText(m, r.Entry), against)
			for _, in := range r.Inputs {
				iv := m.Scenario.Vars[in.Var]
				add("%s  it read %s, which moved %s (w: why did that move)", mark(row), iv.Name, Signed(m, in.Var, in.Change))
				row++
			}
		}
	case *DownstreamScene:
		m := f.Game.Model
		li := s.LeverShown()
		title = "What did " + m.Scenario.Levers[li].Name + " change?"
		add("%s, lever %d of %d (left, right for the others).", m.Scenario.Actors[m.LeverActor(li)].Name, s.Lever+1, len(s.Levers))
		add("%s", DownNote)
		turns := f.Downstream(li)
		if len(turns) == 0 {
			add("Nothing you can see, in the turns played.")
		}
		for _, d := range turns {
			add("%s", DownTitle(m, li, d))
			for _, e := range d.Direct {
				add("  %s", DirectText(m, e))
			}
			for _, o := range d.Onward {
				add("  %s", OnwardText(m, o))
			}
			if d.Hidden > 0 {
				add("  and %d changes to indicators hidden from you.", d.Hidden)
			}
		}
	case *TourScene:
		pages := f.TourPages()
		p := pages[min(s.Page, len(pages)-1)]
		title = fmt.Sprintf("Guided first turn, page %d of %d: %s", s.Page+1, len(pages), p.Title)
		lines = append(lines, p.Lines...)
	case *ReadScene:
		title = "Full text: " + s.Title
		lines = append(lines, s.Lines...)
	case *MapScene:
		title = f.mapText(add) + ", " + cmp.Or(f.AfterLabel(), turn())
	case *EndScene:
		title = f.endText(add)
	case *ForecastScene:
		title = f.forecastText(add)
	case *BranchingScene:
		title = f.branchText(add, s)
	case *ComparisonScene:
		title = f.compareText(add, s)
	case *FacilitatorScene:
		title = f.facilitatorText(add, s) + ", " + turn()
	default:
		title = f.Scene().String()
		add("This screen (%s) is drawn in the window only; its text is not written out here yet.", f.Scene())
	}
	if f.Message != "" {
		add("Message: %s", f.Message)
	}
	return title, lines
}
