package sim_test

import (
	"fmt"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// A look-ahead: Advance resolves a turn as Step does, to the same state,
// but keeps no ledger.
func ExampleStepper_Advance() {
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
  - {id: drift, name: Prices creep up, target: prices, change: "prices * 0.01 + noise(0.5)"}
outcomes:
  - {id: end, name: The end}
`
	m, err := scenarios.Load("demo.yaml", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	start := m.InitialState(sim.NewRNG(1))
	levels := []int{1} // gov.print at "yes"
	st := m.NewStepper()
	var recorded, ahead sim.State
	led, err := st.Step(start, levels, nil, &recorded, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := st.Advance(start, levels, nil, &ahead); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("Step:    prices %.4f, %d ledger entries\n", recorded.Vals[0], len(led))
	fmt.Printf("Advance: prices %.4f, same random stream: %v\n", ahead.Vals[0], ahead.RNG == recorded.RNG)
	// Output:
	// Step:    prices 106.0359, 2 ledger entries
	// Advance: prices 106.0359, same random stream: true
}
