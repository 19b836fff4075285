package ai

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// explain writes a decision's explanation: the orders, the expected
// change of the objectives that count most, and the best alternative
// rejected with the objective that decided against it.
func (p *planner) explain(d Decision, chosen, alt *cand) string {
	var b strings.Builder
	what := p.describe(chosen.levels)
	if what == "" {
		what = "no lever"
	}
	if d.Impulse {
		fmt.Fprintf(&b, "On impulse, pulls %s.", what)
	} else {
		fmt.Fprintf(&b, "Pulls %s.", what)
	}
	for _, ei := range p.s.Briefing {
		ev := &p.m.Scenario.Events[ei]
		if p.m.Chooser(ei) != p.ai {
			continue
		}
		for _, o := range ev.Choice.Options {
			if o.ID == d.Choices[ev.ID] {
				text := o.Text
				if text == "" {
					text = o.ID
				}
				how := "picked by the scenario's odds"
				if p.b.Horizon > 1 {
					how = "judged by playing the options out"
				}
				fmt.Fprintf(&b, " %s: %s (%s).", ev.Name, strings.TrimSuffix(text, "."), how)
			}
		}
	}
	turns := "turn"
	if d.Horizon != 1 {
		turns = "turns"
	}
	var exp []string
	for _, r := range d.Reasons {
		if negligible(r.Change()) {
			continue // "Rich +0" says nothing: a term is shown only if it moves
		}
		e := r.Name + " " + signed(r.Change())
		if r.Weight != 1 {
			e += " (weight " + strconv.FormatFloat(r.Weight, 'g', 3, 64) + ")"
		}
		exp = append(exp, e)
	}
	switch {
	case len(exp) > 0:
		fmt.Fprintf(&b, " Looking %d %s ahead, it expects: %s.", d.Horizon, turns, strings.Join(exp, ", "))
	case len(d.Reasons) > 0:
		fmt.Fprintf(&b, " Looking %d %s ahead, it expects no change in its objectives.", d.Horizon, turns)
	}
	if alt == nil {
		b.WriteString(" It had no other legal orders.")
		return b.String()
	}
	other := p.diff(chosen.levels, alt.levels)
	if d.Impulse {
		fmt.Fprintf(&b, " Its lookahead preferred %s%s.", other, p.edge(alt, chosen, "higher"))
		return b.String()
	}
	switch {
	case math.Abs(alt.util-chosen.util) <= 1e-12:
		fmt.Fprintf(&b, " %s would do as well, by its lookahead.", upper(other))
	case alt.util > chosen.util:
		fmt.Fprintf(&b, " %s looked slightly better%s, within its margin of doubt.", upper(other), p.edge(alt, chosen, "higher"))
	case alt.mean > chosen.mean && p.risk < 0.5:
		fmt.Fprintf(&b, " Rejected %s: a better average but too risky for its cautious doctrine.", other)
	case alt.mean > chosen.mean:
		fmt.Fprintf(&b, " Rejected %s: a better average but less upside than its bold doctrine seeks.", other)
	default:
		fmt.Fprintf(&b, " Rejected %s%s.", other, p.edge(chosen, alt, "lower"))
	}
	return b.String()
}

// edge names the objective on which a beats c by the most, weighted by
// doctrine, as ": it would leave NAME 0.05 lower" (or higher).
func (p *planner) edge(a, c *cand, word string) string {
	best, bi := 0.0, -1
	for k := range a.obj {
		if g := p.wts[k] * (a.obj[k] - c.obj[k]); g > best+1e-12 {
			best, bi = g, k
		}
	}
	if bi < 0 {
		return ""
	}
	name := p.m.Scenario.Actors[p.ai].Objectives[bi].Name
	d := math.Abs(a.obj[bi] - c.obj[bi])
	if negligible(d) {
		return ""
	}
	if word == "lower" {
		return fmt.Sprintf(" (it would leave %s %s lower)", name, num(d))
	}
	return fmt.Sprintf(" (%s %s higher)", name, num(d))
}

// describe lists the levers set above level 0 with their levels.
func (p *planner) describe(lv []int) string {
	var parts []string
	for k, li := range p.mine {
		if lv[k] > 0 {
			l := &p.m.Scenario.Levers[li]
			parts = append(parts, l.Name+" ("+l.LevelName(lv[k])+")")
		}
	}
	return strings.Join(parts, ", ")
}

// diff describes the alternative's levels where they differ from the
// chosen ones.
func (p *planner) diff(chosen, alt []int) string {
	var parts []string
	for k, li := range p.mine {
		if chosen[k] != alt[k] {
			l := &p.m.Scenario.Levers[li]
			parts = append(parts, l.Name+": "+l.LevelName(alt[k])+" rather than "+l.LevelName(chosen[k]))
		}
	}
	return strings.Join(parts, "; ")
}

func upper(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// negligible reports whether a change is too small to show: num would
// write it as zero ("+0", "0.000000").
func negligible(x float64) bool { return math.Abs(x) < 5e-7 }

// signed formats a change with its sign and two significant digits.
func signed(x float64) string {
	if x >= 0 {
		return "+" + num(x)
	}
	return num(x)
}

// num formats a number with about two significant digits.
func num(x float64) string {
	a := math.Abs(x)
	if a == 0 || a >= 100 {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	if s := strconv.FormatFloat(x, 'g', 2, 64); !strings.Contains(s, "e") {
		return s
	}
	return strconv.FormatFloat(x, 'f', 6, 64)
}
