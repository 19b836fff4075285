package flow

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sixparty/sixparty/report"
	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/sim"
)

// The scenes of a served game's links: a seat's, the facilitator's
// console and the room's projector (remote_seat.go, console.go and
// projector.go draw them in package ui).
var (
	RemoteSeat = NewSceneID("seat")
	Console    = NewSceneID("console")
	Projector  = NewSceneID("projector")
)

// NewRemote returns a flow at the scene of rc's link: a seat's orders and
// messages, the facilitator's console or the projector. The flow never
// holds a sim.Game: every scene reads rc.Table, which holds only what the
// server sent the link.
func NewRemote(cfg Config, rc *RemoteConn) *Flow {
	f := &Flow{cfg: cfg, OnBranch: -1, remote: rc, Model: rc.Table.Model()}
	switch rc.Table.Role() {
	case proto.RoleFacilitator:
		f.scene = &ConsoleScene{}
	case proto.RoleProjector:
		f.scene = &ProjectorScene{}
	default:
		f.Current = rc.Table.Seat()
		f.scene = &RemoteSeatScene{}
	}
	return f
}

// Remote returns the connection of a served game's flow, nil at a local
// table.
func (f *Flow) Remote() *RemoteConn { return f.remote }

// pollRemote reports whether the remote table changed, and shows the
// server's refusals on the status line.
func (f *Flow) pollRemote() bool {
	if f.remote == nil || !f.remote.Table.Poll() {
		return false
	}
	if turn := f.remote.Table.Turn(); turn != f.remote.seenTurn {
		// A status about the turn before ("Adjudicating turn 1.") is stale.
		f.remote.seenTurn, f.Message = turn, ""
	}
	if errs := f.remote.Table.Errors(); len(errs) > 0 {
		f.Message = "The server refused: " + errs[len(errs)-1]
	}
	return true
}

// send queues a command and asks the connection to send it.
func (f *Flow) send(m proto.Msg) {
	f.remote.Table.Send(m)
	f.remote.Kick()
}

// RemoteStatus is the header line of a remote scene: the turn and date,
// the deadline's time left at now, and whether the link is connected.
func (f *Flow) RemoteStatus(now time.Time) string {
	t := f.remote.Table
	v := t.Snapshot()
	m := t.Model()
	var parts []string
	switch {
	case v.Over:
		parts = append(parts, "Game over")
	default:
		parts = append(parts, fmt.Sprintf("Turn %d of %d · %s", v.Turn, m.Scenario.Meta.Turns, m.Date(v.Turn)))
	}
	if v.Paused {
		parts = append(parts, "paused")
	}
	if d := v.Deadline; d != nil && d.Due > 0 && !v.Over {
		left := time.UnixMilli(d.Due).Sub(now)
		if left < 0 {
			parts = append(parts, "deadline passed")
		} else {
			parts = append(parts, fmt.Sprintf("%d:%02d left", int(left.Minutes()), int(left.Seconds())%60))
		}
	}
	if up, _ := f.remote.Connected(); !up {
		parts = append(parts, "reconnecting…")
	}
	return strings.Join(parts, " · ")
}

// ReadyLine says who is ready: "Alpha ready · Beta waiting · Gamma
// (computer) ready" (in words: the window's font has no check mark).
func (f *Flow) ReadyLine() string {
	t := f.remote.Table
	seats := t.Seats()
	var parts []string
	for i, a := range t.Model().Scenario.Actors {
		mark := "waiting"
		if t.Ready(i) {
			mark = "ready"
		}
		who := a.Name
		if !seats[i].Human {
			who += " (computer)"
		}
		parts = append(parts, who+" "+mark)
	}
	return strings.Join(parts, " · ")
}

// ValueLine is one indicator as a link sees it: its name and value, exact
// or as an estimate with its uncertainty.
type ValueLine struct {
	Var   int
	Name  string
	Value string
	Exact bool
}

