package sim_test

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// small is a two-actor scenario used across these tests.
const small = `
format: 1
meta: {id: small, title: Small, start: 2020-01, step: quarter, turns: 4, seed: 1}
actors:
  - {id: a, name: Alpha, budget: 3, objectives: [{id: rich, name: Rich, score: "a.money"}]}
  - {id: b, name: Beta, budget: 2, objectives: [{id: calm, name: Calm, score: "-tension"}]}
variables:
  - {id: a.money, name: Money, init: 10, min: 0, max: 100}
  - {id: tension, name: Tension, init: 50, min: 0, max: 100, visible: [b], noise: 5}
  - {id: b.walls, name: Walls, init: 0}
levers:
  - id: a.tax
    actor: a
    name: Tax
    levels: [none, low, high]
    cost: [0, 1, 3]
    effects:
      - {target: a.money, change: "2 * level"}
      - {target: tension, change: "level", delay: 1, lasts: 2}
  - id: b.wall
    actor: b
    name: Wall
    levels: [no, yes]
    cost: [0, 2]
    requires: "tension > 40"
    requires_text: tension must be above 40
    effects:
      - {target: b.walls, change: "1 + a.tax"}
rules:
  - {id: drift, target: tension, change: "-1"}
  - {id: interest, target: a.money, change: "a.money * 0.1"}
events:
  - id: summit
    name: Summit
    turn: 2
    choice:
      actor: b
      options:
        - {id: go, effects: [{target: tension, change: "-10"}]}
        - {id: stay, effects: [{target: tension, change: "5"}]}
outcomes:
  - {id: peace, name: Peace, when: "tension < 20"}
  - {id: limit, name: Limit}
`

func load(t testing.TB, src string) *sim.Model {
	t.Helper()
	m, err := scenarios.Load("test.yaml", []byte(src))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return m
}

func val(g *sim.Game, id string) float64 { return g.State().Vals[g.Model.VarIndex(id)] }

func TestTurnArithmetic(t *testing.T) {
	m := load(t, small)
	g := sim.NewGame(m, 1)
	if _, err := g.Play(sim.Orders{"a": {"a.tax": 2}, "b": {"b.wall": 1}}, nil); err != nil {
		t.Fatal(err)
	}
	// Money: +4 from the tax, then interest 10% of 14.
	if got, want := val(g, "a.money"), 15.4; math.Abs(got-want) > 1e-9 {
		t.Errorf("money = %v, want %v", got, want)
	}
	// The wall reads the tax level ordered on the same turn: 1 + 2.
	if got := val(g, "b.walls"); got != 3 {
		t.Errorf("walls = %v, want 3", got)
	}
	// The tax's tension effect starts next turn; only the drift applies.
	if got := val(g, "tension"); got != 49 {
		t.Errorf("tension = %v, want 49", got)
	}
	// Turn 2: delayed +2 (level 2), drift -1, and the summit's default
	// option (the first, "go") -10.
	if _, err := g.Play(sim.Orders{}, nil); err != nil {
		t.Fatal(err)
	}
	if got := val(g, "tension"); got != 40 {
		t.Errorf("tension after turn 2 = %v, want 40", got)
	}
	// Turn 3: the delayed effect's second and last turn.
	mustPlay(t, g, sim.Orders{}, nil)
	if got := val(g, "tension"); got != 41 {
		t.Errorf("tension after turn 3 = %v, want 41", got)
	}
	mustPlay(t, g, sim.Orders{}, nil)
	if got := val(g, "tension"); got != 40 {
		t.Errorf("tension after turn 4 = %v, want 40", got)
	}
	if !g.Over() || g.Outcome().ID != "limit" {
		t.Errorf("after the turn limit: over=%v outcome=%v", g.Over(), g.Outcome())
	}
	if _, err := g.Play(sim.Orders{}, nil); err == nil || err.Error() != "sim: the game is over" {
		t.Errorf("playing after the end: %v", err)
	}
}

func TestChoice(t *testing.T) {
	m := load(t, small)
	g := sim.NewGame(m, 1)
	mustPlay(t, g, sim.Orders{}, nil)
	if b := g.Briefing(); len(b) != 1 || b[0].ID != "summit" {
		t.Fatalf("briefing of turn 2 = %v", b)
	}
	if _, err := g.Play(sim.Orders{}, sim.Choices{"summit": "stay"}); err != nil {
		t.Fatal(err)
	}
	// 49 - 1 (drift) + 5 (stay).
	if got := val(g, "tension"); got != 53 {
		t.Errorf("tension = %v, want 53", got)
	}
}

