package lint

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
)

const src = `format: 1
meta: {id: t, title: T, turns: 4, seed: 1}
actors:
  - {id: a, name: A, budget: 2, objectives: [{id: up, score: x}]}
  - {id: b, name: B}
variables:
  - {id: x, name: X, init: 0}
  - {id: unused, name: Unused, init: 1}
  - {id: shown, name: Shown, init: 1}
levers:
  - {id: a.push, actor: a, levels: [off, on], cost: [0, 1], effects: [{target: x, change: "1"}]}
  - {id: a.idle, actor: a, levels: [off, on]}
  - {id: a.read, actor: a, levels: [off, on], cost: [0, 1]}
rules:
  - {id: show, target: shown, change: "a.read"}
events:
  - {id: early, turn: 1}
  - {id: never, when: "x < -100"}
outcomes:
  - {id: big, when: "x > 1000"}
  - {id: limit}
`

func TestCheck(t *testing.T) {
	m, err := scenarios.Load("t.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range Check(m, Options{Games: 5, Workers: 2}) {
		got = append(got, w.String())
	}
	want := []string{
		`t.yaml:5:10: warning: actor "b" has no levers`,
		`t.yaml:8:10: warning: variable "unused" is neither read nor changed by anything`,
		`t.yaml:12:10: warning: lever "a.idle" has no effect: it has no effects and no expression reads it`,
		`t.yaml:18:10: warning: event "never" never fired in 5 computer-played games`,
		`t.yaml:20:10: warning: outcome "big" ended none of 5 computer-played games`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	if n := len(Check(m, Options{Games: -1})); n != 3 {
		t.Errorf("static only: %d warnings, want 3", n)
	}
}

func ExampleReads() {
	m, _ := scenarios.Load("t.yaml", []byte(src))
	r := Reads(m.Scenario)
	fmt.Println(r["x"], r["a.read"], r["unused"])
	// Output: true true false
}
