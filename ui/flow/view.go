package flow

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/sixparty/sixparty/report"
	"github.com/sixparty/sixparty/sim"
)

// MaxReportRows is how many changes the turn report lists.
const MaxReportRows = 10

// ReportRows returns the largest changes of the last turn played that the
// viewer may see exactly, largest first: the facilitator's adjustments
// made before it was played among them.
func (f *Flow) ReportRows() []sim.Entry {
	if f.Game == nil || f.Played < 1 {
		return nil
	}
	var known []sim.Entry
	for _, e := range f.turnEntries() {
		if f.Known(e.Var) && e.Amount != 0 {
			known = append(known, e)
		}
	}
	return report.Largest(f.Game.Model, known, MaxReportRows)
}

// HiddenChanges returns how many of the last turn's changes the viewer
// does not see.
func (f *Flow) HiddenChanges() int {
	if f.Game == nil || f.Played < 1 {
		return 0
	}
	n := 0
	for _, e := range f.turnEntries() {
		if !f.Known(e.Var) && e.Amount != 0 {
			n++
		}
	}
	return n
}

// turnEntries returns the ledger entries of the last turn played: the
// facilitator's adjustments, then the turn's own.
func (f *Flow) turnEntries() []sim.Entry {
	return f.table.Entries(f.Played)
}

// NetChange is a variable's change over one turn.
type NetChange struct {
	Var           int
	Before, After float64
}

// NetChanges returns the net change of every variable the viewer knows
// exactly that moved on the last turn played (the facilitator's
// adjustments before it included), largest (relative to the variable's
// scale) first.
func (f *Flow) NetChanges() []NetChange {
	if f.Game == nil || f.Played < 1 {
		return nil
	}
	seat := f.seat()
	after := f.table.View(seat, f.Played)
	start := f.table.View(seat, f.Played-1)
	var out []NetChange
	for vi := range after.Vals {
		before := start.Vals[vi] - f.facAdjust(vi, f.Played)
		if f.Known(vi) && math.Abs(after.Vals[vi]-before) > 1e-9 {
			out = append(out, NetChange{Var: vi, Before: before, After: after.Vals[vi]})
		}
	}
	m := f.table.Model()
	rel := func(c NetChange) float64 { return math.Abs(c.After-c.Before) / report.Scale(m, c.Var) }
	slices.SortStableFunc(out, func(a, b NetChange) int { return cmp.Compare(rel(b), rel(a)) })
	return out
}

// Group is a dashboard group of variables.
type Group struct {
	Name string
	Vars []int
}

// Groups returns the scenario's variable groups in the order they first
// appear, each with its variables in the scenario's order. Variables with
// no group go into "Other".
func Groups(m *sim.Model) []Group {
	var out []Group
	idx := map[string]int{}
	for vi, v := range m.Scenario.Vars {
		name := v.Group
		if name == "" {
			name = "Other"
		}
		k, ok := idx[name]
		if !ok {
			k = len(out)
			idx[name] = k
			out = append(out, Group{Name: name})
		}
		out[k].Vars = append(out[k].Vars, vi)
	}
	return out
}

// DashGroups returns the groups with only the variables the viewer may see.
func (f *Flow) DashGroups() []Group {
	var out []Group
	for _, g := range Groups(f.Table().Model()) {
		var vars []int
		for _, vi := range g.Vars {
			if f.Shown(vi) {
				vars = append(vars, vi)
			}
		}
		if len(vars) > 0 {
			out = append(out, Group{Name: g.Name, Vars: vars})
		}
	}
	return out
}

// DashVars returns the dashboard's variables in the order shown.
func (f *Flow) DashVars() []int {
	var out []int
	for _, g := range f.DashGroups() {
		out = append(out, g.Vars...)
	}
	return out
}

// Series returns variable vi as the viewer saw it at the start of every
// turn so far, before the facilitator's adjustments of that turn (they
// count as part of its change), and now, with each estimate's standard
// deviation (0 where exact).
func (f *Flow) Series(vi int) (vals, sd []float64) {
	if !f.Seen(vi) {
		return nil, nil // no value to draw
	}
	seat, n := f.seat(), f.Table().Played()
	for t := 0; t <= n; t++ {
		v := f.Table().View(seat, t)
		x := v.Vals[vi]
		if t < n {
			x -= f.facAdjust(vi, t+1)
		}
		vals = append(vals, x)
		sd = append(sd, v.SD[vi])
	}
	return vals, sd
}

