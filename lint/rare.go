package lint

import (
	"time"

	"github.com/sixparty/sixparty/options"
	"github.com/sixparty/sixparty/sim"
)

// RareGames is the most games of random legal orders Check plays, beyond
// its own, to reach the outcomes and events marked 'expected: rare' that
// its games did not.
const RareGames = 300

// unreached returns the indices of the events and outcomes marked rare
// that none of games reached.
func unreached(m *sim.Model, games []options.Game) (events, outcomes []int) {
	s := m.Scenario
	fired := make([]bool, len(s.Events))
	ended := make([]bool, len(s.Outcomes))
	for _, g := range games {
		for i, f := range g.Fired {
			fired[i] = fired[i] || f
		}
		if g.Outcome >= 0 {
			ended[g.Outcome] = true
		}
	}
	for i, ev := range s.Events {
		if ev.Expected == "rare" && !fired[i] {
			events = append(events, i)
		}
	}
	for i, o := range s.Outcomes {
		if o.Expected == "rare" && !ended[i] {
			outcomes = append(outcomes, i)
		}
	}
	return events, outcomes
}

// rare plays games of random legal orders after the first games (so with
// seeds of their own), in batches, until every event and outcome marked
// rare has been reached, RareGames have been played, a game faults, or
// the deadline (if not zero) passes, and returns them.
func rare(m *sim.Model, first []options.Game, workers int, deadline time.Time) []options.Game {
	var more []options.Game
	for len(more) < RareGames {
		ev, oc := unreached(m, append(first[:len(first):len(first)], more...))
		if len(ev)+len(oc) == 0 || !deadline.IsZero() && time.Now().After(deadline) {
			break
		}
		k := min(batch, RareGames-len(more))
		got := options.PlayFrom(m, len(first)+len(more), k, options.PlayOptions{Workers: workers, Explore: true})
		more = append(more, got...)
		if len(got) < k || len(faults(m, got)) > 0 {
			break
		}
	}
	return more
}
