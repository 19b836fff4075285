package flow

import (
	"fmt"
	"strings"

	"github.com/sixparty/sixparty/options"
	"github.com/sixparty/sixparty/report"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/ui/chart"
)

// The text of the screens ScreenText writes out beyond the main ones of
// a turn: the map, the end, the forecast, the branching, the comparison
// and the facilitator's controls; each carries what the window draws.

// SeriesText says a chart's series in words: every value from the first
// to the last turn, and its range, so that a screen reader hears what
// the chart shows and a small change does not sound large.
func SeriesText(format func(float64) string, vals []float64) string {
	if len(vals) == 0 {
		return "no values yet"
	}
	var parts []string
	for _, v := range vals {
		parts = append(parts, format(v))
	}
	lo, hi := vals[0], vals[0]
	for _, v := range vals {
		lo, hi = min(lo, v), max(hi, v)
	}
	return fmt.Sprintf("%s (range %s)", strings.Join(parts, ", "), RangeText(format, lo, hi))
}

// RangeText says the range of a chart's values, "12.0 to 14.5" (a dash
// would read as a minus sign between negative numbers), or the one value
// of a flat series.
func RangeText(format func(float64) string, lo, hi float64) string {
	if a, b := format(lo), format(hi); a != b {
		return a + " to " + b
	}
	return "flat at " + format(lo)
}

// SeriesRange says the range of indicator vi's values over the turns as
// the dashboard's small chart draws them, "range 22.0 to 22.3": the chart
// has no axes and scales itself, so a tiny change would look steep
// without it. It is "" before there are two values.
func (f *Flow) SeriesRange(vi int) string {
	vals, _ := f.Series(vi)
	if len(vals) < 2 {
		return ""
	}
	m := f.Table().Model()
	lo, hi := vals[0], vals[0]
	for _, v := range vals {
		lo, hi = min(lo, v), max(hi, v)
	}
	return "range " + RangeText(func(x float64) string { return m.Format(vi, x) }, lo, hi)
}

// SparkSpan is the least height, in indicator vi's unit, of the
// dashboard's small chart of it: a twentieth of the indicator's scale
// (report.Scale), so that a change of 34.0 to 34.04 on a 0-120 range
// draws nearly flat instead of from the bottom to the top.
func (f *Flow) SparkSpan(vi int) float64 {
	return 0.05 * report.Scale(f.Table().Model(), vi)
}

// chartRange is the range a chart of these series spans, as its axes
// draw it (chart.Range).
func chartRange(series ...[]float64) (lo, hi float64) {
	return chart.Range(series, nil)
}

func (f *Flow) mapText(add func(string, ...any)) string {
	m := f.Game.Model
	legend := mapLegend(m, f.MapLevels())
	var names []string
	for _, a := range m.Scenario.Actors {
		names = append(names, a.Name)
	}
	add("The actors on the map: %s.", strings.Join(names, ", "))
	add("Flows: %s", f.MapNote(len(legend)))
	for _, l := range legend {
		add("%s", l)
	}
	return "Map: the actors and the flows between them"
}

