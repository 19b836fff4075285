package sim

import (
	"maps"
	"math"
	"slices"

	"github.com/sixparty/sixparty/internal/suggest"
)

// This file holds intelligence that differs by observing actor: a
// variable's 'seen_by' gives each listed actor an estimate of its own
// noise, an expression of the state, so that a lever (an intelligence
// effort) can narrow one actor's estimate of another's variables.

// intelligence compiles each variable's 'seen_by'; names() has run.
func (c *compiler) intelligence() {
	s, m := c.s, c.m
	m.seenBy = make([][]numFn, m.nv)
	for i := range s.Vars {
		v := &s.Vars[i]
		if len(v.SeenBy) == 0 {
			continue
		}
		m.seenBy[i] = make([]numFn, len(s.Actors))
		if !slices.Contains(m.visible[i], false) {
			c.add(fieldPos(v.FieldPos, "seen_by", v.Pos), "seen_by has no effect: every actor sees %q exactly (leave out of 'visible' the actors who should see an estimate)", v.ID)
			continue
		}
		for _, id := range slices.Sorted(maps.Keys(v.SeenBy)) {
			at := fieldPos(v.FieldPos, "seen_by."+id, fieldPos(v.FieldPos, "seen_by", v.Pos))
			ai, ok := m.actors[id]
			if !ok {
				c.add(at, "unknown actor %q in seen_by%s", id, suggest.Hint(id, c.actorIDs))
				continue
			}
			if m.visible[i][ai] {
				c.add(at, "actor %q is in 'visible': it sees %q exactly, so its noise has no effect", id, v.ID)
				continue
			}
			x := v.SeenBy[id]
			f := c.num(x, c.sc, "seen_by."+id, v.FieldPos, v.Pos)
			if k, ok := constValue(x, f); ok && k < 0 {
				c.add(x.Pos, "noise must not be negative, found %g", k)
			}
			c.noDraw(f, "seen_by."+id)
			m.seenBy[i][ai] = f.num
		}
	}
}

// noiseOf returns the standard deviation of actor ai's estimate of
// variable vi in the state whose slots are loaded into e (loading them
// first when *loaded is false): the 'seen_by' expression for the actor,
// or the variable's noise. An expression that faults or is not a finite
// number gives the variable's noise here (a Game reports the fault:
// RequiresFault); one below 0 gives 0.
func (m *Model) noiseOf(vi, ai int, s *State, e *env, loaded *bool) float64 {
	sd := m.Scenario.Vars[vi].Noise
	if m.seenBy[vi] == nil || m.seenBy[vi][ai] == nil {
		return sd
	}
	if !*loaded {
		m.judgedSlots(e.s, s)
		*loaded = true
	}
	*e.fault = fault{}
	x := m.seenBy[vi][ai](e)
	if e.fault.set || math.IsNaN(x) || math.IsInf(x, 0) {
		return sd
	}
	return math.Max(0, x)
}

// seenFault evaluates every 'seen_by' expression in state s, in the
// scenario's order of variables and actors, and returns the first fault
// met, or an expression that is not a finite number, if any: noiseOf
// falls back to the variable's noise there, so a Game reports it instead
// (RequiresFault).
func (m *Model) seenFault(s *State) (fault, bool) {
	var slots []float64
	for vi, fns := range m.seenBy {
		for ai, fn := range fns {
			if fn == nil {
				continue
			}
			if slots == nil {
				slots = make([]float64, m.nslots)
				m.judgedSlots(slots, s)
			}
			var f fault
			x := fn(&env{s: slots, rng: &RNG{}, fault: &f})
			if !f.set && (math.IsNaN(x) || math.IsInf(x, 0)) {
				id := m.Scenario.Actors[ai].ID
				f = fault{set: true, pos: m.Scenario.Vars[vi].SeenBy[id].Pos, msg: "seen_by." + id + " is not a finite number"}
			}
			if f.set {
				return f, true
			}
		}
	}
	return fault{}, false
}