// RemoteValues returns the indicators the link holds at the start of the
// turn being ordered (every one for a seat and the facilitator, exact or
// estimated; only those every actor sees exactly for the projector).
func (f *Flow) RemoteValues() []ValueLine {
	t := f.remote.Table
	m := t.Model()
	v := t.View(t.Seat(), t.Played())
	var out []ValueLine
	for _, g := range Groups(m) {
		for _, vi := range g.Vars {
			if t.Role() == proto.RoleProjector && !t.Known(-1, vi) {
				continue
			}
			val := strconv.FormatFloat(v.Vals[vi], 'f', 1, 64)
			if !v.Exact[vi] {
				val = "≈" + val
				if v.SD[vi] > 0 {
					val += " ±" + strconv.FormatFloat(v.SD[vi], 'f', 1, 64)
				}
			}
			out = append(out, ValueLine{Var: vi, Name: m.Scenario.Vars[vi].Name, Value: val, Exact: v.Exact[vi]})
		}
	}
	return out
}

// LastTurnLines describes the last turn played as the link may see it:
// the orders revealed (levers above their lowest level) and its n largest
// changes with their causes.
func (f *Flow) LastTurnLines(n int) (orders, changes []string) {
	t := f.remote.Table
	m := t.Model()
	played := t.Played()
	if played == 0 {
		return nil, nil
	}
	for li, lvl := range t.Levels(played) {
		if l := m.Scenario.Levers[li]; lvl > 0 && lvl < len(l.Levels) {
			orders = append(orders, fmt.Sprintf("%s: %s (%s)", m.Scenario.Actors[m.ActorIndex(l.Actor)].Name, l.Name, l.Levels[lvl]))
		}
	}
	for _, e := range report.Largest(m, t.Entries(played), n) {
		changes = append(changes, fmt.Sprintf("%s %s by %s", m.Scenario.Vars[e.Var].Name, signed(e.Amount), m.Describe(e.Cause)))
	}
	return orders, changes
}

func signed(x float64) string {
	if math.Abs(x) < 0.05 {
		return "±0"
	}
	s := strconv.FormatFloat(x, 'f', 1, 64)
	if x > 0 {
		s = "+" + s
	}
	return s
}

// MessageLine is one message as a scene lists it.
type MessageLine struct {
	Channel, From, Text string
	Turn                int
}

// ChannelMessages returns the messages of channel ("" for every channel),
// oldest first, with their senders' names.
func (f *Flow) ChannelMessages(channel string) []MessageLine {
	t := f.remote.Table
	m := t.Model()
	var out []MessageLine
	for _, msg := range t.Messages(t.Seat()) {
		if channel != "" && msg.Channel != channel {
			continue
		}
		from := "White cell"
		if msg.From >= 0 {
			from = m.Scenario.Actors[msg.From].Name
		}
		out = append(out, MessageLine{Channel: msg.Channel, From: from, Text: msg.Text, Turn: msg.Turn})
	}
	return out
}

// ChannelName names a channel for a team: "Everyone", "White cell",
// or the other actor's name.
func ChannelName(m *sim.Model, seat int, channel string) string {
	if channel == "all" {
		return "Everyone"
	}
	if a, ok := strings.CutPrefix(channel, "white:"); ok {
		if seat >= 0 {
			return "White cell"
		}
		if ai := m.ActorIndex(a); ai >= 0 {
			return "White cell – " + m.Scenario.Actors[ai].Name
		}
	}
	var names []string
	for _, id := range strings.Split(channel, "+") {
		if ai := m.ActorIndex(id); ai >= 0 && ai != seat {
			names = append(names, m.Scenario.Actors[ai].Name)
		}
	}
	if len(names) == 0 {
		return channel
	}
	return strings.Join(names, " & ")
}

// chatBox is the message composer every remote scene with messages has:
// the channel chosen and the text typed.
type chatBox struct {
	// Channel is the index of the channel chosen in the table's Channels.
	Channel int
	// Text is the message being typed.
	Text string
}

// ChannelOf returns the channel chosen.
func (c *chatBox) ChannelOf(t *RemoteTable) string {
	chs := t.Channels()
	return chs[min(c.Channel, len(chs)-1)]
}

func (c *chatBox) step(t *RemoteTable, d int) {
	n := len(t.Channels())
	c.Channel = ((c.Channel+d)%n + n) % n
}

func (c *chatBox) typeRune(r rune) {
	if len([]rune(c.Text)) < 2000 && r >= ' ' {
		c.Text += string(r)
	}
}

