package sim

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// This file holds budgets and costs that depend on the state: an actor's
// 'budget_formula' gives its budget for the turn, held between 0 and its
// 'budget', and a level's cost may be an expression of the state. BudgetIn
// and CostIn are the one measure of each; CheckLevels, Sanitize and
// CarryForward apply them, and FitBudget brings a computer player's orders
// within them.

// budgets compiles the actors' budget formulas; names() has run.
func (c *compiler) budgets() {
	s, m := c.s, c.m
	m.budgetFn = make([]numFn, len(s.Actors))
	for i := range s.Actors {
		a := &s.Actors[i]
		if !a.BudgetFormula.IsZero() {
			f := c.num(a.BudgetFormula, c.sc, "budget_formula", a.FieldPos, a.Pos)
			m.budgetFn[i] = f.num
			c.noDraw(f, "the budget_formula")
			// The budget is shown to the actor's seat (orders screen,
			// briefing), as a cost is.
			c.shownReads(a.BudgetFormula, i, "the budget_formula", "budget")
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
// within actor ai's budget in state s, at the costs in s: while they cost
// too much, the lever whose level costs most is lowered by one level (the first in the
// scenario's order among equals). Orders already within it are returned
// as they are.
func (m *Model) FitBudget(s *State, ai int, orders map[string]int) map[string]int {
	levels := make([]int, m.nl)
	for id, lvl := range orders {
		if li, ok := m.levers[id]; ok && lvl >= 0 && lvl < len(m.cLevers[li].cost) {
			levels[li] = lvl
		}
	}
	// The budget and the costs are read on s once: lowering levels does
	// not change them.
	budget := m.BudgetIn(s, ai) + BudgetTolerance
	if m.OrdersCostIn(s, ai, levels) <= budget {
		return orders
	}
	costs := m.CostsIn(s)
	spent := func() float64 {
		total := 0.0
		for _, li := range m.byActor[ai] {
			total += costs[li][levels[li]]
		}
		return total
	}
	for spent() > budget {
		best := -1
		for _, li := range m.byActor[ai] {
			if levels[li] > 0 && (best < 0 || costs[li][levels[li]] > costs[best][levels[best]]) {
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

// costs checks lever l's costs, one per level, and compiles those written
// as expressions. A cost that is a number (or an expression that folds to
// one) is checked at load: not below 0, and not above its actor's
// 'budget'. An expression of the state is checked when it is read, at the
// start of each turn (costFault): it may come out above the budget on
// some turns, which only means the level cannot be afforded then, but
// never below 0. The first level's cost must be a number, as orders fall
// back to it in every state; and a cost expression may read only what its
// actor sees exactly, as the orders screen shows the actor its costs.
func (c *compiler) costs(l *Lever, cl *cLever) {
	s := c.s
	switch {
	case len(l.Cost) == 0:
		cl.cost = make([]float64, len(l.Levels))
		return
	case len(l.Cost) != len(l.Levels):
		c.add(fieldPos(l.FieldPos, "cost", l.Pos), "lever %q has %d levels but %d costs", l.ID, len(l.Levels), len(l.Cost))
		return
	}
	cl.cost = make([]float64, len(l.Cost))
	var a *Actor
	if cl.actor >= 0 {
		a = &s.Actors[cl.actor]
	}
	priced := false // some level costs, or may cost, more than 0
	for k, x := range l.Cost {
		at := fieldPos(l.FieldPos, fmt.Sprintf("cost[%d]", k), l.Pos)
		if x.IsZero() {
			c.add(at, "cost[%d] is empty: give a number, or an expression of the state", k)
			continue
		}
		v, isNum := CostNumber(x)
		if !isNum {
			f, ok := compileExpr(x, tNum, c.sc, &c.errs)
			if !ok {
				continue
			}
			if f.konst {
				v = f.val
			} else {
				if k == 0 {
					c.add(at, "the first level's cost must be a number: orders fall back to it, so it must be affordable in every state")
					continue
				}
				if a != nil {
					c.shownReads(x, cl.actor, fmt.Sprintf("the cost of level %q", l.Levels[k]), "cost")
				}
				c.noDraw(f, fmt.Sprintf("the cost of level %q", l.Levels[k]))
				if cl.costFn == nil {
					cl.costFn = make([]numFn, len(l.Cost))
				}
				cl.costFn[k] = f.num
				priced = true
				continue
			}
		}
		cl.cost[k] = v
		priced = priced || v > 0
		switch {
		case v < 0:
			c.add(at, "cost must not be negative")
		case a != nil && budgetKnown(a) && v > a.Budget:
			name := fmt.Sprintf("%q", l.Levels[k])
			if strings.TrimSpace(l.Levels[k]) == "" {
				name = fmt.Sprint(k)
			}
			c.add(at, "level %s costs %g, more than the budget of %g of actor %q: it can never be ordered", name, v, a.Budget, l.Actor)
		}
	}
	if a != nil && priced && !budgetKnown(a) && absent(a.FieldPos, "budget:", true) {
		c.add(fieldPos(l.FieldPos, "cost", l.Pos), "actor %q has no 'budget', so it can never order a level of lever %q that costs more than 0: give the actor a budget", a.ID, l.ID)
	}
}

// CostNumber reads a cost written as a number, as the YAML decoder reads
// numbers (digits may be grouped with _), and reports false for one
// written as an expression.
func CostNumber(x Expr) (float64, bool) {
	v, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(x.Src), "_", ""), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// shownReads reports the variables that expression x reads and actor ai
// does not see exactly, and the parameters it reads (their drawn values
// are the world's secret): x's value is shown to the actor (what is its
// cost or its budget), so it would tell the actor their true values. The
// subject names x in the message ("the cost of level \"high\"") and what
// names the figure shown ("cost", "budget"). Costs and budget formulas
// are checked by it alike.
func (c *compiler) shownReads(x Expr, ai int, subject, what string) {
	names, err := ExprNames(x.Src)
	if err != nil {
		return
	}
	for _, n := range names {
		if _, ok := c.m.params[n]; ok {
			c.add(x.Pos, "%s reads parameter %q, whose value in a game of drawn parameters actor %q does not know: the %s shown on its orders screen would tell it (write the parameter's stated value)", subject, n, c.s.Actors[ai].ID, what)
			continue
		}
		vi, ok := c.m.vars[n]
		if !ok || c.m.visible[vi][ai] {
			continue
		}
		c.add(x.Pos, "%s reads %q, which actor %q sees only as an estimate: the %s shown on its orders screen would tell it the true value (read a variable it sees exactly)", subject, n, c.s.Actors[ai].ID, what)
	}
}

// CostIn returns what level lvl of lever li costs in state s: its number,
// or its expression read on s (a lever's id in it: last turn's level). An
// expression that faults, or comes out not a finite number or below 0,
// gives +Inf, so that no orders can afford the level; a Game reports the
// fault instead (RequiresFault). A nil s gives +Inf for an expression.
func (m *Model) CostIn(s *State, li, lvl int) float64 {
	var slots []float64
	return m.costAt(s, li, lvl, &slots)
}

// costAt is CostIn with s loaded into *slots once an expression needs it.
func (m *Model) costAt(s *State, li, lvl int, slots *[]float64) float64 {
	cl := &m.cLevers[li]
	if cl.costFn == nil || cl.costFn[lvl] == nil {
		return cl.cost[lvl]
	}
	if s == nil {
		return math.Inf(1)
	}
	if *slots == nil {
		*slots = make([]float64, m.nslots)
		m.loadSlots(*slots, s)
	}
	v, f := m.evalCost(li, lvl, *slots)
	if f.set {
		return math.Inf(1)
	}
	return v
}

// evalCost evaluates the cost expression of level lvl of lever li on
// slots and returns its value and the fault met, if any: one of the
// expression's own, or a value that is not a finite number or is below 0.
func (m *Model) evalCost(li, lvl int, slots []float64) (float64, fault) {
	var f fault
	v := m.cLevers[li].costFn[lvl](&env{s: slots, rng: &RNG{}, fault: &f})
	if f.set {
		return v, f
	}
	l := &m.Scenario.Levers[li]
	pos := l.Cost[lvl].Pos
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		f = fault{set: true, pos: pos, msg: fmt.Sprintf("the cost of level %q of lever %q is not a finite number", l.Levels[lvl], l.ID)}
	case v < 0:
		f = fault{set: true, pos: pos, msg: fmt.Sprintf("the cost of level %q of lever %q is %g, below 0: a cost must not be negative", l.Levels[lvl], l.ID, v)}
	}
	return v, f
}

// costFault reports the first fault lever li's cost expressions meet in
// the state loaded in slots, if any.
func (m *Model) costFault(li int, slots []float64) (fault, bool) {
	for lvl, fn := range m.cLevers[li].costFn {
		if fn == nil {
			continue
		}
		if _, f := m.evalCost(li, lvl, slots); f.set {
			return f, true
		}
	}
	return fault{}, false
}

// FixedCost returns the cost of level lvl of lever li and true when it is
// a number, or false when it is an expression of the state, known only in
// a state (CostIn).
func (m *Model) FixedCost(li, lvl int) (float64, bool) {
	cl := &m.cLevers[li]
	if cl.costFn != nil && cl.costFn[lvl] != nil {
		return 0, false
	}
	return cl.cost[lvl], true
}

// CostsIn returns what every level of every lever costs in state s, by
// lever then level: CostIn of each. The costs of a lever whose costs are
// all numbers are the model's own slice (the whole table is, when no cost
// is an expression): callers must not change them.
func (m *Model) CostsIn(s *State) [][]float64 {
	if m.fixedCosts != nil {
		return m.fixedCosts // no cost is an expression
	}
	out := make([][]float64, m.nl)
	var slots []float64
	for li := range m.cLevers {
		cl := &m.cLevers[li]
		if cl.costFn == nil {
			out[li] = cl.cost
			continue
		}
		out[li] = make([]float64, len(cl.cost))
		for lvl := range cl.cost {
			out[li][lvl] = m.costAt(s, li, lvl, &slots)
		}
	}
	return out
}

// OrdersCostIn returns what actor ai's levers cost in state s at the
// levels in levels (a level per lever, in the scenario's order, each in
// range): the sum of their costs (CostIn), in the scenario's order of the
// levers.
func (m *Model) OrdersCostIn(s *State, ai int, levels []int) float64 {
	total := 0.0
	var slots []float64
	for _, li := range m.byActor[ai] {
		total += m.costAt(s, li, levels[li], &slots)
	}
	return total
}

// fixedCosts returns every lever's costs by level, or nil when some cost
// is an expression of the state.
func fixedCosts(levers []cLever) [][]float64 {
	out := make([][]float64, len(levers))
	for li := range levers {
		if levers[li].costFn != nil {
			return nil
		}
		out[li] = levers[li].cost
	}
	return out
}