// seat returns the seat whose view the table gives the screen: the
// viewer, or -1 (exact values) on a screen shared by several people, who
// are then shown only what all of them know exactly.
func (f *Flow) seat() int { return max(-1, f.Viewer()) }

// facAdjust returns the net amount of the facilitator's adjustments of
// variable vi made before turn t (from 1) was played.
func (f *Flow) facAdjust(vi, t int) float64 {
	x := 0.0
	for _, e := range f.Table().Entries(t) {
		if e.Var == vi && e.Cause.Kind == sim.ByFacilitator {
			x += e.Amount
		}
	}
	return x
}

// TrueSeries returns variable vi's true value at the start of every turn
// so far, before the facilitator's adjustments of that turn, and now.
func TrueSeries(g *sim.Game, vi int) []float64 {
	h := g.History()
	adj := facAmounts(g, vi)
	var out []float64
	for t, s := range h {
		x := s.Vals[vi]
		if t < len(h)-1 {
			x -= adj[t+1]
		}
		out = append(out, x)
	}
	return out
}

// Value formats a value of variable vi as the viewer sees it now:
// "4.5 US$ bn", or "≈ 4.5 ± 1.0 US$ bn" for an estimate.
func (f *Flow) Value(vi int) string {
	if !f.Seen(vi) {
		return "not seen"
	}
	tb := f.Table()
	m := tb.Model()
	v := tb.View(f.seat(), tb.Played())
	return FormatValue(m, vi, v.Vals[vi], v.SD[vi], !v.Exact[vi])
}

// FormatValue formats a value of variable vi with its unit, marking an
// estimate with "≈" and its standard deviation.
func FormatValue(m *sim.Model, vi int, x, sd float64, estimate bool) string {
	s := m.Format(vi, x)
	if estimate {
		s = "≈ " + s + " ± " + m.Format(vi, sd)
	}
	return sim.WithUnit(s, m.Scenario.Vars[vi].Unit)
}

// Signed formats a change of variable vi with its sign and an arrow, so
// that the direction never depends on colour: "▲ +2.0", "▼ -1.5".
func Signed(m *sim.Model, vi int, d float64) string {
	s := m.Format(vi, d)
	if strings.Trim(s, "+-0.,") == "" {
		// Too small to show at the indicator's precision: no "+0.00".
		return "= " + strings.TrimLeft(s, "+-")
	}
	switch {
	case d > 0:
		if !strings.HasPrefix(s, "+") {
			s = "+" + s
		}
		return "▲ " + s
	case d < 0:
		return "▼ " + s
	}
	return "= " + s
}

// EffectText describes a lever's or event's effect in words: its note if
// the scenario gives one, else its target, change and timing.
func EffectText(m *sim.Model, e sim.Effect) string {
	name := e.Target
	if vi := m.VarIndex(e.Target); vi >= 0 {
		name = m.Scenario.Vars[vi].Name
	}
	var b strings.Builder
	if e.Note != "" {
		fmt.Fprintf(&b, "%s: %s", name, e.Note)
	} else {
		fmt.Fprintf(&b, "%s changes each turn by: %s", name, strings.Join(strings.Fields(e.Change.Src), " "))
	}
	switch {
	case e.Delay > 0 && e.Lasts > 1:
		fmt.Fprintf(&b, " (after %s, for %s)", TurnsText(e.Delay), TurnsText(e.Lasts))
	case e.Delay > 0:
		fmt.Fprintf(&b, " (after %s)", TurnsText(e.Delay))
	case e.Lasts > 1:
		fmt.Fprintf(&b, " (for %s)", TurnsText(e.Lasts))
	}
	return b.String()
}

// Timeline returns the timeline of the game shown (see Timeline), built
// once per game and turn played, then kept: the end screen and the
// branching scene draw it every frame.
func (f *Flow) Timeline() []TimelineTurn {
	g := f.Game
	if g == nil {
		return nil
	}
	if n := len(g.Reports()); f.timeline == nil || f.timelineOf != g || f.timelineTurns != n {
		f.timeline, f.timelineOf, f.timelineTurns = Timeline(g), g, n
	}
	return f.timeline
}

