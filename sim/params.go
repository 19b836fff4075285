package sim

import (
	"fmt"
	"hash/fnv"
	"maps"
	"math"
	"regexp"
	"slices"

	"github.com/sixparty/sixparty/internal/suggest"
)

// Parameters are a scenario's declared uncertain coefficients. A parameter
// is read by expressions like a variable, from a slot of its own after the
// variables, levels, 'turn' and 'level'; it is never folded into a
// constant at load time, because a game may play with a value drawn from
// its range. Its value is fixed for the whole game, so the states of one
// game share one slice of values (State.Params), and loading a state's
// slots copies it beside the variables.

// Dists are the distributions a parameter's drawn values may follow.
var Dists = []string{"uniform", "triangular", "normal"}

// params checks the parameters and declares them in sc, the scope of
// every expression: each needs an id of its own (no variable, lever or
// actor may have it), a name, a source, a range [lo, hi] with lo below
// hi that holds its value, and a known distribution.
func (c *compiler) params(sc *scope) {
	s, m := c.s, c.m
	m.params = map[string]int{}
	m.stated = make([]float64, len(s.Params))
	for i, p := range s.Params {
		if p == nil {
			p = &Param{}
			s.Params[i] = p
		}
		c.ident(p.ID, idPattern, "parameter", p.FieldPos, p.Pos)
		at := fieldPos(p.FieldPos, "id", p.Pos)
		switch {
		case p.ID == "":
		case reserved[p.ID]:
			c.add(at, "name %q is already used", p.ID)
		default:
			if j, dup := m.params[p.ID]; dup {
				c.add(at, "parameter %q is defined twice (first at %s)", p.ID, fieldPos(s.Params[j].FieldPos, "id", s.Params[j].Pos))
			} else if vi, ok := m.vars[p.ID]; ok {
				v := &s.Vars[vi]
				c.add(at, "parameter %q has the id of the variable at %s", p.ID, fieldPos(v.FieldPos, "id", v.Pos))
			} else if li, ok := m.levers[p.ID]; ok {
				l := &s.Levers[li]
				c.add(at, "parameter %q has the id of the lever at %s", p.ID, fieldPos(l.FieldPos, "id", l.Pos))
			} else if ai, ok := m.actors[p.ID]; ok {
				a := &s.Actors[ai]
				c.add(at, "parameter %q has the id of the actor at %s", p.ID, fieldPos(a.FieldPos, "id", a.Pos))
			}
			if _, dup := m.params[p.ID]; !dup {
				m.params[p.ID] = i
			}
		}
		if _, ok := sc.names[p.ID]; !ok && p.ID != "" {
			sc.names[p.ID] = m.slotParam + i
			sc.all = append(sc.all, p.ID)
		}
		m.stated[i] = p.Value
		c.param(p)
	}
}

// param checks one parameter's name, source, range, value and
// distribution, and fills Lo and Hi from the range as written.
func (c *compiler) param(p *Param) {
	if p.Name == "" {
		c.add(p.Pos, "parameter %q needs a name", p.ID)
	}
	if p.Source == "" {
		c.add(p.Pos, "parameter %q needs a source: a citation for its range, or the word judgement", p.ID)
	}
	_, rangeGiven := p.FieldPos["range"]
	rangeAt := fieldPos(p.FieldPos, "range", p.Pos)
	ranged := true
	switch {
	case p.FieldPos != nil && !rangeGiven:
		c.add(p.Pos, "parameter %q needs a range as [low, high]", p.ID)
		ranged = false
	case p.Range != nil:
		if len(p.Range) != 2 {
			c.add(rangeAt, "range must be [low, high], found %d number(s)", len(p.Range))
			ranged = false
			break
		}
		p.Lo, p.Hi = p.Range[0], p.Range[1]
	case p.Lo == 0 && p.Hi == 0:
		c.add(p.Pos, "parameter %q needs a range as [low, high]", p.ID)
		ranged = false
	}
	if ranged {
		switch {
		case !finite(p.Lo) || !finite(p.Hi):
			c.add(rangeAt, "range must hold two finite numbers")
		case !(p.Lo < p.Hi):
			c.add(rangeAt, "range must be [low, high] with low below high, found [%g, %g]", p.Lo, p.Hi)
		}
	}
	valueAt := fieldPos(p.FieldPos, "value", p.Pos)
	_, valueGiven := p.FieldPos["value"]
	switch {
	case p.FieldPos != nil && !valueGiven:
		c.add(p.Pos, "parameter %q needs a value", p.ID)
	case !finite(p.Value):
		c.add(valueAt, "value must be a finite number")
	case ranged && p.Lo < p.Hi && (p.Value < p.Lo || p.Value > p.Hi):
		c.add(valueAt, "value %g is outside the range [%g, %g]", p.Value, p.Lo, p.Hi)
	}
	sdAt := fieldPos(p.FieldPos, "sd", p.Pos)
	_, sdGiven := p.FieldPos["sd"]
	switch p.Dist {
	case "uniform", "triangular":
		if sdGiven || p.SD != 0 {
			c.add(sdAt, "sd applies only to dist: normal (this parameter's dist is %s)", p.Dist)
		}
	case "normal":
		if !(p.SD > 0) || !finite(p.SD) {
			c.add(sdAt, "a normal dist needs an sd above 0, found %g", p.SD)
		}
	default:
		c.add(fieldPos(p.FieldPos, "dist", p.Pos), "dist must be uniform, triangular or normal, found %q%s", p.Dist, suggest.Hint(p.Dist, Dists))
	}
}

