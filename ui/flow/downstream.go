package flow

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/sixparty/sixparty/report"
	"github.com/sixparty/sixparty/sim"
)

// DownstreamView is the scene kind of "what did my lever change?".
var DownstreamView = NewSceneID("downstream")

// DownTurn is what one of the seat's levers changed on one turn, as the
// seat may see it: the ledger entries the lever caused directly, and one
// step on, the entries whose formula read a variable the lever moved: the
// rules of the same turn (they run after the levers' effects and see
// them, as the why view links a cause to its moved inputs) and the
// effects and rules of the next turn (they start from those values).
type DownTurn struct {
	Turn int
	// Level is the lever's level ordered on the turn.
	Level int
	// Direct are the lever's own entries, largest first (by the
	// indicator's scale).
	Direct []sim.Entry
	// Onward are the entries that read what the lever moved.
	Onward []Onward
	// Hidden counts the lever's direct entries on indicators the seat
	// does not see exactly (not listed).
	Hidden int
}

// Onward is an entry one step downstream of a lever: Via are the
// variables the lever moved that its formula read.
type Onward struct {
	Entry sim.Entry
	Via   []int
	// Next is set for an entry of the next turn.
	Next bool
}

// Downstream returns, turn by turn from the first, what lever li changed
// in the entries of the Table the viewer may see (variables it knows
// exactly): the turns where it did nothing are left out.
func (f *Flow) Downstream(li int) []DownTurn {
	m := f.Game.Model
	var out []DownTurn
	for t := 1; t <= f.Played; t++ {
		entries := f.table.Entries(t)
		d := DownTurn{Turn: t}
		if lv := f.table.Levels(t); li < len(lv) {
			d.Level = lv[li]
		}
		moved := map[int]bool{}
		for _, e := range entries {
			if e.Cause.Kind != sim.ByLever || e.Cause.Index != li {
				continue
			}
			if !f.Known(e.Var) {
				d.Hidden++
				continue
			}
			d.Direct = append(d.Direct, e)
			moved[e.Var] = true
		}
		onward := func(entries []sim.Entry, next bool) {
			for _, e := range entries {
				if e.Cause.Kind == sim.ByLever && e.Cause.Index == li || !f.Known(e.Var) {
					continue
				}
				if !next && e.Cause.Kind != sim.ByRule {
					continue // this turn's effects did not see the lever's
				}
				var via []int
				for _, in := range m.Inputs(e) {
					if moved[in] && (in != e.Var || next) {
						via = append(via, in)
					}
				}
				if len(via) > 0 {
					d.Onward = append(d.Onward, Onward{Entry: e, Via: via, Next: next})
				}
			}
		}
		if len(moved) > 0 {
			onward(entries, false)
			if t < f.Played {
				onward(f.table.Entries(t+1), true)
			}
		}
		size := func(e sim.Entry) float64 { return math.Abs(e.Amount) / report.Scale(m, e.Var) }
		slices.SortStableFunc(d.Direct, func(a, b sim.Entry) int { return cmp.Compare(size(b), size(a)) })
		slices.SortStableFunc(d.Onward, func(a, b Onward) int {
			if a.Next != b.Next {
				return cmp.Compare(btoi(a.Next), btoi(b.Next))
			}
			return cmp.Compare(size(b.Entry), size(a.Entry))
		})
		if len(d.Direct) > 0 || len(d.Onward) > 0 || d.Hidden > 0 {
			out = append(out, d)
		}
	}
	return out
}

// DownstreamScene shows what one of the seat's levers changed over the
// turns played (issue 14, point 9): opened with O from the orders (the
// selected lever) or the report (the first lever of the person, or on a
// shared report of each person in turn: the orders are revealed at
// adjudication, and the changes are those every viewer sees exactly);
// Left and Right go through the levers, Up and Down scroll the turns.
type DownstreamScene struct {
	Rows
	// Levers are the levers that can be shown and Lever the one shown
	// (an index into Levers).
	Levers []int
	Lever  int
}

// ID implements Scene.
func (*DownstreamScene) ID() SceneID { return DownstreamView }

// LeverShown returns the lever the scene shows.
func (s *DownstreamScene) LeverShown() int { return s.Levers[s.Lever] }

// openDownstream opens the downstream view of the seats' levers at lever
// li (or the first when li is not one of them).
func (f *Flow) openDownstream(seats []int, li int) {
	var levers []int
	for _, a := range seats {
		levers = append(levers, f.Game.Model.ActorLevers(a)...)
	}
	switch {
	case len(levers) == 0:
		f.Message = "No lever to follow here."
		return
	case f.Played == 0:
		f.Message = "No turn has been played yet: the levers have changed nothing so far."
		return
	}
	k := max(0, slices.Index(levers, li))
	f.open(&DownstreamScene{Levers: levers, Lever: k})
}

// Do implements Scene.
func (s *DownstreamScene) Do(f *Flow, in Input) {
	n := len(f.Downstream(s.LeverShown()))
	switch in.Action {
	case Up, Down:
		f.move(in, n)
	case Left:
		s.Lever = (s.Lever + len(s.Levers) - 1) % len(s.Levers)
		s.Cursor = 0
	case Right:
		s.Lever = (s.Lever + 1) % len(s.Levers)
		s.Cursor = 0
	case Back, Confirm, Downstream:
		f.close()
	}
}

// Hints implements Scene.
func (*DownstreamScene) Hints(*Flow) []Action { return []Action{Left, Right, Up, Down, Back} }

// Label implements Scene.
func (*DownstreamScene) Label(_ *Flow, a Action) string {
	switch a {
	case Left:
		return "previous lever"
	case Right:
		return "next lever"
	}
	return ""
}

// DownTitle is the downstream view's heading of turn d.
func DownTitle(m *sim.Model, li int, d DownTurn) string {
	l := m.Scenario.Levers[li]
	lvl := "at rest"
	if d.Level > 0 && d.Level < len(l.Levels) {
		lvl = "ordered at " + l.LevelName(d.Level)
	}
	return "Turn " + itoa(d.Turn) + " · " + m.Date(d.Turn) + " · " + lvl
}

// DirectText says one of a lever's own entries.
func DirectText(m *sim.Model, e sim.Entry) string {
	return amountText(m, e) + ", directly"
}

// OnwardText says an entry one step on from a lever.
func OnwardText(m *sim.Model, o Onward) string {
	var via []string
	for _, vi := range o.Via {
		via = append(via, m.Scenario.Vars[vi].Name)
	}
	when := ""
	if o.Next {
		when = " (turn " + itoa(o.Entry.Turn) + ")"
	}
	return "→ " + amountText(m, o.Entry) + when + ": " + CauseText(m, o.Entry) + ", which read " + joinAnd(via)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// amountText says an entry's variable and amount with its unit.
func amountText(m *sim.Model, e sim.Entry) string {
	v := m.Scenario.Vars[e.Var]
	return v.Name + " " + sim.WithUnit(Signed(m, e.Var, e.Amount), v.Unit)
}

func itoa(n int) string { return strconv.Itoa(n) }

// joinAnd joins names as "a, b and c".
func joinAnd(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// DownNote says what the downstream view lists.
const DownNote = "Each turn the lever's own changes, then one step on (→): the rules of that turn and the changes of the next whose formula read something it moved. Only indicators you see exactly."
