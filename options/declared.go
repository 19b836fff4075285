package options

import (
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// declared resolves a strategy the scenario declares by id; ok reports
// whether it declares one of that id.
func declared(m *sim.Model, id string) (t *scenarios.Track, label string, ok bool, err error) {
	return nil, "", false, nil
}

// declaredIDs returns the ids of the strategies the scenario declares.
func declaredIDs(m *sim.Model) []string { return nil }
