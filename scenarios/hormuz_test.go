package scenarios_test

import (
	"testing"

	"github.com/sixparty/sixparty/options"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim/ai"
)

// TestHormuz checks the third built-in scenario: outside East Asia, at
// least five actors, the second-pass features in use, and balance checks
// that pass at the difficulty each states.
func TestHormuz(t *testing.T) {
	m, err := scenarios.LoadBuiltin("hormuz-2019")
	if err != nil {
		t.Fatal(err)
	}
	s := m.Scenario
	if n := len(s.Actors); n < 5 {
		t.Errorf("%d actors, want at least 5", n)
	}
	if len(s.Meta.Map) != 4 || s.Meta.Map[0] < 30 || s.Meta.Map[2] > 70 {
		t.Errorf("map %v: want a box around the Gulf", s.Meta.Map)
	}
	var payoffs, seenBy, joint, binds, accumulate bool
	for _, o := range s.Outcomes {
		payoffs = payoffs || len(o.Score) > 0
	}
	for _, v := range s.Vars {
		seenBy = seenBy || len(v.SeenBy) > 0
	}
	for _, ev := range s.Events {
		if ev.Choice != nil {
			joint = joint || len(ev.Choice.With) > 0
			for _, o := range ev.Choice.Options {
				binds = binds || len(o.Binds) > 0
			}
		}
	}
	var budgetFormula, levelRequires, costFormula bool
	for _, a := range s.Actors {
		for _, o := range a.Objectives {
			accumulate = accumulate || o.Accumulate
		}
		budgetFormula = budgetFormula || !a.BudgetFormula.IsZero()
	}
	for _, l := range s.Levers {
		levelRequires = levelRequires || len(l.LevelRequires) > 0
		li := m.LeverIndex(l.ID)
		for lvl := range l.Cost {
			_, fixed := m.FixedCost(li, lvl)
			costFormula = costFormula || !fixed
		}
	}
	if !payoffs || !seenBy || !joint || !binds || !accumulate || !budgetFormula || !levelRequires || !costFormula {
		t.Errorf("payoffs %v, seen_by %v, joint decision %v, commitments %v, running totals %v, budget_formula %v, level_requires %v, a cost read on the state %v: want all",
			payoffs, seenBy, joint, binds, accumulate, budgetFormula, levelRequires, costFormula)
	}
	for _, d := range ai.Difficulties {
		var idx []int
		for ci := range s.Checks {
			if s.Checks[ci].Difficulty == d.String() {
				idx = append(idx, ci)
			}
		}
		if len(idx) == 0 {
			continue
		}
		games := options.Play(m, options.GamesNeeded(m), options.PlayOptions{Difficulty: d})
		for _, g := range games {
			if g.Err != nil {
				t.Fatal(g.Err)
			}
		}
		res := options.Measure(m, games, false)
		for _, ci := range idx {
			t.Logf("%s: %v", d, res[ci])
			if !res[ci].Pass {
				t.Error(res[ci])
			}
		}
	}
}
