package sim

// Scorer evaluates actors' objectives on many states without allocating,
// for computer players that score every state they play out. It reads
// states exactly as DoctrineScore and ObjectiveValues do. A Scorer must not
// be used by two goroutines at once (make one each).
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
// into dst (grown as needed) and returns it, in the scenario's order. ok is
// false when an objective faults or is not a number; DoctrineScore and
// Scores count such a state as 0.
func (sc *Scorer) Objectives(dst []float64, s *State, ai int) (out []float64, ok bool) {
	m := sc.m
	m.judgedSlots(sc.slots, s)
	sc.f = fault{}
	sc.rng = RNG{}
	out = dst[:0]
	ok = true
	for _, o := range m.cObj[ai] {
		v := o.score(&sc.e)
		if sc.f.set || v != v {
			ok = false
		}
		out = append(out, v)
	}
	return out, ok
}

// weighted returns actor ai's objectives in state s weighted by their
// scoring weights, or by the doctrine's; a state where an objective faults
// scores 0.
func (sc *Scorer) weighted(s *State, ai int, doctrine bool) float64 {
	var ok bool
	sc.vals, ok = sc.Objectives(sc.vals, s, ai)
	if !ok {
		return 0
	}
	total := 0.0
	for k, o := range sc.m.cObj[ai] {
		w := o.weight
		if doctrine {
			w = o.doctrine
		}
		total += w * sc.vals[k]
	}
	return total
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
