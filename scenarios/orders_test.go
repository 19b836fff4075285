package scenarios

import (
	"strings"
	"testing"

	"github.com/sixparty/sixparty/sim"
)

const trackScenario = `format: 1
meta: {id: duo, title: Duo, start: 2020-01, step: quarter, turns: 4}
actors:
  - {id: a, name: A, budget: 2}
  - {id: b, name: B, budget: 1}
variables:
  - {id: x, name: X, init: 0}
levers:
  - {id: a.push, actor: a, name: Push, levels: [off, soft, hard], cost: [0, 1, 2], effects: [{target: x, change: "level"}]}
  - {id: a.pull, actor: a, name: Pull, levels: [off, on], cost: [0, 1], effects: [{target: x, change: "-level"}]}
  - {id: b.wait, actor: b, name: Wait, levels: [no, yes], cost: [0, 1], effects: [{target: x, change: "level"}]}
  - {id: b.act, actor: b, name: Act, levels: [no, yes], requires: "x > 1", requires_text: "X must be above 1", effects: [{target: x, change: "level"}]}
events:
  - id: summit
    name: Summit
    turn: 2
    choice: {actor: b, options: [{id: go}, {id: stay}]}
  - id: crisis
    name: Crisis
    when: "x > 3"
    choice: {actor: a, options: [{id: calm}, {id: escalate}]}
  - {id: news, name: News, turn: 1}
outcomes:
  - {id: end, name: End}
`

// TestTrackMistakes checks that an orders track is checked completely at
// load, every mistake at its position, all together.
func TestTrackMistakes(t *testing.T) {
	m, err := Load("duo.yaml", []byte(trackScenario))
	if err != nil {
		t.Fatal(err)
	}
	track := `scenario: duo
turns:
  - turn: 1
    orders:
      a: {a.push: hard, a.pull: on}
      b: {a.push: soft, b.wiat: yes, b.act: yes}
      c: {}
    choices: {summit: go, crisis: calm}
  - turn: 4
    orders:
      b: {b.act: yes}    # not checked: x may be above 1 by then
  - date: 2020-Q2
    orders:
      a: {a.push: 3, a.pull: maybe}
      b: {b.wait: "yes"}
    choices: {summit: goo, news: x, sumit: go}
  - turn: 2
  - turn: 0
  - {turn: 3, date: 2020-Q3}
  - date: 2030-Q1
  - date: 2020-Q4
`
	want := `o.yaml:5:7: the orders of a on turn 1 (2020-Q1) cost 3, over its budget of 2
o.yaml:6:11: lever "a.push" belongs to a, not b
o.yaml:6:25: unknown lever "b.wiat"; did you mean "b.wait"?
o.yaml:6:45: lever "b.act" is not available on turn 1: X must be above 1
o.yaml:7:7: unknown actor "c"
o.yaml:8:15: event "summit" can fire only on turn 2 (2020-Q2), not on turn 1 (2020-Q1)
o.yaml:14:19: lever "a.push" has no level "3" (its levels are off, soft, hard, or 0 to 2)
o.yaml:14:30: lever "a.pull" has no level "maybe" (its levels are off, on, or 0 to 1)
o.yaml:16:23: event "summit" has no option "goo" (its options are go, stay); did you mean "go"?
o.yaml:16:28: event "news" asks for no choice
o.yaml:16:37: unknown event "sumit"; did you mean "summit"?
o.yaml:17:11: turn 2 (2020-Q2) is given twice
o.yaml:18:11: turn must be between 1 and 4 (or give a date)
o.yaml:19:12: give 'turn' or 'date', not both
o.yaml:20:11: no turn falls on "2030-Q1"; did you mean "2020-Q1"?
o.yaml:21:11: turn 4 (2020-Q4) is given twice
`
	_, err = LoadTrack("o.yaml", []byte(track), m)
	if err == nil {
		t.Fatal("no error")
	}
	if got := err.(sim.ErrorList).Lines(); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

func TestTrackLoads(t *testing.T) {
	m, err := Load("duo.yaml", []byte(trackScenario))
	if err != nil {
		t.Fatal(err)
	}
	tr, err := LoadTrack("o.yaml", []byte("turns:\n  - turn: 2\n    orders:\n      a: {a.push: 1, a.pull: on}\n    choices: {summit: stay, crisis: escalate}\n"), m)
	if err != nil {
		t.Fatal(err)
	}
	o, c := tr.Orders(3)
	if o["a"]["a.push"] != 1 || o["a"]["a.pull"] != 1 || len(c) != 0 {
		t.Errorf("turn 3: orders %v, choices %v", o, c)
	}
	if _, c := tr.Orders(2); c["summit"] != "stay" || c["crisis"] != "escalate" {
		t.Errorf("turn 2: choices %v", c)
	}
	for _, bad := range []struct{ src, want string }{
		{"turns:\n  - turn: 1\n\torders: {}\n", "o.yaml:3:1: found a tab character where YAML allows only spaces: indent with spaces\n"},
		{"turns: []\n---\nturns: []\n", "o.yaml:2:1: a second YAML document starts here; a scenario file holds one (remove the '---' and what follows, or make it a comment)\n"},
		{"scenario: trio\n", `o.yaml:1:11: the track is for scenario "trio", not "duo"` + "\n"},
	} {
		_, err := LoadTrack("o.yaml", []byte(bad.src), m)
		if err == nil || err.(sim.ErrorList).Lines() != bad.want {
			t.Errorf("%q: error %v, want %s", bad.src, err, bad.want)
		}
	}
}

// TestTrackRequiresFault checks that a track ordering a lever whose
// precondition faults on turn 1 is not blamed for it: the fault is the
// scenario's, and the game reports it, at its position, when it starts.
func TestTrackRequiresFault(t *testing.T) {
	m, err := Load("duo.yaml", []byte(strings.Replace(trackScenario, `requires: "x > 1"`, `requires: "log(x) > 1"`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LoadTrack("o.yaml", []byte("turns:\n  - turn: 1\n    orders: {b: {b.act: yes}}\n"), m); err != nil {
		t.Errorf("LoadTrack: %v", err)
	}
	const want = "sim: turn 1: duo.yaml:12:68: logarithm of a number that is not positive"
	if err := sim.NewGame(m, 1).Err(); err == nil || err.Error() != want {
		t.Errorf("NewGame: %v, want %s", err, want)
	}
}
