package sim_test

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// sameState describes the first difference between two states, or
// returns "" when they are equal bit for bit (values compared by their
// bits, so that -0 and 0 differ).
func sameState(a, b *sim.State) string {
	switch {
	case a.Turn != b.Turn:
		return fmt.Sprintf("turn %d, want %d", a.Turn, b.Turn)
	case !slices.EqualFunc(a.Vals, b.Vals, func(x, y float64) bool { return math.Float64bits(x) == math.Float64bits(y) }):
		return fmt.Sprintf("values %v, want %v", a.Vals, b.Vals)
	case !slices.Equal(a.Levels, b.Levels):
		return fmt.Sprintf("levels %v, want %v", a.Levels, b.Levels)
	case !slices.Equal(a.Queue, b.Queue):
		return fmt.Sprintf("queue %v, want %v", a.Queue, b.Queue)
	case a.RNG != b.RNG:
		return fmt.Sprintf("random stream %v, want %v", a.RNG, b.RNG)
	case !slices.Equal(a.Fired, b.Fired):
		return fmt.Sprintf("fired %v, want %v", a.Fired, b.Fired)
	case !slices.Equal(a.Briefing, b.Briefing):
		return fmt.Sprintf("briefing %v, want %v", a.Briefing, b.Briefing)
	case a.Outcome != b.Outcome:
		return fmt.Sprintf("outcome %d, want %d", a.Outcome, b.Outcome)
	case !slices.Equal(a.Params, b.Params):
		return fmt.Sprintf("params %v, want %v", a.Params, b.Params)
	case !slices.Equal(a.Commits, b.Commits):
		return fmt.Sprintf("commitments %v, want %v", a.Commits, b.Commits)
	}
	return ""
}

// sameEntries describes the first difference between two ledgers, or
// returns "" when they are equal bit for bit.
func sameEntries(a, b []sim.Entry) string {
	for i := range min(len(a), len(b)) {
		x, y := a[i], b[i]
		if math.Float64bits(x.Amount) != math.Float64bits(y.Amount) || x.Amount != y.Amount {
			return fmt.Sprintf("entry %d: amount %v, want %v", i, x.Amount, y.Amount)
		}
		if !reflect.DeepEqual(x, y) {
			return fmt.Sprintf("entry %d: %+v, want %+v", i, x, y)
		}
	}
	if len(a) != len(b) {
		return fmt.Sprintf("%d entries, want %d", len(a), len(b))
	}
	return ""
}

// TestLookaheadSameGame plays 20 full games of each built-in (and of a
// small scenario whose effects and events draw from the generator), half
// with random legal orders (ai.Explore, to reach effects sensible players
// avoid) and half with computer players, and checks every turn three
// ways against the game: StepQueued (the reference: every effect queued
// first), Step (effects due only now computed in place) and Advance (no
// ledger). States and random streams must match bit for bit, and Step's
// ledger the reference's. A second game in look-ahead mode, given the
// same orders, must reach the same states, scores and record, with no
// ledger.
func TestLookaheadSameGame(t *testing.T) {
	models := map[string]*sim.Model{"noisy": load(t, noisy)}
	for _, name := range scenarios.Builtin() {
		m, err := scenarios.LoadBuiltin(name)
		if err != nil {
			t.Fatal(err)
		}
		models[name] = m
	}
	games := 20
	if testing.Short() {
		games = 4
	}
	for name, m := range models {
		t.Run(name, func(t *testing.T) {
			ref, rec, look := m.NewStepper(), m.NewStepper(), m.NewStepper()
			var x, y, z sim.State
			entries := 0
			for k := range games {
				seed := m.Scenario.Meta.Seed + uint64(k)
				g, gl := sim.NewGame(m, seed), sim.NewGame(m, seed)
				gl.SetLookahead(true)
				all := make([]bool, len(m.Scenario.Actors))
				diff := make([]ai.Difficulty, len(all))
				for i := range all {
					all[i] = true
				}
				for !g.Over() {
					o, c := sim.Orders{}, sim.Choices{}
					if k%2 == 0 {
						for i, a := range m.Scenario.Actors {
							o[a.ID] = ai.Explore(g, i)
							for e, opt := range ai.Choose(g, i) {
								c[e] = opt
							}
						}
					} else {
						ai.Fill(g, diff, all, o, c)
					}
					cur := g.State()
					rep, err := g.Play(o, c)
					if err != nil {
						t.Fatalf("game %d turn %d: %v", k, cur.Turn, err)
					}
					if _, err := gl.Play(o, c); err != nil {
						t.Fatalf("game %d turn %d: look-ahead game: %v", k, cur.Turn, err)
					}
					want := g.State()
					refLed, err := ref.StepQueued(cur, rep.Levels, rep.Choices, &x, nil)
					if err != nil {
						t.Fatalf("game %d turn %d: reference: %v", k, cur.Turn, err)
					}
					recLed, err := rec.Step(cur, rep.Levels, rep.Choices, &y, nil)
					if err != nil {
						t.Fatalf("game %d turn %d: Step: %v", k, cur.Turn, err)
					}
					if err := look.Advance(cur, rep.Levels, rep.Choices, &z); err != nil {
						t.Fatalf("game %d turn %d: Advance: %v", k, cur.Turn, err)
					}
					for _, c := range []struct {
						what string
						s    *sim.State
					}{{"reference", &x}, {"Step", &y}, {"Advance", &z}, {"look-ahead game", gl.State()}} {
						if d := sameState(c.s, want); d != "" {
							t.Fatalf("game %d turn %d: %s: %s", k, cur.Turn, c.what, d)
						}
					}
					if d := sameEntries(recLed, refLed); d != "" {
						t.Fatalf("game %d turn %d: Step's ledger: %s", k, cur.Turn, d)
					}
					if d := sameEntries(rep.Entries, refLed); d != "" {
						t.Fatalf("game %d turn %d: the game's ledger: %s", k, cur.Turn, d)
					}
					entries += len(refLed)
				}
				if n := len(gl.Ledger()); n != 0 {
					t.Errorf("game %d: the look-ahead game kept %d ledger entries, want none", k, n)
				}
				gs, _ := g.Scores()
				ls, _ := gl.Scores()
				if !slices.Equal(gs, ls) {
					t.Errorf("game %d: look-ahead scores %v, want %v", k, ls, gs)
				}
				if !reflect.DeepEqual(gl.Record(), g.Record()) {
					t.Errorf("game %d: look-ahead record differs:\n%+v\nwant\n%+v", k, gl.Record(), g.Record())
				}
			}
			if entries == 0 {
				t.Fatal("no ledger entries compared")
			}
		})
	}
}
