package sim

import (
	"math"
)

// This file holds budgets that depend on the state: an actor's
// 'budget_formula' gives its budget for the turn, held between 0 and its
// 'budget'. BudgetIn is the one measure of it; CheckLevels, Sanitize and
// CarryForward apply it, and FitBudget brings a computer player's orders
// within it.

// budgets compiles the actors' budget formulas; names() has run.
func (c *compiler) budgets() {
	s, m := c.s, c.m
	m.budgetFn = make([]numFn, len(s.Actors))
	for i := range s.Actors {
		a := &s.Actors[i]
		if !a.BudgetFormula.IsZero() {
			m.budgetFn[i] = c.num(a.BudgetFormula, c.sc, "budget_formula", a.FieldPos, a.Pos).num
			if absent(a.FieldPos, "budget:", a.Budget == 0) {
				c.add(fieldPos(a.FieldPos, "budget_formula", a.Pos), "actor %q has a budget_formula but no 'budget': give the most its budget can be", a.ID)
			}
		}
	}
}

// BudgetIn returns actor ai's budget in state s: its 'budget_formula'
// read on s, held between 0 and its 'budget', or its 'budget' when it has
// no formula. A formula that faults or is not a finite number gives 0 (a
// Game reports the fault: RequiresFault).
func (m *Model) BudgetIn(s *State, ai int) float64 {
	b := m.Scenario.Actors[ai].Budget
	fn := m.budgetFn[ai]
	if fn == nil || s == nil {
		return b
	}
	slots := make([]float64, m.nslots)
	m.loadSlots(slots, s)
	var f fault
	v := fn(&env{s: slots, rng: &RNG{}, fault: &f})
	if f.set || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return math.Max(0, math.Min(b, v))
}

// budgetFault reports the fault actor ai's budget formula meets in s, if
// any.
func (m *Model) budgetFault(s *State, ai int, slots []float64) (fault, bool) {
	fn := m.budgetFn[ai]
	if fn == nil {
		return fault{}, false
	}
	var f fault
	v := fn(&env{s: slots, rng: &RNG{}, fault: &f})
	if !f.set && (math.IsNaN(v) || math.IsInf(v, 0)) {
		f = fault{set: true, pos: m.Scenario.Actors[ai].BudgetFormula.Pos, msg: "budget_formula is not a finite number"}
	}
	return f, f.set
}

// AffordableIn reports whether actor ai can pay cost from its budget in
// state s (BudgetIn), within BudgetTolerance.
func (m *Model) AffordableIn(s *State, ai int, cost float64) bool {
	return cost <= m.BudgetIn(s, ai)+BudgetTolerance
}

// FitBudget returns orders (one actor's: lever id, then level) brought
// within actor ai's budget in state s: while they cost too much, the
// lever whose level costs most is lowered by one level (the first in the
// scenario's order among equals). Orders already within it are returned
// as they are.
func (m *Model) FitBudget(s *State, ai int, orders map[string]int) map[string]int {
	levels := make([]int, m.nl)
	for id, lvl := range orders {
		if li, ok := m.levers[id]; ok && lvl >= 0 && lvl < len(m.cLevers[li].cost) {
			levels[li] = lvl
		}
	}
	// The budget is read on s once: lowering levels does not change it.
	budget := m.BudgetIn(s, ai) + BudgetTolerance
	if m.OrdersCost(ai, levels) <= budget {
		return orders
	}
	for m.OrdersCost(ai, levels) > budget {
		best := -1
		for _, li := range m.byActor[ai] {
			if levels[li] > 0 && (best < 0 || m.cLevers[li].cost[levels[li]] > m.cLevers[best].cost[levels[best]]) {
				best = li
			}
		}
		if best < 0 {
			break
		}
		levels[best]--
	}
	out := map[string]int{}
	for _, li := range m.byActor[ai] {
		if levels[li] > 0 {
			out[m.Scenario.Levers[li].ID] = levels[li]
		}
	}
	return out
}
