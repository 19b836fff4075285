package watch

import (
	"fmt"
	"slices"

	"github.com/sixparty/sixparty/sim"
)

// Rebuild plays the game recorded in r again on m, a new version of its
// scenario: a new game with the record's seed, then every recorded turn's
// facilitator adjustments, orders and choices, then the pending
// adjustments. (sim.Replay would refuse the record, made with another
// version of the scenario.)
//
// Orders the new version no longer allows are dropped rather than failing
// the rebuild: a lever or actor that no longer exists, a level out of
// range, a lever whose precondition fails, orders over the actor's
// budget, a choice of an event or option that is gone. Each drop is
// described in notes. The rebuild stops early, without error, if the game
// ends sooner on the new version; it returns an error only when a turn
// cannot be played at all (such as an expression that divides by zero),
// together with the game up to that turn.
func Rebuild(m *sim.Model, r sim.Record) (g *sim.Game, notes []string, err error) {
	g = sim.NewGame(m, r.Seed)
	for i, t := range r.Turns {
		if g.Over() {
			notes = append(notes, fmt.Sprintf("the game now ends after turn %d; %d recorded turn(s) not played", i, len(r.Turns)-i))
			return g, notes, nil
		}
		notes = adjust(g, t.Adjust, notes)
		o, c, dropped := Sanitize(m, g.State(), t.Orders, t.Choices)
		for _, d := range dropped {
			notes = append(notes, fmt.Sprintf("turn %d: %s", i+1, d))
		}
		if _, err := g.Play(o, c); err != nil {
			return g, notes, fmt.Errorf("watch: turn %d: %w", i+1, err)
		}
	}
	if !g.Over() {
		notes = adjust(g, r.Pending, notes)
	}
	return g, notes, nil
}

func adjust(g *sim.Game, adj []sim.Adjustment, notes []string) []string {
	for _, a := range adj {
		if err := g.Adjust(a.Var, a.Value, a.Reason); err != nil {
			notes = append(notes, fmt.Sprintf("turn %d: adjustment dropped: %v", g.Turn(), err))
		}
	}
	return notes
}

// Sanitize returns the part of orders o and choices c that model m allows
// in state s, and a description of each part it dropped, in a fixed order.
func Sanitize(m *sim.Model, s *sim.State, o sim.Orders, c sim.Choices) (sim.Orders, sim.Choices, []string) {
	var dropped []string
	out := sim.Orders{}
	for _, a := range sortedKeys(o) {
		ai := m.ActorIndex(a)
		if ai < 0 {
			dropped = append(dropped, fmt.Sprintf("orders of %s dropped: no such actor", a))
			continue
		}
		mine := map[string]int{}
		for _, l := range sortedKeys(o[a]) {
			lvl := o[a][l]
			li := m.LeverIndex(l)
			switch {
			case li < 0 || m.LeverActor(li) != ai:
				dropped = append(dropped, fmt.Sprintf("%s: %s dropped: no such lever of %s", a, l, a))
			case lvl < 0 || lvl >= len(m.Scenario.Levers[li].Levels):
				dropped = append(dropped, fmt.Sprintf("%s: %s dropped: no level %d", a, l, lvl))
			case lvl > 0 && !available(m, s, li):
				dropped = append(dropped, fmt.Sprintf("%s: %s dropped: not available", a, l))
			default:
				mine[l] = lvl
			}
		}
		total := 0.0
		for l, lvl := range mine {
			total += m.Cost(m.LeverIndex(l), lvl)
		}
		if total > m.Scenario.Actors[ai].Budget+1e-9 {
			dropped = append(dropped, fmt.Sprintf("orders of %s dropped: they cost %g, over the budget of %g", a, total, m.Scenario.Actors[ai].Budget))
			continue
		}
		out[a] = mine
	}
	outC := sim.Choices{}
	for _, e := range sortedKeys(c) {
		if _, err := m.ChoiceIndices(s, sim.Choices{e: c[e]}); err != nil {
			dropped = append(dropped, fmt.Sprintf("choice %s=%s dropped: %v", e, c[e], err))
			continue
		}
		outC[e] = c[e]
	}
	return out, outC, dropped
}

func available(m *sim.Model, s *sim.State, li int) bool {
	ok, _ := m.Available(s, li)
	return ok
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
