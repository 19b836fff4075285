package options

import (
	"maps"
	"strings"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// Worker holds what one goroutine of a Pool reuses from game to game, so
// that playing many games allocates less. The zero Worker is ready; a
// Worker must not be used by two goroutines at once.
type Worker struct {
	computer []bool
	diff     []ai.Difficulty
	tracks   []*scenarios.Track
	player   ai.Player // the computer players' scratch space, brief: no one reads their explanations
	// Dropped counts the scripted lever orders of the last game played
	// that the game did not allow (see PlayStrategy).
	Dropped int
}

// PlayStrategy plays one game of m with the given seed and set-up to its
// end, its actors played as st says (the others computer-played at
// st.Difficulty). w, if not nil, is the caller's per-worker scratch (see
// Pool). The error is a set-up that does not fit m (NewGameSetup's) or
// the fault that stopped the game; in the latter case the game is
// returned as far as it was played. A scripted order the game does not
// allow on its turn (a lever whose precondition fails in this course of
// the game) is left out, and so is a scripted choice for an event that
// did not fire; w.Dropped counts the orders left out.
//
// The game is played in look-ahead mode (sim.Game.SetLookahead): its
// states, scores, outcome, reports and record are those of a recorded
// game, bit for bit, but it keeps no ledger, so its Ledger and Why are
// empty and its reports have no Entries. Balance checks, compare and
// sensitivity read only states, scores and outcomes; a caller that needs
// to ask why replays the game's record (sim.Replay), which is recorded.
func PlayStrategy(m *sim.Model, st Strategy, seed uint64, setup sim.Setup, w *Worker) (*sim.Game, error) {
	if st.model != nil {
		m = st.model
	}
	g, err := sim.NewGameSetup(m, seed, setup)
	if err != nil {
		return nil, err
	}
	g.SetLookahead(true)
	return g, playOut(g, &st, st.Difficulty, w)
}

// playOut plays g to its end as st says: this is the one game loop of the
// package, shared by balance checks, validate's games and compare.
func playOut(g *sim.Game, st *Strategy, def ai.Difficulty, w *Worker) error {
	if err := g.Err(); err != nil {
		return err
	}
	if w == nil {
		w = &Worker{}
	}
	m := g.Model
	n := len(m.Scenario.Actors)
	w.computer = resize(w.computer, n)
	w.diff = resize(w.diff, n)
	w.tracks = w.tracks[:0]
	w.Dropped = 0
	for k := range n {
		w.computer[k], w.diff[k] = true, def
		if k >= len(st.Seats) {
			continue
		}
		s := st.Seats[k]
		switch {
		case s.Track != nil:
			w.computer[k] = false
			if !containsTrack(w.tracks, s.Track) {
				w.tracks = append(w.tracks, s.Track)
			}
		case s.Set:
			w.diff[k] = s.Level
		}
	}
	for !g.Over() {
		o, c := sim.Orders{}, sim.Choices{}
		switch {
		case st.explore:
			for k, a := range m.Scenario.Actors {
				o[a.ID] = ai.Explore(g, k)
				for e, opt := range ai.Choose(g, k) {
					c[e] = opt
				}
			}
		default:
			for _, t := range w.tracks {
				to, tc := t.Orders(g.Turn())
				for k, a := range m.Scenario.Actors {
					if k < len(st.Seats) && st.Seats[k].Track == t {
						o[a.ID] = to[a.ID]
					}
				}
				maps.Copy(c, tc)
			}
			if len(w.tracks) > 0 {
				// A track written for one course of the game may order
				// what this course does not allow (a lever whose
				// precondition fails) or answer an event that does not
				// fire: those parts are left out, and the orders counted.
				var drops []sim.Drop
				o, c, drops = m.Sanitize(g.State(), o, c)
				for _, d := range drops {
					if !strings.HasPrefix(d.What, "choice ") {
						w.Dropped++
					}
				}
			}
			w.player.Brief = true
			w.player.Fill(g, w.diff, w.computer, o, c)
		}
		if _, err := g.Play(o, c); err != nil {
			return err
		}
	}
	return nil
}

func containsTrack(ts []*scenarios.Track, t *scenarios.Track) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// resize returns s with length n, reusing its array when it is big
// enough.
func resize[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}
