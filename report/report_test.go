package report_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/report"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

const chain = `
format: 1
meta: {id: chain, title: Chain, turns: 3}
actors:
  - {id: gov, name: Government, budget: 2}
variables:
  - {id: ban, name: Ban, init: 0, min: 0, max: 1}
  - {id: sales, name: Sales, init: 10, min: 0, max: 100}
  - {id: price, name: Price, unit: won, init: 8000}
  - {id: mood, name: Mood, init: 50, min: 0, max: 100}
levers:
  - {id: gov.ban, actor: gov, name: Ban sales, levels: [no, yes], cost: [0, 1],
     effects: [{target: ban, change: "level"}]}
  - {id: gov.cheer, actor: gov, name: Cheer, levels: [no, yes], cost: [0, 1],
     effects: [{target: mood, change: "5 * level"}]}
rules:
  - {id: sell, name: Sales fall under the ban, target: sales, change: "-5 * ban"}
  - {id: pricing, name: Price follows sales, target: price, set: "8000 + 100 * (10 - sales) + mood"}
outcomes:
  - {id: end, name: End}
`

func play(t *testing.T) *sim.Game {
	m, err := scenarios.Load("chain.yaml", []byte(chain))
	if err != nil {
		t.Fatal(err)
	}
	g := sim.NewGame(m, 1)
	if _, err := g.Play(sim.Orders{"gov": {"gov.ban": 1, "gov.cheer": 1}}, nil); err != nil {
		t.Fatal(err)
	}
	return g
}

func TestWhyFollowsInputs(t *testing.T) {
	g := play(t)
	m := g.Model
	reasons := report.Why(g, m.VarIndex("price"), 1)
	if len(reasons) != 1 {
		t.Fatalf("%d reasons, want 1", len(reasons))
	}
	r := reasons[0]
	if got := m.Describe(r.Entry.Cause); got != "rule: Price follows sales" || r.Entry.Amount != 555 {
		t.Errorf("reason = %s %+v", got, r.Entry.Amount)
	}
	var got []string
	for _, in := range r.Inputs {
		got = append(got, fmt.Sprintf("%s %+g by %s", m.Scenario.Vars[in.Var].ID, in.Change, m.Describe(in.Top.Cause)))
	}
	// Sales moved by half its range-less scale; mood by 5 of 100.
	want := "sales -5 by rule: Sales fall under the ban; mood +5 by Government: Cheer (yes)"
	if strings.Join(got, "; ") != want {
		t.Errorf("inputs = %q, want %q", strings.Join(got, "; "), want)
	}
}

func TestLargestIsRelative(t *testing.T) {
	g := play(t)
	m := g.Model
	// Price moved by 555 won (on a scale of 8000), the ban by 1 (on a
	// range of 1): the ban's change is the larger.
	top := report.Largest(m, g.Reports()[0].Entries, 2)
	if m.Scenario.Vars[top[0].Var].ID != "ban" {
		t.Errorf("largest change is of %s, want ban", m.Scenario.Vars[top[0].Var].ID)
	}
}

func TestFacilitatorInReport(t *testing.T) {
	m, err := scenarios.Load("chain.yaml", []byte(chain))
	if err != nil {
		t.Fatal(err)
	}
	g := sim.NewGame(m, 1)
	if err := g.Adjust("mood", 20, "a riot"); err != nil {
		t.Fatal(err)
	}
	if _, err := g.Play(sim.Orders{}, nil); err != nil {
		t.Fatal(err)
	}
	r := report.FromGame(g, 1, nil)
	found := false
	for _, c := range r.Changes {
		if c.Var == "mood" && c.Amount == -30 && c.Cause == "facilitator: a riot" && c.Kind == "facilitator" && c.Reason == "a riot" {
			found = true
		}
	}
	if !found {
		t.Errorf("the facilitator's change is missing from the report: %+v", r.Changes)
	}
	var b strings.Builder
	report.WriteText(&b, g, r)
	if !strings.Contains(b.String(), "facilitator: a riot") {
		t.Errorf("text report:\n%s", b.String())
	}
}

// TestScoresThatFault checks that the end of a report is never written with
// a score that is not a finite number: where the scores cannot be
// computed, EndOf, WriteEnd and WriteDebrief fail and write nothing, and
// where they can, every one is written.
func TestScoresThatFault(t *testing.T) {
	for _, tc := range []struct {
		name, score string
		want        string // the error's end; "" when the scores are fine
	}{
		{"infinite", "1e308 * (1 + ban) * 10", "arithmetic overflow"},
		{"faulting", "1 / ban", "division by zero"},
		{"finite", "sales * 2", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(chain, "budget: 2}", `budget: 2, objectives: [{id: big, name: Big, score: "`+tc.score+`"}]}`, 1)
			m, err := scenarios.Load("chain.yaml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			g := sim.NewGame(m, 1)
			_, endErr := report.EndOf(g)
			var text, md strings.Builder
			textErr := report.WriteEnd(&text, g)
			mdErr := report.WriteDebrief(&md, g, nil)
			for _, err := range []error{endErr, textErr, mdErr} {
				if tc.want == "" && err != nil {
					t.Errorf("error %v", err)
				}
				if tc.want != "" && (err == nil || !strings.HasPrefix(err.Error(), "report: sim: turn 1: chain.yaml:") || !strings.HasSuffix(err.Error(), tc.want)) {
					t.Errorf("error %v, want one ending %q", err, tc.want)
				}
			}
			if tc.want != "" && (text.Len() != 0 || md.Len() != 0) {
				t.Errorf("wrote %q and %q despite the error", text.String(), md.String())
			}
			if tc.want == "" && (!strings.Contains(text.String(), "Government              20.00") || !strings.Contains(md.String(), "| Government |  | 20.00 |")) {
				t.Errorf("scores missing:\n%s\n%s", text.String(), md.String())
			}
			for _, s := range []string{text.String(), md.String()} {
				if strings.Contains(s, "Inf") || strings.Contains(s, "NaN") {
					t.Errorf("a number that is not finite was written:\n%s", s)
				}
			}
		})
	}
}
