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

// LeverEffect is what pulling a lever does to one indicator over the next
// turns, as the seat ordering can work it out: played from what it sees,
// with every other lever left as it is in its draft and the others'
// levers at rest.
type LeverEffect struct {
	Var int
	// Direct is the change the lever's own effects make; Total the whole
	// difference the lever makes, through the rules that read what it
	// moves (the scenario's dependency graph) as well.
	Direct, Total float64
}

// EffectTurns is how many turns LeverEffects plays out at most: a lever's
// delayed effects and the rules they feed need a turn or two to show.
const EffectTurns = 3

// LeverEffects returns what setting the current actor's lever li to lvl
// this turn (against level 0) does over the next turns (1 + its longest delay, at
// most EffectTurns), largest relative to the indicator's scale first, and
// the number of turns played out. Only a local table can play it out.
func (f *Flow) LeverEffects(li, lvl int) ([]LeverEffect, int) {
	if f.Game == nil || f.Game.Over() {
		return nil, 0
	}
	m := f.Game.Model
	n := 1
	for _, e := range m.Scenario.Levers[li].Effects {
		n = max(n, 1+e.Delay)
	}
	n = min(n, EffectTurns)
	start := f.Game.State().Believed(f.Game.View(f.Current))
	mine := make([]int, len(m.Scenario.Levers))
	for _, k := range m.ActorLevers(f.Current) {
		mine[k] = f.Levels[k]
	}
	play := func(level int) (*sim.State, []sim.Entry, bool) {
		levels := slices.Clone(mine)
		levels[li] = level
		st := m.NewStepper()
		cur := start.Clone()
		var led []sim.Entry
		for t := 0; t < n && !cur.Over(); t++ {
			next := &sim.State{}
			var err error
			if led, err = st.Step(cur, levels, nil, next, led); err != nil {
				return nil, nil, false
			}
			cur = next
			levels = make([]int, len(levels)) // pulled this turn only

		}
		return cur, led, true
	}
	with, led, ok1 := play(lvl)
	without, _, ok2 := play(0)
	if !ok1 || !ok2 {
		return nil, n
	}
	direct := make([]float64, len(m.Scenario.Vars))
	for _, e := range led {
		if e.Cause.Kind == sim.ByLever && e.Cause.Index == li {
			direct[e.Var] += e.Amount
		}
	}
	var out []LeverEffect
	for vi := range m.Scenario.Vars {
		total := with.Vals[vi] - without.Vals[vi]
		if math.Abs(total) < 1e-9 && math.Abs(direct[vi]) < 1e-9 {
			continue
		}
		out = append(out, LeverEffect{Var: vi, Direct: direct[vi], Total: total})
	}
	rel := func(e LeverEffect) float64 { return math.Abs(e.Total) / report.Scale(m, e.Var) }
	slices.SortStableFunc(out, func(a, b LeverEffect) int { return cmp.Compare(rel(b), rel(a)) })
	return out, n
}

// LeverEffectText says one effect in words: "Pressure on Beijing +5.0
// (directly)", "Willingness to negotiate +0.8 (through the rules)", or
// both.
func LeverEffectText(m *sim.Model, e LeverEffect) string {
	name := m.Scenario.Vars[e.Var].Name
	through := e.Total - e.Direct
	switch {
	case math.Abs(e.Direct) < 1e-9:
		return fmt.Sprintf("%s %s (through the rules)", name, Signed(m, e.Var, e.Total))
	case math.Abs(through) < 1e-9*math.Max(1, math.Abs(e.Total)):
		return fmt.Sprintf("%s %s (directly)", name, Signed(m, e.Var, e.Total))
	}
	return fmt.Sprintf("%s %s (%s directly, %s through the rules)", name, Signed(m, e.Var, e.Total), Signed(m, e.Var, e.Direct), Signed(m, e.Var, through))
}

// DraftSummary says the current actor's whole draft in words with its
// cost: "Talk: much (2), Spend: yes (1) — 3 of 4 political capital", and
// a warning when capital is left unspent.
func (f *Flow) DraftSummary() (summary, warning string) {
	m := f.Game.Model
	budget := f.Budget()
	var parts []string
	for _, li := range m.ActorLevers(f.Current) {
		if lvl := f.Levels[li]; lvl > 0 {
			l := &m.Scenario.Levers[li]
			parts = append(parts, fmt.Sprintf("%s: %s (%s)", l.Name, l.LevelName(lvl), Capital(m.CostIn(f.Game.State(), li, lvl))))
		}
	}
	spent := f.Spent()
	if len(parts) == 0 {
		parts = []string{"no levers pulled"}
	}
	summary = fmt.Sprintf("Your orders: %s — %s of %s political capital", strings.Join(parts, ", "), Capital(spent), Capital(budget))
	if left := budget - spent; left > 1e-9 {
		warning = fmt.Sprintf("%s political capital unspent: it is not saved for later turns.", Capital(left))
	}
	return summary, warning
}
