package sim_test

import (
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// withParams is a scenario whose rule, effect, objective and outcome read
// parameters.
const withParams = `
format: 1
meta: {id: params, title: Params, turns: 4, seed: 1}
actors:
  - {id: a, name: Alpha, budget: 2, objectives: [{id: rich, name: Rich, score: "x * weight"}]}
variables:
  - {id: x, name: X, init: 10, min: 0, max: 1000}
levers:
  - {id: a.push, actor: a, name: Push, levels: [off, on], cost: [0, 1], effects: [{target: x, change: "push_size * level"}]}
rules:
  - {id: grow, target: x, change: "growth * x + noise(1)"}
outcomes:
  - {id: big, name: Big, when: "x > ceiling"}
  - {id: end, name: End}
parameters:
  - {id: growth, name: Growth, value: 0.1, range: [0, 0.5], source: judgement}
  - {id: push_size, name: Push size, value: 2, range: [1, 4], dist: triangular, source: judgement}
  - {id: weight, name: Weight, value: 1, range: [0.5, 1.5], dist: normal, sd: 0.2, source: "a citation"}
  - {id: ceiling, name: Ceiling, value: 500, range: [100, 900], source: judgement}
`

func loadParams(t *testing.T) *sim.Model {
	t.Helper()
	m, err := scenarios.Load("params.yaml", []byte(withParams))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func playAll(t *testing.T, g *sim.Game) {
	t.Helper()
	for !g.Over() {
		if _, err := g.Play(sim.Orders{"a": {"a.push": 1}}, nil); err != nil {
			t.Fatal(err)
		}
	}
}

func TestParamsStated(t *testing.T) {
	m := loadParams(t)
	if got, want := m.StatedParams(), []float64{0.1, 2, 1, 500}; !slices.Equal(got, want) {
		t.Fatalf("StatedParams = %v, want %v", got, want)
	}
	if i, ok := m.ParamIndex("weight"); !ok || i != 2 {
		t.Errorf("ParamIndex(weight) = %d, %v", i, ok)
	}
	if _, ok := m.ParamIndex("x"); ok {
		t.Errorf("ParamIndex(x) found a variable")
	}
	a := sim.NewGame(m, 7)
	b, err := sim.NewGameSetup(m, 7, sim.Setup{Params: m.StatedParams()})
	if err != nil {
		t.Fatal(err)
	}
	playAll(t, a)
	playAll(t, b)
	if !reflect.DeepEqual(a.History(), b.History()) {
		t.Errorf("a game at the stated values set explicitly differs from NewGame's")
	}
	if r := b.Record(); r.Params != nil {
		t.Errorf("record of a game at the stated values has params %v", r.Params)
	}
	if b.ParamsDrawn() {
		t.Errorf("ParamsDrawn at the stated values")
	}
}

func TestParamsSetAndReplay(t *testing.T) {
	m := loadParams(t)
	vals := []float64{0.3, 4, 1.5, 900}
	g, err := sim.NewGameSetup(m, 7, sim.Setup{Params: vals})
	if err != nil {
		t.Fatal(err)
	}
	vals[0] = 0 // the game keeps its own copy
	if got := g.Params(); !slices.Equal(got, []float64{0.3, 4, 1.5, 900}) {
		t.Fatalf("Params = %v", got)
	}
	playAll(t, g)
	stated := sim.NewGame(m, 7)
	playAll(t, stated)
	if g.State().Vals[0] == stated.State().Vals[0] {
		t.Errorf("x is %g with the parameters changed and at the stated values", g.State().Vals[0])
	}
	sc, _ := g.Scores()
	if want := g.State().Vals[0] * 1.5; sc[0] != want {
		t.Errorf("score = %g, want x*weight = %g", sc[0], want)
	}
	// The record carries the values, through JSON, and replays bit for bit.
	data, err := json.Marshal(g.Record())
	if err != nil {
		t.Fatal(err)
	}
	var r sim.Record
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.Params, []float64{0.3, 4, 1.5, 900}) {
		t.Fatalf("record params = %v", r.Params)
	}
	h, err := sim.Replay(m, r)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(h.History(), g.History()) || !reflect.DeepEqual(h.Ledger(), g.Ledger()) {
		t.Errorf("the replay differs from the game")
	}
}

func TestNewGameSetupErrors(t *testing.T) {
	m := loadParams(t)
	for _, tc := range []struct {
		vals []float64
		want string
	}{
		{[]float64{0.1}, "sim: 1 parameter value(s) for 4 parameter(s)"},
		{[]float64{0.1, 5, 1, 500}, "sim: parameter push_size=5 is outside its range [1, 4]"},
		{[]float64{math.NaN(), 2, 1, 500}, "sim: parameter growth=NaN is outside its range [0, 0.5]"},
	} {
		g, err := sim.NewGameSetup(m, 1, sim.Setup{Params: tc.vals})
		if err == nil || err.Error() != tc.want || g != nil {
			t.Errorf("NewGameSetup(%v) = %v, %v; want %q", tc.vals, g, err, tc.want)
		}
	}
	r := sim.NewGame(m, 1).Record()
	r.Params = []float64{1, 2, 3, 4}
	if _, err := sim.Replay(m, r); err == nil || err.Error() != "sim: replay: parameter growth=1 is outside its range [0, 0.5]" {
		t.Errorf("Replay with params out of range: %v", err)
	}
	if _, drops, err := sim.ReplayLenient(m, r); err != nil || len(drops) != 1 {
		t.Errorf("ReplayLenient with params out of range: %v, %v", drops, err)
	}
}

func TestDrawParams(t *testing.T) {
	m := loadParams(t)
	a, b := m.DrawParams(42), m.DrawParams(42)
	if !slices.Equal(a, b) {
		t.Fatalf("DrawParams(42) = %v then %v", a, b)
	}
	if slices.Equal(a, m.DrawParams(43)) {
		t.Errorf("DrawParams gives the same values for seeds 42 and 43")
	}
	sum := make([]float64, m.NumParams())
	const n = 4000
	for seed := uint64(0); seed < n; seed++ {
		vals := m.DrawParams(seed)
		if err := m.CheckParams(vals); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		for i, v := range vals {
			sum[i] += v
		}
	}
	// Means: uniform (lo+hi)/2, triangular (lo+mode+hi)/3, the normal
	// truncated symmetrically about its mean: the mean.
	for i, want := range []float64{0.25, 7.0 / 3, 1, 500} {
		p := m.Scenario.Params[i]
		if got := sum[i] / n; math.Abs(got-want) > 0.03*(p.Hi-p.Lo) {
			t.Errorf("mean of %s over %d draws = %g, want about %g", p.ID, n, got, want)
		}
	}
	// A drawn game does not disturb the game's own stream: the first
	// turn's briefing and noise come from the seed alone.
	g, err := sim.NewGameSetup(m, 5, sim.Setup{Params: m.DrawParams(5)})
	if err != nil {
		t.Fatal(err)
	}
	if g.State().RNG != sim.NewGame(m, 5).State().RNG {
		t.Errorf("drawing the parameters moved the game's generator")
	}
}

// TestParamNotFolded checks that an expression of parameters alone is
// computed with the game's values, not folded to the stated ones at load.
func TestParamNotFolded(t *testing.T) {
	m := loadParams(t)
	vals := m.StatedParams()
	vals[1] = 4 // push_size
	g, err := sim.NewGameSetup(m, 1, sim.Setup{Params: vals})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := g.Play(sim.Orders{"a": {"a.push": 1}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range rep.Entries {
		if e.Cause.Kind == sim.ByLever && e.Amount != 4 {
			t.Errorf("the lever added %g, want push_size = 4", e.Amount)
		}
		if e.Cause.Kind == sim.ByRule {
			if got := m.ParamInputs(e); !slices.Equal(got, []int{0}) {
				t.Errorf("ParamInputs(rule grow) = %v, want [0] (growth)", got)
			}
		}
	}
}

// TestBelievedParams checks that an actor's believed state plays the
// parameters at their stated values, whatever the game drew, except its
// own preference (weight, which only its objective reads).
func TestBelievedParams(t *testing.T) {
	m := loadParams(t)
	g, err := sim.NewGameSetup(m, 3, sim.Setup{Params: []float64{0.3, 4, 1.5, 900}})
	if err != nil {
		t.Fatal(err)
	}
	b := g.State().Believed(g.View(0))
	if want := []float64{0.1, 2, 1.5, 500}; !slices.Equal(b.Params, want) {
		t.Errorf("the believed state holds the parameters %v, want %v (stated, but the actor's own weight)", b.Params, want)
	}
	if g.State().Params == nil {
		t.Errorf("Believed changed the game's state")
	}
}

// TestComputerIgnoresDrawnParams checks that computer players never read
// the parameter values a game drew for the world: each actor decides in a
// drawn game exactly as in a game at the stated values from the same
// state, except for its own preferences (the parameters only its own
// objectives read, Model.KnownParams), which it knows.
func TestComputerIgnoresDrawnParams(t *testing.T) {
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	draw := m.DrawParams(9)
	drawn, err := sim.NewGameSetup(m, 9, sim.Setup{Params: draw})
	if err != nil {
		t.Fatal(err)
	}
	for a := range m.Scenario.Actors {
		own := m.StatedParams()
		for _, k := range m.KnownParams(a) {
			own[k] = draw[k]
		}
		stated, err := sim.NewGameSetup(m, 9, sim.Setup{Params: own})
		if err != nil {
			t.Fatal(err)
		}
		if !drawn.ParamsDrawn() || !reflect.DeepEqual(drawn.State().Vals, stated.State().Vals) {
			t.Fatalf("the two games do not start from the same values")
		}
		d, s := ai.Decide(drawn, a, ai.Easy), ai.Decide(stated, a, ai.Easy)
		if !reflect.DeepEqual(d.Orders, s.Orders) || d.Explain != s.Explain {
			t.Errorf("%s decides %v with the parameters drawn, %v at the stated values and its own preferences drawn", m.Scenario.Actors[a].ID, d.Orders, s.Orders)
		}
	}
}

// TestKnownParams checks that an actor knows exactly the parameters only
// its own objectives read, and that its believed state holds their
// game's values and every other parameter at its stated value.
func TestKnownParams(t *testing.T) {
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	china := m.ActorIndex("china")
	var got []string
	for _, k := range m.KnownParams(china) {
		got = append(got, m.Scenario.Params[k].ID)
	}
	if want := []string{"refugee_fear", "bank_fear", "face_fear"}; !slices.Equal(got, want) {
		t.Errorf("China knows %v, want %v", got, want)
	}
	if k := m.KnownParams(m.ActorIndex("us")); len(k) != 0 {
		t.Errorf("the US knows parameters %v, want none (no US objective reads one)", k)
	}
	draw := m.DrawParams(4)
	g, err := sim.NewGameSetup(m, 4, sim.Setup{Params: draw})
	if err != nil {
		t.Fatal(err)
	}
	b := g.State().Believed(g.View(china))
	want := m.StatedParams()
	for _, k := range m.KnownParams(china) {
		want[k] = draw[k]
	}
	if !slices.Equal(b.Params, want) {
		t.Errorf("China believes the parameters %v, want %v", b.Params, want)
	}
	if b := sim.NewGame(m, 4).State().Believed(sim.NewGame(m, 4).View(china)); b.Params != nil {
		t.Errorf("at the stated values China believes %v, want nil (stated)", b.Params)
	}
}

// TestKnownParamsGates checks that a parameter an actor's objective reads
// is still the world's when a level's condition or a 'seen_by' reads it
// too: the actor does not know its drawn value. (A budget formula may not
// read it at all: TestBudgetFormulaReads.)
func TestKnownParamsGates(t *testing.T) {
	if k := loadParams(t).KnownParams(0); len(k) != 1 || k[0] != 2 {
		t.Fatalf("KnownParams = %v, want [2] (weight)", k)
	}
	for _, tt := range []struct{ old, new string }{
		{"levels: [off, on], cost: [0, 1]", `levels: [off, on], cost: [0, 1], level_requires: {on: "weight > 0.6"}`},
		{"max: 1000}", `max: 1000, visible: [], noise: 1, seen_by: {a: "weight"}}`},
	} {
		src := strings.Replace(withParams, tt.old, tt.new, 1)
		if src == withParams {
			t.Fatalf("%q not found", tt.old)
		}
		m, err := scenarios.Load("params.yaml", []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", tt.new, err)
		}
		if k := m.KnownParams(0); len(k) != 0 {
			t.Errorf("%s: a knows parameters %v, want none", tt.new, k)
		}
	}
}
