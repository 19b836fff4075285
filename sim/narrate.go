package sim

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/sixparty/sixparty/internal/suggest"
)

// This file puts values of variables into narrative text: an event's text,
// a choice's prompt, an option's text or an outcome's text may name a
// variable in braces ({dprk.fx_reserves}), which is shown as its value
// formatted as the variable's 'format', followed by its unit.

// placeholder matches a variable's name in braces.
var placeholder = regexp.MustCompile(`\{([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)?)\}`)

// Narrate returns text with each {variable} replaced by its value in v, the
// view of one actor (or the exact view, of actor -1): formatted with the
// variable's format and unit, and preceded by "about " where v holds an
// estimate. A name in braces that is not a variable is left as written
// (Compile refuses such a text in a scenario).
func (m *Model) Narrate(text string, v View) string {
	if !strings.Contains(text, "{") {
		return text
	}
	return placeholder.ReplaceAllStringFunc(text, func(s string) string {
		vi, ok := m.vars[s[1:len(s)-1]]
		if !ok || vi >= len(v.Vals) {
			return s
		}
		out := WithUnit(m.Format(vi, v.Vals[vi]), m.Scenario.Vars[vi].Unit)
		if vi < len(v.Exact) && !v.Exact[vi] {
			out = "about " + out
		}
		return out
	})
}

// Narrate returns text with its {variable} names replaced by their values
// as actor ai sees them now (ai -1: the true values); see Model.Narrate.
func (g *Game) Narrate(text string, ai int) string { return g.Model.Narrate(text, g.View(ai)) }

// narratives checks that every {name} in the scenario's narrative texts is
// a variable; names() has run.
func (c *compiler) narratives() {
	s := c.s
	var ids []string
	for _, v := range s.Vars {
		ids = append(ids, v.ID)
	}
	check := func(text string, fields map[string]Pos, field string, pos Pos) {
		for _, ix := range placeholder.FindAllStringSubmatchIndex(text, -1) {
			name := text[ix[2]:ix[3]]
			if _, ok := c.m.vars[name]; ok {
				continue
			}
			hint := suggest.Hint(name, ids)
			if _, lever := c.m.levers[name]; lever {
				hint = " (it is a lever; only variables can be shown in text)"
			}
			at := fieldPos(fields, field, pos)
			if !strings.Contains(text, "\n") && !strings.Contains(text, "\\") && at.IsValid() {
				// A text on one line: point at the brace itself.
				at.Col += utf8.RuneCountInString(text[:ix[0]])
			}
			c.add(at, "unknown variable %q in {%s}%s", name, name, hint)
		}
	}
	for i := range s.Events {
		ev := &s.Events[i]
		check(ev.Text, ev.FieldPos, "text", ev.Pos)
		if ch := ev.Choice; ch != nil {
			check(ch.Prompt, ch.FieldPos, "prompt", ch.Pos)
			for j := range ch.Options {
				o := &ch.Options[j]
				check(o.Text, o.FieldPos, "text", o.Pos)
			}
		}
	}
	for i := range s.Outcomes {
		o := &s.Outcomes[i]
		check(o.Text, o.FieldPos, "text", o.Pos)
	}
}

// NarrateNames returns text with each {variable} replaced by the
// variable's name in square brackets, for texts shown without a game (the
// handbook): "Brent passes {oil.price}" reads "Brent passes [Brent crude]".
func (m *Model) NarrateNames(text string) string {
	if !strings.Contains(text, "{") {
		return text
	}
	return placeholder.ReplaceAllStringFunc(text, func(s string) string {
		if vi, ok := m.vars[s[1:len(s)-1]]; ok {
			return "[" + m.Scenario.Vars[vi].Name + "]"
		}
		return s
	})
}

// WithUnit writes a number with its unit: "4.5 US$ bn", "+6 points", or
// the number alone for no unit. A unit that starts with "%" follows the
// number without a space ("24% of GDP", "+1.5%"). It is the one place a
// unit is put after a number; every screen, report and text calls it.
func WithUnit(value, unit string) string {
	switch {
	case unit == "":
		return value
	case strings.HasPrefix(unit, "%"):
		return value + unit
	}
	return value + " " + unit
}
