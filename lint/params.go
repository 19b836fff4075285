package lint

import (
	"fmt"

	"github.com/sixparty/sixparty/sim"
)

// withParams returns ws with Params' warnings added, sorted: Check's
// static part calls it after Static, with what the expressions read.
func withParams(m *sim.Model, r reads, ws []Warning) []Warning {
	ws = append(ws, params(m, r)...)
	sortWarnings(ws)
	return ws
}

// Params returns the likely mistakes in a scenario's declared parameters
// that loading does not refuse (the engine checks their ranges, values,
// sources and distributions): a parameter that no expression reads, so
// that drawing it, or sweeping it in 'sixparty sensitivity', changes
// nothing; and one read only by balance checks ('expect'), which change
// no game either.
func Params(m *sim.Model) []Warning {
	if len(m.Scenario.Params) == 0 {
		return nil
	}
	return params(m, readsOf(m.Scenario, m.ExprNames))
}

// params is Params, with what the expressions read already found.
func params(m *sim.Model, r reads) []Warning {
	var ws []Warning
	for _, p := range m.Scenario.Params {
		at := at(p.FieldPos, "id", p.Pos)
		switch {
		case !r.has(p.ID):
			ws = append(ws, Warning{at, fmt.Sprintf("parameter %q is read by no expression: its value changes nothing", p.ID)})
		case !r.play[p.ID] && r.checks[p.ID]:
			ws = append(ws, Warning{at, fmt.Sprintf("parameter %q is read only by balance checks: its value changes no game", p.ID)})
		}
	}
	return ws
}
