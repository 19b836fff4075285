package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/internal/golden"
	"github.com/sixparty/sixparty/report"
	"github.com/sixparty/sixparty/savegame"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// playChain plays the chain scenario to its end with the orders of each
// turn.
func playChain(t *testing.T, orders ...sim.Orders) *sim.Game {
	t.Helper()
	m, err := scenarios.Load("chain.yaml", []byte(chain))
	if err != nil {
		t.Fatal(err)
	}
	g := sim.NewGame(m, 1)
	for _, o := range orders {
		if _, err := g.Play(o, nil); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

// TestCompare compares a game that bans sales from turn 2 with one that
// only cheers: the outcome is the same, the indicators that differ most
// come first, each measured against its scale (the ban over its range
// 0..1, the price that follows sales against its starting value, then
// sales), the mood that differs as much as sales left out at n = 3, and
// the summary says so.
func TestCompare(t *testing.T) {
	ban := sim.Orders{"gov": {"gov.ban": 1}}
	cheer := sim.Orders{"gov": {"gov.cheer": 1}}
	a := playChain(t, sim.Orders{}, ban, ban)
	b := playChain(t, sim.Orders{}, cheer, cheer)
	c, err := report.Compare(report.Side{Name: "the game played", Game: a}, report.Side{Name: "Cheer", Lead: report.StrategyLead("Cheering up"), Game: b}, 3)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range c.Indicators {
		ids = append(ids, a.Model.Scenario.Vars[p.Var].ID)
	}
	if got := strings.Join(ids, " "); got != "ban price sales" {
		t.Errorf("indicators %q, want ban price sales", got)
	}
	for i := 1; i < len(c.Indicators); i++ {
		if c.Indicators[i].Gap > c.Indicators[i-1].Gap {
			t.Errorf("indicator %d's gap %g is larger than the one before", i, c.Indicators[i].Gap)
		}
	}
	if c.Outcomes != [2]string{"End", "End"} || len(c.Scores) != 1 {
		t.Errorf("outcomes %q, %d scores", c.Outcomes, len(c.Scores))
	}
	want := "Had you cheered up: the same outcome, End, after 3 turns as well. Ban differs most: 0.0 against 1.0 at the start of 0-Q3."
	if c.Summary != want {
		t.Errorf("summary\n%s\nwant\n%s", c.Summary, want)
	}
	var buf bytes.Buffer
	report.WriteComparison(&buf, c)
	golden.Check(t, "testdata/compare.golden.md", buf.Bytes())

	same, err := report.Compare(report.Side{Name: "A", Game: a}, report.Side{Name: "B", Game: playChain(t, sim.Orders{}, ban, ban)}, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(same.Indicators) != 0 || !strings.HasPrefix(same.Summary, "In B: the same outcome, End") {
		t.Errorf("identical games: %d indicators, summary %q", len(same.Indicators), same.Summary)
	}
}

// TestStrategyLead turns strategy names into the opening of a sentence.
func TestStrategyLead(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"Relying on Beijing", "Had you relied on Beijing"},
		{"Waiting it out", "Had you waited it out"},
		{"Pressing hard", "Had you pressed hard"},
		{"Engaging", "Had you engaged"},
		{"Maximum pressure", "Had you played Maximum pressure"},
		{"Sing", "Had you played Sing"},
	} {
		if got := report.StrategyLead(tc.name); got != tc.want {
			t.Errorf("StrategyLead(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
	if got := report.BranchLead("Quiet", 3); got != `In the branch "Quiet" (from turn 3)` {
		t.Errorf("BranchLead = %q", got)
	}
}

// TestDebriefCompared checks that the debrief gains the comparison section
// only when there is something to compare with.
func TestDebriefCompared(t *testing.T) {
	ban := sim.Orders{"gov": {"gov.ban": 1}}
	a := playChain(t, sim.Orders{}, ban, ban)
	b := playChain(t, sim.Orders{}, sim.Orders{}, sim.Orders{})
	var plain, with bytes.Buffer
	if err := report.WriteDebriefCompared(&plain, a, nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteDebriefCompared(&with, a, nil, []report.Side{{Name: "Quiet", Lead: report.BranchLead("Quiet", 2), Game: b}}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "What else could have happened") {
		t.Error("a debrief without branches has the comparison section")
	}
	rest, ok := strings.CutPrefix(with.String(), plain.String())
	if !ok || !strings.Contains(rest, "## What else could have happened") || !strings.Contains(rest, "### Quiet against the game played") || !strings.Contains(rest, `In the branch "Quiet" (from turn 2): the same outcome, End`) {
		t.Errorf("the comparison section is missing or misplaced:\n%s", rest)
	}
}

// TestBranchSides replays a save's branches for the debrief, named and led
// as the debrief shows them.
func TestBranchSides(t *testing.T) {
	ban := sim.Orders{"gov": {"gov.ban": 1}}
	a := playChain(t, sim.Orders{}, ban, ban)
	b, err := savegame.NewBranch(a.Record(), 2, "Quiet", nil)
	if err != nil {
		t.Fatal(err)
	}
	bg, err := sim.Replay(a.Model, b.Record)
	if err != nil {
		t.Fatal(err)
	}
	for !bg.Over() {
		if _, err := bg.Play(sim.Orders{}, nil); err != nil {
			t.Fatal(err)
		}
	}
	b.Record = bg.Record()
	f := savegame.New("chain.yaml", []string{"person"}, a.Record())
	f.Branches = []savegame.Branch{b}
	sides, err := report.BranchSides(f, a.Model)
	if err != nil {
		t.Fatal(err)
	}
	if len(sides) != 1 || sides[0].Name != "Quiet" || sides[0].Lead != `In the branch "Quiet" (from turn 2)` || len(sides[0].Game.Reports()) != 3 {
		t.Fatalf("sides %+v", sides)
	}
	f.Branches[0].Record.Turns[2].Orders = sim.Orders{"gov": {"gov.nope": 1}}
	if _, err := report.BranchSides(f, a.Model); err == nil || !strings.HasPrefix(err.Error(), `report: savegame: branch "Quiet": sim: replay:`) {
		t.Errorf("a branch that does not replay: %v", err)
	}
}