func (f *Flow) endText(add func(string, ...any)) string {
	m := f.Game.Model
	kind, first := f.EndPage(f.Page())
	sh := f.EndSheet()
	page := fmt.Sprintf(" (page %d of %d, %s played)", f.Page()+1, sh.Pages, TurnsText(sh.Played))
	if sh.Name != "" {
		page = fmt.Sprintf(" (%s, page %d of %d, %s played)", sh.Name, f.Page()+1, sh.Pages, TurnsText(sh.Played))
	}
	switch kind {
	case EndSummary:
		if sh.Stopped {
			add("%s. %s", sh.Headline, sh.Text)
		} else {
			add("Outcome: %s. %s", sh.Headline, sh.Text)
		}
		if len(sh.Reviews) > 0 && sh.Reviews[0] != nil {
			rv := sh.Reviews[0]
			add("%s", rv.Head)
			for _, o := range rv.Objectives {
				add("  %s", o)
			}
			add("%s", rv.Baseline)
			if len(sh.Reviews) > 1 {
				add("The next page reviews every person's seat.")
			}
		}
		if len(sh.Branches) > 0 {
			add("Games of this session (C compares them):")
			for _, l := range sh.Branches {
				add("  %s", l)
			}
		}
		if sh.ScoreError != "" {
			add("Scores: %s", sh.ScoreError)
			break
		}
		add("Scores:")
		for i, a := range m.Scenario.Actors {
			add("  %s: %.2f", a.Name, sh.Scores[i])
		}
		return "The end: outcome and scores" + page
	case EndReview:
		for _, rv := range sh.Reviews {
			if rv == nil {
				continue
			}
			add("%s", rv.Title)
			add("%s", rv.Baseline)
			if len(rv.TurningPoints) == 0 {
				add("No turn moved your score.")
			} else {
				add("The turns that moved your score most:")
			}
			for _, tp := range rv.TurningPoints {
				add("  %s", tp)
			}
			add("%s", rv.Counterfactual)
		}
		return "The end: what moved your score" + page
	case EndTimeline:
		tl := f.Timeline()
		for k := 0; k < TurnsPerPage && first-1+k < len(tl); k++ {
			f.timelineText(add, tl[first-1+k])
		}
		return "The end: timeline" + page
	}
	for vi := first; vi < min(first+ChartsPerPage, len(m.Scenario.Vars)); vi++ {
		v := m.Scenario.Vars[vi]
		add("%s, by turn: %s", nameUnit(v.Name, v.Unit), SeriesText(func(x float64) string { return m.Format(vi, x) }, sh.Series[vi]))
	}
	return "The end: the indicators over the game" + page
}

func (f *Flow) timelineText(add func(string, ...any), t TimelineTurn) {
	add("Turn %d, %s:", t.Turn, t.Date)
	for _, l := range t.Lines() {
		add("  %s%s", l.Label, l.Text)
	}
}

func (f *Flow) forecastText(add func(string, ...any)) string {
	fc := f.Outlook
	if fc == nil {
		return "Forecast"
	}
	m := f.Game.Model
	rows := f.OutlookRows()
	bands := append(append([]options.ForecastBand(nil), fc.Indicators...), fc.Score)
	for k, bd := range bands {
		if bd.Var >= 0 {
			r := rows[k]
			add("%s: now %s; median %s; by %s %s.", r.Name, r.Now, r.Change, m.Date(fc.Turn+fc.Turns), r.End)
			continue
		}
		t := len(bd.Median) - 1
		add("Score of %s: now %.2f; median %s; by %s %.2f (%.2f to %.2f).", m.Scenario.Actors[fc.Seat].Name, bd.Now, SignedScore(bd.Median[t]-bd.Median[0]), m.Date(fc.Turn+fc.Turns), bd.Median[t], bd.Lo[t], bd.Hi[t])
	}
	add("How the play-outs end:")
	labels, _ := f.OutlookShares()
	for _, l := range labels {
		add("  %s", l)
	}
	add("%s", f.OutlookNote())
	return f.OutlookTitle()
}

func (f *Flow) branchText(add func(string, ...any), s *BranchingScene) string {
	m := f.Game.Model
	mark := func(i int) string {
		if i == f.Cursor() {
			return "> "
		}
		return "  "
	}
	add("%sFrom turn: %d, %s (left, right to change)", mark(BranchRowTurn), s.Turn, m.Date(s.Turn))
	add("%sName: %s (type NAME, erase)", mark(BranchRowName), s.Name)
	add("%sStart the branch", mark(BranchRowStart))
	add("%s", BranchNote(s.Turn))
	if tl := f.Timeline(); s.Turn >= 1 && s.Turn <= len(tl) {
		add("As played:")
		f.timelineText(add, tl[s.Turn-1])
	}
	return "Branch " + f.GameName() + " from a turn"
}

