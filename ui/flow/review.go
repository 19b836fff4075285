package flow

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/sixparty/sixparty/options"
	"github.com/sixparty/sixparty/report"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// Review is the end of the game for one seat: what it was scored on, how
// it did against the computer playing it on the same seed, the turns that
// moved its score most, and what the scenario's counterfactual strategy
// would have done. Every value is true: the game is over.
type Review struct {
	Seat int
	// Score is the seat's true final score, by objective.
	Score SeatScore
	// Baseline is the seat's score after as many turns in a game played
	// by the computer for every actor (normal difficulty) on the same
	// seed and parameters; BaselineOK is false when it could not be
	// played.
	Baseline   float64
	BaselineOK bool
	// TurningPoints are the turns that moved the seat's score most, in
	// full sentences, in turn order.
	TurningPoints []string
	// Counterfactual is the comparison with the scenario's counterfactual
	// strategy in a sentence or two ("Had you relied on Beijing: ..."), or
	// "" when the scenario names none.
	Counterfactual string
}

// MaxTurningPoints is how many turning points a review names.
const MaxTurningPoints = 3

// trueScore returns seat's score in state s by objective, exactly.
func trueScore(m *sim.Model, s *sim.State, seat int) SeatScore {
	vals, err := m.ObjectiveValues(s, seat)
	out := SeatScore{Exact: true, OK: err == nil}
	for k, o := range m.Scenario.Actors[seat].Objectives {
		os := ObjectiveScore{Name: o.Name, Weight: o.Weight, Exact: true, Vars: objectiveVars(m, o)}
		if k < len(vals) {
			os.Value, os.Points = vals[k], o.Weight*vals[k]
		}
		out.Total += os.Points
		out.Objectives = append(out.Objectives, os)
	}
	return out
}

// ReviewSeats returns the seats the end screen reviews: the people's, or
// the first actor's when the computer played every seat.
func (f *Flow) ReviewSeats() []int {
	if h := f.Humans(); len(h) > 0 {
		return h
	}
	return []int{0}
}

// Review returns the end-of-game review of seat (made once per game and
// seat, then kept).
func (f *Flow) Review(seat int) *Review {
	g := f.Game
	if g == nil {
		return nil
	}
	if f.reviews == nil || f.reviewsOf != g {
		f.reviews, f.reviewsOf = map[int]*Review{}, g
	}
	if r := f.reviews[seat]; r != nil {
		return r
	}
	m := g.Model
	n := len(g.Reports())
	r := &Review{Seat: seat, Score: trueScore(m, g.State(), seat)}
	if b := f.baselineGame(); b != nil {
		k := min(n, len(b.Reports()))
		if sc, err := m.Scores(b.History()[k]); err == nil {
			r.Baseline, r.BaselineOK = sc[seat], true
		}
	}
	r.TurningPoints = TurningPoints(g, seat, MaxTurningPoints)
	if f.Trunk == g {
		if choices, err := f.compareChoices(); err == nil && f.cf != nil && f.cf.ok {
			if c, err := report.Compare(report.Side{Name: "The game played", Game: g}, choices[len(choices)-1], report.CompareIndicators); err == nil {
				r.Counterfactual = c.Summary
				for _, p := range c.Scores {
					if p.Actor == seat {
						r.Counterfactual += fmt.Sprintf(" Your own score (%s) would have been %s at its end, against your %s.", p.Name, SignedScore(p.Other), SignedScore(p.Base))
					}
				}
			}
		}
	}
	f.reviews[seat] = r
	return r
}

// baselineGame returns the game the computer plays for every actor at
// normal difficulty on the seed and parameters of the game shown, played
// once and kept.
func (f *Flow) baselineGame() *sim.Game {
	g := f.Game
	if f.baseline != nil && f.baselineOf == g {
		return f.baseline
	}
	st := options.Strategy{Name: "computer", Label: "The computer for every actor", Difficulty: ai.Normal}
	b, err := options.PlayStrategy(g.Model, st, g.Seed, sim.Setup{Params: g.Params()}, nil)
	if err != nil {
		return nil
	}
	f.baseline, f.baselineOf = b, g
	return b
}

