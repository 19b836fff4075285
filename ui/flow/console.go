package flow

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sixparty/sixparty/server/proto"
)

// ConsoleScene is the facilitator's console at a served game: every
// seat's connection, readiness and draft; adjudicate; pause; adjust an
// indicator or inject an event with a reason; hand a seat to the
// computer; reissue a link; every channel's messages; the true state.
type ConsoleScene struct {
	Rows
	chatBox
	// Var and Event are the indicator and event chosen; Role the link to
	// reissue (an actor's index, then facilitator and projector).
	Var, Event, Role int
	// ValueText and ReasonText are the adjustment typed.
	ValueText, ReasonText string
	// Minutes is the deadline to set for each turn (0: none).
	Minutes int
	// Policy is the deadline's policy chosen, an index into
	// DeadlinePolicies; Extend the extension chosen, into Extensions.
	Policy, Extend int
	// adopted is the server's deadline the editors last took their values
	// from.
	adopted proto.Deadline
}

// adopt starts the deadline's editors from the deadline the server runs
// whenever it changes (a console opened, or reopened, while one runs, or
// set from another console), so that they never show "none" beside a
// deadline running; a deadline that is not whole minutes leaves the
// minutes as they are.
func (c *ConsoleScene) adopt(d *proto.Deadline) {
	if d == nil {
		d = &proto.Deadline{}
	}
	if d.Seconds == c.adopted.Seconds && d.Policy == c.adopted.Policy {
		return
	}
	c.adopted = proto.Deadline{Seconds: d.Seconds, Policy: d.Policy}
	if d.Seconds%60 == 0 {
		c.Minutes = d.Seconds / 60
	}
	for i, p := range DeadlinePolicies {
		if p.ID == d.Policy {
			c.Policy = i
		}
	}
}

// DeadlinePolicies are the server's deadline policies, in the console's
// order, with what each does to a team not ready in time.
var DeadlinePolicies = []struct{ ID, Text string }{
	{"hold", "hold: a team not ready keeps its last orders"},
	{"computer", "computer: the computer fills in for a team not ready"},
	{"wait", "wait: the turn waits for every team, marked overdue"},
}

// Extensions are the extensions of the running deadline the console
// offers, in seconds.
var Extensions = []int{60, 5 * 60, 15 * 60}

// policyName names a deadline policy for the console.
func policyName(id string) string {
	switch id {
	case "hold":
		return "hold last orders"
	case "computer":
		return "the computer fills in"
	case "wait":
		return "wait for every team"
	}
	return id
}

// DeadlineStatus describes the deadline running at the console: each
// turn's length and policy, the time left (or passed), and the warning
// or overdue state the server sends; "" when none is set.
func (f *Flow) DeadlineStatus(now time.Time) string {
	v := f.remote.Table.Snapshot()
	d := v.Deadline
	if d == nil || d.Seconds <= 0 {
		return "No deadline running."
	}
	parts := []string{"Running: " + durText(d.Seconds) + " a turn, " + policyName(d.Policy)}
	switch {
	case v.Over:
		parts = append(parts, "game over")
	case d.Due == 0:
		parts = append(parts, "clock stopped (paused)")
	default:
		left := time.UnixMilli(d.Due).Sub(now)
		if left >= 0 {
			parts = append(parts, fmt.Sprintf("%d:%02d left", int(left.Minutes()), int(left.Seconds())%60))
		} else {
			left = -left
			parts = append(parts, fmt.Sprintf("passed %d:%02d ago", int(left.Minutes()), int(left.Seconds())%60))
		}
	}
	// The alert first: a console row too narrow for the whole status
	// still shows it.
	if d.Overdue {
		parts = append([]string{"OVERDUE: waiting for the teams not ready"}, parts...)
	} else if d.Warning {
		parts = append([]string{"WARNING: the deadline is near"}, parts...)
	}
	return strings.Join(parts, " · ")
}

// DeadlineAlert reports the server's warning or overdue state of the
// running deadline.
func (f *Flow) DeadlineAlert() (warning, overdue bool) {
	v := f.remote.Table.Snapshot()
	if d := v.Deadline; d != nil && !v.Over {
		return d.Warning, d.Overdue
	}
	return false, false
}

// durText says a number of seconds as minutes, or seconds under one.
func durText(s int) string {
	if s%60 == 0 {
		return fmt.Sprintf("%d min", s/60)
	}
	if s < 60 {
		return fmt.Sprintf("%d s", s)
	}
	return fmt.Sprintf("%d min %d s", s/60, s%60)
}

// The console's rows after one per actor.
const (
	conAdjudicate = iota
	conPause
	conDeadline
	conPolicy
	conExtend
	conVar
	conValue
	conReason
	conEvent
	conReissue
	conChannel
	conText
	conRows
)

// ConsoleDeadlineRow is the deadline's row among ConsoleRows, which the
// screen colours by the deadline's warning or overdue state.
const ConsoleDeadlineRow = conDeadline

