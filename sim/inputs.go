package sim

// Inputs returns the variables that the expression behind a ledger entry
// reads, in the scenario's order: for a rule, its condition and formula;
// for a lever or an event, the effects that target the entry's variable.
// Together with the ledger it answers the next question after "why did X
// move?": what moved the things X is computed from. Entries of the
// facilitator and of bounds have no inputs.
func (m *Model) Inputs(e Entry) []int {
	seen := make([]bool, m.nv)
	for _, n := range m.entryNames(e) {
		if vi, ok := m.vars[n]; ok {
			seen[vi] = true
		}
	}
	var out []int
	for vi, ok := range seen {
		if ok {
			out = append(out, vi)
		}
	}
	return out
}

// entryNames returns the names read by the expressions behind a ledger
// entry, as Inputs describes them, possibly with repeats.
func (m *Model) entryNames(e Entry) []string {
	var srcs []Expr
	s := m.Scenario
	targets := func(effects []Effect) {
		for _, f := range effects {
			if f.Target == s.Vars[e.Var].ID {
				srcs = append(srcs, f.Change)
			}
		}
	}
	switch e.Cause.Kind {
	case ByRule:
		r := &s.Rules[e.Cause.Index]
		srcs = append(srcs, r.When, r.Change, r.Set)
	case ByLever:
		targets(s.Levers[e.Cause.Index].Effects)
	case ByEvent:
		ev := &s.Events[e.Cause.Index]
		targets(ev.Effects)
		if e.Cause.Option >= 0 && ev.Choice != nil {
			targets(ev.Choice.Options[e.Cause.Option].Effects)
		}
	}
	var out []string
	for _, x := range srcs {
		if x.IsZero() {
			continue
		}
		names, err := ExprNames(x.Src)
		if err != nil {
			continue // compiled once already, so this cannot happen
		}
		out = append(out, names...)
	}
	return out
}