// BaselineLine says how the seat did against the computer: "Against the
// computer playing United States on the same seed (+0.40 after 12 turns):
// 0.35 better."
func BaselineLine(m *sim.Model, r *Review, turns int) string {
	if !r.BaselineOK {
		return ""
	}
	// The difference of the numbers shown, so that it adds up.
	d := math.Round(r.Score.Total*100)/100 - math.Round(r.Baseline*100)/100
	verdict := "the same"
	switch {
	case d > 5e-3:
		verdict = SignedScore(d)[1:] + " better"
	case d < -5e-3:
		verdict = SignedScore(-d)[1:] + " worse"
	}
	return fmt.Sprintf("The computer playing %s on the same seed scored %s after %s: you did %s.", m.Scenario.Actors[r.Seat].Name, SignedScore(r.Baseline), TurnsText(turns), verdict)
}

// TurningPoints returns, in full sentences and in turn order, the n turns
// of game g that moved seat's true score most: how much, through which
// objective, which indicator moved it and what moved that indicator most.
func TurningPoints(g *sim.Game, seat, n int) []string {
	m := g.Model
	h := g.History()
	type turn struct {
		k     int
		delta float64
	}
	var ts []turn
	prev := trueScore(m, h[0], seat)
	scores := []SeatScore{prev}
	for k := 1; k < len(h); k++ {
		sc := trueScore(m, h[k], seat)
		scores = append(scores, sc)
		if d := sc.Total - prev.Total; math.Abs(d) > 5e-3 {
			ts = append(ts, turn{k, d})
		}
		prev = sc
	}
	slices.SortStableFunc(ts, func(a, b turn) int { return cmp.Compare(math.Abs(b.delta), math.Abs(a.delta)) })
	ts = ts[:min(n, len(ts))]
	slices.SortFunc(ts, func(a, b turn) int { return cmp.Compare(a.k, b.k) })
	var out []string
	for _, t := range ts {
		before, after := scores[t.k-1], scores[t.k]
		// The objective that moved most, and the indicator it reads that
		// moved most (relative to its scale).
		best := 0
		for j := range after.Objectives {
			if math.Abs(after.Objectives[j].Points-before.Objectives[j].Points) > math.Abs(after.Objectives[best].Points-before.Objectives[best].Points) {
				best = j
			}
		}
		dir := "rose"
		if t.delta < 0 {
			dir = "fell"
		}
		s := fmt.Sprintf("Turn %d (%s): your score %s by %s", t.k, m.Date(t.k), dir, SignedScore(math.Abs(t.delta))[1:])
		if len(after.Objectives) > 0 {
			o := after.Objectives[best]
			s += fmt.Sprintf(", mostly through %q (%s)", o.Name, SignedScore(o.Points-before.Objectives[best].Points))
			vi, moved := -1, 0.0
			for _, v := range o.Vars {
				if d := math.Abs(h[t.k].Vals[v]-h[t.k-1].Vals[v]) / report.Scale(m, v); d > moved {
					vi, moved = v, d
				}
			}
			if vi >= 0 {
				v := &m.Scenario.Vars[vi]
				s += fmt.Sprintf(": %s went from %s to %s", v.Name, m.Format(vi, h[t.k-1].Vals[vi]), m.Format(vi, h[t.k].Vals[vi]))
				if top := report.Largest(m, g.Why(vi, t.k), 1); len(top) > 0 {
					s += ", above all through " + CauseText(m, top[0])
				}
			}
		}
		out = append(out, s+".")
	}
	return out
}

// TurnsText says a number of turns: "1 turn", "12 turns" (report's
// TurnsText, which the comparisons use too).
func TurnsText(n int) string { return report.TurnsText(n) }
