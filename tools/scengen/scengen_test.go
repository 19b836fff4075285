package scengen_test

import (
	"fmt"
	"testing"

	"github.com/sixparty/sixparty/lint"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
	"github.com/sixparty/sixparty/tools/scengen"
)

// replicated returns the default scenario replicated n times, loaded.
func replicated(t testing.TB, n int) (*sim.Model, []byte) {
	t.Helper()
	src, err := scenarios.BuiltinSource(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	y, err := scengen.Replicate(src, n)
	if err != nil {
		t.Fatal(err)
	}
	m, err := scenarios.Load(fmt.Sprintf("x%d.yaml", n), y)
	if err != nil {
		t.Fatal(err)
	}
	return m, y
}

// TestReplicate checks that a replicated scenario loads, holds n times
// the variables, levers, rules and events over the same actors, each
// actor with n times its levers and budget, and plays.
func TestReplicate(t *testing.T) {
	one, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	const n = 3
	m, _ := replicated(t, n)
	s, o := m.Scenario, one.Scenario
	for _, c := range []struct {
		what      string
		got, want int
	}{
		{"variables", len(s.Vars), n * len(o.Vars)},
		{"levers", len(s.Levers), n * len(o.Levers)},
		{"rules", len(s.Rules), n * len(o.Rules)},
		{"events", len(s.Events), n * len(o.Events)},
		{"actors", len(s.Actors), len(o.Actors)},
		{"parameters", len(s.Params), len(o.Params)},
		{"strategies", len(s.Strategies), 0},
	} {
		if c.got != c.want {
			t.Errorf("%d %s, want %d", c.got, c.what, c.want)
		}
	}
	for ai, a := range s.Actors {
		if got, want := len(m.ActorLevers(ai)), n*len(one.ActorLevers(ai)); got != want {
			t.Errorf("actor %s: %d levers, want %d", a.ID, got, want)
		}
		if a.Budget != n*o.Actors[ai].Budget {
			t.Errorf("actor %s: budget %g, want %g", a.ID, a.Budget, n*o.Actors[ai].Budget)
		}
	}
	if m.VarIndex("dprk.nuclear_r2") < 0 || m.LeverIndex("us.unsc_r1") < 0 {
		t.Error("copies' ids missing")
	}
	g := sim.NewGame(m, 1)
	for !g.Over() {
		if _, err := g.Play(sim.Orders{}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := scengen.Replicate([]byte("x: 1"), 0); err == nil {
		t.Error("0 copies: no error")
	}
}

// BenchmarkLoad times loading and statically validating (lint without
// games) the default scenario replicated 1, 10 and 100 times: parse,
// compile and lint, as 'sixparty validate --games 0' does.
func BenchmarkLoad(b *testing.B) {
	src, err := scenarios.BuiltinSource(scenarios.Default)
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1, 10, 100} {
		y, err := scengen.Replicate(src, n)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("x%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(y)))
			for b.Loop() {
				m, err := scenarios.Load("x.yaml", y)
				if err != nil {
					b.Fatal(err)
				}
				if res := lint.Check(m, lint.Options{Games: -1}); len(res.Errors) > 0 {
					b.Fatal(res.Errors)
				}
			}
		})
	}
}

// BenchmarkGrowth times, at 1, 10 and 100 times the default scenario
// (Replicate), a recorded turn (Step, every actor spending its budget),
// a look-ahead turn (Advance) and a hard decision on the first turn
// (cycling through the actors): the figures of the README's growth
// table, with BenchmarkLoad's.
func BenchmarkGrowth(b *testing.B) {
	for _, n := range []int{1, 10, 100} {
		m, _ := replicated(b, n)
		start := m.InitialState(sim.NewRNG(1))
		levels := busy(m, start)
		if err := m.CheckLevels(start, levels); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("turn/x%d", n), func(b *testing.B) {
			st := m.NewStepper()
			var next sim.State
			var led []sim.Entry
			var err error
			b.ReportAllocs()
			for b.Loop() {
				if led, err = st.Step(start, levels, nil, &next, led[:0]); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(led)), "entries/turn")
		})
		b.Run(fmt.Sprintf("lookahead/x%d", n), func(b *testing.B) {
			st := m.NewStepper()
			var next sim.State
			b.ReportAllocs()
			for b.Loop() {
				if err := st.Advance(start, levels, nil, &next); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("decide-hard/x%d", n), func(b *testing.B) {
			g := sim.NewGame(m, m.Scenario.Meta.Seed)
			actors := len(m.Scenario.Actors)
			steps := 0
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				steps += ai.Decide(g, i%actors, ai.Hard).Steps
			}
			b.ReportMetric(float64(steps)/float64(b.N), "steps/op")
		})
	}
}

// busy gives every actor orders that use its budget: each available lever
// at the highest level that still fits, in the scenario's order.
func busy(m *sim.Model, s *sim.State) []int {
	levels := make([]int, m.NumLevers())
	avail := m.AvailableLevers(s, nil)
	for ai, a := range m.Scenario.Actors {
		left := a.Budget
		for _, li := range m.ActorLevers(ai) {
			if !avail[li] {
				continue
			}
			for lvl := len(m.Scenario.Levers[li].Levels) - 1; lvl > 0; lvl-- {
				if c := m.CostIn(nil, li, lvl); c <= left {
					levels[li] = lvl
					left -= c
					break
				}
			}
		}
	}
	return levels
}
