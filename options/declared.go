package options

import (
	"maps"
	"slices"
	"strings"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// declared applies the strategy the scenario declares with id, if it
// declares one: its orders track (as package scenarios loaded and checked
// it, scenarios.StrategyTrack) scripts the actors it lists, and its seat
// settings (computer:LEVEL, checked at load) set the computer players of
// others. ok reports whether the scenario declares such a strategy; label
// is its name.
func (st *Strategy) declared(m *sim.Model, id string) (label string, ok bool, err error) {
	i := m.StrategyIndex(id)
	if i < 0 {
		return "", false, nil
	}
	ds := m.Scenario.Strategies[i]
	t, err := scenarios.StrategyTrack(m, id)
	if err != nil {
		return "", true, err
	}
	if t != nil {
		for k, s := range t.Scripted {
			if s {
				st.Seats[k] = Seat{Track: t}
			}
		}
	}
	for _, a := range slices.Sorted(maps.Keys(ds.Seats)) {
		if err := st.seat(m, a, strings.TrimSpace(ds.Seats[a])); err != nil {
			return "", true, err
		}
	}
	return ds.Name, true, nil
}

// declaredIDs returns the ids of the strategies the scenario declares.
func declaredIDs(m *sim.Model) []string {
	var ids []string
	for _, s := range m.Scenario.Strategies {
		ids = append(ids, s.ID)
	}
	return ids
}
