package flow

import (
	"fmt"
	"math"
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
	f := &Flow{cfg: cfg, OnBranch: -1, remote: rc, Model: rc.Table.Model(), Played: rc.Table.Played()}
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
	f.Played = f.remote.Table.Played()
	if c := SceneOf[*ConsoleScene](f); c != nil {
		c.adopt(f.remote.Table.Snapshot().Deadline)
	}
	if turn := f.remote.Table.Turn(); turn != f.remote.seenTurn {
		// A status about the turn before ("Adjudicating turn 1.") is stale.
		f.remote.seenTurn, f.Message = turn, ""
	}
	if fs := f.remote.Table.Faults(); len(fs) > 0 {
		f.Message = "This window could not read what the server sent: " + fs[len(fs)-1]
	}
	if errs := f.remote.Table.Errors(); len(errs) > 0 {
		f.Message = "The server refused: " + errs[len(errs)-1]
	}
	return true
}

// Seen reports whether the table holds a value of variable vi now, exact
// or estimated: always at a local table; at a remote one, whether the
// server sent it (the dashboard then says "not seen", never a 0).
func (f *Flow) Seen(vi int) bool {
	if f.remote == nil {
		return true
	}
	seen := f.remote.Table.Seen(f.remote.Table.Played())
	return vi >= 0 && vi < len(seen) && seen[vi]
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
	if live := f.LiveStatus(now); live != "" {
		parts = append(parts, live)
	}
	return strings.Join(parts, " · ")
}

// LiveStatus is what a remote scene's header says of the moment, "" for
// nothing: paused, the deadline's time left at now (or passed), and
// whether the link is reconnecting, and once the game is revealed
// (Revealed), that the values are the true ones; revealed but not rebuilt
// on this machine (RevealValues), that the causes were not rebuilt here
// (the dashboard's title says its values are the true ones at the end).
// The dashboard and the
// why view, whose headers name the turn they show, add it after.
func (f *Flow) LiveStatus(now time.Time) string {
	if f.remote == nil {
		return ""
	}
	v := f.remote.Table.Snapshot()
	var parts []string
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
	switch f.Revelation() {
	case RevealGame:
		parts = append(parts, "true values revealed")
	case RevealValues:
		parts = append(parts, RevealValuesStatus)
	}
	return strings.Join(parts, " · ")
}

// Revealed reports whether a remote link shows the true game: the server
// revealed it at its end and the table rebuilt it (RemoteTable.Revealed),
// so that the dashboard and the why view show every value exact and the
// true chain of causes, as the local end screen does.
func (f *Flow) Revealed() bool { return f.remote != nil && f.remote.Table.Revealed() }

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
// or as an estimate with its uncertainty. Seen is false for an indicator
// the server did not send, whose Value is "not public" (never a number).
type ValueLine struct {
	Var   int
	Name  string
	Value string
	Exact bool
	Seen  bool
}

// RemoteValues returns the indicators the link holds at the start of the
// turn being ordered (every one for a seat and the facilitator, exact or
// estimated; only those every actor sees exactly for the projector). An
// indicator the server left out is left out for the projector and "not
// public" for the others, never a value of 0.
func (f *Flow) RemoteValues() []ValueLine {
	t := f.remote.Table
	m := t.Model()
	v := t.View(t.Seat(), t.Played())
	seen := t.Seen(t.Played())
	var out []ValueLine
	for _, g := range Groups(m) {
		for _, vi := range g.Vars {
			proj := t.Role() == proto.RoleProjector
			if proj && (!seen[vi] || !t.Known(-1, vi)) {
				continue
			}
			if !seen[vi] {
				out = append(out, ValueLine{Var: vi, Name: m.Scenario.Vars[vi].Name, Value: "not public"})
				continue
			}
			val := strconv.FormatFloat(v.Vals[vi], 'f', 1, 64)
			if !v.Exact[vi] {
				val = "≈" + val
				if v.SD[vi] > 0 {
					val += " ±" + strconv.FormatFloat(v.SD[vi], 'f', 1, 64)
				}
			}
			out = append(out, ValueLine{Var: vi, Name: m.Scenario.Vars[vi].Name, Value: val, Exact: v.Exact[vi], Seen: true})
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
			orders = append(orders, fmt.Sprintf("%s: %s (%s)", m.Scenario.Actors[m.ActorIndex(l.Actor)].Name, l.Name, l.LevelName(lvl)))
		}
	}
	for _, e := range report.Largest(m, t.Entries(played), n) {
		changes = append(changes, fmt.Sprintf("%s %s by %s", m.Scenario.Vars[e.Var].Name, signedChange(e.Amount), m.Describe(e.Cause)))
	}
	return orders, changes
}

// signedChange formats a change with its sign and one decimal, "±0" when
// it rounds to nothing.
func signedChange(x float64) string {
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
