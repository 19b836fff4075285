package client_test

import (
	"strings"
	"testing"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/scenarios"
)

// hosted is a small scenario hosted from a file whose strategy names an
// orders track in a folder beside it.
const hosted = `format: 1
meta: {id: hosted, title: Hosted, turns: 2}
actors:
  - {id: a, name: Alpha, budget: 1}
variables:
  - {id: x, name: X, init: 0}
levers:
  - {id: a.push, actor: a, name: Push, levels: [off, on], cost: [0, 1], effects: [{target: x, change: "level"}]}
outcomes:
  - {id: end, name: End}
strategies:
  - {id: push, name: Push, orders: tracks/push.yaml}
`

// TestGameScenarioLoad: a hosted file loads from its YAML and the orders
// tracks sent beside it, whatever folder it was hosted from and whatever
// the client's working folder holds; without the track it is the loader's
// mistake; a built-in loads as built in.
func TestGameScenarioLoad(t *testing.T) {
	track := "turns:\n  - turn: 1\n    orders:\n      a: {a.push: on}\n"
	sc := &client.GameScenario{Name: "/home/someone/games/hosted.yaml", YAML: hosted, Files: map[string]string{"tracks/push.yaml": track}}
	m, err := sc.Load()
	if err != nil {
		t.Fatal(err)
	}
	if st := m.Scenario.Strategies[0]; st.TrackFile != "tracks/push.yaml" || string(st.Track) != track {
		t.Errorf("the strategy's track is %q: %q, want the one sent", st.TrackFile, st.Track)
	}
	sc.Files = nil
	if _, err := sc.Load(); err == nil || !strings.Contains(err.Error(), `hosted.yaml:12:36: strategy "push": cannot read orders track tracks/push.yaml: no such file`) {
		t.Errorf("without its track: %v", err)
	}
	src, err := scenarios.BuiltinSource("pressure-2017")
	if err != nil {
		t.Fatal(err)
	}
	if m, err := (&client.GameScenario{Name: "pressure-2017", Builtin: true, YAML: string(src)}).Load(); err != nil || len(m.Scenario.Strategies) == 0 || m.Scenario.Strategies[0].Track == nil {
		t.Errorf("the built-in with its strategies' tracks: %v", err)
	}
}
