// Package report turns a played game into the readable and the JSON turn
// reports that `sixparty run` prints and the front end shows. It does no
// I/O of its own beyond the io.Writer it is given.
package report

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/sixparty/sixparty/sim"
)

// Turn is the report of one played turn.
type Turn struct {
	Turn    int                       `json:"turn"`
	Date    string                    `json:"date"`
	Vars    map[string]float64        `json:"vars"`
	Orders  map[string]map[string]int `json:"orders"`
	Events  []string                  `json:"events"`
	Choices map[string]string         `json:"choices,omitempty"`
	Changes []Change                  `json:"changes"`
	// Explain holds each computer-played actor's explanation of its orders.
	Explain map[string]string `json:"explain,omitempty"`
}

// Change is one ledger entry in a report.
type Change struct {
	Var    string  `json:"var"`
	Amount float64 `json:"amount"`
	Cause  string  `json:"cause"`
	Kind   string  `json:"kind"`
	Source string  `json:"source,omitempty"`
	Reason string  `json:"reason,omitempty"`
}

// End is the last line of a JSON report.
type End struct {
	Outcome string             `json:"outcome"`
	Name    string             `json:"name,omitempty"`
	Turns   int                `json:"turns"`
	Scores  map[string]float64 `json:"scores"`
	// Params holds the value of each parameter by id when the game played
	// with values other than the stated ones (drawn or set).
	Params map[string]float64 `json:"params,omitempty"`
}

// MaxChanges is how many changes a readable turn report lists.
const MaxChanges = 8

// FromGame builds the report of turn t (from 1) of g. explain may be nil.
func FromGame(g *sim.Game, t int, explain map[string]string) Turn {
	m := g.Model
	s := m.Scenario
	rep := g.Reports()[t-1]
	after := g.History()[t]
	r := Turn{Turn: t, Date: m.Date(t), Vars: map[string]float64{}, Orders: map[string]map[string]int{}, Events: []string{}, Explain: explain}
	for i, v := range s.Vars {
		r.Vars[v.ID] = after.Vals[i]
	}
	for li, lvl := range rep.Levels {
		if lvl == 0 {
			continue
		}
		a := s.Actors[m.LeverActor(li)].ID
		if r.Orders[a] == nil {
			r.Orders[a] = map[string]int{}
		}
		r.Orders[a][s.Levers[li].ID] = lvl
	}
	for _, ei := range rep.Events {
		r.Events = append(r.Events, s.Events[ei].ID)
		if c := rep.Choices[ei]; c >= 0 {
			if r.Choices == nil {
				r.Choices = map[string]string{}
			}
			r.Choices[s.Events[ei].ID] = s.Events[ei].Choice.Options[c].ID
		}
	}
	// The facilitator's changes before the turn belong to it too.
	var entries []sim.Entry
	for _, e := range g.Ledger() {
		if e.Turn == t && e.Cause.Kind == sim.ByFacilitator {
			entries = append(entries, e)
		}
	}
	entries = append(entries, rep.Entries...)
	for _, e := range Largest(m, entries, len(entries)) {
		r.Changes = append(r.Changes, Change{
			Var: s.Vars[e.Var].ID, Amount: e.Amount, Cause: cause(m, e),
			Kind: e.Cause.Kind.String(), Source: posString(e.Pos), Reason: e.Reason,
		})
	}
	return r
}

func posString(p sim.Pos) string {
	if !p.IsValid() {
		return ""
	}
	return p.String()
}

