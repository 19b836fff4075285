package flow

import (
	"fmt"
	"strconv"

	"github.com/sixparty/sixparty/report"
	"github.com/sixparty/sixparty/sim"
)

// compareChoices returns what the game first played can be compared
// with: each branch, then the scenario's counterfactual strategy on the
// same seed (when the scenario names one).
func (f *Flow) compareChoices() ([]report.Side, error) {
	var out []report.Side
	for i, b := range f.Branches {
		g, err := f.branchGame(i)
		if err != nil {
			return nil, err
		}
		out = append(out, report.Side{Name: b.Name, Lead: report.BranchLead(b.Name, b.From), Game: g})
	}
	play := f.cfg.Counterfactual
	if play == nil {
		play = ScenarioCounterfactual
	}
	if f.cf == nil || f.cf.of != f.Trunk {
		name, g, ok, err := play(f.Trunk)
		if err != nil {
			return nil, err
		}
		f.cf = &cfGame{of: f.Trunk, name: name, g: g, ok: ok}
	}
	if f.cf.ok {
		out = append(out, report.Side{Name: f.cf.name, Lead: report.StrategyLead(f.cf.name), Game: f.cf.g})
	}
	return out, nil
}

// cfGame caches the counterfactual of one game played (of).
type cfGame struct {
	of   *sim.Game
	name string
	g    *sim.Game
	ok   bool
}

// ComparisonScene shows the game first played side by side with a branch
// or the counterfactual, one choice at a time.
type ComparisonScene struct {
	Rows
	// Compared is the comparison shown, of the game first played with
	// choice With of Choices (the branches, then the counterfactual).
	Compared      *report.Comparison
	With, Choices int
}

// ID implements Scene.
func (*ComparisonScene) ID() SceneID { return Comparison }

func (f *Flow) cmp() *ComparisonScene {
	if s := SceneOf[*ComparisonScene](f); s != nil {
		return s
	}
	return &ComparisonScene{}
}

// Compared returns the comparison shown (nil when none is).
func (f *Flow) Compared() *report.Comparison { return f.cmp().Compared }

// CompareWith returns which choice the comparison shown is with.
func (f *Flow) CompareWith() int { return f.cmp().With }

// CompareChoices returns how many choices the comparison has.
func (f *Flow) CompareChoices() int { return f.cmp().Choices }

// openComparison opens the side-by-side comparison of the game first
// played with a branch (the one shown, when a branch is shown) or the
// counterfactual.
func (f *Flow) openComparison() {
	choices, err := f.compareChoices()
	if err != nil {
		f.Message = "Cannot compare: " + FirstLine(err)
		return
	}
	if len(choices) == 0 {
		f.Message = "Nothing to compare with yet: branch the game from a turn first (N)."
		return
	}
	s := &ComparisonScene{}
	if f.OnBranch >= 0 {
		s.With = f.OnBranch
	}
	f.open(s)
	s.compare(f, choices)
}

// compare makes the comparison with choice With.
func (s *ComparisonScene) compare(f *Flow, choices []report.Side) {
	s.Choices = len(choices)
	c, err := report.Compare(report.Side{Name: "The game played", Game: f.Trunk}, choices[s.With], report.CompareIndicators)
	if err != nil {
		f.Message = "Cannot compare: " + FirstLine(err)
		s.Compared = nil
		return
	}
	s.Compared = c
}

// Do implements Scene.
func (s *ComparisonScene) Do(f *Flow, in Input) {
	switch in.Action {
	case Left, Right, PageNext, PagePrev:
		choices, err := f.compareChoices()
		if err != nil || len(choices) == 0 {
			return
		}
		d := 1
		if in.Action == Left || in.Action == PagePrev {
			d = len(choices) - 1
		}
		s.With = (s.With + d) % len(choices)
		s.compare(f, choices)
	case Back, Confirm, Compare:
		f.close()
	}
}

// Hints implements Scene.
func (*ComparisonScene) Hints(*Flow) []Action { return []Action{Left, Right, Back} }

// Label implements Scene.
func (*ComparisonScene) Label(_ *Flow, a Action) string {
	switch a {
	case Left:
		return "previous comparison"
	case Right:
		return "next comparison"
	case Back:
		return "back to the end"
	}
	return ""
}

// ShotKey implements ShotScene.
func (s *ComparisonScene) ShotKey(*Flow) string { return fmt.Sprintf("compare-%d", s.With+1) }

// CompareTitle says what the comparison shows: "The game played against
// Relying on Beijing (2 of 3)".
func (f *Flow) CompareTitle() string {
	s := f.cmp()
	c := s.Compared
	if c == nil {
		return "Comparison"
	}
	t := c.Base.Name + " against " + c.Other.Name
	if s.Choices > 1 {
		t += " (" + strconv.Itoa(s.With+1) + " of " + strconv.Itoa(s.Choices) + ")"
	}
	return t
}
