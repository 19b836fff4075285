package sim

// AvailableLevers reports, for every lever, whether it may be set above
// level 0 in state s (as Available does, one lever at a time), into dst
// (grown or allocated as needed). The state is loaded once for all the
// levers, so the cost is linear in the number of levers: a computer
// player computes availability once per state with it.
func (m *Model) AvailableLevers(s *State, dst []bool) []bool {
	if cap(dst) < m.nl {
		dst = make([]bool, m.nl)
	}
	dst = dst[:m.nl]
	var slots []float64
	for li := range m.cLevers {
		if m.cLevers[li].requires == nil {
			dst[li] = true
			continue
		}
		if slots == nil {
			slots = make([]float64, m.nslots)
			m.loadSlots(slots, s)
		}
		dst[li], _ = m.requires(s, li, slots)
	}
	return dst
}
