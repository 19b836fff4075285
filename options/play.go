package options

import (
	"errors"

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
}

// PlayStrategy plays one game of m with the given seed to its end, its
// actors played as st says (the others computer-played at st.Difficulty).
// w, if not nil, is the caller's per-worker scratch. The error is
// the fault that stopped the game, if any; the game is returned as far as
// it was played.
func PlayStrategy(m *sim.Model, st Strategy, seed uint64, w *Worker) (*sim.Game, error) {
	return playStrategy(m, st, seed, nil, w)
}

// playStrategy is PlayStrategy with the game's parameter values (nil for
// the stated ones).
func playStrategy(m *sim.Model, st Strategy, seed uint64, params []float64, w *Worker) (*sim.Game, error) {
	if params != nil {
		return nil, errors.New("options: parameters are not supported yet")
	}
	g := sim.NewGame(m, seed)
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
				// A track written for one course of the game may answer
				// an event that does not fire in this one: its choice
				// then has nothing to answer.
				for e, opt := range tc {
					if inBriefing(g, e) {
						c[e] = opt
					}
				}
			}
			ai.Fill(g, w.diff, w.computer, o, c)
		}
		if _, err := g.Play(o, c); err != nil {
			return err
		}
	}
	return nil
}

// inBriefing reports whether event id is in the briefing of g's turn.
func inBriefing(g *sim.Game, id string) bool {
	ei := g.Model.EventIndex(id)
	for _, b := range g.State().Briefing {
		if b == ei {
			return true
		}
	}
	return false
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
