package ai

import (
	"math"
	"slices"

	"github.com/sixparty/sixparty/sim"
)

// keyEvents is the stream of the lapses of event choices at normal.
const keyEvents = 0xa1b3

// eventChoices returns actor ai's answers to the briefing's events: the
// choices it makes and, in joint decisions, its answers as a partner
// (under sim.PartnerKey). At easy (a horizon of one turn) every answer is
// drawn by the options' weights, the scenario's odds. At normal and hard
// each is chosen by the actor's doctrine: every option with a weight
// above 0 is played out for the planner's horizon (at most four turns) in
// the worlds the orders are judged in (the believed state and redraws of
// the hidden values, at most four), everyone repeating their last orders
// and a joint decision assumed agreed. Hard takes the option with the
// best mean score (ties go to the heavier option). Normal keeps the
// weights as a prior: it draws an option with odds of weight × exp(-(best
// − value) / spread), spread being half the gap between the best and the
// worst option's score, so the best option is likeliest but the
// scenario's odds still count. An option of weight 0 is never taken.
func (p *planner) eventChoices() sim.Choices {
	m, s, ai := p.m, p.s, p.ai
	out := choose(m, s, p.seed, ai)
	for _, ei := range s.Briefing {
		if slices.Contains(m.Partners(ei), ai) {
			ev := &m.Scenario.Events[ei]
			out[sim.PartnerKey(ev.ID, m.Scenario.Actors[ai].ID)] = ev.Choice.Options[byOdds(m, s, p.seed, ei, ai)].ID
		}
	}
	if p.b.Horizon <= 1 {
		return out
	}
	saved := p.choices
	defer func() { p.choices = saved }()
	p.choices = make([]int, len(m.Scenario.Events))
	for i := range p.choices {
		p.choices[i] = -1
	}
	for _, ei := range s.Briefing {
		if c := m.Chooser(ei); c >= 0 && !m.Decides(ei, ai) {
			p.choices[ei] = heaviest(m.Scenario.Events[ei].Choice.Options)
		}
	}
	h := max(1, min(p.b.Horizon, 4, m.Scenario.Meta.Turns-s.Turn+1))
	// The worlds the orders are judged in (decide draws the same again).
	p.sampleWorlds(p.view, max(1, min(p.b.Samples, 4)))
	worlds := p.worlds
	lapse := sim.Derive(p.seed, keyEvents, p.turn, uint64(ai))
	for _, ei := range s.Briefing {
		if !m.Decides(ei, ai) {
			continue
		}
		ev := &m.Scenario.Events[ei]
		key := ev.ID
		if m.Chooser(ei) != ai {
			key = sim.PartnerKey(ev.ID, m.Scenario.Actors[ai].ID)
		}
		opts := ev.Choice.Options
		pick := slices.IndexFunc(opts, func(o sim.Option) bool { return o.ID == out[key] })
		vals := make([]float64, len(opts))
		best, worst := -1, math.Inf(1)
		for k, o := range opts {
			vals[k] = math.NaN()
			if o.Weight <= 0 {
				continue
			}
			p.choices[ei] = k
			v, ok := 0.0, true
			for _, w := range worlds {
				end := p.playOut(w, p.levels, h)
				if end == nil {
					ok = false
					break
				}
				x, good := p.score(end, ai, p.wts)
				if !good {
					ok = false
					break
				}
				v += x / float64(len(worlds))
			}
			if !ok {
				continue
			}
			vals[k] = v
			worst = math.Min(worst, v)
			if best < 0 || v > vals[best]+1e-9 || v > vals[best]-1e-9 && o.Weight > opts[best].Weight {
				best = k
			}
		}
		switch {
		case best < 0:
			// No option could be played out: the odds decide.
		case p.b.Lapse == 0:
			pick = best // hard: the best by doctrine
		default:
			// Normal: the odds, reweighed by how well each option
			// plays: weight × exp(-(best - value) / spread), with
			// spread half the gap between the best and the worst, so
			// that options that play alike keep their odds.
			spread := (vals[best] - worst) / 2
			total := 0.0
			pr := make([]float64, len(opts))
			for k, o := range opts {
				if math.IsNaN(vals[k]) {
					continue
				}
				pr[k] = o.Weight
				if spread > 1e-12 {
					pr[k] *= math.Exp(-(vals[best] - vals[k]) / spread)
				}
				total += pr[k]
			}
			x := lapse.Float64() * total
			pick = best
			for k := range opts {
				if pr[k] > 0 && x < pr[k] {
					pick = k
					break
				}
				x -= pr[k]
			}
		}
		p.choices[ei] = pick
		out[key] = opts[pick].ID
	}
	return out
}

// byOdds draws an option of event ei for actor ai in proportion to the
// options' weights, from a stream of its own.
func byOdds(m *sim.Model, s *sim.State, seed uint64, ei, ai int) int {
	opts := m.Scenario.Events[ei].Choice.Options
	total := 0.0
	for _, o := range opts {
		total += o.Weight
	}
	r := sim.Derive(seed, 0xc4, uint64(s.Turn), uint64(ei), uint64(ai)+1)
	x := r.Float64() * total
	for k, o := range opts {
		if x < o.Weight {
			return k
		}
		x -= o.Weight
	}
	return 0
}

// heaviest returns the index of the option with the largest weight, the
// first of equals.
func heaviest(opts []sim.Option) int {
	best := 0
	for k, o := range opts {
		if o.Weight > opts[best].Weight {
			best = k
		}
	}
	return best
}
