package sim

import (
	"fmt"
	"strings"

	"github.com/sixparty/sixparty/internal/suggest"
)

// Orders are the lever levels actors order for one turn: actor id, then
// lever id, then level. A lever left out is at level 0.
type Orders map[string]map[string]int

// Choices are the options chosen in the events of a briefing: event id,
// then option id. An event left out takes its first option.
type Choices map[string]string

// OrderError is a mistake in orders. Nothing is applied when orders have
// one.
type OrderError struct {
	Actor string
	Lever string
	Msg   string
}

func (e *OrderError) Error() string {
	var b strings.Builder
	b.WriteString("sim: orders")
	if e.Actor != "" {
		b.WriteString(" of " + e.Actor)
	}
	if e.Lever != "" {
		b.WriteString(": " + e.Lever)
	}
	b.WriteString(": " + e.Msg)
	return b.String()
}

// Levels converts orders into a level per lever, in the scenario's order,
// and checks them against the state: every actor and lever must exist, a
// lever must belong to the actor ordering it, its level must be in range,
// its precondition must hold, and each actor's total cost must be within
// its budget. Actors are checked in the scenario's order so the first
// error reported does not depend on map order.
func (m *Model) Levels(s *State, o Orders) ([]int, error) {
	levels := make([]int, m.nl)
	for _, id := range sortedKeys(o) {
		if _, ok := m.actors[id]; !ok {
			return nil, &OrderError{Actor: id, Msg: "unknown actor" + suggest.Hint(id, m.actorIDs())}
		}
	}
	for ai := range m.Scenario.Actors {
		a := m.Scenario.Actors[ai].ID
		for _, lid := range sortedKeys(o[a]) {
			lvl := o[a][lid]
			li, ok := m.levers[lid]
			if !ok {
				var mine []string
				for _, k := range m.byActor[ai] {
					mine = append(mine, m.Scenario.Levers[k].ID)
				}
				hint := suggest.Hint(lid, mine)
				if hint == "" {
					hint = suggest.Hint(lid, m.leverIDs())
				}
				return nil, &OrderError{Actor: a, Lever: lid, Msg: "unknown lever" + hint}
			}
			if owner := m.cLevers[li].actor; owner != ai {
				return nil, &OrderError{Actor: a, Lever: lid, Msg: "the lever belongs to " + m.Scenario.Actors[owner].ID}
			}
			levels[li] = lvl
		}
	}
	if err := m.CheckLevels(s, levels); err != nil {
		return nil, err
	}
	return levels, nil
}

// CheckLevels checks a level per lever against the state: ranges,
// preconditions and budgets.
func (m *Model) CheckLevels(s *State, levels []int) error {
	if len(levels) != m.nl {
		return fmt.Errorf("sim: orders: %d levels for %d levers", len(levels), m.nl)
	}
	for ai := range m.Scenario.Actors {
		a := m.Scenario.Actors[ai].ID
		total := 0.0
		for _, li := range m.byActor[ai] {
			l := &m.Scenario.Levers[li]
			lvl := levels[li]
			if lvl < 0 || lvl >= len(l.Levels) {
				return &OrderError{Actor: a, Lever: l.ID, Msg: fmt.Sprintf("level %d is out of range 0..%d", lvl, len(l.Levels)-1)}
			}
			if lvl > 0 {
				if ok, why := m.Available(s, li); !ok {
					return &OrderError{Actor: a, Lever: l.ID, Msg: "not available: " + why}
				}
			}
			total += m.cLevers[li].cost[lvl]
		}
		if budget := m.Scenario.Actors[ai].Budget; total > budget+1e-9 {
			return &OrderError{Actor: a, Msg: fmt.Sprintf("the orders cost %g, over the budget of %g", total, budget)}
		}
	}
	return nil
}

// Available reports whether lever li may be set above level 0 in state s,
// and if not, why not in the scenario's words.
func (m *Model) Available(s *State, li int) (bool, string) {
	cl := &m.cLevers[li]
	if cl.requires == nil {
		return true, ""
	}
	slots := make([]float64, m.nslots)
	m.loadSlots(slots, s)
	var f fault
	e := env{s: slots, rng: &RNG{}, fault: &f}
	if cl.requires(&e) && !f.set {
		return true, ""
	}
	l := &m.Scenario.Levers[li]
	if l.RequiresText != "" {
		return false, l.RequiresText
	}
	return false, "requires " + strings.Join(strings.Fields(l.Requires.Src), " ")
}

// Cost returns the cost of lever li at level lvl.
func (m *Model) Cost(li, lvl int) float64 { return m.cLevers[li].cost[lvl] }

// ChoiceIndices converts choices into an option index per event (-1 where
// none was given), checking that each names an event of the briefing and
// one of its options.
func (m *Model) ChoiceIndices(s *State, c Choices) ([]int, error) {
	out := make([]int, len(m.cEvents))
	for i := range out {
		out[i] = -1
	}
	for _, eid := range sortedKeys(c) {
		ei := m.EventIndex(eid)
		if ei < 0 {
			return nil, fmt.Errorf("sim: choices: unknown event %q", eid)
		}
		ch := m.Scenario.Events[ei].Choice
		if ch == nil {
			return nil, fmt.Errorf("sim: choices: event %q asks for no choice", eid)
		}
		in := false
		for _, b := range s.Briefing {
			in = in || b == ei
		}
		if !in {
			return nil, fmt.Errorf("sim: choices: event %q is not in this turn's briefing", eid)
		}
		var ids []string
		for k, o := range ch.Options {
			ids = append(ids, o.ID)
			if o.ID == c[eid] {
				out[ei] = k
			}
		}
		if out[ei] < 0 {
			return nil, fmt.Errorf("sim: choices: event %q has no option %q%s", eid, c[eid], suggest.Hint(c[eid], ids))
		}
	}
	return out, nil
}