// NumParams returns the number of parameters.
func (m *Model) NumParams() int { return len(m.stated) }

// ParamIndex returns the index of the parameter with the given id.
func (m *Model) ParamIndex(id string) (int, bool) {
	i, ok := m.params[id]
	return i, ok
}

// ParamIDs returns the parameters' ids, in the scenario's order.
func (m *Model) ParamIDs() []string {
	ids := make([]string, len(m.Scenario.Params))
	for i, p := range m.Scenario.Params {
		ids[i] = p.ID
	}
	return ids
}

// StatedParams returns each parameter's stated value, in the scenario's
// order, in a fresh slice.
func (m *Model) StatedParams() []float64 { return slices.Clone(m.stated) }

// keyParams keys the streams parameters are drawn from.
const keyParams = 0x9a4a5

// DrawParams returns a value for each parameter drawn from its range and
// distribution, in the scenario's order. The draw depends only on seed
// and each parameter's id (and its declaration), never on the game's own
// random stream: the same seed gives the same values, however many games
// are played with them, and adding a parameter leaves the others' draws
// as they were.
func (m *Model) DrawParams(seed uint64) []float64 {
	out := make([]float64, len(m.Scenario.Params))
	for i, p := range m.Scenario.Params {
		h := fnv.New64a()
		h.Write([]byte(p.ID))
		r := Derive(seed, keyParams, h.Sum64())
		out[i] = p.draw(r.Float64())
	}
	return out
}

// draw maps u, uniform in [0, 1), to the parameter's distribution over
// its range, by the inverse of the distribution function, so that one
// number from the generator makes one value.
func (p *Param) draw(u float64) float64 {
	lo, hi := p.Lo, p.Hi
	var x float64
	switch p.Dist {
	case "triangular":
		c := p.Value
		if u < (c-lo)/(hi-lo) {
			x = lo + math.Sqrt(u*(hi-lo)*(c-lo))
		} else {
			x = hi - math.Sqrt((1-u)*(hi-lo)*(hi-c))
		}
	case "normal":
		phi := func(z float64) float64 { return 0.5 * (1 + math.Erf(z/math.Sqrt2)) }
		a, b := phi((lo-p.Value)/p.SD), phi((hi-p.Value)/p.SD)
		q := a + u*(b-a)
		x = p.Value + p.SD*math.Sqrt2*math.Erfinv(2*q-1)
		if x-x != 0 { // q at 0 or 1: the end of the range
			x = lo
			if q > 0.5 {
				x = hi
			}
		}
	default:
		x = lo + u*(hi-lo)
	}
	return math.Max(lo, math.Min(hi, x))
}

// Setup says how a game is set up beyond its seed. The zero Setup is the
// game NewGame starts: every parameter at its stated value.
type Setup struct {
	// Params holds a value per parameter, in the scenario's order (for
	// example from DrawParams); nil means the stated values.
	Params []float64
	// FogSecret, when not 0, is the secret the fog's noise is drawn
	// from (see Fog and Game.SetFogSecret).
	FogSecret uint64
}

