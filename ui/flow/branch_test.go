package flow

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/sim"
)

// playFixtureTurn plays one turn of the fixture from its briefing: the
// person sets its first lever (Talk) to lvl and submits.
func playFixtureTurn(t *testing.T, f *Flow, lvl int) {
	t.Helper()
	for f.Scene() != Orders {
		if f.Scene() == Choice {
			f.Do(Do(Confirm))
			continue
		}
		if f.Scene() != Briefing {
			t.Fatalf("scene %v, want the briefing or orders", f.Scene())
		}
		f.Do(Do(Confirm))
	}
	f.Do(Input{Action: SetLevel, Item: 0, Value: lvl})
	for f.Scene() != Report {
		f.Do(Do(Confirm))
	}
	f.Do(Do(Confirm))
}

// TestBranch plays three turns, branches from turn 2 under a name typed
// in, checks the branch starts exactly where the game stood at turn 2
// and that the game first played is kept, plays the branch on with other
// orders, compares the two, and saves and loads both.
func TestBranch(t *testing.T) {
	f, st := newFixture(t, solo(6)...)
	f.Do(Do(Confirm)) // title: new game
	f.Do(Do(Confirm)) // setup: start
	for range 3 {
		playFixtureTurn(t, f, 2)
	}
	if f.Scene() != Briefing {
		t.Fatalf("scene %v", f.Scene())
	}
	f.Do(Do(EndGame))
	f.Do(Do(Confirm)) // yes, end it
	trunk := f.Game
	if f.Trunk != trunk || f.GameName() != "the game played" {
		t.Fatal("the game played is not the trunk")
	}
	f.Do(Do(Compare))
	if f.Scene() != End || f.Message != "Nothing to compare with yet: branch the game from a turn first (N)." {
		t.Errorf("compare without branches: scene %v, %q", f.Scene(), f.Message)
	}
	f.Do(Do(PageNext)) // the timeline's first page starts at turn 1
	f.Do(Do(Branch))
	if f.Scene() != Branching || f.BranchTurn() != 1 || f.BranchName() != "Branch 1" || f.WantsText() {
		t.Fatalf("branching: scene %v turn %d name %q", f.Scene(), f.BranchTurn(), f.BranchName())
	}
	f.Do(Do(Left)) // no turn 0
	f.Do(Do(Right))
	f.Do(Do(Right))
	f.Do(Do(Right)) // no turn 4: three were played
	if f.BranchTurn() != 3 {
		t.Errorf("branch turn %d, want 3", f.BranchTurn())
	}
	f.Do(Do(Left))
	f.Do(Do(Confirm)) // to the name
	if !f.WantsText() {
		t.Fatal("the name row takes no text")
	}
	for range len("Branch 1") {
		f.Do(Do(Erase))
	}
	for _, r := range "Quiet" {
		f.Do(Input{Action: Type, Rune: r})
	}
	if f.Label(Confirm) != "next" {
		t.Errorf("label %q on the name row", f.Label(Confirm))
	}
	f.Do(Do(Confirm))
	if f.Label(Confirm) != "start the branch" {
		t.Errorf("label %q on the start row", f.Label(Confirm))
	}
	f.Do(Do(Confirm))
	if f.Scene() != Briefing || f.OnBranch != 0 || f.Game.Turn() != 2 || f.Played != 1 {
		t.Fatalf("after branching: scene %v branch %d turn %d played %d (%s)", f.Scene(), f.OnBranch, f.Game.Turn(), f.Played, f.Message)
	}
	if want := `Branch "Quiet": the game replayed to the start of turn 2; play on with other orders.`; f.Message != want {
		t.Errorf("message %q", f.Message)
	}
	if f.Trunk != trunk || len(trunk.Reports()) != 3 {
		t.Error("branching changed the game first played")
	}
	if !reflect.DeepEqual(f.Game.State(), trunk.History()[1]) {
		t.Error("the branch does not start where the game stood at turn 2")
	}
	playFixtureTurn(t, f, 0)
	playFixtureTurn(t, f, 0)
	f.Do(Do(EndGame))
	f.Do(Do(Confirm)) // yes, end it
	if len(f.Branches[0].Record.Turns) != 3 || f.GameName() != `branch "Quiet"` {
		t.Errorf("the branch's record holds %d turns", len(f.Branches[0].Record.Turns))
	}
	lines := f.BranchLines()
	want := []string{"The game played: stopped after 3 turns", `Branch "Quiet" from turn 2: stopped after 3 turns (shown)`}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("branch lines %q, want %q", lines, want)
	}
	// Branching again under the same name is refused.
	f.Do(Do(Branch))
	SceneOf[*BranchingScene](f).Name = "Quiet"
	f.SetCursor(BranchRowStart)
	f.Do(Do(Confirm))
	if f.Message != `Cannot branch: savegame: there is already a branch named "Quiet"` {
		t.Errorf("message %q", f.Message)
	}
	f.Do(Do(Back))

	f.Do(Do(Compare))
	if f.Scene() != Comparison || f.Compared() == nil || f.Compared().Other.Name != "Quiet" || f.CompareTitle() != "The game played against Quiet" {
		t.Fatalf("comparison: scene %v title %q", f.Scene(), f.CompareTitle())
	}
	if !strings.HasPrefix(f.Compared().Summary, `In the branch "Quiet" (from turn 2): `) || len(f.Compared().Indicators) == 0 {
		t.Errorf("summary %q, %d indicators", f.Compared().Summary, len(f.Compared().Indicators))
	}
	if f.ShotKey() != "compare-1" {
		t.Errorf("shot key %q", f.ShotKey())
	}
	f.Do(Do(Back))
	if f.Scene() != End {
		t.Errorf("back from the comparison: %v", f.Scene())
	}

	f.Do(Do(Save))
	g, _ := newFixtureStore(t, st)
	g.Do(Do(Load))
	if g.Trunk == nil || len(g.Branches) != 1 || g.Branches[0].Name != "Quiet" || g.OnBranch != -1 || len(g.Game.Reports()) != 3 {
		t.Fatalf("after load: %d branches, on %d (%s)", len(g.Branches), g.OnBranch, g.Message)
	}
	a, _ := json.Marshal(g.Branches[0].Record)
	b, _ := json.Marshal(f.Branches[0].Record)
	if string(a) != string(b) {
		t.Error("the branch did not survive the save")
	}
}

