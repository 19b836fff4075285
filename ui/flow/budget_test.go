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
	src := strings.Replace(fixture, "{id: a, name: Alpha, budget: 2,", `{id: a, name: Alpha, budget: 2, budget_formula: "tension / 50",`, 1)
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
