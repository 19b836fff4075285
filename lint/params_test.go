package lint

import (
	"strings"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
)

func TestParams(t *testing.T) {
	src := `format: 1
meta: {id: t, title: T, turns: 2, seed: 1}
actors:
  - {id: a, name: A, budget: 2, objectives: [{id: up, score: "x * used"}]}
variables:
  - {id: x, name: X, init: 0}
levers:
  - {id: a.push, actor: a, levels: [off, on], cost: [0, 1], effects: [{target: x, change: "1"}]}
outcomes:
  - {id: limit}
checks:
  - {name: grows, expect: "x > threshold", share: [0, 1]}
parameters:
  - {id: used, name: Used, value: 1, range: [0, 2], source: judgement}
  - {id: unused, name: Unused, value: 1, range: [0, 2], source: judgement}
  - {id: threshold, name: Threshold, value: 1, range: [0, 2], source: judgement}
`
	m, err := scenarios.Load("t.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range Params(m) {
		got = append(got, w.String())
	}
	want := []string{
		`t.yaml:15:10: warning: parameter "unused" is read by no expression: its value changes nothing`,
		`t.yaml:16:10: warning: parameter "threshold" is read only by balance checks: its value changes no game`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	res := Check(m, Options{Games: -1})
	found := 0
	for _, w := range res.Warnings {
		if strings.Contains(w.Msg, "parameter") {
			found++
		}
	}
	if found != 2 {
		t.Errorf("Check reports %d parameter warnings, want 2: %v", found, res.Warnings)
	}
}

// TestDefaultScenarioParams checks that every parameter of the default
// scenario is read in play.
func TestDefaultScenarioParams(t *testing.T) {
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	if ws := Params(m); len(ws) > 0 {
		t.Errorf("warnings about the default scenario's parameters: %v", ws)
	}
}