// TestCompareCounterfactual checks the comparison offers the window's
// counterfactual after the branches, and cycles through them.
func TestCompareCounterfactual(t *testing.T) {
	calls := 0
	f, _ := newFixture(t, solo(6)...)
	f.cfg.Counterfactual = func(played *sim.Game) (string, *sim.Game, bool, error) {
		calls++
		g := sim.NewGame(played.Model, played.Seed)
		for !g.Over() {
			if _, err := g.Play(sim.Orders{}, nil); err != nil {
				return "", nil, false, err
			}
		}
		return "Waiting it out", g, true, nil
	}
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	playFixtureTurn(t, f, 1)
	f.Do(Do(EndGame))
	f.Do(Do(Confirm)) // yes, end it
	f.Do(Do(Compare))
	if f.Scene() != Comparison || f.CompareChoices() != 1 || f.Compared().Other.Name != "Waiting it out" {
		t.Fatalf("scene %v, %d choices", f.Scene(), f.CompareChoices())
	}
	if !strings.HasPrefix(f.Compared().Summary, "Had you waited it out: ") {
		t.Errorf("summary %q", f.Compared().Summary)
	}
	f.Do(Do(Back))
	f.Do(Do(Branch))
	f.SetCursor(BranchRowStart)
	f.Do(Do(Confirm))
	playFixtureTurn(t, f, 0)
	f.Do(Do(EndGame))
	f.Do(Do(Confirm)) // yes, end it
	f.Do(Do(Compare))
	if f.CompareChoices() != 2 || f.CompareWith() != 0 || f.Compared().Other.Name != "Branch 1" {
		t.Fatalf("%d choices, with %d (%s)", f.CompareChoices(), f.CompareWith(), f.CompareTitle())
	}
	f.Do(Do(Right))
	if f.CompareWith() != 1 || f.CompareTitle() != "The game played against Waiting it out (2 of 2)" {
		t.Errorf("after Right: %q", f.CompareTitle())
	}
	f.Do(Do(Right))
	if f.CompareWith() != 0 {
		t.Errorf("Right does not wrap: %d", f.CompareWith())
	}
	if calls != 1 {
		t.Errorf("the counterfactual was played %d times, want once", calls)
	}
}

// TestScenarioCounterfactual compares a game of the default scenario with
// its counterfactual, relying on Beijing, played on the same seed.
func TestScenarioCounterfactual(t *testing.T) {
	f, _ := newFlow(t, solo(6)...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	playTurn(f)
	f.Do(Do(EndGame))
	f.Do(Do(Confirm)) // yes, end it
	f.Do(Do(Compare))
	if f.Scene() != Comparison || f.Compared() == nil {
		t.Fatalf("scene %v (%s)", f.Scene(), f.Message)
	}
	c := f.Compared()
	if c.Other.Name != "Relying on Beijing" || !c.Other.Game.Over() || c.Other.Game.Seed != f.Trunk.Seed {
		t.Errorf("compared with %q (over %v, seed %d)", c.Other.Name, c.Other.Game.Over(), c.Other.Game.Seed)
	}
	if !strings.HasPrefix(c.Summary, "Had you relied on Beijing: ") {
		t.Errorf("summary %q", c.Summary)
	}
	name, g, ok, err := ScenarioCounterfactual(f.Trunk)
	if err != nil || !ok || name != c.Other.Name || !reflect.DeepEqual(g.Record(), c.Other.Game.Record()) {
		t.Errorf("ScenarioCounterfactual: %q %v %v", name, ok, err)
	}
}
