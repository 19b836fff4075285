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
// above 0 is played out from the believed state for the planner's horizon
// (at most four turns), everyone repeating their last orders and a joint
// decision assumed agreed, and the best-scoring option taken; ties go to
// the heavier option. The weights stay the prior: an option of weight 0
// is never taken, and with the budget's Lapse chance (normal: 0.1) the
// actor answers by the odds instead.
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
		if !(p.b.Lapse > 0 && lapse.Float64() < p.b.Lapse) {
			best, bestV := -1, math.Inf(-1)
			for k, o := range opts {
				if o.Weight <= 0 {
					continue
				}
				p.choices[ei] = k
				end := p.playOut(p.base, p.levels, h)
				if end == nil {
					continue
				}
				v, ok := p.score(end, ai, p.wts)
				if !ok {
					continue
				}
				if best < 0 || v > bestV+1e-9 || v > bestV-1e-9 && o.Weight > opts[best].Weight {
					best, bestV = k, v
				}
			}
			if best >= 0 {
				pick = best
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