// Timeline returns one entry per turn played: its date, the facilitator's
// interventions, the events (with choices) and every actor's orders, in
// words.
func Timeline(g *sim.Game) []TimelineTurn {
	m := g.Model
	s := m.Scenario
	var out []TimelineTurn
	for _, r := range g.Reports() {
		t := TimelineTurn{Turn: r.Turn, Date: m.Date(r.Turn)}
		injected := map[string]bool{}
		for _, a := range g.Record().Turns[r.Turn-1].Adjust {
			injected[a.Inject] = true
		}
		for _, iv := range Interventions(g, r.Turn) {
			if iv.Var >= 0 {
				t.Facilitator = append(t.Facilitator, iv.Text)
			}
		}
		for _, ei := range r.Events {
			line := s.Events[ei].Name
			if injected[s.Events[ei].ID] {
				line += " (injected by the facilitator)"
			}
			if c := r.Choices[ei]; c >= 0 {
				line += fmt.Sprintf(" — %s chose: %s", s.Actors[m.Chooser(ei)].Name, s.Events[ei].Choice.Options[c].Text)
			}
			t.Events = append(t.Events, line)
		}
		for _, e := range report.Largest(m, r.Entries, 2) {
			t.Changes = append(t.Changes, fmt.Sprintf("%s %s (%s)", s.Vars[e.Var].Name, Signed(m, e.Var, e.Amount), CauseText(m, e)))
		}
		for ai, a := range s.Actors {
			var parts []string
			for _, li := range m.ActorLevers(ai) {
				if lvl := r.Levels[li]; lvl > 0 {
					parts = append(parts, s.Levers[li].Name+": "+s.Levers[li].LevelName(lvl))
				}
			}
			if len(parts) > 0 {
				t.Orders = append(t.Orders, a.Name+" — "+strings.Join(parts, ", "))
			}
		}
		out = append(out, t)
	}
	return out
}

// TimelineTurn is one turn of the end screen's timeline: the facilitator's
// adjustments, its events (marked when the facilitator injected them),
// every actor's orders, and its turning points (the two largest changes).
type TimelineTurn struct {
	Turn        int
	Date        string
	Facilitator []string
	Events      []string
	Orders      []string
	Changes     []string
}

// The kinds of a timeline's line.
const (
	TimeFacilitator = iota
	TimeEvent
	TimeChange
	TimeOrder
)

// TimelineLine is one line of a timeline's turn: its kind, the label it
// opens with ("Event: ", or "" for an order) and its text.
type TimelineLine struct {
	Kind        int
	Label, Text string
}

// Lines returns the turn's lines in the order every screen shows them:
// the facilitator's, the events, the turning points, then the orders.
func (t TimelineTurn) Lines() []TimelineLine {
	var out []TimelineLine
	for _, g := range []struct {
		kind  int
		label string
		texts []string
	}{{TimeFacilitator, "Facilitator: ", t.Facilitator}, {TimeEvent, "Event: ", t.Events}, {TimeChange, "Turning point: ", t.Changes}, {TimeOrder, "", t.Orders}} {
		for _, s := range g.texts {
			out = append(out, TimelineLine{g.kind, g.label, s})
		}
	}
	return out
}

// WhyReasons returns why the why view's indicator moved on its turn: each
// ledger entry, largest first, with the inputs of its cause that moved on
// the same turn (those the viewer knows exactly).
func (f *Flow) WhyReasons() []report.Reason {
	w := SceneOf[*WhyScene](f)
	tb := f.Table()
	if tb == nil || w == nil || w.Turn < 1 || w.Hidden {
		return nil
	}
	rs := report.WhyOf(tb.Model(), tb.Entries(w.Turn), w.Var)
	for i := range rs {
		var known []report.Input
		for _, in := range rs[i].Inputs {
			if f.Known(in.Var) {
				known = append(known, in)
			}
		}
		rs[i].Inputs = known
	}
	return rs
}

// WhyChange returns the why view's indicator at the start of its turn,
// before the facilitator's adjustments of that turn (they count as part
// of its change), and after the turn, as the viewer sees it.
func (f *Flow) WhyChange() (before, after float64) {
	w, tb := SceneOf[*WhyScene](f), f.Table()
	if tb == nil || w == nil || w.Turn < 1 {
		return 0, 0
	}
	seat := f.seat()
	before = tb.View(seat, w.Turn-1).Vals[w.Var] - f.facAdjust(w.Var, w.Turn)
	return before, tb.View(seat, w.Turn).Vals[w.Var]
}

// WhyLinks returns the indicators the why view can follow, in the order
// shown: every reason's moved inputs.
func (f *Flow) WhyLinks() []int {
	var out []int
	for _, r := range f.WhyReasons() {
		for _, in := range r.Inputs {
			out = append(out, in.Var)
		}
	}
	return out
}