// ConsoleRow names row i of the console for tests and the screen.
func (f *Flow) consoleRow(i int) int { return i - len(f.Model.Scenario.Actors) }

// ID implements Scene.
func (*ConsoleScene) ID() SceneID { return Console }

// ConsoleRows returns the console's rows after the actors' as text.
func (c *ConsoleScene) ConsoleRows(f *Flow) []string {
	m := f.Model
	t := f.remote.Table
	v := t.Snapshot()
	pause := "Pause the game"
	if v.Paused {
		pause = "Resume the game"
	}
	vr := m.Scenario.Vars[c.Var%len(m.Scenario.Vars)]
	ev := "no events"
	if len(m.Scenario.Events) > 0 {
		ev = m.Scenario.Events[c.Event%len(m.Scenario.Events)].Name
	}
	return []string{
		conAdjudicate: fmt.Sprintf("Adjudicate turn %d", v.Turn),
		conPause:      pause,
		conDeadline:   c.deadlineText(f),
		conPolicy:     "If a team is not ready: ◄ " + DeadlinePolicies[c.Policy%len(DeadlinePolicies)].Text + " ►",
		conExtend:     c.extendText(v),
		conVar:        "Adjust: " + vr.Name,
		conValue:      "New value: " + c.ValueText,
		conReason:     "Reason: " + c.ReasonText,
		conEvent:      "Inject event: " + ev,
		conReissue:    "Reissue the link of: " + c.roleName(f),
		conChannel:    "Message to: " + ChannelName(m, -1, c.ChannelOf(t)),
		conText:       "Message: " + c.Text,
	}
}

// deadlineText describes the deadline row: the minutes chosen, and the
// deadline running with its countdown.
func (c *ConsoleScene) deadlineText(f *Flow) string {
	set := "none"
	if c.Minutes > 0 {
		set = fmt.Sprintf("%d min a turn", c.Minutes)
	}
	return "Deadline to set: ◄ " + set + " ► · " + f.DeadlineStatus(time.Now())
}

// extendText describes the extend row: the extension chosen, or that no
// deadline runs to extend.
func (c *ConsoleScene) extendText(v proto.View) string {
	s := "Extend this turn's deadline: ◄ +" + durText(Extensions[c.Extend%len(Extensions)]) + " ►"
	if d := v.Deadline; d == nil || d.Due == 0 || v.Over {
		s += " (no deadline running)"
	}
	return s
}

func (c *ConsoleScene) roles(f *Flow) []string {
	var out []string
	for _, a := range f.Model.Scenario.Actors {
		out = append(out, a.ID)
	}
	return append(out, proto.RoleFacilitator, proto.RoleProjector)
}

func (c *ConsoleScene) roleName(f *Flow) string {
	r := c.roles(f)[c.Role%len(c.roles(f))]
	if ai := f.Model.ActorIndex(r); ai >= 0 {
		return f.Model.Scenario.Actors[ai].Name
	}
	return r
}

// SeatLine describes actor ai at the console: who plays it, its open
// connections, whether it is ready, and its draft.
func (f *Flow) SeatLine(ai int) string {
	t := f.remote.Table
	m := t.Model()
	v := t.Snapshot()
	a := m.Scenario.Actors[ai]
	seat := v.Seats[a.ID]
	parts := []string{a.Name, seat, fmt.Sprintf("%d connected", v.Connected[a.ID])}
	if v.Ready[a.ID] {
		parts = append(parts, "ready")
	} else {
		parts = append(parts, "not ready")
	}
	if d := v.Drafts[a.ID]; d != nil && len(d.Orders) > 0 {
		var o []string
		for _, id := range slices.Sorted(maps.Keys(d.Orders)) {
			if li := m.LeverIndex(id); li >= 0 && d.Orders[id] < len(m.Scenario.Levers[li].Levels) {
				o = append(o, m.Scenario.Levers[li].Name+" "+m.Scenario.Levers[li].LevelName(d.Orders[id]))
			}
		}
		parts = append(parts, "draft: "+strings.Join(o, ", "))
	} else if seat == "person" {
		parts = append(parts, "draft: no lever pulled")
	}
	return strings.Join(parts, " · ")
}

