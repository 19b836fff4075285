package ai

import (
	"fmt"

	"github.com/sixparty/sixparty/sim"
)

// Difficulty sets how hard a computer player tries.
type Difficulty int

// The difficulties, from weakest to strongest.
const (
	Easy Difficulty = iota
	Normal
	Hard
)

// Difficulties lists every difficulty in order.
var Difficulties = []Difficulty{Easy, Normal, Hard}

// String names the difficulty.
func (d Difficulty) String() string {
	switch d {
	case Easy:
		return "easy"
	case Normal:
		return "normal"
	case Hard:
		return "hard"
	}
	return fmt.Sprintf("difficulty(%d)", int(d))
}

// ParseDifficulty reads a difficulty's name.
func ParseDifficulty(s string) (Difficulty, error) {
	for _, d := range Difficulties {
		if d.String() == s {
			return d, nil
		}
	}
	return 0, fmt.Errorf("ai: unknown difficulty %q (want easy, normal or hard)", s)
}

// Budget is what a difficulty lets a computer player spend on one
// decision, and how carefully it chooses. Budgets count engine turns, not
// time, so a decision is the same on any machine.
type Budget struct {
	// Horizon is how many turns ahead each candidate set of orders is
	// played out (fewer when the game ends sooner).
	Horizon int
	// Samples is how many possible worlds the finalists are played out
	// in: the first is the actor's estimate of the state, the others
	// redraw every value hidden from it within the estimate's noise, the
	// others' orders (when Opponents is set) and the game's chance. All
	// candidates share the same worlds.
	Samples int
	// Screen is how many of those worlds every candidate is first played
	// out in; the best Finalists candidates are then played out in all.
	Screen    int
	Finalists int
	// Opponents, when set, predicts each other actor's orders as its best
	// reply by its own doctrine over three turns (judged on what this
	// actor believes); otherwise the others are assumed to repeat their
	// last orders.
	Opponents bool
	// MaxCandidates is the most sets of orders weighed one by one; an
	// actor with more legal combinations is searched one lever change at a
	// time instead.
	MaxCandidates int
	// MaxSteps is about the most engine turns simulated for one decision:
	// the screen's worlds, then the finalists' worlds, then the horizon
	// shrink to fit the expected search, and a climb stops when it runs
	// out (predicting the others' orders comes on top).
	MaxSteps int
	// Lapse is the chance, each turn, of playing one of the next Among
	// best finalists instead of the best: the slips of a weaker player.
	Lapse float64
	Among int
}

// Budget returns what difficulty d lets a player spend.
func (d Difficulty) Budget() Budget {
	switch {
	case d <= Easy:
		return Budget{Horizon: 1, Samples: 1, Screen: 1, Finalists: 6, MaxCandidates: 64, MaxSteps: 1000, Lapse: 0.4, Among: 5}
	case d == Normal:
		return Budget{Horizon: 3, Samples: 4, Screen: 1, Finalists: 4, MaxCandidates: 128, MaxSteps: 1500, Lapse: 0.1, Among: 2}
	default:
		return Budget{Horizon: 8, Samples: 12, Screen: 3, Finalists: 6, Opponents: true, MaxCandidates: 256, MaxSteps: 6000}
	}
}

// Decision is a computer player's orders and choices for one turn, with
// its explanation.
type Decision struct {
	// Orders holds the actor's lever levels (levels above 0 only).
	Orders map[string]int
	// Choices holds its answers to the briefing's events.
	Choices sim.Choices
	// Explain says why, in a sentence or two.
	Explain string
	// Reasons are the actor's objectives as the lookahead expects them to
	// move under the chosen orders, most important first (by doctrine
	// weight times expected change); at most three.
	Reasons []Reason
	// Alternative is the best set of orders the player rejected, or nil
	// when it had no other legal orders.
	Alternative *Alternative
	// Impulse reports that the player did not play the orders its
	// lookahead rated best (which are then the Alternative): one of the
	// lapses its Budget allows.
	Impulse bool
	// Horizon is how many turns ahead the player looked.
	Horizon int
	// Steps is how many engine turns it simulated to decide.
	Steps int
}

