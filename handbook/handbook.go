// Package handbook writes a scenario's player handbook in Markdown: the
// situation, each actor with its brief, objectives and levers, what every
// lever costs and does in words, the variables with their units and who
// sees them, the rules, the events and the ways the game can end.
package handbook

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/sixparty/sixparty/sim"
)

// Write writes the handbook of m to w.
func Write(w io.Writer, m *sim.Model) error {
	b := bufio.NewWriter(w)
	h := &writer{b: b, m: m, s: m.Scenario}
	h.all()
	return b.Flush()
}

type writer struct {
	b *bufio.Writer
	m *sim.Model
	s *sim.Scenario
}

func (h *writer) p(format string, args ...any) { fmt.Fprintf(h.b, format, args...) }

// para writes text as a paragraph, with its line breaks folded.
func (h *writer) para(text string) {
	if t := strings.Join(strings.Fields(text), " "); t != "" {
		h.p("%s\n\n", t)
	}
}

func (h *writer) all() {
	s, m := h.s, h.m
	h.p("# %s\n\n", s.Meta.Title)
	h.para(s.Meta.Summary)
	step := s.Meta.Step
	if step == "" {
		step = "quarter"
	}
	h.p("The game lasts at most %d turns of a %s each, from %s to %s. ", s.Meta.Turns, step, m.Date(1), m.Date(s.Meta.Turns))
	h.p("Each turn every actor sets its levers; the levels it orders may cost no more than its political capital for the turn. ")
	h.p("All orders are resolved together, then the rules of the world move every number, then the game checks whether it has ended.\n\n")

	h.p("## Actors\n\n")
	for ai, a := range s.Actors {
		h.p("### %s\n\n", a.Name)
		h.para(a.Brief)
		if !a.BudgetFormula.IsZero() {
			h.p("Political capital: `%s` per turn, at most %s.\n\n", flat(a.BudgetFormula.Src), num(a.Budget))
		} else {
			h.p("Political capital: %s per turn.\n\n", num(a.Budget))
		}
		if len(a.Objectives) > 0 {
			h.p("Scored on:\n\n")
			for _, o := range a.Objectives {
				name := o.Name
				if name == "" {
					name = o.ID
				}
				every := ""
				if o.Accumulate {
					every = ", counted after every turn and added up"
				}
				h.p("- %s (weight %s%s): `%s`\n", name, num(o.Weight), every, flat(o.Score.Src))
			}
			h.p("\n")
		}
		if ls := m.ActorLevers(ai); len(ls) > 0 {
			var names []string
			for _, li := range ls {
				names = append(names, s.Levers[li].Name)
			}
			h.p("Levers: %s.\n\n", strings.Join(names, "; "))
		} else {
			h.p("No levers: this actor only answers events.\n\n")
		}
	}

	if len(s.Levers) > 0 {
		h.p("## Levers\n\n")
		for ai, a := range s.Actors {
			for _, li := range m.ActorLevers(ai) {
				h.lever(a, &s.Levers[li])
			}
		}
	}

	if len(s.Vars) > 0 {
		h.p("## Variables\n\n")
		h.p("| Variable | Unit | Start | Range | Seen exactly by | Meaning |\n|---|---|---|---|---|---|\n")
		for vi, v := range s.Vars {
			lo, hi := m.Bounds(vi)
			rng := ""
			if lo > -1e308 || hi < 1e308 {
				rng = bound(m, vi, lo) + " to " + bound(m, vi, hi)
			}
			mean := strings.TrimSpace(strings.Join(strings.Fields(v.Description+" "+sourceNote(v.Source)), " "))
			h.p("| %s (`%s`) | %s | %s | %s | %s | %s |\n", v.Name, v.ID, v.Unit, m.Format(vi, v.Init), rng, h.seers(vi, v), cell(mean))
		}
		h.p("\nActors not listed as seeing a variable exactly see an estimate: the true value plus random noise of the spread given.\n\n")
	}

	if len(s.Rules) > 0 {
		h.p("## How the world moves\n\n")
		h.p("After the orders and events of a turn, these rules apply in order:\n\n")
		for _, r := range s.Rules {
			name := r.Name
			if name == "" {
				name = r.ID
			}
			what := "changes by `" + flat(r.Change.Src) + "`"
			if !r.Set.IsZero() {
				what = "becomes `" + flat(r.Set.Src) + "`"
			}
			when := ""
			if !r.When.IsZero() {
				when = " when `" + flat(r.When.Src) + "`"
			}
			h.p("- %s: %s %s each turn%s.%s\n", name, h.varName(r.Target), what, when, sourceNote(r.Source))
		}
		h.p("\n")
	}

	if len(s.Params) > 0 {
		h.params()
	}

	if len(s.Events) > 0 {
		h.p("## Events\n\n")
		for _, ev := range s.Events {
			h.event(&ev)
		}
	}

	h.p("## How the game ends\n\n")
	for _, o := range s.Outcomes {
		name := o.Name
		if name == "" {
			name = o.ID
		}
		if o.When.IsZero() {
			h.p("- **%s** — after turn %d (%s), if nothing else has ended the game.", name, s.Meta.Turns, m.Date(s.Meta.Turns))
		} else {
			h.p("- **%s** — as soon as `%s` after a turn.", name, flat(o.When.Src))
		}
		if t := strings.Join(strings.Fields(m.NarrateNames(o.Text)), " "); t != "" {
			h.p(" %s", t)
		}
		if len(o.Score) > 0 {
			var pays []string
			for _, a := range s.Actors {
				if v, ok := o.Score[a.ID]; ok {
					pays = append(pays, fmt.Sprintf("%s %+g", a.Name, v))
				}
			}
			h.p(" Scores: %s.", strings.Join(pays, ", "))
		}
		h.p("\n")
	}
	if len(s.Strategies) > 0 {
		h.strategies()
	}
	if len(s.Meta.Sources) > 0 {
		h.p("\n## Sources\n\n")
		for _, src := range s.Meta.Sources {
			h.p("- %s\n", src)
		}
	}
}