// Largest returns up to n entries, largest first, measuring each change
// against its variable's scale (its range where bounded, else its
// starting value) so that changes in different units compare fairly.
func Largest(m *sim.Model, entries []sim.Entry, n int) []sim.Entry {
	out := slices.Clone(entries)
	slices.SortStableFunc(out, func(a, b sim.Entry) int {
		return cmp.Compare(Relative(m, b), Relative(m, a))
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// Relative returns the size of an entry's change relative to the scale of
// its variable.
func Relative(m *sim.Model, e sim.Entry) float64 {
	return math.Abs(e.Amount) / Scale(m, e.Var)
}

// Scale returns the typical size of variable vi: its range where both
// bounds are set, else its starting value (at least 1).
func Scale(m *sim.Model, vi int) float64 {
	lo, hi := m.Bounds(vi)
	if !math.IsInf(lo, 0) && !math.IsInf(hi, 0) && hi > lo {
		return hi - lo
	}
	return math.Max(1, math.Abs(m.Scenario.Vars[vi].Init))
}

// WriteText writes the readable report of a turn.
func WriteText(w io.Writer, g *sim.Game, r Turn) {
	m := g.Model
	s := m.Scenario
	fmt.Fprintf(w, "Turn %d · %s\n", r.Turn, r.Date)
	if len(r.Events) > 0 {
		fmt.Fprintln(w, "  Events")
		for _, id := range r.Events {
			ev := &s.Events[m.EventIndex(id)]
			fmt.Fprintf(w, "    * %s. %s\n", ev.Name, oneLine(m.Narrate(ev.Text, m.View(g.History()[r.Turn-1], g.Fog(), -1))))
			if c, ok := r.Choices[id]; ok {
				fmt.Fprintf(w, "      %s chose: %s\n", s.Actors[m.Chooser(m.EventIndex(id))].Name, c)
			}
		}
	}
	fmt.Fprintln(w, "  Orders")
	for _, a := range s.Actors {
		var parts []string
		for _, li := range m.ActorLevers(m.ActorIndex(a.ID)) {
			if lvl, ok := r.Orders[a.ID][s.Levers[li].ID]; ok {
				parts = append(parts, fmt.Sprintf("%s: %s", s.Levers[li].Name, s.Levers[li].LevelName(lvl)))
			}
		}
		if len(parts) == 0 {
			parts = []string{"nothing"}
		}
		fmt.Fprintf(w, "    %-20s %s\n", a.Name, strings.Join(parts, "; "))
		if ex := r.Explain[a.ID]; ex != "" {
			fmt.Fprintf(w, "    %-20s why: %s\n", "", oneLine(ex))
		}
	}
	fmt.Fprintln(w, "  Largest changes")
	n := min(len(r.Changes), MaxChanges)
	if n == 0 {
		fmt.Fprintln(w, "    none")
	}
	for _, c := range r.Changes[:n] {
		vi := m.VarIndex(c.Var)
		src := ""
		if c.Source != "" {
			src = "  (" + c.Source + ")"
		}
		fmt.Fprintf(w, "    %-28s %10s %-10s %s%s\n", s.Vars[vi].Name, signed(m, vi, c.Amount), s.Vars[vi].Unit, c.Cause, src)
	}
	fmt.Fprintln(w)
}

// signed formats a change with its sign in the variable's format.
func signed(m *sim.Model, vi int, v float64) string {
	f := m.Format(vi, v)
	if v >= 0 && !strings.HasPrefix(f, "+") {
		f = "+" + f
	}
	return f
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// EndOf builds the closing record of a game. It fails when the scores
// cannot be computed (see sim.Game.Scores).
func EndOf(g *sim.Game) (End, error) {
	s := g.Model.Scenario
	scores, err := g.Scores()
	if err != nil {
		return End{}, fmt.Errorf("report: %w", err)
	}
	e := End{Turns: len(g.Reports()), Scores: map[string]float64{}}
	if o := g.Outcome(); o != nil {
		e.Outcome, e.Name = o.ID, o.Name
	}
	for i, v := range scores {
		e.Scores[s.Actors[i].ID] = v
	}
	if g.ParamsDrawn() {
		e.Params = map[string]float64{}
		for i, v := range g.Params() {
			e.Params[s.Params[i].ID] = v
		}
	}
	return e, nil
}

// WriteEnd writes the readable end of a game: the outcome and the scores.
// It fails, writing nothing, when the scores cannot be computed.
func WriteEnd(w io.Writer, g *sim.Game) error {
	s := g.Model.Scenario
	scores, err := g.Scores()
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if o := g.Outcome(); o != nil {
		fmt.Fprintf(w, "Outcome after %s: %s\n  %s\n", TurnsText(len(g.Reports())), o.Name, oneLine(g.Narrate(o.Text, -1)))
	} else {
		fmt.Fprintf(w, "Stopped after %s, before the game ended.\n", TurnsText(len(g.Reports())))
	}
	fmt.Fprintln(w, "Scores")
	for i, v := range scores {
		fmt.Fprintf(w, "  %-20s %8.2f\n", s.Actors[i].Name, v)
	}
	return nil
}

// WriteJSON writes v as one line of JSON.
func WriteJSON(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