func TestOutcomeEndsGame(t *testing.T) {
	m := load(t, strings.Replace(small, `when: "tension < 20"`, `when: "tension < 49.5"`, 1))
	g := sim.NewGame(m, 1)
	mustPlay(t, g, sim.Orders{}, nil)
	if !g.Over() || g.Outcome().ID != "peace" || g.Turn() != 2 {
		t.Errorf("over=%v outcome=%v turn=%d", g.Over(), g.Outcome(), g.Turn())
	}
}

func TestOrderErrors(t *testing.T) {
	tests := []struct {
		orders sim.Orders
		want   string
	}{
		{sim.Orders{"aa": {}}, `sim: orders of aa: unknown actor; did you mean "a"?`},
		{sim.Orders{"c": {}}, `sim: orders of c: unknown actor`},
		{sim.Orders{"a": {"a.taxx": 1}}, `sim: orders of a: a.taxx: unknown lever; did you mean "a.tax"?`},
		{sim.Orders{"a": {"b.wall": 1}}, `sim: orders of a: b.wall: the lever belongs to b`},
		// Several mistakes: the first by id, whatever the map's order.
		{sim.Orders{"a": {"b.wall": 1, "a.taxx": 1}, "b": {"b.wal": 1}}, `sim: orders of a: a.taxx: unknown lever; did you mean "a.tax"?`},
		{sim.Orders{"a": {"b.wall": 1}, "zz": {}, "c": {}}, `sim: orders of c: unknown actor`},
		{sim.Orders{"a": {"a.tax": 3}}, `sim: orders of a: a.tax: level 3 is out of range 0..2`},
		{sim.Orders{"a": {"a.tax": -1}}, `sim: orders of a: a.tax: level -1 is out of range 0..2`},
		{sim.Orders{"b": {"b.wall": 1}}, `sim: orders of b: b.wall: not available: tension must be above 40`},
	}
	m := load(t, strings.Replace(small, "init: 50, min: 0", "init: 30, min: 0", 1))
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			g := sim.NewGame(m, 1)
			before := g.State().Clone()
			_, err := g.Play(tt.orders, nil)
			if err == nil || err.Error() != tt.want {
				t.Fatalf("error = %v, want %s", err, tt.want)
			}
			var oe *sim.OrderError
			if !errors.As(err, &oe) {
				t.Errorf("error is %T, want *sim.OrderError", err)
			}
			if !reflect.DeepEqual(before, g.State()) || len(g.Ledger()) != 0 || g.Turn() != 1 {
				t.Errorf("a refused order changed the game")
			}
		})
	}
	t.Run("budget", func(t *testing.T) {
		// No one level may cost more than the budget (that is a load
		// error), so two levers together go over it.
		m := load(t, strings.Replace(small, "rules:", "  - {id: a.spend, actor: a, name: Spend, levels: [no, yes], cost: [0, 1]}\nrules:", 1))
		_, err := sim.NewGame(m, 1).Play(sim.Orders{"a": {"a.tax": 2, "a.spend": 1}}, nil)
		if want := "sim: orders of a: the orders cost 4, over the budget of 3"; err == nil || err.Error() != want {
			t.Errorf("error = %v, want %s", err, want)
		}
	})
	t.Run("choice", func(t *testing.T) {
		g := sim.NewGame(m, 1)
		_, err := g.Play(sim.Orders{}, sim.Choices{"summit": "go"})
		if want := `sim: choices: event "summit" is not in this turn's briefing`; err == nil || err.Error() != want {
			t.Errorf("error = %v, want %s", err, want)
		}
		mustPlay(t, g, sim.Orders{}, nil)
		_, err = g.Play(sim.Orders{}, sim.Choices{"summit": "goo"})
		if want := `sim: choices: event "summit" has no option "goo"; did you mean "go"?`; err == nil || err.Error() != want {
			t.Errorf("error = %v, want %s", err, want)
		}
	})
}

