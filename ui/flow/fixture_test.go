package flow

import (
	"errors"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// fixture is a six-actor scenario built for these tests, so that every
// path they test exists whatever becomes of the built-in scenarios: a
// bounded indicator everyone sees exactly (tension) and a hidden one
// (money); two levers of the first actor whose top levels together cost
// more than its budget; a lever of the second actor with a precondition on tension; a
// rule that reads a variable another rule moves every turn (mood follows
// tension, which drifts by 3.5, an amount the levers' whole-number effects
// cannot cancel); and an event on turn 3 asking the first actor to choose.
const fixture = `
format: 1
meta: {id: fixture, title: Fixture, start: 2020-01, step: quarter, turns: 4, seed: 1}
actors:
  - {id: a, name: Alpha, budget: 2, objectives: [{id: calm, name: Calm, score: "-tension"}]}
  - {id: b, name: Beta, budget: 2, objectives: [{id: rich, name: Rich, score: "money"}]}
  - {id: c, name: Gamma, budget: 1, objectives: [{id: calm, name: Calm, score: "-tension"}]}
  - {id: d, name: Delta, budget: 1, objectives: [{id: glad, name: Glad, score: "mood"}]}
  - {id: e, name: Epsilon, budget: 1, objectives: [{id: calm, name: Calm, score: "-tension"}]}
  - {id: f, name: Phi, budget: 1, objectives: [{id: rich, name: Rich, score: "money"}]}
variables:
  - {id: tension, name: Tension, init: 50, min: 0, max: 100}
  - {id: money, name: Money, init: 10, min: 0, max: 100, visible: [b], noise: 2}
  - {id: mood, name: Mood, init: 0}
levers:
  - {id: a.talk, actor: a, name: Talk, levels: [no, some, much], cost: [0, 1, 2], effects: [{target: tension, change: "-2 * level"}]}
  - {id: a.spend, actor: a, name: Spend, levels: [no, yes], cost: [0, 1], effects: [{target: money, change: "level"}]}
  - {id: b.build, actor: b, name: Build, levels: [no, yes], cost: [0, 1], requires: "tension > 40", requires_text: tension must be above 40, effects: [{target: money, change: "2 * level"}]}
  - {id: c.calm, actor: c, name: Calm, levels: [no, yes], cost: [0, 1], effects: [{target: tension, change: "-level"}]}
  - {id: d.cheer, actor: d, name: Cheer, levels: [no, yes], cost: [0, 1], effects: [{target: mood, change: "level"}]}
  - {id: e.calm, actor: e, name: Calm, levels: [no, yes], cost: [0, 1], effects: [{target: tension, change: "-level"}]}
  - {id: f.save, actor: f, name: Save, levels: [no, yes], cost: [0, 1], effects: [{target: money, change: "level"}]}
rules:
  - {id: drift, name: Drift, target: tension, change: "3.5"}
  - {id: mood_follows, name: Mood follows tension, target: mood, change: "tension / 10"}
events:
  - id: summit
    name: Summit
    turn: 3
    text: A summit is offered.
    choice:
      actor: a
      options:
        - {id: go, effects: [{target: tension, change: "-10"}]}
        - {id: stay, effects: [{target: tension, change: "5"}]}
outcomes:
  - {id: limit, name: Limit}
`

// openFixture opens the fixture by its name, and the built-ins by theirs.
func openFixture(src string) (*sim.Model, error) {
	if src == "fixture" {
		return scenarios.Load("fixture.yaml", []byte(fixture))
	}
	return open(src)
}

// newFixture returns a flow on the fixture scenario.
func newFixture(t *testing.T, seats ...Seat) (*Flow, memStore) {
	t.Helper()
	return newFixtureStore(t, memStore{}, seats...)
}

// newFixtureStore returns a flow on the fixture scenario saving in st.
func newFixtureStore(t *testing.T, st memStore, seats ...Seat) (*Flow, memStore) {
	t.Helper()
	f := New(Config{Builtin: []string{"fixture"}, Source: "fixture", Open: openFixture, Store: st, Seats: seats})
	if f.Model == nil {
		t.Fatalf("the fixture did not load: %s", f.Message)
	}
	return f, st
}

func TestFixtureLoads(t *testing.T) {
	if _, err := openFixture("fixture"); err != nil {
		var el sim.ErrorList
		if errors.As(err, &el) {
			t.Fatal(el.Lines())
		}
		t.Fatal(err)
	}
}
