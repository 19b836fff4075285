package flow

import (
	"strings"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// TestBudgetFormula gives Alpha a budget read from the state (tension /
// 50: 1 at the start, of at most 2): the orders screen's capital, its
// summary and the levels it allows follow it, not the static 2.
func TestBudgetFormula(t *testing.T) {
	f := ordersFlow(t, "{id: a, name: Alpha, budget: 2,", `{id: a, name: Alpha, budget: 2, budget_formula: "tension / 50",`)
	if b := f.Budget(); b != 1 {
		t.Fatalf("Budget() = %g, want 1 (tension 50 / 50)", b)
	}
	talk := f.Game.Model.LeverIndex("a.talk")
	if err := f.CheckLevel(talk, 2); err == nil || !strings.Contains(err.Error(), "of 1 is left") {
		t.Errorf("Talk at much (2) within a budget of 1: %v", err)
	}
	if err := f.SetLevel(talk, 1); err != nil {
		t.Fatal(err)
	}
	if sum, warn := f.DraftSummary(); !strings.Contains(sum, "1 of 1 political capital") || warn != "" {
		t.Errorf("summary %q, warning %q", sum, warn)
	}
	_, lines := ScreenText(f)
	txt := strings.Join(lines, "\n")
	if !strings.Contains(txt, "1 of 1 used, 0 left") || !strings.Contains(txt, "from tension / 50; at most 2") {
		t.Errorf("the orders' text:\n%s", txt)
	}
}

// TestCostFormula prices Alpha's "much" by the state (tension / 50: 1 at
// the start, not the 2 a number would say): the chips' text, the capital
// spent, the summary and the levels allowed all follow it.
func TestCostFormula(t *testing.T) {
	f := ordersFlow(t, "levels: [no, some, much], cost: [0, 1, 2]", `levels: [no, some, much], cost: [0, 1, "tension / 50"]`)
	talk := f.Game.Model.LeverIndex("a.talk")
	if err := f.SetLevel(talk, 2); err != nil {
		t.Fatal(err)
	}
	if got := f.Spent(); got != 1 {
		t.Errorf("Spent() = %g at much, want 1 (tension 50 / 50)", got)
	}
	if sum, _ := f.DraftSummary(); !strings.Contains(sum, "Talk: much (1) — 1 of 2 political capital") {
		t.Errorf("summary %q", sum)
	}
	_, lines := ScreenText(f)
	txt := strings.Join(lines, "\n")
	if !strings.Contains(txt, "[much (cost 1)]") || !strings.Contains(txt, "The cost of much is tension / 50, read at the start of each turn: 1 now.") {
		t.Errorf("the orders' text:\n%s", txt)
	}
}

// TestLevelGated: the orders screen refuses a level its 'level_requires'
// forbids, in the engine's words, and allows the levels below it.
func TestLevelGated(t *testing.T) {
	f := ordersFlow(t, "levels: [no, some, much], cost: [0, 1, 2]", `levels: [no, some, much], cost: [0, 1, 2], level_requires: {much: "tension >= 60"}`)
	talk := f.Game.Model.LeverIndex("a.talk")
	if err := f.CheckLevel(talk, 2); err == nil || err.Error() != "Talk is not available at much: much requires tension >= 60" {
		t.Errorf("much at tension 50: %v", err)
	}
	if err := f.CheckLevel(talk, 1); err != nil {
		t.Errorf("some at tension 50: %v", err)
	}
}

// ordersFlow opens the fixture with edit applied (old, new), seats Alpha
// alone, and goes to its orders.
func ordersFlow(t *testing.T, old, new string) *Flow {
	t.Helper()
	src := strings.Replace(fixture, old, new, 1)
	open := func(name string) (*sim.Model, error) { return scenarios.Load("fixture.yaml", []byte(src)) }
	f := New(Config{Builtin: []string{"fixture"}, Source: "fixture", Open: open, Store: memStore{}, Seats: solo(6)})
	if f.Model == nil {
		t.Fatal(f.Message)
	}
	for _, in := range []Input{Do(Confirm), Do(Confirm), Do(Confirm)} {
		f.Do(in)
	}
	if f.Scene() != Orders {
		t.Fatalf("at %s", f.Scene())
	}
	return f
}

// TestBriefBudgetHidden: every actor's brief shows a budget formula's
// figure only to a viewer that knows exactly what it reads. Beta's budget
// is money / 5 (2 at the start), and money is Beta's alone: Alpha, the
// one person playing, reads only its most; a formula of tension, which
// everyone sees, gives its figure.
func TestBriefBudgetHidden(t *testing.T) {
	src := strings.Replace(fixture, "{id: b, name: Beta, budget: 2,", `{id: b, name: Beta, budget: 3, budget_formula: "money / 5",`, 1)
	src = strings.Replace(src, "{id: c, name: Gamma, budget: 1,", `{id: c, name: Gamma, budget: 2, budget_formula: "tension / 50",`, 1)
	open := func(string) (*sim.Model, error) { return scenarios.Load("fixture.yaml", []byte(src)) }
	f := New(Config{Builtin: []string{"fixture"}, Source: "fixture", Open: open, Store: memStore{}, Seats: solo(6)})
	if f.Model == nil {
		t.Fatal(f.Message)
	}
	for _, in := range []Input{Do(Confirm), Do(Confirm), Do(ToggleBriefs)} {
		f.Do(in)
	}
	if !f.ShowBriefs() || f.Viewer() != 0 {
		t.Fatalf("at %s, briefs %v, viewer %d: want every brief, seen by Alpha", f.Scene(), f.ShowBriefs(), f.Viewer())
	}
	for _, c := range []struct {
		ai   int
		want string
	}{
		{0, "Budget 2 per turn"},
		{1, "Budget up to 3 per turn"},
		{2, "Budget 1 now (most 2)"},
	} {
		if got := f.BriefBudget(c.ai); got != c.want {
			t.Errorf("BriefBudget(%d) = %q, want %q", c.ai, got, c.want)
		}
	}
	// The text view of the briefs says the same.
	_, lines := ScreenText(f)
	txt := strings.Join(lines, "\n")
	if !strings.Contains(txt, "Beta (played by Computer (easy); Budget up to 3 per turn)") || !strings.Contains(txt, "Gamma (played by Computer (easy); Budget 1 now (most 2))") || strings.Contains(txt, "Budget 2 now") {
		t.Errorf("the briefs' text:\n%s", txt)
	}
}
