package sim_test

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/sim"
)

// scored is a one-actor scenario whose objectives read a variable, the
// turn and a lever's last level, each weighted, with doctrine weights of
// its own, so that every value below can be worked out by hand.
const scored = `
format: 1
meta: {id: scored, title: Scored, start: 2020-01, step: quarter, turns: 3, seed: 1}
actors:
  - id: a
    name: Alpha
    budget: 1
    objectives:
      - {id: wealth, name: Wealth, score: "x * 2", weight: 0.5}
      - {id: late, name: Late, score: "turn - 10", weight: 1}
      - {id: busy, name: Busy, score: "a.push * 3 + x / 4", weight: 2}
    doctrine: {weights: {late: 0, busy: 4}}
variables:
  - {id: x, name: X, init: 8}
levers:
  - {id: a.push, actor: a, name: Push, levels: [off, on], cost: [0, 1], effects: [{target: x, change: "4 * level"}]}
rules:
  - {id: grow, target: x, change: "1"}
outcomes:
  - {id: limit, name: Limit}
`

// TestScorer checks the Scorer against values worked out by hand from the
// scenario above, turn after turn, and that it allocates nothing once its
// buffer has grown.
func TestScorer(t *testing.T) {
	m := load(t, scored)
	sc := m.NewScorer()
	st := m.NewStepper()
	levels := []int{1}
	for _, tc := range []struct {
		x, turn, push float64 // the state; turn is the turn just played
		objectives    []float64
		score, doct   float64
	}{
		// Initial: x 8, turn 0, nothing ordered.
		{8, 0, 0, []float64{16, -10, 2}, 0.5*16 - 10 + 2*2, 0.5*16 + 4*2},
		// After turn 1 with the push on: x 8 + 4 + 1 = 13.
		{13, 1, 1, []float64{26, -9, 3 + 13.0/4}, 0.5*26 - 9 + 2*(3+13.0/4), 0.5*26 + 4*(3+13.0/4)},
		// After turn 2: x 13 + 4 + 1 = 18.
		{18, 2, 1, []float64{36, -8, 3 + 18.0/4}, 0.5*36 - 8 + 2*(3+18.0/4), 0.5*36 + 4*(3+18.0/4)},
	} {
		s := sim.NewGame(m, 1).State()
		if tc.turn > 0 {
			// Play the turns for real, to check how a played state is read.
			cur := s
			for range int(tc.turn) {
				next := &sim.State{}
				if _, err := st.Step(cur, levels, nil, next, nil); err != nil {
					t.Fatal(err)
				}
				cur = next
			}
			s = cur
		}
		if s.Vals[0] != tc.x || s.Levels[0] != int(tc.push) {
			t.Fatalf("turn %v: x %v push %d, want %v and %v", tc.turn, s.Vals[0], s.Levels[0], tc.x, tc.push)
		}
		got, err := sc.Objectives(nil, s, 0)
		if err != nil || len(got) != 3 {
			t.Fatalf("turn %v: objectives %v, %v", tc.turn, got, err)
		}
		for k, want := range tc.objectives {
			if got[k] != want {
				t.Errorf("turn %v objective %d = %v, want %v", tc.turn, k, got[k], want)
			}
		}
		if v, err := sc.Score(s, 0); err != nil || v != tc.score {
			t.Errorf("turn %v: score %v (%v), want %v", tc.turn, v, err, tc.score)
		}
		if v, err := sc.DoctrineScore(s, 0); err != nil || v != tc.doct {
			t.Errorf("turn %v: doctrine score %v (%v), want %v", tc.turn, v, err, tc.doct)
		}
		if v, err := m.Scores(s); err != nil || v[0] != tc.score {
			t.Errorf("turn %v: Model.Scores %v (%v), want %v", tc.turn, v, err, tc.score)
		}
		if v, err := m.DoctrineScore(s, 0); err != nil || v != tc.doct {
			t.Errorf("turn %v: Model.DoctrineScore %v (%v), want %v", tc.turn, v, err, tc.doct)
		}
	}
	if got := m.DoctrineWeights(0); len(got) != 3 || got[0] != 0.5 || got[1] != 0 || got[2] != 4 {
		t.Errorf("doctrine weights %v, want [0.5 0 4]", got)
	}
	s := sim.NewGame(m, 1).State()
	var buf []float64
	if n := testing.AllocsPerRun(100, func() { buf, _ = sc.Objectives(buf, s, 0) }); n != 0 {
		t.Errorf("Objectives allocates %v times per call", n)
	}
	if n := testing.AllocsPerRun(100, func() { sc.DoctrineScore(s, 0) }); n != 0 {
		t.Errorf("DoctrineScore allocates %v times per call", n)
	}
}

