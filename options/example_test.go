package options_test

import (
	"fmt"

	"github.com/sixparty/sixparty/options"
	"github.com/sixparty/sixparty/scenarios"
)

const duel = `format: 1
meta: {id: duel, title: Duel, turns: 3, seed: 7}
actors:
  - {id: a, name: A, budget: 1, objectives: [{id: up, score: x}]}
variables:
  - {id: x, name: X, init: 0}
levers:
  - {id: a.push, actor: a, levels: [off, on], cost: [0, 1], effects: [{target: x, change: "1 + noise(1)"}]}
outcomes:
  - {id: high, when: "x >= 2.5"}
  - {id: limit}
`

// ExampleCompare compares the computer player of the one actor at easy,
// which often lapses, with the same player at hard, over the same 200
// seeds.
func ExampleCompare() {
	m, err := scenarios.Load("duel.yaml", []byte(duel))
	if err != nil {
		fmt.Println(err)
		return
	}
	var sts []options.Strategy
	for _, arg := range []string{"a=computer:easy", "a=computer:hard"} {
		st, err := options.ParseStrategy(m, arg)
		if err != nil {
			fmt.Println(err)
			return
		}
		sts = append(sts, st)
	}
	c, err := options.Compare(m, sts, options.CompareOptions{Games: 200, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range c.Strategies {
		o := s.Outcomes[0]
		fmt.Printf("%s: %s in %d of %d games\n", s.Name, o.ID, o.Count, c.Games)
	}
	d := c.Pairs[0].Outcomes[0]
	fmt.Printf("difference beyond noise: %v\n", d.Significant)
	// Output:
	// a=computer:easy: high in 64 of 200 games
	// a=computer:hard: high in 96 of 200 games
	// difference beyond noise: true
}