func (h *writer) lever(a sim.Actor, l *sim.Lever) {
	h.p("### %s: %s\n\n", a.Name, l.Name)
	h.para(l.Description)
	var lv []string
	for k := range l.Levels {
		c := "0"
		if k < len(l.Cost) {
			if v, ok := sim.CostNumber(l.Cost[k]); ok {
				c = num(v)
			} else {
				c = "`" + flat(l.Cost[k].Src) + "`, read at the start of each turn" // an expression of the state (sim/budget.go)
			}
		}
		lv = append(lv, fmt.Sprintf("%s (cost %s)", l.LevelName(k), c))
	}
	h.p("Levels: %s.\n\n", strings.Join(lv, ", "))
	if !l.Requires.IsZero() {
		req := l.RequiresText
		if req == "" {
			req = "`" + flat(l.Requires.Src) + "`"
		}
		h.p("Only available above %s when: %s.\n\n", l.LevelName(0), req)
	}
	for k, name := range l.Levels {
		if x, ok := l.LevelRequires[name]; ok {
			h.p("%s and above only when: `%s`.\n\n", l.LevelName(k), flat(x.Src))
		}
	}
	if len(l.Effects) > 0 {
		h.p("While above %s:\n\n", l.LevelName(0))
		for _, e := range l.Effects {
			h.p("- %s\n", h.effect(e))
		}
		h.p("\n")
	}
	if l.Source != "" {
		h.p("Source: %s\n\n", l.Source)
	}
}

