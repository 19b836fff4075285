package sim

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/sixparty/sixparty/internal/suggest"
)

// This file holds levels gated by the state: a lever's 'level_requires'
// gives a level a condition of its own, which that level and every level
// above it need. MaxLevel, the one measure of how high a lever may be
// ordered, applies it, so the orders screen, the computer players,
// CarryForward and Sanitize all see it; CheckLevels refuses orders above.

// levelRequires compiles a lever's 'level_requires' into a condition per
// level (nil where a level has none).
func (c *compiler) levelRequires(l *Lever) []boolFn {
	if len(l.LevelRequires) == 0 {
		return nil
	}
	out := make([]boolFn, len(l.Levels))
	for _, name := range slices.Sorted(maps.Keys(l.LevelRequires)) {
		at := fieldPos(l.FieldPos, "level_requires."+name, fieldPos(l.FieldPos, "level_requires", l.Pos))
		k := slices.Index(l.Levels, name)
		switch {
		case k < 0:
			c.add(at, "lever %q has no level %q%s", l.ID, name, suggest.Hint(name, l.Levels))
		case k == 0:
			c.add(at, "level %q is the lever's first level, always allowed: gate the levels above it", name)
		default:
			f := c.condOf(l.LevelRequires[name], c.sc)
			c.noDraw(f, fmt.Sprintf("the 'level_requires' of level %q", name))
			out[k] = f.cond
		}
	}
	return out
}

// levelGate returns the highest level of lever li whose conditions
// ('level_requires': its own and those of the levels below it) hold in
// state s. A condition that faults counts as false here; a Game reports
// the fault (RequiresFault).
func (m *Model) levelGate(s *State, li int) int {
	req := m.cLevers[li].levelReq
	if req == nil {
		return len(m.cLevers[li].cost) - 1
	}
	var slots []float64
	for k := 1; k < len(req); k++ {
		if req[k] == nil {
			continue
		}
		if slots == nil {
			slots = make([]float64, m.nslots)
			m.loadSlots(slots, s)
		}
		var f fault
		if !req[k](&env{s: slots, rng: &RNG{}, fault: &f}) || f.set {
			return k - 1
		}
	}
	return len(req) - 1
}

// levelFault evaluates lever li's level conditions in s and returns the
// first fault met, if any.
func (m *Model) levelFault(s *State, li int, slots []float64) (fault, bool) {
	for _, fn := range m.cLevers[li].levelReq {
		if fn == nil {
			continue
		}
		var f fault
		fn(&env{s: slots, rng: &RNG{}, fault: &f})
		if f.set {
			return f, true
		}
	}
	return fault{}, false
}

// gated says why level lvl of lever li is not allowed in s by its
// 'level_requires' (the first failing condition at or below it), or ""
// if it is.
func (m *Model) gated(s *State, li, lvl int) string {
	gate := m.levelGate(s, li)
	if lvl <= gate {
		return ""
	}
	l := &m.Scenario.Levers[li]
	name := l.Levels[gate+1]
	return fmt.Sprintf("not available at %s: %s requires %s", l.LevelName(lvl), l.LevelName(gate+1), strings.Join(strings.Fields(l.LevelRequires[name].Src), " "))
}

// LevelWhy says why lever li may not be ordered at level lvl in state s
// by its 'level_requires' or by a commitment that cannot be broken, in
// the words CheckLevels uses ("not available at convoy: convoy requires
// hormuz.risk >= 40"), or "" if neither forbids it. The lever's
// availability as a whole (Available) and the budget are checked apart.
func (m *Model) LevelWhy(s *State, li, lvl int) string {
	if why := m.gated(s, li, lvl); why != "" {
		return why
	}
	if max, why, ok := m.bound(s, li); ok && lvl > max {
		return above(&m.Scenario.Levers[li], max) + why
	}
	return ""
}

// LevelName returns the name players read for level k of the lever: its
// label if the scenario gives labels, else its identifier with each
// underscore read as a space ("sanction_users" reads "sanction users").
// It is the one place a level's identifier becomes words; identifiers stay
// in files, orders, records and the protocol. A k outside the levels reads
// as its number.
func (l *Lever) LevelName(k int) string {
	switch {
	case k < 0 || k >= len(l.Levels):
		return fmt.Sprint(k)
	case k < len(l.Labels) && strings.TrimSpace(l.Labels[k]) != "":
		return l.Labels[k]
	}
	return strings.ReplaceAll(l.Levels[k], "_", " ")
}
