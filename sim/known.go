package sim

// An actor's own preferences are not the world's uncertainty: a parameter
// that only one actor's objectives read (how much that actor weighs
// something) is a fact about the actor, which the actor knows. Every other
// parameter is the world's, and actors plan on its stated value (see
// State.Believed).

// knownParams returns, for each actor, the indices of the parameters that
// only its own objectives read: no lever (its 'requires' or
// 'level_requires' or cost), budget formula, 'seen_by', rule, event, outcome,
// balance check or other actor's objective reads them. A parameter no expression
// reads is known to no one. exprNames gives what an expression reads.
func knownParams(s *Scenario, params map[string]int, exprNames func(Expr) ([]string, error)) [][]int {
	if len(params) == 0 {
		return nil
	}
	reader := make([]int, len(s.Params)) // -1: none yet; -2: more than one, or the world
	for i := range reader {
		reader[i] = -1
	}
	read := func(x Expr, by int) {
		if x.Src == "" {
			return
		}
		names, err := exprNames(x)
		if err != nil {
			return
		}
		for _, n := range names {
			i, ok := params[n]
			if !ok {
				continue
			}
			switch {
			case reader[i] == -1:
				reader[i] = by
			case reader[i] != by:
				reader[i] = -2
			}
		}
	}
	effects := func(list []Effect) {
		for _, e := range list {
			read(e.Change, -2)
		}
	}
	for ai, a := range s.Actors {
		for _, o := range a.Objectives {
			read(o.Score, ai)
		}
	}
	for _, a := range s.Actors {
		read(a.BudgetFormula, -2) // a rule of the game, even for the actor's own budget
	}
	for _, v := range s.Vars {
		for _, x := range v.SeenBy {
			read(x, -2)
		}
	}
	for _, l := range s.Levers {
		read(l.Requires, -2)
		for _, x := range l.LevelRequires {
			read(x, -2)
		}
		for _, x := range l.Cost { // a cost read on the state (sim/budget.go)
			read(x, -2)
		}
		effects(l.Effects)
	}
	for _, r := range s.Rules {
		read(r.Change, -2)
		read(r.Set, -2)
		read(r.When, -2)
	}
	for _, ev := range s.Events {
		read(ev.When, -2)
		read(ev.Chance, -2)
		effects(ev.Effects)
		if ev.Choice != nil {
			for _, o := range ev.Choice.Options {
				effects(o.Effects)
				for _, b := range o.Binds {
					effects(b.Broken)
				}
			}
		}
	}
	for _, o := range s.Outcomes {
		read(o.When, -2)
	}
	for _, c := range s.Checks {
		read(c.Expect, -2)
	}
	out := make([][]int, len(s.Actors))
	for i, by := range reader {
		if by >= 0 {
			out[by] = append(out[by], i)
		}
	}
	return out
}

// KnownParams returns the indices of the parameters actor ai knows the
// game's values of: those only its own objectives read (its own
// preferences). Its computer player plans on their drawn values and on
// every other parameter's stated value.
func (m *Model) KnownParams(ai int) []int {
	if ai < 0 || ai >= len(m.known) {
		return nil
	}
	return m.known[ai]
}