func (h *writer) event(ev *sim.Event) {
	name := ev.Name
	if name == "" {
		name = ev.ID
	}
	h.p("### %s\n\n", name)
	switch {
	case ev.Turn > 0 && !ev.When.IsZero():
		after := fmt.Sprintf("after turn %d", ev.Turn-1)
		if ev.Turn == 1 {
			after = "at the start"
		}
		h.p("Scheduled for turn %d (%s), if `%s` %s", ev.Turn, h.m.Date(ev.Turn), flat(ev.When.Src), after)
		if !ev.Chance.IsZero() && flat(ev.Chance.Src) != "1" {
			h.p(", with probability `%s`", flat(ev.Chance.Src))
		}
		h.p(".")
	case ev.Turn > 0:
		h.p("Scheduled for turn %d (%s).", ev.Turn, h.m.Date(ev.Turn))
	default:
		h.p("Happens when `%s`", flat(ev.When.Src))
		if !ev.Chance.IsZero() && flat(ev.Chance.Src) != "1" {
			h.p(", with probability `%s` each time", flat(ev.Chance.Src))
		}
		if ev.Repeat {
			h.p("; it may happen again")
		} else {
			h.p("; at most once")
		}
		h.p(".")
	}
	h.p("\n\n")
	h.para(h.m.NarrateNames(ev.Text))
	for _, e := range ev.Effects {
		h.p("- %s\n", h.effect(e))
	}
	if len(ev.Effects) > 0 {
		h.p("\n")
	}
	if ch := ev.Choice; ch != nil {
		who := ch.Actor
		if ai := h.m.ActorIndex(ch.Actor); ai >= 0 {
			who = h.s.Actors[ai].Name
		}
		if len(ch.With) > 0 {
			var names []string
			for _, id := range ch.With {
				if ai := h.m.ActorIndex(id); ai >= 0 {
					names = append(names, h.s.Actors[ai].Name)
				}
			}
			h.p("A joint decision: %s proposes and %s must agree, or the default is taken: %s\n\n", who, strings.Join(names, " and "), strings.Join(strings.Fields(h.m.NarrateNames(ch.Prompt)), " "))
		} else {
			h.p("%s decides: %s\n\n", who, strings.Join(strings.Fields(h.m.NarrateNames(ch.Prompt)), " "))
		}
		for k, o := range ch.Options {
			text := h.m.NarrateNames(o.Text)
			if text == "" {
				text = o.ID
			}
			def := ""
			if k == 0 {
				def = " (the default)"
			}
			h.p("- **%s**%s", text, def)
			var fx []string
			for _, e := range o.Effects {
				fx = append(fx, h.effect(e))
			}
			if len(fx) > 0 {
				h.p(": %s", strings.Join(fx, "; "))
			}
			h.p("\n")
			for _, b := range o.Binds {
				h.p("  - binds %s\n", h.bind(b))
			}
		}
		h.p("\n")
	}
	if ev.Source != "" {
		h.p("Source: %s\n\n", ev.Source)
	}
}

// effect describes an effect in words: its note if it has one, else its
// target, change and timing.
func (h *writer) effect(e sim.Effect) string {
	var b strings.Builder
	if e.Note != "" {
		b.WriteString(strings.Join(strings.Fields(e.Note), " "))
		b.WriteString(" (")
	}
	src := flat(e.Change.Src)
	if f, err := strconv.ParseFloat(src, 64); err == nil {
		fmt.Fprintf(&b, "%s %s", h.varName(e.Target), signed(f))
	} else if f, ok := perLevel(src); ok {
		fmt.Fprintf(&b, "%s %s per level", h.varName(e.Target), signed(f))
	} else {
		fmt.Fprintf(&b, "%s changes by `%s`", h.varName(e.Target), src)
	}
	if e.Lasts > 1 {
		fmt.Fprintf(&b, " a turn for %d turns", e.Lasts)
	}
	switch {
	case e.Delay == 1:
		b.WriteString(", starting next turn")
	case e.Delay > 1:
		fmt.Fprintf(&b, ", starting in %d turns", e.Delay)
	}
	if e.Note != "" {
		b.WriteString(")")
	}
	return b.String()
}

func (h *writer) varName(id string) string {
	if vi := h.m.VarIndex(id); vi >= 0 {
		v := h.s.Vars[vi]
		return v.Name
	}
	return id
}

func (h *writer) seers(vi int, v sim.Var) string {
	if _, given := v.FieldPos["visible"]; !given && v.Visible == nil {
		return "everyone"
	}
	var names []string
	for _, id := range v.Visible {
		if ai := h.m.ActorIndex(id); ai >= 0 {
			names = append(names, h.s.Actors[ai].Name)
		}
	}
	out := "nobody"
	if len(names) > 0 {
		out = strings.Join(names, ", ")
	}
	for _, a := range h.s.Actors {
		if x, ok := v.SeenBy[a.ID]; ok {
			out += fmt.Sprintf("; %s ±`%s`", a.Name, flat(x.Src))
		}
	}
	if v.Noise > 0 {
		out += "; others ±" + h.m.Format(vi, v.Noise)
	}
	return out
}

