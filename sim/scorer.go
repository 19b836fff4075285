package sim

import "fmt"

// Scorer evaluates actors' objectives on many states without allocating,
// for computer players that score every state they play out. Model's
// Scores, DoctrineScore and ObjectiveValues read states through one. A
// Scorer must not be used by two goroutines at once (make one each).
type Scorer struct {
	m     *Model
	slots []float64
	vals  []float64
	rng   RNG
	f     fault
	e     env
}

// NewScorer returns a Scorer for m.
func (m *Model) NewScorer() *Scorer {
	sc := &Scorer{m: m, slots: make([]float64, m.nslots)}
	sc.e = env{s: sc.slots, rng: &sc.rng, fault: &sc.f}
	return sc
}

// Objectives writes the value of each of actor ai's objectives in state s
// into dst (grown as needed) and returns it, in the scenario's order. An
// objective that faults, or whose value is not a finite number, is an
// *EvalError at its position (on the turn just played, s.Turn-1); the
// values are then not meaningful. An objective marked 'accumulate' gives
// its running total in s rather than its value in it.
func (sc *Scorer) Objectives(dst []float64, s *State, ai int) ([]float64, error) {
	m := sc.m
	m.judgedSlots(sc.slots, s)
	sc.rng = RNG{}
	out := dst[:0]
	for k, o := range m.cObj[ai] {
		if j := m.accIdx[ai][k]; j >= 0 {
			// A running total: the sum after every turn played so far.
			v := 0.0
			if j < len(s.Acc) {
				v = s.Acc[j]
			}
			out = append(out, v)
			continue
		}
		sc.f = fault{}
		v := evalFast(o.score, o.slow, &sc.e)
		out = append(out, v)
		if sc.f.set {
			return out, &EvalError{Turn: s.Turn - 1, Pos: sc.f.pos, Msg: sc.f.msg}
		}
		if v-v != 0 { // NaN or ±Inf
			ob := &m.Scenario.Actors[ai].Objectives[k]
			return out, &EvalError{Turn: s.Turn - 1, Pos: ob.Score.Pos, Msg: fmt.Sprintf("objective %q of %s gave %v, not a finite number", ob.ID, m.Scenario.Actors[ai].ID, v)}
		}
	}
	return out, nil
}

// Score returns actor ai's score in state s: its objectives weighted by
// their scoring weights, plus the payoff of the outcome that ended s, if
// any (see Payoff). It fails as Objectives does, and when the
// weighted sum is not a finite number.
func (sc *Scorer) Score(s *State, ai int) (float64, error) { return sc.weighted(s, ai, false) }

// DoctrineScore returns actor ai's objectives in state s weighted by its
// doctrine, which is what the computer player maximises. It fails as
// Score does.
func (sc *Scorer) DoctrineScore(s *State, ai int) (float64, error) {
	return sc.weighted(s, ai, true)
}

// weighted returns actor ai's objectives in state s weighted by their
// scoring weights, or by the doctrine's.
func (sc *Scorer) weighted(s *State, ai int, doctrine bool) (float64, error) {
	var err error
	sc.vals, err = sc.Objectives(sc.vals, s, ai)
	if err != nil {
		return 0, err
	}
	total := sc.m.Payoff(s, ai)
	for k, o := range sc.m.cObj[ai] {
		w := o.weight
		if doctrine {
			w = o.doctrine
		}
		total += w * sc.vals[k]
		if total-total != 0 {
			ob := &sc.m.Scenario.Actors[ai].Objectives[k]
			return 0, &EvalError{Turn: s.Turn - 1, Pos: ob.Score.Pos, Msg: fmt.Sprintf("the score of %s reached %v at objective %q, not a finite number", sc.m.Scenario.Actors[ai].ID, total, ob.ID)}
		}
	}
	return total, nil
}

// judgedSlots fills slots from a state as objectives and checks read it:
// like loadSlots, but 'turn' is the turn just played.
func (m *Model) judgedSlots(slots []float64, s *State) {
	m.loadSlots(slots, s)
	slots[m.slotTurn] = float64(s.Turn - 1)
}

// DoctrineWeights returns the weight the computer player gives each of
// actor ai's objectives (its doctrine weight where the scenario sets one,
// else its scoring weight), in the scenario's order.
func (m *Model) DoctrineWeights(ai int) []float64 {
	out := make([]float64, len(m.cObj[ai]))
	for k, o := range m.cObj[ai] {
		out[k] = o.doctrine
	}
	return out
}

// Scores returns each actor's score in state s: the weighted sum of its
// objectives. An objective that faults or is not finite in s is an
// *EvalError at its position.
func (m *Model) Scores(s *State) ([]float64, error) {
	return m.NewScorer().scores(nil, s)
}

// scores writes every actor's score in s into dst.
func (sc *Scorer) scores(dst []float64, s *State) ([]float64, error) {
	dst = dst[:0]
	for ai := range sc.m.Scenario.Actors {
		v, err := sc.Score(s, ai)
		if err != nil {
			return nil, err
		}
		dst = append(dst, v)
	}
	return dst, nil
}

// DoctrineScore returns actor ai's objectives in state s weighted by its
// doctrine (see Scorer.DoctrineScore).
func (m *Model) DoctrineScore(s *State, ai int) (float64, error) {
	return m.NewScorer().DoctrineScore(s, ai)
}

// ObjectiveValues returns the value of each of actor ai's objectives in
// state s, unweighted (see Scorer.Objectives).
func (m *Model) ObjectiveValues(s *State, ai int) ([]float64, error) {
	out, err := m.NewScorer().Objectives(nil, s, ai)
	if err != nil {
		return nil, err
	}
	return out, nil
}
