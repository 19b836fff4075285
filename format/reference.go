package format

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/sixparty/sixparty/sim"
)

// Reference returns the format reference in Markdown: one section per
// mapping type with a table of its fields, then the expression language.
// docs/authoring.md holds a copy between the markers BeginMarker and
// EndMarker, which a test keeps identical.
func Reference() string {
	var b strings.Builder
	for _, t := range Types() {
		fmt.Fprintf(&b, "### %s\n\n%s", t.Name, t.Doc)
		if len(t.Where) > 0 {
			where := make([]string, len(t.Where))
			for i, w := range t.Where {
				where[i] = "`" + w + "`"
			}
			fmt.Fprintf(&b, " Written at %s.", strings.Join(where, ", "))
		}
		b.WriteString("\n\n| Field | Type | Default | Meaning |\n|---|---|---|---|\n")
		for _, f := range t.Fields {
			typ := TypeName(f.Type)
			if st, _ := structOf(f.Type); st != nil {
				typ = strings.Replace(typ, st.Name(), "["+st.Name()+"](#"+strings.ToLower(st.Name())+")", 1)
			}
			def := ""
			if f.Default != "" {
				def = "`" + f.Default + "`"
			}
			var extra []string
			if required[t.Name+"."+f.Name] {
				extra = append(extra, "Required.")
			}
			if e, ok := enums[t.Name+"."+f.Name]; ok {
				extra = append(extra, "One of "+strings.Join(quoteAll(e), ", ")+".")
			}
			doc := strings.Join(append([]string{f.Doc}, extra...), " ")
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", f.Name, typ, def, strings.ReplaceAll(doc, "|", `\|`))
		}
		b.WriteString("\n")
	}
	b.WriteString("### Expressions\n\n")
	b.WriteString("Expressions are written in the language of [expr-lang](https://expr-lang.org): numbers, " +
		"`+ - * / % **`, comparisons `< <= > >= == !=`, `and`, `or`, `not`, parentheses and `cond ? a : b`. " +
		"A number expression gives a number; a condition gives true or false. They may read every variable " +
		"by its id, every lever by its id, every parameter by its id (its value in this game), `turn` and, in " +
		"lever and event effects, `level` (the lever's level, or 1 for events). Quote an expression that " +
		"starts with a character YAML treats specially, such as `-` or `*`.\n\n" +
		"What a lever's id and `turn` read depends on when the expression is evaluated:\n\n" +
		"| Evaluated | A lever's id reads | `turn` is |\n|---|---|---|\n" +
		"| effects and rules, while a turn is resolved | the level ordered in that turn | that turn |\n" +
		"| `requires`, `level_requires`, `budget_formula`, a level's `cost`, `seen_by` (before orders are given) | the level ordered in the last turn played (0 before the first) | the turn about to be played (`requires`, `level_requires`, `budget_formula`, `cost`); the last turn played (`seen_by`) |\n" +
		"| an event's `when` and `chance`, an outcome's `when` (after a turn) | the level ordered in the turn just played | the turn just played (0 for the first turn's briefing) |\n" +
		"| objectives, checks' `expect` | the level ordered in the last turn played | the last turn played |\n\n" +
		"`requires` cannot read this turn's orders: they are what it decides. An event with both `turn` and " +
		"`when` fires on that turn only if its condition held at the end of the turn before.\n\n")
	b.WriteString("| Function | Meaning |\n|---|---|\n")
	for _, f := range sim.Functions {
		fmt.Fprintf(&b, "| `%s` | %s |\n", f.Name, f.Doc)
	}
	return b.String()
}

func quoteAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = "`" + s + "`"
	}
	return out
}

// The markers around the generated reference in docs/authoring.md.
const (
	BeginMarker = "<!-- BEGIN REFERENCE: generated from sim's struct tags by 'go test ./format -update'; do not edit by hand -->"
	EndMarker   = "<!-- END REFERENCE -->"
)

// Splice returns doc with the text between BeginMarker and EndMarker
// replaced by ref. It is an error if the markers are missing.
func Splice(doc, ref string) (string, error) {
	i := strings.Index(doc, BeginMarker)
	j := strings.Index(doc, EndMarker)
	if i < 0 || j < i {
		return "", fmt.Errorf("format: the reference markers are missing")
	}
	return doc[:i+len(BeginMarker)] + "\n\n" + ref + "\n" + doc[j:], nil
}

// isList reports whether t is a list type.
func isList(t reflect.Type) bool { return t.Kind() == reflect.Slice }