// Do implements Scene.
func (c *ConsoleScene) Do(f *Flow, in Input) {
	m := f.Model
	t := f.remote.Table
	na := len(m.Scenario.Actors)
	if moveRow(&c.Rows, in, na+conRows) {
		return
	}
	v := t.Snapshot()
	step := 0
	switch in.Action {
	case Left:
		step = -1
	case Right:
		step = 1
	}
	if c.Cursor < na {
		a := m.Scenario.Actors[c.Cursor]
		if step != 0 || in.Action == Confirm {
			seat := "computer:normal"
			if v.Seats[a.ID] != "person" {
				seat = "person"
			}
			f.send(proto.Msg{Type: "seat", Actor: a.ID, Seat: seat})
			f.Message = a.Name + " is now played by: " + seat
		}
		return
	}
	wrap := func(x, d, n int) int { return ((x+d)%n + n) % n }
	switch f.consoleRow(c.Cursor) {
	case conAdjudicate:
		if in.Action == Confirm {
			f.send(proto.Msg{Type: "adjudicate", Turn: v.Turn})
			f.Message = fmt.Sprintf("Adjudicating turn %d.", v.Turn)
		}
	case conPause:
		if in.Action == Confirm {
			typ := "pause"
			if v.Paused {
				typ = "resume"
			}
			f.send(proto.Msg{Type: typ})
		}
	case conDeadline:
		c.Minutes = max(0, min(120, c.Minutes+step))
		if in.Action == Confirm {
			c.setDeadline(f)
		}
	case conPolicy:
		c.Policy = wrap(c.Policy, step, len(DeadlinePolicies))
		if in.Action == Confirm {
			c.setDeadline(f)
		}
	case conExtend:
		c.Extend = wrap(c.Extend, step, len(Extensions))
		if in.Action == Confirm {
			if d := v.Deadline; d == nil || d.Due == 0 || v.Over {
				f.Message = "No deadline is running to extend."
				return
			}
			s := Extensions[c.Extend]
			f.send(proto.Msg{Type: "extend", Seconds: s})
			f.Message = "This turn's deadline extended by " + durText(s) + "."
		}
	case conVar:
		c.Var = wrap(c.Var, step, len(m.Scenario.Vars))
	case conValue, conReason:
		p := &c.ValueText
		if f.consoleRow(c.Cursor) == conReason {
			p = &c.ReasonText
		}
		switch in.Action {
		case Type:
			if len(*p) < 500 {
				*p += string(in.Rune)
			}
		case Erase:
			*p = dropLast(*p)
		case Confirm:
			c.adjust(f)
		}
	case conEvent:
		if len(m.Scenario.Events) > 0 {
			c.Event = wrap(c.Event, step, len(m.Scenario.Events))
			if in.Action == Confirm {
				e := m.Scenario.Events[c.Event]
				f.send(proto.Msg{Type: "inject", Event: e.ID})
				f.Message = "Injected: " + e.Name
			}
		}
	case conReissue:
		c.Role = wrap(c.Role, step, len(c.roles(f)))
		if in.Action == Confirm {
			f.send(proto.Msg{Type: "reissue", Role: c.roles(f)[c.Role]})
			f.Message = "Reissued the link of " + c.roleName(f) + ": the new one is below."
		}
	case conChannel:
		c.step(t, step)
	case conText:
		switch in.Action {
		case Type:
			c.typeRune(in.Rune)
		case Erase:
			c.Text = dropLast(c.Text)
		case Confirm:
			c.sendTo(f)
		}
	}
}

// setDeadline sends the deadline chosen with its policy.
func (c *ConsoleScene) setDeadline(f *Flow) {
	p := DeadlinePolicies[c.Policy%len(DeadlinePolicies)]
	f.send(proto.Msg{Type: "deadline", Seconds: c.Minutes * 60, Policy: p.ID})
	if c.Minutes == 0 {
		f.Message = "Deadline: none."
		return
	}
	f.Message = fmt.Sprintf("Deadline set: %d min a turn, %s.", c.Minutes, policyName(p.ID))
}

func (c *ConsoleScene) adjust(f *Flow) {
	x, err := strconv.ParseFloat(strings.TrimSpace(c.ValueText), 64)
	if err != nil {
		f.Message = "Type the new value as a number."
		return
	}
	if strings.TrimSpace(c.ReasonText) == "" {
		f.Message = "Give a reason: the teams that see the indicator read it in the ledger."
		return
	}
	vr := f.Model.Scenario.Vars[c.Var]
	f.send(proto.Msg{Type: "adjust", Var: vr.ID, Value: &x, Reason: strings.TrimSpace(c.ReasonText)})
	f.Message = fmt.Sprintf("%s set to %g.", vr.Name, x)
	c.ValueText, c.ReasonText = "", ""
}

// WantsText implements TextScene: on the value, reason and message rows.
func (c *ConsoleScene) WantsText(f *Flow) bool {
	r := f.consoleRow(c.Cursor)
	return r == conValue || r == conReason || r == conText
}

// Hints implements Scene.
func (c *ConsoleScene) Hints(f *Flow) []Action { return []Action{Up, Down, Left, Right, Confirm, Quit} }

// Label implements Scene.
func (c *ConsoleScene) Label(f *Flow, a Action) string {
	if a == Confirm {
		if c.Cursor < len(f.Model.Scenario.Actors) {
			return "hand to computer / person"
		}
		switch f.consoleRow(c.Cursor) {
		case conDeadline, conPolicy:
			return "set the deadline"
		case conExtend:
			return "extend"
		}
		return "do it"
	}
	if a == Left || a == Right {
		switch f.consoleRow(c.Cursor) {
		case conDeadline, conExtend:
			if a == Left {
				return "shorter"
			}
			return "longer"
		case conPolicy:
			return "policy"
		}
	}
	return ""
}

// Links returns the links reissued so far, by role.
func (f *Flow) Links() map[string]string { return f.remote.Table.Links() }
