package sim

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/sixparty/sixparty/internal/suggest"
)

// This file holds what an actor's score gains beyond its objectives' values
// in the final state: the payoff of the outcome that ended the game
// (an outcome's 'score:') and the running totals of objectives marked
// 'accumulate: true', which are counted after every turn played, so that
// ending a game early forgoes the turns it did not play.

// payoffs compiles each outcome's 'score' map into m.payoff and marks the
// accumulating objectives; objectives() has run.
func (c *compiler) payoffs() {
	s, m := c.s, c.m
	m.payoff = make([][]float64, len(s.Outcomes))
	for oi := range s.Outcomes {
		o := &s.Outcomes[oi]
		if len(o.Score) == 0 {
			continue
		}
		m.payoff[oi] = make([]float64, len(s.Actors))
		for _, id := range slices.Sorted(maps.Keys(o.Score)) {
			at := fieldPos(o.FieldPos, "score."+id, fieldPos(o.FieldPos, "score", o.Pos))
			ai, ok := m.actors[id]
			if !ok {
				c.add(at, "unknown actor %q in the score of outcome %q%s", id, o.ID, suggest.Hint(id, c.actorIDs))
				continue
			}
			v := o.Score[id]
			if math.IsNaN(v) || math.IsInf(v, 0) {
				c.add(at, "the score of %q must be a finite number", id)
				continue
			}
			m.payoff[oi][ai] = v
		}
	}
	m.accIdx = make([][]int, len(s.Actors))
	for ai := range s.Actors {
		a := &s.Actors[ai]
		m.accIdx[ai] = make([]int, len(a.Objectives))
		for k := range a.Objectives {
			m.accIdx[ai][k] = -1
			if a.Objectives[k].Accumulate {
				m.accIdx[ai][k] = m.nacc
				m.accOf = append(m.accOf, [2]int{ai, k})
				m.nacc++
			}
		}
	}
}

// Payoff returns what actor ai scores for the outcome that ended state s:
// the outcome's 'score' for the actor, or 0 when the game is not over or
// the outcome gives the actor none.
func (m *Model) Payoff(s *State, ai int) float64 {
	if s.Outcome < 0 || s.Outcome >= len(m.payoff) || m.payoff[s.Outcome] == nil || ai < 0 {
		return 0
	}
	return m.payoff[s.Outcome][ai]
}

// Payoff returns what actor ai scores for the outcome that ended state s
// (see Model.Payoff).
func (sc *Scorer) Payoff(s *State, ai int) float64 { return sc.m.Payoff(s, ai) }

// Accumulates reports whether objective k of actor ai is counted after
// every turn ('accumulate: true'), its value being the total so far.
func (m *Model) Accumulates(ai, k int) bool { return m.accIdx[ai][k] >= 0 }

// accumulate adds the value of every accumulating objective after the
// turn just resolved (on the live slots, whose 'turn' is that turn) to
// next's running totals.
func (st *Stepper) accumulate(turn int, next *State) error {
	m := st.m
	if m.nacc == 0 {
		return nil
	}
	if len(next.Acc) != m.nacc {
		next.Acc = make([]float64, m.nacc)
	}
	st.env.s = st.live
	for j, ak := range m.accOf {
		o := &m.cObj[ak[0]][ak[1]]
		v := evalFast(o.score, o.slow, &st.env)
		if st.fault.set {
			return &EvalError{Turn: turn, Pos: st.fault.pos, Msg: st.fault.msg}
		}
		next.Acc[j] += v
		if x := next.Acc[j]; x-x != 0 {
			ob := &m.Scenario.Actors[ak[0]].Objectives[ak[1]]
			return &EvalError{Turn: turn, Pos: ob.Score.Pos, Msg: fmt.Sprintf("the running total of objective %q of %s reached %v, not a finite number", ob.ID, m.Scenario.Actors[ak[0]].ID, x)}
		}
	}
	return nil
}

// expected checks an outcome's or event's 'expected': "rare" or nothing.
func (c *compiler) expected(v string, fields map[string]Pos, pos Pos) {
	if v != "" && v != "rare" {
		c.add(fieldPos(fields, "expected", pos), "expected must be 'rare' (or left out), found %q%s", v, suggest.Hint(v, []string{"rare"}))
	}
}
