package report

import (
	"cmp"
	"math"
	"slices"

	"github.com/sixparty/sixparty/sim"
)

// Reason is one cause of a variable's change on a turn, with the inputs of
// that cause that themselves moved on the same turn.
type Reason struct {
	Entry sim.Entry
	// Inputs are the variables the cause's expression reads that changed
	// on the turn, largest relative change first.
	Inputs []Input
	// Params are the scenario parameters the cause's expression reads,
	// with the values the game plays them at, in the scenario's order.
	// They never move during a game, but they say how strongly the cause
	// acts, and whether the game plays them off their stated values.
	Params []ParamInput
}

// ParamInput is a parameter read by a cause: its index in the scenario,
// the value the game plays it at and its stated value.
type ParamInput struct {
	Param  int
	Value  float64
	Stated float64
}

// Input is a variable read by a cause, its net change on the turn and the
// largest entry behind that change.
type Input struct {
	Var int
	// Change is the net change of the variable over the turn.
	Change float64
	// Top is the largest ledger entry of the variable on the turn.
	Top sim.Entry
}

// MaxInputs is how many moved inputs a Reason lists.
const MaxInputs = 3

// Why answers "why did variable vi move on turn?": the ledger entries,
// largest first, each with the inputs of its cause that moved on the same
// turn, so that a formula ("rule: recorded exports") leads on to what moved
// its inputs ("exports to China, down 0.6, by China's enforcement").
func Why(g *sim.Game, vi, turn int) []Reason {
	var entries []sim.Entry
	for _, e := range g.Ledger() {
		if e.Turn == turn {
			entries = append(entries, e)
		}
	}
	return WhyParams(g.Model, g.Params(), entries, vi)
}

// WhyOf is Why from the ledger entries of one turn as a seat may see
// them (the facilitator's adjustments and the turn's own, in the order
// made), so that a front end holding only what its seat sees (a remote
// table) explains as a local game does. An input whose entries are not
// among them is not listed.
// Parameters are shown at their stated values.
func WhyOf(m *sim.Model, entries []sim.Entry, vi int) []Reason {
	return WhyParams(m, nil, entries, vi)
}

// WhyParams is WhyOf with the parameter values the game plays (nil: the
// stated values).
func WhyParams(m *sim.Model, vals []float64, entries []sim.Entry, vi int) []Reason {
	stated := m.StatedParams()
	if vals == nil {
		vals = stated
	}
	of := func(vi int) []sim.Entry {
		var out []sim.Entry
		for _, e := range entries {
			if e.Var == vi {
				out = append(out, e)
			}
		}
		slices.SortStableFunc(out, func(a, b sim.Entry) int { return cmp.Compare(math.Abs(b.Amount), math.Abs(a.Amount)) })
		return out
	}
	var out []Reason
	for _, e := range of(vi) {
		r := Reason{Entry: e}
		for _, pi := range m.ParamInputs(e) {
			r.Params = append(r.Params, ParamInput{Param: pi, Value: vals[pi], Stated: stated[pi]})
		}
		for _, in := range m.Inputs(e) {
			if in == vi {
				continue // its own previous value
			}
			moved := of(in)
			if len(moved) == 0 {
				continue
			}
			net := 0.0
			for _, x := range moved {
				net += x.Amount
			}
			if math.Abs(net) < 1e-12 {
				continue
			}
			r.Inputs = append(r.Inputs, Input{Var: in, Change: net, Top: Largest(m, moved, 1)[0]})
		}
		slices.SortStableFunc(r.Inputs, func(a, b Input) int {
			return cmp.Compare(math.Abs(b.Change)/Scale(m, b.Var), math.Abs(a.Change)/Scale(m, a.Var))
		})
		if len(r.Inputs) > MaxInputs {
			r.Inputs = r.Inputs[:MaxInputs]
		}
		out = append(out, r)
	}
	return out
}
