package sim_test

import (
	"math"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// paying is a scenario whose outcomes pay and whose objectives accumulate:
// 'a' scores its money after every turn, 'b' the last turn's calm; ending
// in 'deal' pays a 20 and b 5, 'war' costs both.
const paying = `
format: 1
meta: {id: paying, title: Paying, turns: 5}
actors:
  - {id: a, name: Alpha, budget: 1, objectives: [{id: rich, name: Rich, score: "a.money", accumulate: true}]}
  - {id: b, name: Beta, budget: 1, objectives: [{id: calm, name: Calm, score: "-tension"}]}
variables:
  - {id: a.money, name: Money, init: 10}
  - {id: tension, name: Tension, init: 0}
levers:
  - {id: a.deal, actor: a, name: Deal, levels: [no, yes], cost: [0, 1], effects: [{target: tension, change: "-5 * level"}]}
  - {id: b.war, actor: b, name: War, levels: [no, yes], cost: [0, 1], effects: [{target: tension, change: "50 * level"}]}
rules:
  - {id: grow, target: a.money, change: "1"}
outcomes:
  - {id: deal, name: Deal, when: "tension <= -5", score: {a: 20, b: 5}}
  - {id: war, name: War, when: "tension >= 50", score: {a: -30, b: -30}}
  - {id: limit, name: Limit}
`

func TestPayoffsAndRunningTotals(t *testing.T) {
	m := load(t, paying)
	tests := []struct {
		name    string
		orders  []sim.Orders
		outcome string
		scores  []float64
	}{
		// Money 11, 12, 13, 14, 15 after the turns: a total of 65.
		{"to the limit", []sim.Orders{{}, {}, {}, {}, {}}, "limit", []float64{65, 0}},
		// One turn: money 11, the deal's 20; b: calm 5 and the deal's 5.
		{"early deal", []sim.Orders{{"a": {"a.deal": 1}}}, "deal", []float64{11 + 20, 5 + 5}},
		// Two turns: 11 + 12 and the war's -30; b: -50 - 30.
		{"war in turn 2", []sim.Orders{{}, {"b": {"b.war": 1}}}, "war", []float64{23 - 30, -50 - 30}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := sim.NewGame(m, 1)
			for _, o := range tt.orders {
				if _, err := g.Play(o, nil); err != nil {
					t.Fatal(err)
				}
			}
			if !g.Over() || g.Outcome().ID != tt.outcome {
				t.Fatalf("outcome %v, want %s", g.Outcome(), tt.outcome)
			}
			got, err := g.Scores()
			if err != nil {
				t.Fatal(err)
			}
			for i := range got {
				if math.Abs(got[i]-tt.scores[i]) > 1e-9 {
					t.Errorf("scores %v, want %v", got, tt.scores)
					break
				}
			}
			// The doctrine score, which computer players maximise, counts
			// the payoff too.
			if d, _ := m.DoctrineScore(g.State(), 0); math.Abs(d-tt.scores[0]) > 1e-9 {
				t.Errorf("doctrine score of a = %v, want %v", d, tt.scores[0])
			}
		})
	}
}

func TestPayoffMistakes(t *testing.T) {
	tests := []struct{ old, new, want string }{
		{`score: {a: 20, b: 5}`, `score: {a: 20, c: 5}`, `test.yaml:16:66: unknown actor "c" in the score of outcome "deal"`},
		{`score: {a: 20, b: 5}`, `score: {a: "lots"}`, `test.yaml:16:62: score.a must be a number, found "lots"`},
		{`score: {a: 20, b: 5}`, `score: 20`, `test.yaml:16:58: score must be a mapping, found "20"`},
		{`accumulate: true`, `accumulate: yes please`, `test.yaml:5:103: accumulate must be true or false, found "yes please"`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			src := strings.Replace(paying, tt.old, tt.new, 1)
			if src == paying {
				t.Fatalf("%q not found", tt.old)
			}
			_, err := loadErr(src)
			if err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			if got := strings.TrimSpace(err.(sim.ErrorList).Lines()); got != tt.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// loadErr loads a scenario from test.yaml that should not load.
func loadErr(src string) (*sim.Model, error) { return scenarios.Load("test.yaml", []byte(src)) }

func TestMapBoxMistakes(t *testing.T) {
	tests := []struct{ box, want string }{
		{"[30, 10, 65]", "test.yaml:3:50: map must be [west, south, east, north] in degrees, found 3 numbers"},
		{"[65, 10, 30, 38]", "test.yaml:3:50: map must be [west, south, east, north] with west below east and south below north, found [65 10 30 38]"},
		{"[30, 10, 200, 38]", "test.yaml:3:50: map must lie within longitudes -180 to 180 and latitudes -90 to 90, found [30 10 200 38]"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			src := strings.Replace(paying, "turns: 5}", "turns: 5, map: "+tt.box+"}", 1)
			_, err := loadErr(src)
			if err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			if got := strings.TrimSpace(err.(sim.ErrorList).Lines()); got != tt.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
	if _, err := loadErr(strings.Replace(paying, "turns: 5}", "turns: 5, map: [30, 10, 65, 38]}", 1)); err != nil {
		t.Errorf("a good box: %v", err)
	}
}
