package sim_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/sim"
)

// spies is a scenario in which b's arsenal is seen by a through its own
// intelligence effort (a lever) and by c with a fixed noise.
const spies = `
format: 1
meta: {id: spies, title: Spies, turns: 5}
actors:
  - {id: a, name: Alpha, budget: 2}
  - {id: b, name: Beta, budget: 1}
  - {id: c, name: Gamma, budget: 1}
variables:
  - id: b.arsenal
    name: Arsenal
    init: 50
    visible: [b]
    noise: 10
    seen_by: {a: "8 - 4 * a.isr", c: 2}
levers:
  - {id: a.isr, actor: a, name: Surveillance, levels: [none, some, full], cost: [0, 1, 2]}
outcomes:
  - {id: limit, name: Limit}
`

func TestSeenBy(t *testing.T) {
	m := load(t, spies)
	tests := []struct {
		isr  int
		sd   []float64 // a's, b's, c's
		want []bool    // exact?
	}{
		{0, []float64{8, 0, 2}, []bool{false, true, false}},
		{1, []float64{4, 0, 2}, []bool{false, true, false}},
		// Full surveillance: a's noise is 0, an exact view.
		{2, []float64{0, 0, 2}, []bool{true, true, false}},
	}
	for _, tt := range tests {
		g := sim.NewGame(m, 3)
		if _, err := g.Play(sim.Orders{"a": {"a.isr": tt.isr}}, nil); err != nil {
			t.Fatal(err)
		}
		for ai := range 3 {
			v := g.View(ai)
			if v.SD[0] != tt.sd[ai] || v.Exact[0] != tt.want[ai] {
				t.Errorf("isr %d, actor %d: sd %v exact %v, want %v %v", tt.isr, ai, v.SD[0], v.Exact[0], tt.sd[ai], tt.want[ai])
			}
		}
	}
}

func TestSeenByMistakes(t *testing.T) {
	tests := []struct{ old, new, want string }{
		{`{a: "8 - 4 * a.isr", c: 2}`, `{a: "8 - 4 * a.isr", d: 2}`, `test.yaml:14:35: unknown actor "d" in seen_by`},
		{`{a: "8 - 4 * a.isr", c: 2}`, `{a: "8 - 4 * a.irs", c: 2}`, `test.yaml:14:27: unknown name "a.irs"; did you mean "a.isr"?`},
		{`{a: "8 - 4 * a.isr", c: 2}`, `{b: 3}`, `test.yaml:14:15: actor "b" is in 'visible': it sees "b.arsenal" exactly, so its noise has no effect`},
		{`{a: "8 - 4 * a.isr", c: 2}`, `{c: -2}`, `test.yaml:14:18: noise must not be negative, found -2`},
		{"    visible: [b]\n", "", "test.yaml:12:12: noise has no effect: every actor sees \"b.arsenal\" exactly (drop 'noise', or leave out of 'visible' the actors who should see an estimate)\ntest.yaml:13:14: seen_by has no effect: every actor sees \"b.arsenal\" exactly (leave out of 'visible' the actors who should see an estimate)"},
		{`{a: "8 - 4 * a.isr", c: 2}`, `{a: "8 - 4 * a.isr", c: "2 + random()"}`, `test.yaml:14:43: seen_by.c draws a random number, but it is read on the state, not played: it would come out the same in every game (draw the chance in a rule or an effect)`},
		{`{a: "8 - 4 * a.isr", c: 2}`, `[a, c]`, `test.yaml:14:14: seen_by must be a mapping, found a list`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			src := strings.Replace(spies, tt.old, tt.new, 1)
			if src == spies {
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

// TestSeenByFault checks that a 'seen_by' expression that faults is a
// fault of the game, with its position, not an estimate silently drawn
// with the variable's noise: the turn leading to the state it faults in
// is refused.
func TestSeenByFault(t *testing.T) {
	m := load(t, strings.Replace(spies, `"8 - 4 * a.isr"`, `"log(2 - a.isr)"`, 1))
	g := sim.NewGame(m, 3)
	if err := g.Err(); err != nil {
		t.Fatal(err)
	}
	mustPlay(t, g, sim.Orders{"a": {"a.isr": 1}}, nil) // log(1) is 0
	_, err := g.Play(sim.Orders{"a": {"a.isr": 2}}, nil)
	const want = "sim: turn 2: test.yaml:14:19: logarithm of a number that is not positive"
	var ee *sim.EvalError
	if !errors.As(err, &ee) || err.Error() != want {
		t.Fatalf("turn 2: %v, want the *EvalError %s", err, want)
	}
	if g.Turn() != 2 {
		t.Errorf("the faulting turn was applied: turn %d", g.Turn())
	}
}
