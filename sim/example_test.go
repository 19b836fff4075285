package sim_test

import (
	"fmt"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// A game: load a scenario, play a turn with every actor's orders, and ask
// the ledger why a variable moved.
func Example() {
	src := `
format: 1
meta: {id: demo, title: Demo, turns: 2}
actors:
  - {id: gov, name: Government, budget: 1}
variables:
  - {id: prices, name: Prices, init: 100}
levers:
  - {id: gov.print, actor: gov, name: Print money, levels: [no, yes], cost: [0, 1],
     effects: [{target: prices, change: "5 * level"}]}
rules:
  - {id: drift, name: Prices creep up, target: prices, change: "prices * 0.01"}
outcomes:
  - {id: end, name: The end}
`
	m, err := scenarios.Load("demo.yaml", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	g := sim.NewGame(m, 1)
	if _, err := g.Play(sim.Orders{"gov": {"gov.print": 1}}, nil); err != nil {
		fmt.Println(err)
		return
	}
	prices := m.VarIndex("prices")
	fmt.Printf("prices: %.2f\n", g.State().Vals[prices])
	for _, e := range g.Why(prices, 1) {
		fmt.Printf("%+.2f  %s  (%s)\n", e.Amount, m.Describe(e.Cause), e.Pos)
	}
	// Output:
	// prices: 106.05
	// +5.00  Government: Print money (yes)  (demo.yaml:10:42)
	// +1.05  rule: Prices creep up  (demo.yaml:12:65)
}

// ErrorList reports the first mistake and how many more there are; Lines
// lists them all.
func ExampleErrorList() {
	var errs sim.ErrorList
	errs.Add(sim.Pos{File: "s.yaml", Line: 9, Col: 3}, "unknown actor %q", "usa")
	errs.Add(sim.Pos{File: "s.yaml", Line: 2, Col: 7}, "turns must be at least 1")
	err := errs.Err()
	fmt.Println(err)
	fmt.Print(errs.Lines())
	// Output:
	// s.yaml:2:7: turns must be at least 1 (and 1 more errors)
	// s.yaml:2:7: turns must be at least 1
	// s.yaml:9:3: unknown actor "usa"
}

// A game with its parameters drawn from their ranges: the draw depends on
// the seed alone, and the record carries it so that the game replays.
func ExampleNewGameSetup() {
	src := `
format: 1
meta: {id: demo, title: Demo, turns: 2}
actors:
  - {id: gov, name: Government, budget: 1}
variables:
  - {id: prices, name: Prices, init: 100}
rules:
  - {id: drift, name: Prices creep up, target: prices, change: "prices * inflation"}
outcomes:
  - {id: end, name: The end}
parameters:
  - {id: inflation, name: Inflation, value: 0.01, range: [0, 0.05], source: judgement}
`
	m, err := scenarios.Load("demo.yaml", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	g, err := sim.NewGameSetup(m, 1, sim.Setup{Params: m.DrawParams(1)})
	if err != nil {
		fmt.Println(err)
		return
	}
	g.Play(sim.Orders{}, nil)
	fmt.Printf("inflation %.4f, prices %.2f\n", g.Params()[0], g.State().Vals[0])
	r, _ := sim.Replay(m, g.Record())
	fmt.Printf("replayed: prices %.2f\n", r.State().Vals[0])
	fmt.Println("stated:", m.StatedParams())
	// Output:
	// inflation 0.0085, prices 100.85
	// replayed: prices 100.85
	// stated: [0.01]
}
