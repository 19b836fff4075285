package flow

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/sixparty/sixparty/sim"
)

// WhyScene explains why one indicator moved on one turn, with its chart;
// each moved input of a cause opens a why view of its own.
type WhyScene struct {
	Rows
	// Var and Turn are the indicator and the turn explained.
	Var, Turn int
	// Hidden is set when the viewer sees only an estimate of Var: the
	// view then shows the estimate, its uncertainty and what it is based
	// on, and what moves the indicator in the scenario, but no amounts.
	Hidden bool
}

// ID implements Scene.
func (*WhyScene) ID() SceneID { return Why }

// WhyVar and WhyTurn return the indicator and turn of the why view shown
// (or the nearest one under the scene shown), -1 and 0 when none is.
func (f *Flow) WhyVar() int {
	if w := SceneOf[*WhyScene](f); w != nil {
		return w.Var
	}
	return -1
}

// WhyTurn: see WhyVar.
func (f *Flow) WhyTurn() int {
	if w := SceneOf[*WhyScene](f); w != nil {
		return w.Turn
	}
	return 0
}

// Do implements Scene.
func (s *WhyScene) Do(f *Flow, in Input) {
	links := f.WhyLinks()
	if f.move(in, len(links)) {
		return
	}
	switch in.Action {
	case Back:
		f.close()
	case Confirm, AskWhy:
		if len(links) == 0 {
			f.close()
			return
		}
		f.openWhy(links[min(s.Cursor, len(links)-1)], s.Turn)
	case Left, PagePrev:
		if s.Turn > 1 {
			s.Turn--
			s.Cursor = 0
		}
	case Right, PageNext:
		if s.Turn < f.Played {
			s.Turn++
			s.Cursor = 0
		}
	}
}

// Hints implements Scene.
func (*WhyScene) Hints(f *Flow) []Action {
	if f.WhySheet().Links > 0 { // the window's help line: its prepared sheet

		return []Action{Up, Down, AskWhy, Left, Right, Back}
	}
	return []Action{Left, Right, Back}
}

// Label implements Scene.
func (*WhyScene) Label(_ *Flow, a Action) string {
	switch a {
	case AskWhy:
		return "why did that move?"
	case Left:
		return "earlier turn"
	case Right:
		return "later turn"
	}
	return ""
}

// ShotKey implements ShotScene.
func (s *WhyScene) ShotKey(*Flow) string {
	if s.Hidden {
		return "why-estimate"
	}
	return Why.String()
}

// EstimateBasis says in words what the viewer's estimate of variable vi
// is based on: the noise of its estimate, who sees it exactly, and what
// moves it in the scenario (which every player may read), each a line.
func (f *Flow) EstimateBasis(vi int) []string {
	m := f.Table().Model()
	v := &m.Scenario.Vars[vi]
	out := []string{fmt.Sprintf("You see an estimate: the true value plus a random error of standard deviation %s, drawn afresh each turn, so about two turns in three the truth is within ± %s of what you see.", m.Format(vi, v.Noise), m.Format(vi, v.Noise))}
	var who []string
	for i, a := range m.Scenario.Actors {
		if m.SeesExactly(i, vi) {
			who = append(who, a.Name)
		}
	}
	if len(who) > 0 {
		out = append(out, "Seen exactly by "+strings.Join(who, ", ")+".")
	}
	if moved := MovedBy(m, vi); len(moved) > 0 {
		out = append(out, "What moves it in the scenario: "+strings.Join(moved, "; ")+".")
	}
	if f.remote != nil {
		// A served game's seat never receives the hidden amounts.
		out = append(out, "How much each cause moved it stays hidden from your seat; the facilitator's debrief shows it after the game.")
	} else {
		out = append(out, "How much each cause moved it stays hidden until the game ends; then the end screen's dashboard (D) explains it exactly.")
	}
	return out
}

// MovedBy names what can move variable vi in the scenario: its rules, the
// levers and the events (and event options) with an effect on it.
func MovedBy(m *sim.Model, vi int) []string {
	sc := m.Scenario
	id := sc.Vars[vi].ID
	var out []string
	for _, r := range sc.Rules {
		if r.Target == id {
			out = append(out, "rule "+cmp.Or(r.Name, r.ID))
		}
	}
	hits := func(effects []sim.Effect) bool {
		for _, e := range effects {
			if e.Target == id {
				return true
			}
		}
		return false
	}
	for li, l := range sc.Levers {
		if hits(l.Effects) {
			out = append(out, fmt.Sprintf("%s's lever %s", sc.Actors[m.LeverActor(li)].Name, l.Name))
		}
	}
	for _, e := range sc.Events {
		in := hits(e.Effects)
		if e.Choice != nil {
			for _, o := range e.Choice.Options {
				in = in || hits(o.Effects)
			}
		}
		if in {
			out = append(out, "event "+e.Name)
		}
	}
	return out
}