func (c *chatBox) sendTo(f *Flow) {
	text := strings.TrimSpace(c.Text)
	if text == "" {
		f.Message = "Type a message first."
		return
	}
	ch := c.ChannelOf(f.remote.Table)
	f.send(proto.Msg{Type: "chat", Channel: ch, Text: text})
	c.Text = ""
	f.remote.Table.MarkRead(ch)
}

// moveRow applies Up, Down and Select to a scene's cursor over n rows.
func moveRow(r *Rows, in Input, n int) bool {
	switch in.Action {
	case Up:
		r.Cursor = max(0, r.Cursor-1)
	case Down:
		r.Cursor = min(n-1, r.Cursor+1)
	case Select:
		if in.Item >= 0 && in.Item < n {
			r.Cursor = in.Item
		}
	default:
		return false
	}
	return true
}

// RemoteSeatScene is a team's screen at a served game: its briefing, its
// orders with the budget, the others' ready flags, its messages, and the
// last turn's revealed orders and changes.
type RemoteSeatScene struct {
	Rows
	chatBox
	// Levels is the draft: a level per lever of the seat, in SeatLevers'
	// order.
	Levels []int
	turn   int
}

// SeatLevers returns the lever indexes of the seat's actor.
func (f *Flow) SeatLevers() []int {
	m := f.Model
	var out []int
	for li, l := range m.Scenario.Levers {
		if m.ActorIndex(l.Actor) == f.Current {
			out = append(out, li)
		}
	}
	return out
}

// The seat scene's rows after its levers.
const (
	seatRowSubmit = iota
	seatRowChannel
	seatRowText
	seatRows
)

// ID implements Scene.
func (*RemoteSeatScene) ID() SceneID { return RemoteSeat }

// sync starts a new turn's draft from the one the server holds.
func (s *RemoteSeatScene) sync(f *Flow) {
	t := f.remote.Table
	if s.Levels != nil && s.turn == t.Turn() {
		return
	}
	s.turn = t.Turn()
	levers := f.SeatLevers()
	s.Levels = make([]int, len(levers))
	if d := t.Draft(); d != nil {
		for i, li := range levers {
			l := f.Model.Scenario.Levers[li]
			s.Levels[i] = max(0, min(len(l.Levels)-1, d.Orders[l.ID]))
		}
	}
}

// Draft returns the scene's draft as orders.
func (s *RemoteSeatScene) Draft(f *Flow) map[string]int {
	s.sync(f)
	o := map[string]int{}
	for i, li := range f.SeatLevers() {
		if s.Levels[i] > 0 {
			o[f.Model.Scenario.Levers[li].ID] = s.Levels[i]
		}
	}
	return o
}

// Cost returns what the draft costs and the seat's budget.
func (s *RemoteSeatScene) Cost(f *Flow) (cost, budget float64) {
	s.sync(f)
	m := f.Model
	for i, li := range f.SeatLevers() {
		if c := m.Scenario.Levers[li].Cost; s.Levels[i] < len(c) {
			cost += c[s.Levels[i]]
		}
	}
	return cost, m.Scenario.Actors[f.Current].Budget
}

// Row kinds of the seat scene.
func (s *RemoteSeatScene) extra(f *Flow, row int) int { return row - len(f.SeatLevers()) }

// Do implements Scene.
func (s *RemoteSeatScene) Do(f *Flow, in Input) {
	s.sync(f)
	t := f.remote.Table
	levers := f.SeatLevers()
	n := len(levers) + seatRows
	if moveRow(&s.Rows, in, n) {
		if s.extra(f, s.Cursor) == seatRowChannel || s.extra(f, s.Cursor) == seatRowText {
			t.MarkRead(s.ChannelOf(t))
		}
		return
	}
	over := t.Over()
	switch row := s.Cursor; {
	case row < len(levers):
		switch in.Action {
		case Left:
			s.setLevel(f, row, s.Levels[row]-1)
		case Right:
			s.setLevel(f, row, s.Levels[row]+1)
		case SetLevel:
			if in.Item < len(levers) {
				s.Cursor = in.Item
				s.setLevel(f, in.Item, in.Value)
			}
		case Confirm:
			s.Cursor = len(levers)
		}
	case s.extra(f, row) == seatRowSubmit:
		if in.Action == Confirm && !over {
			if c, b := s.Cost(f); c > b+1e-9 {
				f.Message = fmt.Sprintf("The orders cost %.0f, over the budget of %.0f.", c, b)
				return
			}
			if err := t.Submit(f.Current, s.Draft(f), nil); err != nil {
				f.Message = err.Error()
				return
			}
			f.remote.Kick()
			f.Message = "Orders submitted: waiting for the facilitator to adjudicate."
		}
	case s.extra(f, row) == seatRowChannel:
		switch in.Action {
		case Left:
			s.step(t, -1)
		case Right, Confirm:
			s.step(t, 1)
		}
		t.MarkRead(s.ChannelOf(t))
	case s.extra(f, row) == seatRowText:
		switch in.Action {
		case Type:
			s.typeRune(in.Rune)
		case Erase:
			s.Text = dropLast(s.Text)
		case Confirm:
			s.sendTo(f)
		case Left:
			s.step(t, -1)
		case Right:
			s.step(t, 1)
		}
	}
}