func TestWhy(t *testing.T) {
	m := load(t, small)
	g := sim.NewGame(m, 1)
	mustPlay(t, g, sim.Orders{"a": {"a.tax": 1}}, nil)
	why := g.Why(m.VarIndex("a.money"), 1)
	var got []string
	for _, e := range why {
		got = append(got, fmt.Sprintf("%s %+.2f %s", e.Cause.Kind, e.Amount, e.Pos))
	}
	want := []string{"lever +2.00 test.yaml:18:36", "rule +1.20 test.yaml:31:46"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Why = %q, want %q", got, want)
	}
	if d := m.Describe(why[0].Cause); d != "Alpha: Tax (low)" {
		t.Errorf("Describe = %q", d)
	}
}

func TestBoundsAreLedgered(t *testing.T) {
	m := load(t, strings.Replace(small, `change: "2 * level"`, `change: "200 * level"`, 1))
	g := sim.NewGame(m, 1)
	mustPlay(t, g, sim.Orders{"a": {"a.tax": 1}}, nil)
	if v := val(g, "a.money"); v != 100 {
		t.Errorf("money = %v, want the bound 100", v)
	}
	sum := 10.0
	for _, e := range g.Ledger() {
		if e.Var == m.VarIndex("a.money") {
			sum += e.Amount
		}
	}
	if math.Abs(sum-100) > 1e-9 {
		t.Errorf("ledger entries for money sum to %v from 10, want 100: every change must be in the ledger", sum)
	}
}

func TestEvalFault(t *testing.T) {
	m := load(t, strings.Replace(small, `change: "a.money * 0.1"`, `change: "1 / (tension - 49)"`, 1))
	g := sim.NewGame(m, 1)
	_, err := g.Play(sim.Orders{}, nil)
	if want := "sim: turn 1: test.yaml:31:48: division by zero"; err == nil || err.Error() != want {
		t.Fatalf("error = %v, want %s", err, want)
	}
	if g.Turn() != 1 || len(g.Ledger()) != 0 {
		t.Errorf("a faulting turn changed the game")
	}
	m = load(t, strings.Replace(small, `change: "a.money * 0.1"`, `change: "pow(a.money, 400)"`, 1))
	_, err = sim.NewGame(m, 1).Play(sim.Orders{}, nil)
	if want := "sim: turn 1: test.yaml:31:46: power overflow"; err == nil || err.Error() != want {
		t.Fatalf("error = %v, want %s", err, want)
	}
}

func TestFog(t *testing.T) {
	m := load(t, small)
	g := sim.NewGame(m, 9)
	a, b := m.ActorIndex("a"), m.ActorIndex("b")
	ti := m.VarIndex("tension")
	va, vb := g.View(a), g.View(b)
	if !vb.Exact[ti] || vb.Vals[ti] != 50 {
		t.Errorf("b sees tension %v exact=%v, want 50 exactly", vb.Vals[ti], vb.Exact[ti])
	}
	if va.Exact[ti] || va.SD[ti] != 5 || va.Vals[ti] == 50 {
		t.Errorf("a sees tension %v exact=%v sd=%v, want a noisy estimate", va.Vals[ti], va.Exact[ti], va.SD[ti])
	}
	if again := g.View(a); again.Vals[ti] != va.Vals[ti] {
		t.Errorf("asking again changed the estimate: %v then %v", va.Vals[ti], again.Vals[ti])
	}
	if m.SeesExactly(a, ti) || !m.SeesExactly(b, ti) {
		t.Errorf("SeesExactly disagrees with the views")
	}
	if !va.Exact[m.VarIndex("a.money")] {
		t.Errorf("a variable without 'visible' must be exact for everyone")
	}
	// Estimates spread around the truth with the scenario's deviation.
	var sum, sq float64
	const n = 2000
	for seed := uint64(0); seed < n; seed++ {
		x := m.View(g.State(), sim.Fog{Seed: seed}, a).Vals[ti] - 50
		sum += x
		sq += x * x
	}
	mean, sd := sum/n, math.Sqrt(sq/n)
	if math.Abs(mean) > 0.5 || math.Abs(sd-5) > 0.5 {
		t.Errorf("estimates: mean error %.2f, sd %.2f; want about 0 and 5", mean, sd)
	}
}

