package sim

import "math"

// View is what one actor sees of a state: exact values where the scenario
// lets it see them, and noisy estimates elsewhere.
type View struct {
	Actor int
	Turn  int
	// Vals holds the value seen of each variable.
	Vals []float64
	// Exact marks the values seen exactly; the others are estimates.
	Exact []bool
	// SD is each estimate's standard deviation (0 where exact).
	SD []float64
}

// View returns what actor ai sees of state s in a game with the given
// seed. The noise of each estimate comes from a stream derived from the
// seed, the turn, the actor and the variable, so it is the same however
// often the view is asked for, and drawing it never disturbs the game.
func (m *Model) View(s *State, seed uint64, ai int) View {
	v := View{Actor: ai, Turn: s.Turn, Vals: make([]float64, m.nv), Exact: make([]bool, m.nv), SD: make([]float64, m.nv)}
	for i, x := range s.Vals {
		if ai >= 0 && !m.SeesExactly(ai, i) {
			sd := m.Scenario.Vars[i].Noise
			r := Derive(seed, 0xf06, uint64(s.Turn), uint64(ai), uint64(i))
			x += sd * r.NormFloat64()
			x = math.Max(m.lo[i], math.Min(m.hi[i], x))
			v.SD[i] = sd
		} else {
			v.Exact[i] = true
		}
		v.Vals[i] = x
	}
	return v
}

// SeesExactly reports whether actor ai sees variable vi exactly (else it
// sees an estimate). It is what View's Exact holds, without drawing the
// estimates.
func (m *Model) SeesExactly(ai, vi int) bool { return m.visible[vi][ai] }

// View returns what actor ai sees now.
func (g *Game) View(ai int) View { return g.Model.View(g.State(), g.Seed, ai) }

// Believed returns a copy of s with the variables replaced by what view v
// holds: the state as the viewing actor believes it to be. Computer
// players plan on it so that they never use values hidden from them. The
// parameters are believed to be at their stated values: values drawn
// from their ranges are the world's, which no actor knows.
func (s *State) Believed(v View) *State {
	c := s.Clone()
	copy(c.Vals, v.Vals)
	c.Params = nil
	return c
}
