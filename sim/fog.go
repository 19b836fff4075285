package sim

import (
	"errors"
	"math"
)

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
	// Params holds the parameters as the actor believes them: nil when
	// it believes every one at its stated value, else the stated values
	// with the game's values of its own preferences (Model.KnownParams).
	Params []float64 `json:"-"`
}

// Fog says where the noise of a game's estimates comes from. With a
// Secret (any value but 0) the noise is drawn from streams derived from
// the secret alone, so a player who knows the public seed learns nothing
// from it about the true values behind its estimates. A game without a
// secret (Secret 0: tests, headless runs, and saves made before games
// had one) draws the noise from the seed, as every game once did; anyone
// who knows that seed can take the noise off an estimate.
type Fog struct {
	Seed   uint64
	Secret uint64
}

// Keys of the fog's streams: the seed's (the old derivation, kept so old
// saves replay) and the secret's.
const (
	keyFogSeed   = 0xf06
	keyFogSecret = 0xf06_5ec
)

// noise returns the generator of the noise in actor ai's estimate of
// variable vi on a turn.
func (f Fog) noise(turn, ai, vi int) RNG {
	if f.Secret == 0 {
		return Derive(f.Seed, keyFogSeed, uint64(turn), uint64(ai), uint64(vi))
	}
	return Derive(f.Secret, keyFogSecret, uint64(turn), uint64(ai), uint64(vi))
}

// View returns what actor ai sees of state s under fog f. The noise of
// each estimate comes from a stream derived from the fog's secret (or, in
// a game without one, its seed), the turn, the actor and the variable, so
// it is the same however often the view is asked for, and drawing it
// never disturbs the game. An ai below 0 sees every value exactly. The
// standard deviation of an estimate is the variable's 'noise', or its
// 'seen_by' entry for the actor, read on s (an entry of 0 or below is an
// exact view).
func (m *Model) View(s *State, f Fog, ai int) View {
	v := View{Actor: ai, Turn: s.Turn, Vals: make([]float64, m.nv), Exact: make([]bool, m.nv), SD: make([]float64, m.nv)}
	var e env // for 'seen_by' expressions, made when one is met
	loaded := false
	for i, x := range s.Vals {
		if ai >= 0 && !m.SeesExactly(ai, i) {
			if m.seenBy[i] != nil && e.s == nil {
				e = env{s: make([]float64, m.nslots), rng: &RNG{}, fault: &fault{}}
			}
			sd := m.noiseOf(i, ai, s, &e, &loaded)
			if sd == 0 && m.seenBy[i] != nil && m.seenBy[i][ai] != nil {
				v.Exact[i] = true
				v.Vals[i] = x
				continue
			}
			r := f.noise(s.Turn, ai, i)
			x += sd * r.NormFloat64()
			x = math.Max(m.lo[i], math.Min(m.hi[i], x))
			v.SD[i] = sd
		} else {
			v.Exact[i] = true
		}
		v.Vals[i] = x
	}
	if ai >= 0 && s.Params != nil && len(m.KnownParams(ai)) > 0 {
		v.Params = m.StatedParams()
		for _, k := range m.KnownParams(ai) {
			v.Params[k] = s.Params[k]
		}
	}
	return v
}

// SeesExactly reports whether actor ai sees variable vi exactly (else it
// sees an estimate). It is what View's Exact holds, without drawing the
// estimates.
func (m *Model) SeesExactly(ai, vi int) bool { return m.visible[vi][ai] }

// View returns what actor ai sees now.
func (g *Game) View(ai int) View { return g.Model.View(g.State(), g.Fog(), ai) }

// ViewOf returns what actor ai sees of s, one of the game's states (such
// as a turn of its History).
func (g *Game) ViewOf(s *State, ai int) View { return g.Model.View(s, g.Fog(), ai) }

// Fog returns the game's fog: its seed and its fog secret.
func (g *Game) Fog() Fog { return Fog{Seed: g.Seed, Secret: g.record.FogSecret} }

// FogSecret returns the secret the game's estimates draw their noise
// from, 0 when it has none (see Fog). It is kept in the record so that a
// replay is exact; a server reveals it only when the game is over.
func (g *Game) FogSecret() uint64 { return g.record.FogSecret }

// SetFogSecret gives the game a fog secret. A game that seats players who
// must not see its true values gets one drawn from a cryptographic
// source (never from the seed, which is public). It may be set only
// before the first turn is played and before any adjustment, and not to
// 0.
func (g *Game) SetFogSecret(secret uint64) error {
	if secret == 0 {
		return errors.New("sim: a fog secret of 0 is no secret")
	}
	if len(g.record.Turns) > 0 || len(g.pending) > 0 {
		return errors.New("sim: the fog secret is set before the first turn")
	}
	g.record.FogSecret = secret
	return nil
}

// fog gives g, when not nil, the setup's fog secret.
func (st Setup) fog(g *Game) {
	if g != nil && st.FogSecret != 0 {
		g.record.FogSecret = st.FogSecret
	}
}

// Believed returns a copy of s with the variables replaced by what view v
// holds: the state as the viewing actor believes it to be. Computer
// players plan on it so that they never use values hidden from them. The
// parameters are believed to be at their stated values (values drawn
// from their ranges are the world's, which no actor knows), except the
// actor's own preferences, which it knows (View.Params).
//
// The running totals of objectives marked 'accumulate' are not believed
// either: they summed true values the viewer may not have seen, so they
// start again from zero. A plan's ranking does not depend on them (they
// add the same to every plan's score), only the level of a score read
// from a believed state.
func (s *State) Believed(v View) *State {
	c := s.Clone()
	copy(c.Vals, v.Vals)
	c.Params = v.Params
	clear(c.Acc)
	return c
}
