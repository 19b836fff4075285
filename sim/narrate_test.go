package sim_test

import (
	"strings"
	"testing"

	"github.com/sixparty/sixparty/sim"
)

// told is a scenario whose texts show values.
const told = `
format: 1
meta: {id: told, title: Told, turns: 3}
actors:
  - {id: a, name: Alpha, budget: 1}
  - {id: b, name: Beta, budget: 1}
variables:
  - {id: b.fx, name: Reserves, unit: US$ bn, format: "%.0f", init: 62, visible: [b], noise: 0}
  - {id: price, name: Price, unit: "$/bbl", init: 71.25, format: "%.2f"}
levers:
  - {id: a.push, actor: a, name: Push, levels: [no, yes]}
events:
  - id: news
    name: News
    turn: 1
    text: "Reserves stand at {b.fx}; oil at {price}. {not a name} stays."
    choice:
      actor: b
      prompt: "Spend {b.fx}?"
      options:
        - {id: yes, text: "Yes, at {price}"}
        - {id: no, text: "No"}
outcomes:
  - {id: limit, name: Limit, text: "Oil ends at {price}."}
`

func TestNarrate(t *testing.T) {
	m := load(t, told)
	g := sim.NewGame(m, 1)
	text := m.Scenario.Events[0].Text
	tests := []struct {
		ai   int
		want string
	}{
		{-1, "Reserves stand at 62 US$ bn; oil at 71.25 $/bbl. {not a name} stays."},
		{1, "Reserves stand at 62 US$ bn; oil at 71.25 $/bbl. {not a name} stays."},
		// a sees an estimate of b's reserves (with no noise: the value).
		{0, "Reserves stand at about 62 US$ bn; oil at 71.25 $/bbl. {not a name} stays."},
	}
	for _, tt := range tests {
		if got := g.Narrate(text, tt.ai); got != tt.want {
			t.Errorf("actor %d: %q, want %q", tt.ai, got, tt.want)
		}
	}
}

func TestNarrateMistakes(t *testing.T) {
	tests := []struct{ old, new, want string }{
		{`{b.fx}; oil`, `{b.fxx}; oil`, `test.yaml:16:30: unknown variable "b.fxx" in {b.fxx}; did you mean "b.fx"?`},
		{`"Spend {b.fx}?"`, `"Spend {a.push}?"`, `test.yaml:19:22: unknown variable "a.push" in {a.push} (it is a lever; only variables can be shown in text)`},
		{`"Yes, at {price}"`, `"Yes, at {prise}"`, `test.yaml:21:36: unknown variable "prise" in {prise}; did you mean "price"?`},
		{`"Oil ends at {price}."`, `"Oil ends at {oil}."`, `test.yaml:24:49: unknown variable "oil" in {oil}`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			src := strings.Replace(told, tt.old, tt.new, 1)
			if src == told {
				t.Fatalf("%q not found", tt.old)
			}
			_, err := loadErr(src)
			if err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			if got := strings.TrimSpace(err.(sim.ErrorList).Lines()); got != tt.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestJointMistakes(t *testing.T) {
	tests := []struct{ new, want string }{
		{"with: [c]", `test.yaml:19:14: unknown actor "c"`},
		{"with: [b]", `test.yaml:19:14: actor "b" decides the choice: 'with' lists the other actors who must agree`},
		{"with: [a, a]", `test.yaml:19:17: actor "a" is listed twice in 'with'`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			src := strings.Replace(told, "      actor: b\n", "      actor: b\n      "+tt.new+"\n", 1)
			_, err := loadErr(src)
			if err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			if got := strings.TrimSpace(err.(sim.ErrorList).Lines()); got != tt.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestWithUnit shows how a unit follows a number on every screen.
func TestWithUnit(t *testing.T) {
	tests := []struct{ value, unit, want string }{
		{"4.5", "US$ bn", "4.5 US$ bn"},
		{"▲ +6.0", "points", "▲ +6.0 points"},
		{"24", "% of GDP", "24% of GDP"},
		{"+1.5", "%", "+1.5%"},
		{"≈ 3 ± 1", "", "≈ 3 ± 1"},
	}
	for _, tt := range tests {
		if got := sim.WithUnit(tt.value, tt.unit); got != tt.want {
			t.Errorf("WithUnit(%q, %q) = %q, want %q", tt.value, tt.unit, got, tt.want)
		}
	}
}