func TestAdjust(t *testing.T) {
	m := load(t, small)
	g := sim.NewGame(m, 1)
	if err := g.Adjust("tension", 70, "a border incident"); err != nil {
		t.Fatal(err)
	}
	if err := g.Adjust("tension", 170, ""); err == nil || err.Error() != "sim: adjust: 170 is outside the bounds of tension (0..100)" {
		t.Errorf("out-of-bounds adjust: %v", err)
	}
	if err := g.Adjust("tensoin", 1, ""); err == nil || err.Error() != `sim: adjust: unknown variable "tensoin"` {
		t.Errorf("unknown variable: %v", err)
	}
	why := g.Why(m.VarIndex("tension"), 1)
	if len(why) != 1 || why[0].Cause.Kind != sim.ByFacilitator || why[0].Amount != 20 || why[0].Reason != "a border incident" {
		t.Errorf("ledger = %+v", why)
	}
	mustPlay(t, g, sim.Orders{}, nil)
	if v := val(g, "tension"); v != 69 {
		t.Errorf("tension = %v, want 69", v)
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		start, step string
		turn        int
		want        string
	}{
		{"2017-10", "quarter", 1, "2017-Q4"},
		{"2017-10", "quarter", 2, "2018-Q1"},
		{"2017-10", "quarter", 9, "2019-Q4"},
		{"2017-10", "month", 4, "2018-01"},
		{"2017-10", "year", 3, "2019"},
	}
	for _, tt := range tests {
		src := strings.Replace(small, "start: 2020-01, step: quarter", "start: "+tt.start+", step: "+tt.step, 1)
		if got := load(t, src).Date(tt.turn); got != tt.want {
			t.Errorf("%s %s turn %d = %s, want %s", tt.start, tt.step, tt.turn, got, tt.want)
		}
	}
}

// TestScores checks objective values and scores against the scenario's
// expressions worked out by hand, independently of how sim evaluates them.
func TestScores(t *testing.T) {
	src := strings.Replace(small, `score: "-tension"}]}`, `score: "-tension", weight: 2}], doctrine: {weights: {calm: 3}}}`, 1)
	m := load(t, src)
	g := sim.NewGame(m, 1)
	a, b := m.ActorIndex("a"), m.ActorIndex("b")
	if v, err := m.ObjectiveValues(g.State(), b); err != nil || len(v) != 1 || v[0] != -50 {
		t.Errorf("b's objectives = %v (%v), want [-50]", v, err)
	}
	if s, err := g.Scores(); err != nil || s[a] != 10 || s[b] != -100 {
		t.Errorf("scores = %v (%v), want a 10 and b -100 (weight 2)", s, err)
	}
	if d, err := m.DoctrineScore(g.State(), b); err != nil || d != -150 {
		t.Errorf("b's doctrine score = %v (%v), want -150 (doctrine weight 3)", d, err)
	}
	mustPlay(t, g, sim.Orders{"a": {"a.tax": 1}}, nil)
	// Money 10 + 2, then 10% interest; tension 50 - 1.
	if s, err := g.Scores(); err != nil || math.Abs(s[a]-13.2) > 1e-9 || s[b] != -98 {
		t.Errorf("scores after a turn = %v (%v), want a 13.2 and b -98", s, err)
	}
}

