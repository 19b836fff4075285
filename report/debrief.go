package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/sixparty/sixparty/savegame"
	"github.com/sixparty/sixparty/sim"
)

// TurningPoints is how many of the game's largest changes a debrief lists.
const TurningPoints = 10

// WriteDebrief writes an after-action review of a game in Markdown: who
// played, the outcome and scores, the turning points (the largest changes
// of the whole game and their causes), then turn by turn the events,
// every actor's orders, the facilitator's interventions and the largest
// changes, and a table of every indicator over the turns. seats names who
// played each actor ("person", "computer:normal"...), or is nil. It fails,
// writing nothing, when the scores cannot be computed (see
// sim.Game.Scores).
func WriteDebrief(w io.Writer, g *sim.Game, seats []string) error {
	m := g.Model
	s := m.Scenario
	scores, err := g.Scores()
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	fmt.Fprintf(w, "# After-action review: %s\n\n", s.Meta.Title)
	played := len(g.Reports())
	last := m.Date(max(played, 1))
	fmt.Fprintf(w, "Seed %d · %s played (%s to %s)\n\n", g.Seed, TurnsText(played), m.Date(1), last)

	fmt.Fprintln(w, "## Outcome")
	fmt.Fprintln(w)
	if o := g.Outcome(); o != nil {
		fmt.Fprintf(w, "**%s.** %s\n\n", o.Name, oneLine(o.Text))
	} else {
		fmt.Fprintf(w, "The game was stopped after %s, before it ended.\n\n", TurnsText(played))
	}
	fmt.Fprintln(w, "| actor | seat | score |")
	fmt.Fprintln(w, "|---|---|---:|")
	for i, v := range scores {
		seat := ""
		if i < len(seats) {
			seat = seats[i]
		}
		fmt.Fprintf(w, "| %s | %s | %.2f |\n", s.Actors[i].Name, seat, v)
	}
	fmt.Fprintln(w)

	fmt.Fprintln(w, "## Turning points")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "The largest changes of the game, each measured against its indicator's range.")
	fmt.Fprintln(w)
	for _, e := range Largest(m, g.Ledger(), TurningPoints) {
		fmt.Fprintf(w, "- %s, %s %s: %s%s\n", m.Date(e.Turn), s.Vars[e.Var].Name,
			sim.WithUnit(signed(m, e.Var, e.Amount), s.Vars[e.Var].Unit), cause(m, e), at(e.Pos))
	}
	fmt.Fprintln(w)

	fmt.Fprintln(w, "## Turn by turn")
	for t := 1; t <= played; t++ {
		rep := g.Reports()[t-1]
		fmt.Fprintf(w, "\n### Turn %d · %s\n\n", t, m.Date(t))
		notes := false
		for _, ei := range rep.Events {
			notes = true
			ev := &s.Events[ei]
			fmt.Fprintf(w, "- **Event: %s.** %s", ev.Name, oneLine(ev.Text))
			if c := rep.Choices[ei]; c >= 0 && ev.Choice != nil {
				fmt.Fprintf(w, " %s chose: %s.", s.Actors[m.Chooser(ei)].Name, optionText(ev.Choice.Options[c]))
			}
			fmt.Fprintln(w)
		}
		for _, e := range g.Ledger() {
			if e.Turn == t && e.Cause.Kind == sim.ByFacilitator {
				notes = true
				fmt.Fprintf(w, "- **Facilitator** set %s %s: %s\n", s.Vars[e.Var].Name, sim.WithUnit(signed(m, e.Var, e.Amount), s.Vars[e.Var].Unit), e.Reason)
			}
		}
		for _, msg := range g.Record().Messages {
			if msg.Turn == t {
				notes = true
				fmt.Fprintf(w, "- **%s** in %s: %s\n", msg.From, msg.Channel, oneLine(msg.Text))
			}
		}
		if notes {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, "| actor | orders |")
		fmt.Fprintln(w, "|---|---|")
		for ai, a := range s.Actors {
			var parts []string
			for _, li := range m.ActorLevers(ai) {
				if lvl := rep.Levels[li]; lvl > 0 {
					parts = append(parts, fmt.Sprintf("%s: %s", s.Levers[li].Name, s.Levers[li].LevelName(lvl)))
				}
			}
			if len(parts) == 0 {
				parts = []string{"—"}
			}
			fmt.Fprintf(w, "| %s | %s |\n", a.Name, strings.Join(parts, "; "))
		}
		fmt.Fprintln(w)
		for _, e := range Largest(m, rep.Entries, 5) {
			fmt.Fprintf(w, "- %s %s: %s%s\n", s.Vars[e.Var].Name, sim.WithUnit(signed(m, e.Var, e.Amount), s.Vars[e.Var].Unit), cause(m, e), at(e.Pos))
		}
	}

	// Messages written after the last turn played (the game stopped, or
	// ended, while the teams were still talking) would otherwise be lost.
	var late []sim.Message
	for _, msg := range g.Record().Messages {
		if msg.Turn > played {
			late = append(late, msg)
		}
	}
	if len(late) > 0 {
		fmt.Fprintf(w, "\n### After turn %d\n\n", played)
		for _, msg := range late {
			fmt.Fprintf(w, "- **%s** in %s: %s\n", msg.From, msg.Channel, oneLine(msg.Text))
		}
	}

	fmt.Fprintln(w, "\n## Indicators")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Every indicator at the start of the first turn and at the end of each turn, as the engine holds it (no fog).")
	fmt.Fprintln(w)
	hist := g.History()
	fmt.Fprint(w, "| indicator | unit | start |")
	for t := 1; t <= played; t++ {
		fmt.Fprintf(w, " %s |", m.Date(t))
	}
	fmt.Fprint(w, "\n|---|---|---:|")
	fmt.Fprint(w, strings.Repeat("---:|", played))
	fmt.Fprintln(w)
	order := make([]int, len(s.Vars))
	for i := range order {
		order[i] = i
	}
	// Grouped as on the dashboard, in the scenario's order within a group.
	groupAt := map[string]int{}
	for i, v := range s.Vars {
		if _, ok := groupAt[v.Group]; !ok {
			groupAt[v.Group] = i
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(groupAt[s.Vars[a].Group], groupAt[s.Vars[b].Group]) })
	for _, vi := range order {
		v := &s.Vars[vi]
		fmt.Fprintf(w, "| %s | %s |", v.Name, v.Unit)
		for t := 0; t <= played; t++ {
			fmt.Fprintf(w, " %s |", m.Format(vi, hist[t].Vals[vi]))
		}
		fmt.Fprintln(w)
	}
	return nil
}

