package ai

import "github.com/sixparty/sixparty/sim"

// Explore returns random legal orders for actor ai: its levers are taken
// in a random order and each set to a random level among those still
// available and affordable. It does not try to play well: tools use it to
// reach the corners of a scenario that sensible players avoid, such as
// the events and outcomes an author wants to know can happen. Its chance
// comes from a stream derived from the game's seed.
func Explore(g *sim.Game, ai int) map[string]int {
	m := g.Model
	s := g.State()
	rng := sim.Derive(g.Seed, 0xe7, uint64(s.Turn), uint64(ai))
	mine := append([]int(nil), m.ActorLevers(ai)...)
	for i := len(mine) - 1; i > 0; i-- {
		j := rng.Intn(i + 1)
		mine[i], mine[j] = mine[j], mine[i]
	}
	spent := 0.0
	out := map[string]int{}
	avail := m.AvailableLevers(s, nil)
	for _, li := range mine {
		if !avail[li] {
			continue
		}
		var fits []int
		for lvl := range m.MaxLevel(s, li) + 1 {
			if m.Affordable(ai, spent+m.CostIn(s, li, lvl)) {
				fits = append(fits, lvl)
			}
		}
		lvl := fits[rng.Intn(len(fits))]
		if lvl > 0 {
			out[m.Scenario.Levers[li].ID] = lvl
			spent += m.CostIn(s, li, lvl)
		}
	}
	return m.FitBudget(s, ai, out) // the budget and costs this turn (sim/budget.go)
}
