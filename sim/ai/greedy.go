// Package ai holds the computer players. They plan with the engine itself,
// on the state as their actor believes it to be (its fog-of-war view), and
// draw any randomness from streams derived from the game's seed, so a game
// replays identically.
//
// Decide (and Fill, for every computer-played actor at once) is the player
// at a Difficulty: it plays candidate orders out against the orders it
// expects of the others, within the difficulty's Budget, scores them by
// the actor's doctrine and explains its choice in terms of the actor's
// objectives. Greedy is a simpler, cheaper player kept for calibration.
package ai

import (
	"math"

	"github.com/sixparty/sixparty/sim"
)

// Greedy is the simple computer player: starting from its actor's last
// orders, it changes one lever at a time to the level that most improves
// its doctrine-weighted score a few turns ahead, assuming every other actor
// repeats its last orders, until no single change helps.
type Greedy struct {
	// Horizon is how many turns ahead each candidate is played out; 0
	// means 2.
	Horizon int
}

// Orders returns actor ai's orders for the current turn of g.
func (p Greedy) Orders(g *sim.Game, ai int) map[string]int {
	m := g.Model
	s := g.State()
	believed := s.Believed(g.View(ai))
	// Start from last turn's orders, where still allowed and affordable
	// at the costs and budgets as ai believes them.
	levels := m.CarryForwardAt(s, believed, s.Levels)
	mine := m.ActorLevers(ai)

	horizon := p.Horizon
	if horizon <= 0 {
		horizon = 2
	}
	ev := newEvaluator(m, believed, ai, horizon)
	rng := sim.Derive(g.Seed, 0xa1, uint64(s.Turn), uint64(ai))
	best := ev.score(levels)
	avail := m.AvailableLevers(s, nil)
	for pass := 0; pass < 4; pass++ {
		bestLi, bestLvl, bestGain := -1, 0, 1e-9
		for _, li := range mine {
			cur := levels[li]
			if !avail[li] {
				continue
			}
			for lvl := range m.MaxLevel(s, li) + 1 {
				if lvl == cur {
					continue
				}
				levels[li] = lvl
				if m.Affordable(ai, m.OrdersCostIn(s, ai, levels)) {
					// A little seeded jitter breaks ties and varies play.
					gain := ev.score(levels) - best + 1e-6*rng.NormFloat64()
					if gain > bestGain {
						bestLi, bestLvl, bestGain = li, lvl, gain
					}
				}
				levels[li] = cur
			}
		}
		if bestLi < 0 {
			break
		}
		levels[bestLi] = bestLvl
		best = ev.score(levels)
	}
	out := map[string]int{}
	for _, li := range mine {
		if levels[li] > 0 {
			out[m.Scenario.Levers[li].ID] = levels[li]
		}
	}
	return out
}

// Choose picks an option for each event of the briefing that asks actor ai
// to choose, at random in proportion to the options' weights, from a
// stream derived from the game's seed.
func Choose(g *sim.Game, ai int) sim.Choices {
	return choose(g.Model, g.State(), g.Seed, ai)
}

// choose is Choose on explicit inputs.
func choose(m *sim.Model, s *sim.State, seed uint64, ai int) sim.Choices {
	out := sim.Choices{}
	for _, ei := range s.Briefing {
		if m.Chooser(ei) != ai {
			continue
		}
		ch := m.Scenario.Events[ei].Choice
		total := 0.0
		for _, o := range ch.Options {
			total += weight(o)
		}
		rng := sim.Derive(seed, 0xc4, uint64(s.Turn), uint64(ei))
		x := rng.Float64() * total
		pick := ch.Options[0].ID
		for _, o := range ch.Options {
			if x < weight(o) {
				pick = o.ID
				break
			}
			x -= weight(o)
		}
		out[m.Scenario.Events[ei].ID] = pick
	}
	return out
}

func weight(o sim.Option) float64 { return o.Weight }

// evaluator plays candidate orders forward and scores them.
type evaluator struct {
	m       *sim.Model
	start   *sim.State
	ai      int
	horizon int
	st      *sim.Stepper
	a, b    sim.State
}

func newEvaluator(m *sim.Model, start *sim.State, ai, horizon int) *evaluator {
	return &evaluator{m: m, start: start, ai: ai, horizon: horizon, st: m.NewStepper()}
}

// score plays levels for the horizon (or until the game ends) and returns
// the actor's doctrine score at the end; a turn or an objective that
// faults scores -Inf.
func (e *evaluator) score(levels []int) float64 {
	cur := e.start
	next := &e.a
	for t := 0; t < e.horizon && !cur.Over(); t++ {
		if err := e.st.Advance(cur, levels, nil, next); err != nil {
			return math.Inf(-1)
		}
		cur = next
		if next == &e.a {
			next = &e.b
		} else {
			next = &e.a
		}
	}
	v, err := e.m.DoctrineScore(cur, e.ai)
	if err != nil {
		return math.Inf(-1)
	}
	return v
}

// Play fills in orders and choices for every actor in computer, leaving
// any orders already given for other actors as they are.
func Play(g *sim.Game, p Greedy, computer []bool, o sim.Orders, c sim.Choices) {
	for ai, a := range g.Model.Scenario.Actors {
		if !computer[ai] {
			continue
		}
		o[a.ID] = p.Orders(g, ai)
		for k, v := range Choose(g, ai) {
			c[k] = v
		}
	}
}
