package report

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/sixparty/sixparty/sim"
)

// Side is one game of a comparison and its name.
type Side struct {
	// Name is the game's name: "the game played", a branch's name, a
	// strategy's name.
	Name string
	// Lead opens the comparison's sentences about this game: "Had you
	// relied on Beijing", "In the branch Quiet (from turn 3)".
	Lead string
	Game *sim.Game
}

// Comparison is a game side by side with another of the same scenario and
// seed: their outcomes, every actor's score, and the indicators that
// differ most.
type Comparison struct {
	Base, Other Side
	// Outcomes holds each game's outcome name, or "" for one stopped
	// before the end.
	Outcomes [2]string
	// Scores holds every actor's final score in both games, in the
	// scenario's order.
	Scores []ScorePair
	// Indicators are the indicators that differ most, most first.
	Indicators []IndicatorPair
	// Summary says it in a few sentences.
	Summary string
}

// ScorePair is one actor's final score in the two games.
type ScorePair struct {
	Actor       int
	Name        string
	Base, Other float64
}

// IndicatorPair is one indicator in the two games.
type IndicatorPair struct {
	Var int
	// Base and Other are its true values at the start of every turn and
	// at the end, in each game.
	Base, Other []float64
	// Gap is the largest difference between the two over the turns both
	// games reached, measured against the indicator's scale (see Scale),
	// and Turn the index where it is largest (0 for the start).
	Gap  float64
	Turn int
}

// CompareIndicators is how many indicators a comparison keeps.
const CompareIndicators = 6

// Compare compares two games of the same scenario: base (the game
// played) and other (a branch, or a strategy played on the same seed).
// It keeps the n indicators that differ most (ties in the scenario's
// order); indicators equal all along are left out.
func Compare(base, other Side, n int) (*Comparison, error) {
	m := base.Game.Model
	if other.Game.Model.Scenario.Meta.ID != m.Scenario.Meta.ID {
		return nil, fmt.Errorf("report: compare: the games are of different scenarios")
	}
	sa, err := base.Game.Scores()
	if err != nil {
		return nil, fmt.Errorf("report: compare: %s: %w", base.Name, err)
	}
	sb, err := other.Game.Scores()
	if err != nil {
		return nil, fmt.Errorf("report: compare: %s: %w", other.Name, err)
	}
	c := &Comparison{Base: base, Other: other, Outcomes: [2]string{outcomeName(base.Game), outcomeName(other.Game)}}
	for i, a := range m.Scenario.Actors {
		c.Scores = append(c.Scores, ScorePair{Actor: i, Name: a.Name, Base: sa[i], Other: sb[i]})
	}
	ha, hb := base.Game.History(), other.Game.History()
	for vi := range m.Scenario.Vars {
		p := IndicatorPair{Var: vi}
		for _, s := range ha {
			p.Base = append(p.Base, s.Vals[vi])
		}
		for _, s := range hb {
			p.Other = append(p.Other, s.Vals[vi])
		}
		for t := range min(len(ha), len(hb)) {
			if d := math.Abs(p.Base[t]-p.Other[t]) / Scale(m, vi); d > p.Gap {
				p.Gap, p.Turn = d, t
			}
		}
		if p.Gap > 1e-9 {
			c.Indicators = append(c.Indicators, p)
		}
	}
	slices.SortStableFunc(c.Indicators, func(a, b IndicatorPair) int { return cmp.Compare(b.Gap, a.Gap) })
	if len(c.Indicators) > n {
		c.Indicators = c.Indicators[:n]
	}
	c.Summary = c.summary()
	return c, nil
}

func outcomeName(g *sim.Game) string {
	if o := g.Outcome(); o != nil {
		return o.Name
	}
	return ""
}

