package lint

import (
	"fmt"

	"github.com/sixparty/sixparty/sim"
)

// withParams returns ws with Params' warnings added, sorted: Check's
// static part calls it after Static.
func withParams(m *sim.Model, ws []Warning) []Warning {
	ws = append(ws, Params(m)...)
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
	s := m.Scenario
	if len(s.Params) == 0 {
		return nil
	}
	reads := Reads(s)
	checks := map[string]bool{}
	for _, c := range s.Checks {
		if c.Expect.IsZero() {
			continue
		}
		if names, err := sim.ExprNames(c.Expect.Src); err == nil {
			for _, n := range names {
				checks[n] = true
			}
		}
	}
	inPlay := map[string]bool{}
	only := *s
	only.Checks = nil
	for n := range Reads(&only) {
		inPlay[n] = true
	}
	var ws []Warning
	for _, p := range s.Params {
		at := at(p.FieldPos, "id", p.Pos)
		switch {
		case !reads[p.ID]:
			ws = append(ws, Warning{at, fmt.Sprintf("parameter %q is read by no expression: its value changes nothing", p.ID)})
		case !inPlay[p.ID] && checks[p.ID]:
			ws = append(ws, Warning{at, fmt.Sprintf("parameter %q is read only by balance checks: its value changes no game", p.ID)})
		}
	}
	return ws
}
