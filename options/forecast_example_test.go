package options_test

import (
	"fmt"

	"github.com/sixparty/sixparty/options"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// forecastDuel is a two-actor scenario: north sees its own reserves exactly,
// south only estimates them; talks calm the tension.
const forecastDuel = `
format: 1
meta: {id: duel, title: Duel, start: 2020-01, step: quarter, turns: 6, seed: 3}
actors:
  - {id: north, name: North, budget: 2, objectives: [{id: calm, name: Keep it calm, score: "-tension"}]}
  - {id: south, name: South, budget: 2, objectives: [{id: calm, name: Keep it calm, score: "-tension"}, {id: squeeze, name: Squeeze, score: "-reserves"}]}
variables:
  - {id: tension, name: Tension, init: 50, min: 0, max: 100}
  - {id: reserves, name: Reserves, init: 20, min: 0, max: 40, visible: [north], noise: 4}
levers:
  - {id: north.talk, actor: north, name: Talks, levels: [no, yes], cost: [0, 1], effects: [{target: tension, change: "-5 * level"}]}
  - {id: south.sanction, actor: south, name: Sanctions, levels: [no, yes], cost: [0, 1], effects: [{target: reserves, change: "-3 * level"}, {target: tension, change: "2 * level"}]}
rules:
  - {id: drift, name: Drift, target: tension, change: "reserves / 10"}
outcomes:
  - {id: calm, name: Calm, when: "tension < 35"}
  - {id: limit, name: Time runs out}
`

// ExampleForecast forecasts South's sanctions on the first turn: 50
// play-outs of 4 turns from South's estimate of the North's reserves.
func ExampleForecast() {
	m, err := scenarios.Load("duel.yaml", []byte(forecastDuel))
	if err != nil {
		fmt.Println(err)
		return
	}
	g := sim.NewGame(m, m.Scenario.Meta.Seed)
	draft := sim.Orders{"south": {"south.sanction": 1}}
	fc, err := options.Forecast(g, m.ActorIndex("south"), draft, nil, options.ForecastOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range fc.Indicators {
		end := len(b.Median) - 1
		fmt.Printf("%s: now %.1f (exact %v), after %d turns %.1f (%.1f to %.1f)\n", b.Name, b.Now, b.Exact, fc.Turns, b.Median[end], b.Lo[end], b.Hi[end])
	}
	for _, s := range fc.Outcomes {
		name := s.Name
		if s.ID == "" {
			name = "still going"
		}
		fmt.Printf("%s: %.0f%%\n", name, 100*s.Share)
	}
	// Output:
	// Tension: now 50.0 (exact true), after 4 turns 50.3 (43.5 to 55.8)
	// Reserves: now 20.9 (exact false), after 4 turns 13.3 (6.9 to 18.1)
	// still going: 100%
}