// CheckParams checks a value per parameter: as many values as the
// scenario has parameters, each a finite number within its range.
func (m *Model) CheckParams(vals []float64) error {
	if len(vals) != len(m.Scenario.Params) {
		return fmt.Errorf("sim: %d parameter value(s) for %d parameter(s)", len(vals), len(m.Scenario.Params))
	}
	for i, v := range vals {
		p := m.Scenario.Params[i]
		if !finite(v) || v < p.Lo || v > p.Hi {
			return fmt.Errorf("sim: parameter %s=%g is outside its range [%g, %g]", p.ID, v, p.Lo, p.Hi)
		}
	}
	return nil
}

// NewGameSetup starts a game of m with the given seed, set up as st says.
// It fails, starting nothing, when st's parameter values do not fit m
// (see CheckParams). A game whose parameters are all at their stated
// values is the game NewGame starts, and its record says nothing of them.
func NewGameSetup(m *Model, seed uint64, st Setup) (g *Game, err error) {
	defer func() { st.fog(g) }()
	if st.Params == nil {
		return newGame(m, seed, nil), nil
	}
	if err := m.CheckParams(st.Params); err != nil {
		return nil, err
	}
	if slices.Equal(st.Params, m.stated) {
		return newGame(m, seed, nil), nil
	}
	return newGame(m, seed, slices.Clone(st.Params)), nil
}

// Params returns the value of each parameter the game plays with, in the
// scenario's order, in a fresh slice.
func (g *Game) Params() []float64 { return g.Model.stateParams(g.State()) }

// ParamsDrawn reports whether the game plays with parameter values other
// than the stated ones.
func (g *Game) ParamsDrawn() bool { return g.State().Params != nil }

// stateParams returns a copy of the parameter values s plays with.
func (m *Model) stateParams(s *State) []float64 {
	if s.Params == nil {
		return slices.Clone(m.stated)
	}
	return slices.Clone(s.Params)
}

// ParamInputs returns the parameters that the expression behind a ledger
// entry reads (see Inputs), by index, in the scenario's order.
func (m *Model) ParamInputs(e Entry) []int {
	var out []int
	for _, n := range m.entryNames(e) {
		if i, ok := m.params[n]; ok {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return out
}

var strategyIDPattern = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)

// strategies checks the strategies' ids and names, the actors their seats
// name, and the counterfactual. What a seat setting says and the orders
// tracks are the loader's to check (package scenarios): the engine reads
// no files.
func (c *compiler) strategies() {
	s := c.s
	var ids []string
	seen := map[string]bool{}
	for i, st := range s.Strategies {
		if st == nil {
			st = &Strategy{}
			s.Strategies[i] = st
		}
		at := fieldPos(st.FieldPos, "id", st.Pos)
		switch {
		case st.ID == "":
			c.add(st.Pos, "strategy needs an id")
		case !strategyIDPattern.MatchString(st.ID):
			c.add(at, "strategy id %q must be lower-case letters, digits, underscores and dashes", st.ID)
		case seen[st.ID]:
			c.add(at, "strategy %q is defined twice", st.ID)
		}
		seen[st.ID] = true
		ids = append(ids, st.ID)
		if st.Name == "" {
			c.add(st.Pos, "strategy %q needs a name", st.ID)
		}
		if st.Orders == "" && len(st.Seats) == 0 {
			c.add(st.Pos, "strategy %q needs 'orders' (an orders track) or 'seats'", st.ID)
		}
		for _, a := range slices.Sorted(maps.Keys(st.Seats)) {
			if _, ok := c.m.actors[a]; !ok {
				c.add(fieldPos(st.FieldPos, "seats."+a, st.Pos), "unknown actor %q%s", a, suggest.Hint(a, c.actorIDs))
			}
		}
	}
	if cf := s.Counterfactual; cf != "" && !slices.Contains(ids, cf) {
		c.add(fieldPos(s.FieldPos, "counterfactual", s.Pos), "unknown strategy %q%s", cf, suggest.Hint(cf, ids))
	}
}

// StrategyIndex returns the index of the strategy with the given id, or
// -1.
func (m *Model) StrategyIndex(id string) int {
	for i, st := range m.Scenario.Strategies {
		if st.ID == id {
			return i
		}
	}
	return -1
}
