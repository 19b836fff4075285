package ai_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// talks is a scenario with one choice of a's (the odds favour the option
// that hurts it) and a joint decision of a and b.
const talks = `
format: 1
meta: {id: talks, title: Talks, turns: 4}
actors:
  - {id: a, name: Alpha, budget: 1, objectives: [{id: rich, name: Rich, score: "a.money"}]}
  - {id: b, name: Beta, budget: 1, objectives: [{id: rich, name: Rich, score: "b.money"}]}
variables:
  - {id: a.money, name: Money, init: 10}
  - {id: b.money, name: Money, init: 10}
levers:
  - {id: a.idle, actor: a, name: Idle, levels: [no, yes]}
events:
  - id: offer
    name: Offer
    turn: 1
    choice:
      actor: a
      options:
        - {id: take, weight: 1, effects: [{target: a.money, change: "5"}]}
        - {id: waste, weight: 9, effects: [{target: a.money, change: "-5"}]}
  - id: deal
    name: Deal
    turn: 1
    choice:
      actor: a
      with: [b]
      options:
        - {id: none, weight: 1}
        - {id: even, weight: 1, effects: [{target: a.money, change: "3"}, {target: b.money, change: "3"}]}
        - {id: lopsided, weight: 1, effects: [{target: a.money, change: "8"}, {target: b.money, change: "-4"}]}
outcomes:
  - {id: limit, name: Limit}
`

func TestEventChoicesByDoctrine(t *testing.T) {
	m, err := scenarios.Load("talks.yaml", []byte(talks))
	if err != nil {
		t.Fatal(err)
	}
	counts := map[ai.Difficulty]map[string]int{}
	const games = 40
	for _, d := range ai.Difficulties {
		counts[d] = map[string]int{}
		for seed := range uint64(games) {
			g := sim.NewGame(m, seed+1)
			for who := range 2 {
				for k, v := range ai.Decide(g, who, d).Choices {
					counts[d][k+"="+v]++
				}
			}
		}
	}
	// Easy follows the odds: 'waste' about nine games in ten.
	if n := counts[ai.Easy]["offer=waste"]; n < games*6/10 {
		t.Errorf("easy chose waste in %d of %d games; the odds say about 9 in 10", n, games)
	}
	// Hard plays the options out: always 'take'. Normal reweighs the odds
	// (1 to 9) by how the options play (waste by e^-2): take in about
	// 45% of games, far more than easy.
	if n := counts[ai.Hard]["offer=take"]; n != games {
		t.Errorf("hard chose take in %d of %d games, want all", n, games)
	}
	if n, e := counts[ai.Normal]["offer=take"], counts[ai.Easy]["offer=take"]; n < 2*e || n < games/4 || n > games*3/4 {
		t.Errorf("normal chose take in %d of %d games (easy %d); want about 45%%", n, games, e)
	}
	// In the joint decision a prefers 'lopsided' and b 'even': at hard
	// they never agree on more than b accepts.
	if counts[ai.Hard]["deal=lopsided"] != games || counts[ai.Hard]["deal/b=even"] != games {
		t.Errorf("hard: a %v, b %v; want lopsided and even every game", counts[ai.Hard]["deal=lopsided"], counts[ai.Hard]["deal/b=even"])
	}
}

func TestJointDecision(t *testing.T) {
	m, err := scenarios.Load("talks.yaml", []byte(talks))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		choices sim.Choices
		want    string // the option taken in 'deal'
		err     string
	}{
		{sim.Choices{"deal": "even", "deal/b": "even"}, "even", ""},
		{sim.Choices{"deal": "lopsided", "deal/b": "even"}, "none", ""},
		{sim.Choices{"deal": "even"}, "none", ""}, // b did not answer: no agreement
		{sim.Choices{"deal/b": "even"}, "none", ""},
		{sim.Choices{"deal/c": "even"}, "", `sim: choices: "c" is not asked to agree in event "deal" (b are)`},
		{sim.Choices{"offer/b": "take"}, "", `sim: choices: event "offer" is no joint decision: only a answers it`},
		{sim.Choices{"deal/b": "evn"}, "", `sim: choices: event "deal" has no option "evn"; did you mean "even"?`},
	}
	for _, tt := range tests {
		g := sim.NewGame(m, 1)
		rep, err := g.Play(sim.Orders{}, tt.choices)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("%v: error %v, want %s", tt.choices, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		ei := m.EventIndex("deal")
		if got := m.Scenario.Events[ei].Choice.Options[max(0, rep.Choices[ei])].ID; got != tt.want {
			t.Errorf("%v: %s taken, want %s", tt.choices, got, tt.want)
		}
	}
	// Sanitize drops what ChoiceIndices refuses, partners' answers too.
	g := sim.NewGame(m, 1)
	_, c, drops := m.Sanitize(g.State(), sim.Orders{}, sim.Choices{"deal/b": "even", "deal/c": "even"})
	if len(c) != 1 || len(drops) != 1 || !strings.Contains(drops[0].Why, `"c" is not asked to agree`) {
		t.Errorf("Sanitize kept %v, dropped %v", c, drops)
	}
}

// TestGatedLevels: computer players never order a level that
// 'level_requires' forbids (they read MaxLevel), at every difficulty.
func TestGatedLevels(t *testing.T) {
	m, err := scenarios.Load("gated.yaml", []byte(`
format: 1
meta: {id: gated, title: Gated, turns: 5}
actors:
  - {id: a, name: Alpha, budget: 3, objectives: [{id: x, name: X, score: "x"}]}
variables:
  - {id: x, name: X, init: 0}
levers:
  - {id: a.push, actor: a, name: Push, levels: [none, low, high], cost: [0, 1, 2], level_requires: {high: "x >= 3"}, effects: [{target: x, change: "level"}]}
outcomes:
  - {id: limit, name: Limit}
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ai.Difficulties {
		g := sim.NewGame(m, 1)
		var levels []int
		for !g.Over() {
			o, c := sim.Orders{}, sim.Choices{}
			ai.Fill(g, []ai.Difficulty{d}, []bool{true}, o, c)
			if _, err := g.Play(o, c); err != nil {
				t.Fatalf("%s: %v", d, err)
			}
			levels = append(levels, o["a"]["a.push"])
		}
		// Hard: low until x reaches 3 (after three turns), then high;
		// every difficulty's orders were legal (Play took them).
		if want := []int{1, 1, 1, 2, 2}; d == ai.Hard && !slices.Equal(levels, want) {
			t.Errorf("%s: levels %v, want %v", d, levels, want)
		}
	}
}
