package sim

import "fmt"

// NumVars returns the number of variables.
func (m *Model) NumVars() int { return m.nv }

// NumLevers returns the number of levers.
func (m *Model) NumLevers() int { return m.nl }

// VarIndex returns the index of the variable with the given id, or -1.
func (m *Model) VarIndex(id string) int {
	if i, ok := m.vars[id]; ok {
		return i
	}
	return -1
}

// LeverIndex returns the index of the lever with the given id, or -1.
func (m *Model) LeverIndex(id string) int {
	if i, ok := m.levers[id]; ok {
		return i
	}
	return -1
}

// ActorIndex returns the index of the actor with the given id, or -1.
func (m *Model) ActorIndex(id string) int {
	if i, ok := m.actors[id]; ok {
		return i
	}
	return -1
}

// EventIndex returns the index of the event with the given id, or -1.
func (m *Model) EventIndex(id string) int {
	for i, e := range m.Scenario.Events {
		if e.ID == id {
			return i
		}
	}
	return -1
}

// ActorLevers returns the indices of actor ai's levers, in the scenario's
// order. The slice must not be changed.
func (m *Model) ActorLevers(ai int) []int { return m.byActor[ai] }

// LeverActor returns the index of the actor that owns lever li.
func (m *Model) LeverActor(li int) int { return m.cLevers[li].actor }

// Chooser returns the index of the actor who chooses in event ei, or -1.
func (m *Model) Chooser(ei int) int { return m.cEvents[ei].chooser }

// Bounds returns variable vi's bounds (infinite where none is set).
func (m *Model) Bounds(vi int) (lo, hi float64) { return m.lo[vi], m.hi[vi] }

// Date returns the label of a turn: 2017-Q4 for quarters, 2017-10 for
// months, 2017 for years.
func (m *Model) Date(turn int) string {
	mo := m.start + (turn-1)*m.step
	y, mm := mo/12, mo%12
	switch m.step {
	case 12:
		return fmt.Sprintf("%d", y)
	case 3:
		return fmt.Sprintf("%d-Q%d", y, mm/3+1)
	}
	return fmt.Sprintf("%d-%02d", y, mm+1)
}

// Format returns variable vi's value formatted as the scenario asks.
func (m *Model) Format(vi int, v float64) string {
	f := m.Scenario.Vars[vi].Format
	if f == "" {
		f = "%.1f"
	}
	return fmt.Sprintf(f, v)
}

func (m *Model) actorIDs() []string {
	ids := make([]string, len(m.Scenario.Actors))
	for i, a := range m.Scenario.Actors {
		ids[i] = a.ID
	}
	return ids
}

func (m *Model) leverIDs() []string {
	ids := make([]string, len(m.Scenario.Levers))
	for i, l := range m.Scenario.Levers {
		ids[i] = l.ID
	}
	return ids
}
