package flow

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Costs read on the state (a lever level's cost may be an expression, see
// sim/budget.go) as the orders screen shows them.

// Capital formats an amount of political capital for the screen: at most
// two decimals, without trailing zeros, as a cost or budget read on the
// state is seldom a round number ("2.1", not "2.1000000000000001"). A
// zero is "0", whatever its sign: a cost expression may come out -0
// ("-x" at x 0), which is not below 0.
func Capital(v float64) string {
	r := math.Round(v*100) / 100
	if r == 0 {
		r = 0 // not -0
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// CostNotes says, for each level of lever li whose cost is an expression
// of the state, what the expression is and what it gives this turn:
// "The cost of convoy is 2 + (hormuz.risk - 40) / 30, read at the start
// of each turn: 2.1 now". It is empty for a lever whose costs are all numbers.
func (f *Flow) CostNotes(li int) []string {
	m := f.Game.Model
	l := &m.Scenario.Levers[li]
	var out []string
	for lvl := range l.Levels {
		if _, fixed := m.FixedCost(li, lvl); fixed {
			continue
		}
		out = append(out, fmt.Sprintf("The cost of %s is %s, read at the start of each turn: %s now", l.LevelName(lvl), strings.Join(strings.Fields(l.Cost[lvl].Src), " "), Capital(m.CostIn(f.Game.State(), li, lvl))))
	}
	return out
}