func sourceNote(src string) string {
	if src == "" {
		return ""
	}
	return " Source: " + src + "."
}

func bound(m *sim.Model, vi int, x float64) string {
	switch {
	case x < -1e308:
		return "−∞"
	case x > 1e308:
		return "∞"
	}
	return m.Format(vi, x)
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func signed(x float64) string {
	if x >= 0 {
		return "+" + num(x)
	}
	return "−" + num(-x)
}

// perLevel recognises a change of the form "k * level", "level * k" or
// "level" and returns k.
func perLevel(src string) (float64, bool) {
	if src == "level" {
		return 1, true
	}
	a, b, ok := strings.Cut(src, "*")
	if !ok {
		return 0, false
	}
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if a == "level" {
		a, b = b, a
	}
	if b != "level" {
		return 0, false
	}
	k, err := strconv.ParseFloat(a, 64)
	return k, err == nil
}

// flat folds an expression onto one line.
func flat(src string) string { return strings.Join(strings.Fields(src), " ") }

func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// params writes the table of the scenario's declared parameters: the
// coefficients its verdict may hinge on, with their stated values, the
// ranges they are drawn from and where those ranges come from.
func (h *writer) params() {
	s := h.m.Scenario
	h.p("## Uncertain parameters\n\n")
	h.p("The formulas of the rules, levers and objectives read these coefficients by name. Nobody knows them exactly: each has the value the scenario states and the range an honest reader could defend. A game plays at the stated values unless it is played with values drawn from the ranges (`sixparty run --params drawn`); `sixparty sensitivity` shows which of them the outcome hinges on.\n\n")
	h.p("| Parameter | Value | Range | Unit | Source of the range | Meaning |\n|---|---|---|---|---|---|\n")
	for _, p := range s.Params {
		dist := ""
		switch p.Dist {
		case "triangular":
			dist = ", triangular"
		case "normal":
			dist = fmt.Sprintf(", normal (sd %s)", num(p.SD))
		}
		h.p("| %s (`%s`) | %s | %s to %s%s | %s | %s | %s |\n", cell(p.Name), p.ID, num(p.Value), num(p.Lo), num(p.Hi), dist, cell(p.Unit), cell(flat(p.Source)), cell(flat(p.Description)))
	}
	h.p("\n")
}

// strategies lists the strategies the scenario names for comparison.
func (h *writer) strategies() {
	s := h.m.Scenario
	h.p("\n## Strategies compared\n\n")
	for _, st := range s.Strategies {
		name := st.Name
		if name == "" {
			name = st.ID
		}
		h.p("- **%s** (`%s`)", name, st.ID)
		if st.ID == s.Counterfactual {
			h.p(", the end screen's comparison")
		}
		if d := flat(st.Description); d != "" {
			h.p(": %s", d)
		}
		h.p("\n")
	}
}

// bind describes a commitment in one line: the lever, its cap, for how
// long, and what breaking it costs (or that it cannot be broken).
func (h *writer) bind(b sim.Bind) string {
	name, cap := b.Lever, "its first level"
	if li := h.m.LeverIndex(b.Lever); li >= 0 {
		l := &h.s.Levers[li]
		name = l.Name
		cap = l.LevelName(0)
		if b.Max != "" {
			cap = l.LevelName(slices.Index(l.Levels, b.Max))
		}
	} else if b.Max != "" {
		cap = b.Max
	}
	turns := "turns"
	if b.Turns == 1 {
		turns = "turn"
	}
	out := fmt.Sprintf("%s at most at %s for %d %s from the next (%s)", name, cap, b.Turns, turns, b.Text)
	if len(b.Broken) == 0 {
		return out + "; it cannot be broken"
	}
	var fx []string
	for _, e := range b.Broken {
		fx = append(fx, h.effect(e))
	}
	return out + "; breaking it: " + strings.Join(fx, "; ")
}