// Reason is one objective's expected course under the chosen orders.
type Reason struct {
	// Objective is the objective's id and Name its name in the scenario.
	Objective string
	Name      string
	// Weight is the actor's doctrine weight for the objective.
	Weight float64
	// Now is the objective's value in the state as the actor believes it
	// to be; Expected its mean value at the end of the lookahead.
	Now, Expected float64
	// VsAlternative is Expected minus the value expected under the
	// Alternative's orders (0 when there is none).
	VsAlternative float64
}

// Change returns the objective's expected change over the lookahead.
func (r Reason) Change() float64 { return r.Expected - r.Now }

// Alternative is a rejected set of orders.
type Alternative struct {
	// Orders holds its lever levels (levels above 0 only).
	Orders map[string]int
	// Utility is how much lower its risk-adjusted doctrine score was than
	// the chosen orders' (negative after an impulse).
	Utility float64
}

// Decide returns actor ai's decision for the current turn of g at the given
// difficulty. It plans only on what ai may see (see Plan).
func Decide(g *sim.Game, ai int, d Difficulty) Decision {
	return Plan(g.Model, g.State(), g.View(ai), g.Seed, ai, d)
}

// Plan is Decide on explicit inputs. From s it uses only what every player
// knows: the turn, the orders last played, the effects still queued, the
// events that have fired, the briefing, and which levers the rules allow
// (which the orders screen shows every player). The values of the
// variables come from v, actor ai's view, never from s; and the game's
// chance is drawn afresh from streams derived from seed, never from the
// generator in s. The same inputs always give the same decision.
func Plan(m *sim.Model, s *sim.State, v sim.View, seed uint64, ai int, d Difficulty) Decision {
	var pl Player
	return pl.Plan(m, s, v, seed, ai, d)
}

// Player is a computer player that keeps its scratch space (an engine
// stepper, states, candidate orders) from one decision to the next, so
// that deciding many times, as the games of a balance check do, makes
// little garbage. Its decisions are Plan's, bit for bit. The zero Player
// is ready; a Player must not be used by two goroutines at once.
type Player struct {
	// Brief leaves out of each decision what only a reader needs: its
	// Explain, Reasons and Alternative. The orders, choices, Impulse,
	// Horizon and Steps are the same as without it.
	Brief bool
	p     planner
}

// Plan is the package's Plan, with p's scratch space.
func (pl *Player) Plan(m *sim.Model, s *sim.State, v sim.View, seed uint64, ai int, d Difficulty) Decision {
	if s.Over() {
		return Decision{Orders: map[string]int{}, Choices: sim.Choices{}, Explain: "The game is over."}
	}
	p := &pl.p
	p.brief = pl.Brief
	p.reset(m, s, v, seed, ai, d.Budget())
	dec := p.decide()
	dec.Orders = m.FitBudget(s, ai, dec.Orders) // a budget_formula's budget this turn (sim/budget.go)
	return dec
}

// Fill fills in orders and choices for every actor marked in computer, at
// its difficulty in diff (indexed by actor), leaving any orders already
// given for other actors as they are. A choice already in c stands, even
// when a computer-played actor makes it: a scripted choice (run --orders)
// is never overridden. It returns the decisions by actor id.
func Fill(g *sim.Game, diff []Difficulty, computer []bool, o sim.Orders, c sim.Choices) map[string]Decision {
	out := map[string]Decision{}
	var pl Player
	pl.fill(g, diff, computer, o, c, func(id string, d Decision) { out[id] = d })
	return out
}

// Fill is the package's Fill with p's scratch space, for a caller that
// does not read the decisions (only the orders and choices they fill in).
func (pl *Player) Fill(g *sim.Game, diff []Difficulty, computer []bool, o sim.Orders, c sim.Choices) {
	pl.fill(g, diff, computer, o, c, nil)
}

// fill fills o and c as Fill says, passing each decision to got if it is
// not nil.
func (pl *Player) fill(g *sim.Game, diff []Difficulty, computer []bool, o sim.Orders, c sim.Choices, got func(id string, d Decision)) {
	for ai, a := range g.Model.Scenario.Actors {
		if !computer[ai] {
			continue
		}
		d := Normal
		if ai < len(diff) {
			d = diff[ai]
		}
		dec := pl.Plan(g.Model, g.State(), g.View(ai), g.Seed, ai, d)
		o[a.ID] = dec.Orders
		for k, opt := range dec.Choices { // each key once: the order cannot matter
			if _, given := c[k]; !given {
				c[k] = opt
			}
		}
		if got != nil {
			got(a.ID, dec)
		}
	}
}