func (f *Flow) compareText(add func(string, ...any), s *ComparisonScene) string {
	c := s.Compared
	if c == nil {
		return f.CompareTitle()
	}
	m := f.Game.Model
	add("%s", c.Summary)
	for k, side := range []string{c.Base.Name, c.Other.Name} {
		out := c.Outcomes[k]
		if out == "" {
			out = "stopped before an outcome"
		}
		add("%s: %s.", side, out)
	}
	add("Scores (%s, then %s):", c.Base.Name, c.Other.Name)
	for _, p := range c.Scores {
		add("  %s: %.2f, %.2f", p.Name, p.Base, p.Other)
	}
	if len(c.Indicators) == 0 {
		add("No indicator differs.")
	}
	for _, p := range c.Indicators {
		v := m.Scenario.Vars[p.Var]
		format := func(x float64) string { return m.Format(p.Var, x) }
		lo, hi := chartRange(p.Base, p.Other)
		add("%s, by turn; chart range %s:", nameUnit(v.Name, v.Unit), RangeText(format, lo, hi))
		add("  %s: %s", c.Base.Name, SeriesText(format, p.Base))
		add("  %s: %s", c.Other.Name, SeriesText(format, p.Other))
	}
	return f.CompareTitle() + " (same seed)"
}

func (f *Flow) facilitatorText(add func(string, ...any), s *FacilitatorScene) string {
	gm := f.Game
	m := gm.Model
	st := gm.State()
	mark := func(i int) string {
		if i == f.Cursor() {
			return "> "
		}
		return "  "
	}
	log := func() {
		add("This turn's interventions:")
		ivs := Interventions(gm, gm.Turn())
		if len(ivs) == 0 {
			add("  None yet.")
		}
		for _, iv := range ivs {
			add("  %s", iv.Text)
		}
		add("%s", FacLogNote)
	}
	switch s.Panel {
	case FacAdjust:
		add("True values. Select one and press Enter to set it.")
		for i, vi := range f.FacVars() {
			add("%s%d. %s: %s", mark(i), i+1, m.Scenario.Vars[vi].Name, FormatValue(m, vi, st.Vals[vi], 0, false))
		}
		if vars := f.FacVars(); len(vars) > 0 {
			vi := vars[min(f.Cursor(), len(vars)-1)]
			for _, l := range FacFacts(m, st, vi).Lines() {
				add("  %s", l)
			}
			add("  Over the turns: %s", SeriesText(func(x float64) string { return m.Format(vi, x) }, TrueSeries(gm, vi)))
		}
		return "Facilitator: adjust an indicator"
	case FacValue:
		for _, l := range FacFacts(m, st, s.Var).Lines() {
			add("%s", l)
		}
		value, reason := s.ValueText, s.ReasonText
		if value == "" {
			value = "(type a number)"
		} else {
			value = sim.WithUnit(value, m.Scenario.Vars[s.Var].Unit)
		}
		if reason == "" {
			reason = "(type why: it is logged)"
		}
		add("%sNew value: %s", mark(FacRowValue), value)
		add("%sReason: %s", mark(FacRowReason), reason)
		add("%sApply the change", mark(FacRowApply))
		add("%s", FacValueNote)
		log()
		return "Facilitator: set " + m.Scenario.Vars[s.Var].Name
	case FacInject:
		add("Events not in this turn's briefing. Enter injects the selected one.")
		evs := f.InjectableEvents()
		if len(evs) == 0 {
			add("Every event is already in this turn's briefing.")
			break
		}
		for i, ei := range evs {
			add("%s%d. %s: %s", mark(i), i+1, m.Scenario.Events[ei].Name, EventNote(m, st, ei))
		}
		ei := evs[min(f.Cursor(), len(evs)-1)]
		ev := &m.Scenario.Events[ei]
		add("%s: %s", ev.Name, strings.TrimSpace(ev.Text))
		for _, e := range ev.Effects {
			add("  does: %s", EffectText(m, e))
		}
		if ev.Choice != nil {
			add("  %s must choose: %s", m.Scenario.Actors[m.Chooser(ei)].Name, ev.Choice.Prompt)
			for _, o := range ev.Choice.Options {
				add("    %s", o.Text)
			}
		}
		return "Facilitator: inject an event"
	}
	notes := f.FacMenuNotes()
	for i, l := range FacMenuLabels() {
		add("%s%d. %s: %s", mark(i), i+1, l, notes[i])
	}
	log()
	return "Facilitator: the game is paused"
}