// TestNonFinite checks that changes which are finite one by one but add up
// to ±Inf, and chances outside [0, 1], stop the game with an error at the
// expression's position instead of reaching the state or being clamped.
func TestNonFinite(t *testing.T) {
	rules := `rules:
  - {id: big1, target: b.walls, change: "1e308"}
  - {id: big2, target: b.walls, change: "1e308"}`
	effects := `      - {target: b.walls, change: "1 + a.tax"}
      - {target: b.walls, change: "1e308"}
      - {target: b.walls, change: "1e308"}`
	event := func(chance string) string {
		return `  - {id: storm, name: Storm, when: "true", chance: "` + chance + `", effects: [{target: tension, change: "1"}]}
outcomes:`
	}
	for _, tc := range []struct {
		name      string
		old, new  string
		orders    sim.Orders
		newGame   bool // the error comes from NewGame (Err)
		want      string
		wantTurns int
	}{
		{"rules add up to +Inf", "rules:", rules, sim.Orders{}, false, "sim: turn 1: test.yaml:31:42: b.walls became +Inf, not a finite number", 1},
		{"effects add up to +Inf", `      - {target: b.walls, change: "1 + a.tax"}`, effects, sim.Orders{"b": {"b.wall": 1}}, false, "sim: turn 1: test.yaml:30:36: b.walls became +Inf, not a finite number", 1},
		{"chance of 2 in play", "outcomes:", event("turn * 2"), sim.Orders{}, false, "sim: turn 1: test.yaml:41:53: chance must be between 0 and 1, found 2", 1},
		{"negative chance in play", "outcomes:", event("-turn"), sim.Orders{}, false, "sim: turn 1: test.yaml:41:53: chance must be between 0 and 1, found -1", 1},
		{"chance of 2 before turn 1", "outcomes:", event("tension / 25"), sim.Orders{}, true, "sim: turn 1: test.yaml:41:53: chance must be between 0 and 1, found 2", 1},
		{"chance of 1 is fine", "outcomes:", event("min(1, turn)"), sim.Orders{}, false, "", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(small, tc.old, tc.new, 1)
			if src == small {
				t.Fatal("the edit changed nothing")
			}
			g := sim.NewGame(load(t, src), 1)
			if err := g.Err(); (err != nil) != tc.newGame || (err != nil && err.Error() != tc.want) {
				t.Errorf("NewGame: %v, want %v", err, tc.newGame)
			}
			_, err := g.Play(tc.orders, nil)
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
			} else if err == nil || err.Error() != tc.want {
				t.Fatalf("error = %v, want %s", err, tc.want)
			}
			if g.Turn() != tc.wantTurns {
				t.Errorf("turn %d, want %d", g.Turn(), tc.wantTurns)
			}
			for _, s := range g.History() {
				for i, v := range s.Vals {
					if math.IsInf(v, 0) || math.IsNaN(v) {
						t.Errorf("variable %d is %v in the state", i, v)
					}
				}
			}
		})
	}
}

// mustPlay plays a turn of g, failing the test on an error.
func mustPlay(t *testing.T, g *sim.Game, o sim.Orders, c sim.Choices) {
	t.Helper()
	if _, err := g.Play(o, c); err != nil {
		t.Fatalf("turn %d: %v", g.Turn(), err)
	}
}

// TestRequiresFault checks that a lever's precondition that faults is a
// fault of the game, not a lever silently unavailable: on the initial
// state NewGame reports it, in a later state the turn leading there, and
// an adjustment leading there is refused; orders for the lever are
// refused with it, and Available says why.
func TestRequiresFault(t *testing.T) {
	m := load(t, strings.Replace(small, `requires: "tension > 40"`, `requires: "log(tension - 48) > 0"`, 1))
	g := sim.NewGame(m, 1)
	mustPlay(t, g, sim.Orders{}, nil) // tension 49: log(1) is 0
	_, err := g.Play(sim.Orders{}, sim.Choices{"summit": "go"})
	const want = "sim: turn 2: test.yaml:25:16: logarithm of a number that is not positive"
	var ee *sim.EvalError
	if !errors.As(err, &ee) || err.Error() != want {
		t.Fatalf("turn 2: %v, want the *EvalError %s", err, want)
	}
	if g.Turn() != 2 {
		t.Errorf("the faulting turn was applied: turn %d", g.Turn())
	}
	if err := g.Adjust("tension", 45, "test"); err == nil || err.Error() != "sim: adjust: tension=45 would leave a lever whose precondition cannot be evaluated: "+want {
		t.Errorf("Adjust: %v", err)
	}

	m = load(t, strings.Replace(small, `requires: "tension > 40"`, `requires: "log(tension - 50) > 0"`, 1))
	g = sim.NewGame(m, 1)
	const want1 = "sim: turn 1: test.yaml:25:16: logarithm of a number that is not positive"
	if err := g.Err(); err == nil || err.Error() != want1 {
		t.Errorf("NewGame: %v, want %s", err, want1)
	}
	s, li := g.State(), m.LeverIndex("b.wall")
	if ok, why := m.Available(s, li); ok || why != "requires log(tension - 50) > 0, which cannot be evaluated: test.yaml:25:16: logarithm of a number that is not positive" {
		t.Errorf("Available: %v, %q", ok, why)
	}
	levels := make([]int, m.NumLevers())
	levels[li] = 1
	if err := m.CheckLevels(s, levels); !errors.As(err, &ee) || err.Error() != want1 {
		t.Errorf("CheckLevels: %v, want the *EvalError %s", err, want1)
	}
	if err := m.RequiresFault(s, 1); err == nil || err.Error() != want1 {
		t.Errorf("RequiresFault: %v, want %s", err, want1)
	}
}