// TestScoreFaults checks that an objective that faults or is not finite
// stops the game with an error at its position, where it used to score 0
// or print +Inf.
func TestScoreFaults(t *testing.T) {
	for _, tc := range []struct {
		name, score, weight string
		turn                int // the turn whose Play fails; 0 for NewGame
		want                string
	}{
		// The column of a division is the expression compiler's to place:
		// only the line is checked.
		{"division by zero at once", "1 / (x - 8)", "1", 0, "division by zero"},
		{"division by zero later", "1 / (x - 13)", "1", 1, "division by zero"},
		{"infinite", "x * 1e308 * 10", "1", 0, "arithmetic overflow"},
		{"weighted sum overflows", "x * 1e307", "1e300", 0, `sim: turn 1: test.yaml:9:44: the score of a reached +Inf at objective "wealth", not a finite number`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(scored, `score: "x * 2", weight: 0.5`, `score: "`+tc.score+`", weight: `+tc.weight, 1)
			g := sim.NewGame(load(t, src), 1)
			var err error
			if tc.turn == 0 {
				err = g.Err()
				if _, err2 := g.Scores(); err2 != err {
					t.Errorf("Scores: %v, want Err's %v", err2, err)
				}
			}
			if err == nil {
				_, err = g.Play(sim.Orders{"a": {"a.push": 1}}, nil)
			}
			if err == nil || !strings.HasPrefix(err.Error(), "sim: turn 1: test.yaml:9:") || !strings.HasSuffix(err.Error(), strings.TrimPrefix(tc.want, "sim: turn 1: test.yaml:9:44: ")) {
				t.Fatalf("error %v, want %s", err, tc.want)
			}
			var ee *sim.EvalError
			if !errors.As(err, &ee) || !ee.Pos.IsValid() {
				t.Errorf("error %T %v, want a positioned *sim.EvalError", err, err)
			}
			if strings.HasPrefix(tc.want, "sim: ") && err.Error() != tc.want {
				t.Errorf("error %q, want %q", err, tc.want)
			}
			if s, err := g.Scores(); tc.turn > 0 && (err != nil || g.Turn() != 1 || math.IsInf(s[0], 0)) {
				t.Errorf("after the failed turn: turn %d, scores %v (%v), want the game unchanged", g.Turn(), s, err)
			}
		})
	}
}

// TestAdjustKeepsScoresFinite checks that an adjustment that would make a
// score fault is refused and changes nothing.
func TestAdjustKeepsScoresFinite(t *testing.T) {
	m := load(t, strings.Replace(scored, `score: "x * 2"`, `score: "1 / (x - 20)"`, 1))
	g := sim.NewGame(m, 1)
	before := g.State().Clone()
	err := g.Adjust("x", 20, "probe")
	if err == nil || !strings.HasPrefix(err.Error(), "sim: adjust: x=20 would leave a score that cannot be computed: sim: turn 0: test.yaml:9:") || !strings.HasSuffix(err.Error(), "division by zero") {
		t.Fatalf("error %v", err)
	}
	if !reflect.DeepEqual(g.State(), before) || len(g.Ledger()) != 0 || len(g.Record().Pending) != 0 {
		t.Errorf("a refused adjustment changed the game")
	}
	if err := g.Adjust("x", 21, "fine"); err != nil {
		t.Fatal(err)
	}
	if s, err := g.Scores(); err != nil || s[0] != 0.5*1-10+2*(21.0/4) {
		t.Errorf("scores %v (%v) after adjusting x to 21", s, err)
	}
}