func (s *RemoteSeatScene) setLevel(f *Flow, i, lvl int) {
	l := f.Model.Scenario.Levers[f.SeatLevers()[i]]
	lvl = max(0, min(len(l.Levels)-1, lvl))
	s.Levels[i] = lvl
	// The draft goes to the server at once (not ready): a dropped network
	// or a reloaded page finds it there.
	if err := f.remote.Table.SetDraft(f.Current, s.Draft(f), nil); err == nil {
		f.remote.Kick()
	}
}

// WantsText implements TextScene: on the message row.
func (s *RemoteSeatScene) WantsText(f *Flow) bool {
	return s.extra(f, s.Cursor) == seatRowText
}

// Hints implements Scene.
func (s *RemoteSeatScene) Hints(f *Flow) []Action {
	return []Action{Up, Down, Left, Right, Confirm, Quit}
}

// Label implements Scene.
func (s *RemoteSeatScene) Label(f *Flow, a Action) string {
	switch {
	case a == Confirm && s.extra(f, s.Cursor) == seatRowText:
		return "send message"
	case a == Confirm:
		return "submit orders"
	case (a == Left || a == Right) && s.extra(f, s.Cursor) >= seatRowChannel:
		return "channel"
	}
	return ""
}

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
}

// The console's rows after one per actor.
const (
	conAdjudicate = iota
	conPause
	conDeadline
	conVar
	conValue
	conReason
	conEvent
	conReissue
	conChannel
	conText
	conRows
)

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
		conDeadline:   c.deadlineText(v),
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
// deadline running.
func (c *ConsoleScene) deadlineText(v proto.View) string {
	set := "none"
	if c.Minutes > 0 {
		set = fmt.Sprintf("%d min a turn (a team not ready keeps its last orders)", c.Minutes)
	}
	now := ""
	if d := v.Deadline; d != nil && d.Seconds > 0 {
		now = fmt.Sprintf(" · running: %d min", d.Seconds/60)
	}
	return "Deadline: ◄ " + set + " ►" + now
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
				o = append(o, m.Scenario.Levers[li].Name+" "+m.Scenario.Levers[li].Levels[d.Orders[id]])
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
			f.send(proto.Msg{Type: "deadline", Seconds: c.Minutes * 60, Policy: "hold"})
			f.Message = c.deadlineText(v) + ": set."
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
		return "do it"
	}
	return ""
}

// Links returns the links reissued so far, by role.
func (f *Flow) Links() map[string]string { return f.remote.Table.Links() }

// ProjectorScene is the room's projector at a served game: only what every
// actor sees until a turn is adjudicated, then the orders revealed and the
// turn's largest public changes, in large type.
type ProjectorScene struct{ Rows }

// ID implements Scene.
func (*ProjectorScene) ID() SceneID { return Projector }

// Do implements Scene: the projector takes no input but paging.
func (p *ProjectorScene) Do(f *Flow, in Input) {
	switch in.Action {
	case PageNext, Down:
		p.Page++
	case PagePrev, Up:
		p.Page = max(0, p.Page-1)
	}
}

// Hints implements Scene.
func (*ProjectorScene) Hints(*Flow) []Action { return []Action{PageNext, PagePrev, Fullscreen, Quit} }

// Label implements Scene.
func (*ProjectorScene) Label(*Flow, Action) string { return "" }
