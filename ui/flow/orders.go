package flow

import (
	"fmt"
	"slices"
)

// OrdersScene is the current actor setting its levers.
type OrdersScene struct {
	Rows
}

// ID implements Scene.
func (*OrdersScene) ID() SceneID { return Orders }

// Spent returns the cost of the current actor's draft orders.
func (f *Flow) Spent() float64 {
	return f.Game.Model.OrdersCostIn(f.Game.State(), f.Current, f.Levels)
}

// Budget returns the current actor's political capital for the turn
// being ordered: its 'budget', or what its 'budget_formula' gives at the
// start of the turn (sim's Model.BudgetIn), held between 0 and 'budget'.
func (f *Flow) Budget() float64 {
	return f.Game.Model.BudgetIn(f.Game.State(), f.Current)
}

// BudgetNote says, when the current actor's budget is a formula, that it
// changes from turn to turn and its most; "" otherwise. It serves the
// local orders screen and a remote seat (which has no Game) alike.
func (f *Flow) BudgetNote() string {
	m := f.Model
	if f.Game != nil {
		m = f.Game.Model
	}
	a := m.Scenario.Actors[f.Current]
	if a.BudgetFormula.IsZero() {
		return ""
	}
	return fmt.Sprintf("this turn's, from %s; at most %g", a.BudgetFormula.Src, a.Budget)
}

// BriefBudget says actor ai's budget as every actor's brief shows it:
// "Budget 2 per turn"; for a 'budget_formula', "Budget 1.5 now (most 2)"
// when the viewer knows exactly every variable the formula reads, or
// "Budget up to 2 per turn" when it does not: a budget formula may read
// what its own actor alone sees exactly (sim/budget.go), and the figure
// would tell the viewer a function of it.
func (f *Flow) BriefBudget(ai int) string {
	m := f.Game.Model
	a := &m.Scenario.Actors[ai]
	if a.BudgetFormula.IsZero() {
		return fmt.Sprintf("Budget %g per turn", a.Budget)
	}
	names, err := m.ExprNames(a.BudgetFormula)
	if err != nil {
		return fmt.Sprintf("Budget up to %g per turn", a.Budget)
	}
	for _, n := range names {
		if vi := m.VarIndex(n); vi >= 0 && !f.Known(vi) {
			return fmt.Sprintf("Budget up to %g per turn", a.Budget)
		}
	}
	return fmt.Sprintf("Budget %s now (most %g)", Capital(m.BudgetIn(f.Game.State(), ai)), a.Budget)
}

// SetLevel sets the current actor's lever li to lvl in the draft orders
// if that is allowed, and says why not otherwise.
func (f *Flow) SetLevel(li, lvl int) error {
	if err := f.CheckLevel(li, lvl); err != nil {
		return err
	}
	f.Levels[li] = lvl
	return nil
}

// CheckLevel says why the current actor may not set lever li to lvl (nil
// if it may): the level's range, the lever's precondition in the
// scenario's words, or the budget.
func (f *Flow) CheckLevel(li, lvl int) error {
	m := f.Game.Model
	l := &m.Scenario.Levers[li]
	if lvl < 0 || lvl >= len(l.Levels) {
		return fmt.Errorf("%s has no level %d", l.Name, lvl)
	}
	if lvl > 0 {
		if ok, why := m.Available(f.Game.State(), li); !ok {
			return fmt.Errorf("%s is not available: %s", l.Name, why)
		}
	}
	if why := m.LevelWhy(f.Game.State(), li, lvl); why != "" && lvl > 0 {
		return fmt.Errorf("%s is %s", l.Name, why) // 'level_requires' or a commitment (sim/levels.go)
	}
	budget := f.Budget()
	s := f.Game.State()
	draft := slices.Clone(f.Levels)
	draft[li] = lvl
	if c, was := m.CostIn(s, li, lvl), m.CostIn(s, li, f.Levels[li]); !m.AffordableIn(s, f.Current, m.OrdersCostIn(s, f.Current, draft)) && c > was {
		return fmt.Errorf("not enough political capital: %s at %q costs %s, %s of %s is left", l.Name, l.LevelName(lvl), Capital(c), Capital(budget-f.Spent()+was), Capital(budget))
	}
	return nil
}

// Do implements Scene.
func (s *OrdersScene) Do(f *Flow, in Input) {
	m := f.Game.Model
	mine := m.ActorLevers(f.Current)
	if f.move(in, len(mine)) {
		return
	}
	switch in.Action {
	case Left, Right, SetLevel:
		if len(mine) == 0 {
			return
		}
		row := s.Cursor
		lvl := f.Levels[mine[row]]
		switch in.Action {
		case Left:
			lvl--
		case Right:
			lvl++
		case SetLevel:
			if in.Item < 0 || in.Item >= len(mine) {
				return
			}
			row, lvl = in.Item, in.Value
			s.Cursor = row
		}
		if lvl < 0 || lvl >= len(m.Scenario.Levers[mine[row]].Levels) {
			return
		}
		if err := f.SetLevel(mine[row], lvl); err != nil {
			f.Message = err.Error()
		}
	case Confirm:
		orders := map[string]int{}
		for _, li := range mine {
			if f.Levels[li] > 0 {
				orders[m.Scenario.Levers[li].ID] = f.Levels[li]
			}
		}
		if err := f.table.Submit(f.Current, orders, nil); err != nil {
			f.Message = err.Error()
			return
		}
		current := f.Current
		f.nextSeat()
		// Keep the submitted orders should the program end before the
		// turn is played (the turn's own autosave follows it).
		if f.Scene() != Adjudication && f.table.Ready(current) {
			if err := f.autosave(); err != nil {
				f.Message = "Autosave failed: " + err.Error()
			}
		}
	case OpenDashboard:
		f.open(&DashboardScene{})
	case OpenMap:
		f.open(&MapScene{})
	case WhatIf:
		f.startForecast()
	case Downstream:
		if len(mine) > 0 {
			f.openDownstream([]int{f.Current}, mine[min(s.Cursor, len(mine)-1)])
		}
	}
}

// Hints implements Scene.
func (*OrdersScene) Hints(*Flow) []Action {
	return []Action{Up, Down, Left, Right, Confirm, WhatIf, Downstream, OpenDashboard, OpenMap}
}

// Label implements Scene.
func (*OrdersScene) Label(_ *Flow, a Action) string {
	switch a {
	case Confirm:
		return "submit orders"
	case Left:
		return "lower level"
	case Right:
		return "raise level"
	}
	return ""
}

// ShotKey implements ShotScene.
func (*OrdersScene) ShotKey(f *Flow) string {
	if f.Forecasting() {
		return "orders-forecasting"
	}
	return Orders.String()
}