// BranchSides replays every branch of a save on m, for WriteDebriefCompared.
func BranchSides(f *savegame.File, m *sim.Model) ([]Side, error) {
	var out []Side
	for i, b := range f.Branches {
		g, err := f.BranchGame(m, i)
		if err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
		out = append(out, Side{Name: b.Name, Lead: BranchLead(b.Name, b.From), Game: g})
	}
	return out, nil
}

// WriteDebriefCompared is WriteDebrief followed by a section comparing the
// game with each of others (its branches, a counterfactual strategy) when
// there are any: the summary, outcomes, scores and the indicators that
// differ most (see Compare).
func WriteDebriefCompared(w io.Writer, g *sim.Game, seats []string, others []Side) error {
	var cs []*Comparison
	for _, o := range others {
		c, err := Compare(Side{Name: "the game played", Game: g}, o, CompareIndicators)
		if err != nil {
			return err
		}
		cs = append(cs, c)
	}
	if err := WriteDebrief(w, g, seats); err != nil {
		return err
	}
	if len(cs) == 0 {
		return nil
	}
	fmt.Fprintln(w, "\n## What else could have happened")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "The game side by side with its branches (replayed from the record to the turn they branch at, then played on with other orders) and any counterfactual, on the same seed.")
	fmt.Fprintln(w)
	for _, c := range cs {
		WriteComparison(w, c)
	}
	return nil
}

func cause(m *sim.Model, e sim.Entry) string {
	if e.Cause.Kind == sim.ByFacilitator && e.Reason != "" {
		return "facilitator: " + e.Reason
	}
	return m.Describe(e.Cause)
}

func at(p sim.Pos) string {
	if !p.IsValid() {
		return ""
	}
	return fmt.Sprintf(" (`%s`)", p)
}

func optionText(o sim.Option) string {
	if o.Text != "" {
		return oneLine(o.Text)
	}
	return o.ID
}