// summary says what the other game did differently: its outcome, the
// scores that moved most, and the indicator that differs most.
func (c *Comparison) summary() string {
	m := c.Base.Game.Model
	var b strings.Builder
	lead := c.Other.Lead
	if lead == "" {
		lead = "In " + c.Other.Name
	}
	b.WriteString(lead + ": ")
	nb, no := len(c.Base.Game.Reports()), len(c.Other.Game.Reports())
	switch ob, oo := c.Outcomes[0], c.Outcomes[1]; {
	case oo == "" && nb == no:
		fmt.Fprintf(&b, "stopped after %s like the game played, before an outcome.", TurnsText(no))
	case oo == "":
		fmt.Fprintf(&b, "stopped after %s, before an outcome (the game played went %d).", TurnsText(no), nb)
	case ob == oo && nb == no:
		fmt.Fprintf(&b, "the same outcome, %s, after %s as well.", oo, TurnsText(no))
	case ob == oo:
		fmt.Fprintf(&b, "the same outcome, %s, after %s rather than %d.", oo, TurnsText(no), nb)
	case ob == "":
		fmt.Fprintf(&b, "%s after %s (the game played was stopped after %d, before an outcome).", oo, TurnsText(no), nb)
	default:
		fmt.Fprintf(&b, "%s rather than %s, after %s rather than %d.", oo, ob, TurnsText(no), nb)
	}
	// The actors whose scores differ most, relative to the largest score
	// magnitude of the two games.
	order := make([]int, len(c.Scores))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		di := math.Abs(c.Scores[i].Other - c.Scores[i].Base)
		dj := math.Abs(c.Scores[j].Other - c.Scores[j].Base)
		return cmp.Compare(dj, di)
	})
	var parts []string
	for _, i := range order[:min(2, len(order))] {
		s := c.Scores[i]
		if s.Other == s.Base {
			continue
		}
		word := "better"
		if s.Other < s.Base {
			word = "worse"
		}
		parts = append(parts, fmt.Sprintf("%s scores %+.2f (%s)", s.Name, s.Other-s.Base, word))
	}
	if len(parts) > 0 {
		b.WriteString(" " + capitalise(strings.Join(parts, ", ")) + ".")
	}
	if len(c.Indicators) > 0 {
		p := c.Indicators[0]
		v := &m.Scenario.Vars[p.Var]
		fmt.Fprintf(&b, " %s differs most: %s against %s at %s.", v.Name, m.Format(p.Var, p.Other[p.Turn]), m.Format(p.Var, p.Base[p.Turn]), dateAt(m, p.Turn))
	}
	return strings.ReplaceAll(b.String(), "  ", " ")
}

// dateAt names the point of history index t: the start of turn t+1.
func dateAt(m *sim.Model, t int) string {
	return "the start of " + m.Date(t+1)
}

// TurnsText says a number of turns: "1 turn", "12 turns".
func TurnsText(n int) string {
	if n == 1 {
		return "1 turn"
	}
	return fmt.Sprintf("%d turns", n)
}

func capitalise(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// StrategyLead turns a strategy's name into the opening of a sentence
// about it: "Relying on Beijing" gives "Had you relied on Beijing", a name
// that opens with another verb in -ing gives its past tense the regular
// way ("Waiting it out": "Had you waited it out"), and any other name
// "Had you played Name".
func StrategyLead(name string) string {
	first, rest, _ := strings.Cut(strings.TrimSpace(name), " ")
	lower := strings.ToLower(first)
	stem, ok := strings.CutSuffix(lower, "ing")
	if !ok || len(stem) < 2 {
		return "Had you played " + name
	}
	var past string
	switch {
	case strings.HasSuffix(stem, "y"):
		past = stem[:len(stem)-1] + "ied"
	case strings.HasSuffix(stem, "e"):
		past = stem + "d"
	default:
		past = stem + "ed"
	}
	if rest != "" {
		past += " " + rest
	}
	return "Had you " + past
}

// BranchLead is the opening of a sentence about a branch.
func BranchLead(name string, from int) string {
	return fmt.Sprintf("In the branch %q (from turn %d)", name, from)
}

// WriteComparison writes the comparison in Markdown: the summary, the
// outcomes and scores side by side, and the indicators that differ most
// at the start and end and where they differ most.
func WriteComparison(w io.Writer, c *Comparison) {
	m := c.Base.Game.Model
	fmt.Fprintf(w, "### %s against %s\n\n", c.Other.Name, c.Base.Name)
	fmt.Fprintf(w, "%s\n\n", c.Summary)
	out := func(s string) string {
		if s == "" {
			return "stopped before an outcome"
		}
		return s
	}
	fmt.Fprintf(w, "| | %s | %s |\n|---|---|---|\n", c.Base.Name, c.Other.Name)
	fmt.Fprintf(w, "| outcome | %s | %s |\n", out(c.Outcomes[0]), out(c.Outcomes[1]))
	fmt.Fprintf(w, "| turns played | %d | %d |\n", len(c.Base.Game.Reports()), len(c.Other.Game.Reports()))
	for _, s := range c.Scores {
		fmt.Fprintf(w, "| score: %s | %.2f | %.2f |\n", s.Name, s.Base, s.Other)
	}
	fmt.Fprintln(w)
	if len(c.Indicators) == 0 {
		fmt.Fprintln(w, "No indicator differs.")
		fmt.Fprintln(w)
		return
	}
	fmt.Fprintln(w, "The indicators that differ most (true values, measured against each indicator's range):")
	fmt.Fprintln(w)
	fmt.Fprintf(w, "| indicator | unit | largest gap at | %s | %s | end: %s | end: %s |\n|---|---|---|---:|---:|---:|---:|\n", c.Base.Name, c.Other.Name, c.Base.Name, c.Other.Name)
	for _, p := range c.Indicators {
		v := &m.Scenario.Vars[p.Var]
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |\n", v.Name, v.Unit, m.Date(p.Turn+1),
			m.Format(p.Var, p.Base[p.Turn]), m.Format(p.Var, p.Other[p.Turn]),
			m.Format(p.Var, p.Base[len(p.Base)-1]), m.Format(p.Var, p.Other[len(p.Other)-1]))
	}
	fmt.Fprintln(w)
}
