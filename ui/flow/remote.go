package flow

import (
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// RemoteTable is a table at a game served by `sixparty serve`: one link's
// view (a seat's, the facilitator's or the projector's), built only from
// the server's messages. It holds nothing the server did not send, and
// the server sends a seat nothing its seat may not see (docs/server.md),
// so no scene shown over a remote table can show more.
//
// Apply folds a server message in; RemoteConn (remote_conn.go) feeds it
// from a WebSocket and reconnects. The draft and the messages written are
// kept on the table until the server has them, so a dropped network loses
// neither. Every method may be called from any goroutine.
type RemoteTable struct {
	m    *sim.Model
	role string
	// seat is the actor index of a seat's link, -1 for the facilitator
	// and the projector.
	seat int

	mu      sync.Mutex
	view    proto.View  // the last view received, variables kept when unchanged
	history [][]float64 // history[t]: the values received at the start of turn t+1
	exact   [][]bool    // which of them are exact
	sd      [][]float64 // the standard deviations of the estimates
	// seen[t][vi] is whether the view held variable vi at all: a variable
	// the server left out (the projector's link leaves out every one some
	// actor does not see exactly) has no value, not a value of 0.
	seen    [][]bool
	turns   []proto.Turn
	chat    []proto.Chat
	read    map[string]int // messages read, by channel
	seq     int64
	changed bool
	// version counts the table's changes (Version).
	version uint64

	// draft is the seat's draft of the turn draftTurn, as given on this
	// machine; sent is whether the server acknowledged holding it.
	draft     *proto.Draft
	draftTurn int
	// outbox holds the commands not yet sent (messages, the facilitator's
	// commands), oldest first.
	outbox []proto.Msg
	// entries[t] are the ledger entries of turns[t], read once.
	entries [][]sim.Entry
	links   map[string]string // links reissued, by role
	errs    []string
	// faults are what the table could not read of the server's messages
	// (a ledger entry with a cause the scenario has not).
	faults []string
	// truth is the game rebuilt from the server's reveal at its end (see
	// remote_reveal.go), nil before; tried is how many turns the last
	// attempt played, -1 before any.
	truth *LocalTable
	tried int
	// end and endHas are the true values at the end of a game the
	// server revealed but the table could not rebuild (RevealValues),
	// by variable, and which of them the server sent; nil otherwise.
	end    []float64
	endHas []bool
}

var _ Table = (*RemoteTable)(nil)

// NewRemoteTable returns an empty table for a link of role (proto.RoleSeat
// and the actor's id, or proto.RoleFacilitator / proto.RoleProjector with
// actor "") at a game of scenario m.
func NewRemoteTable(m *sim.Model, role, actor string) (*RemoteTable, error) {
	t := &RemoteTable{m: m, role: role, seat: -1, read: map[string]int{}, tried: -1}
	if role == proto.RoleSeat {
		t.seat = m.ActorIndex(actor)
		if t.seat < 0 {
			return nil, fmt.Errorf("flow: the server's seat %q is not an actor of the scenario", actor)
		}
	}
	return t, nil
}

// Role returns the link's role; Seat the actor index of a seat's link
// (-1 for the facilitator and the projector).
func (t *RemoteTable) Role() string { return t.role }

// Seat returns the seat's actor index, -1 for another role.
func (t *RemoteTable) Seat() int { return t.seat }

// Apply folds one message from the server into the table. A welcome that
// is not resumed replaces what the table held of the turns and messages;
// a resumed one, and every view, adds to them.
func (t *RemoteTable) Apply(out proto.Out) {
	t.mu.Lock()
	defer t.mu.Unlock()
	switch out.Type {
	case "error":
		t.errs = append(t.errs, out.Error)
		t.changedNow()
		return
	case "link":
		if t.links == nil {
			t.links = map[string]string{}
		}
		t.links[out.Role] = out.Link
		t.changedNow()
		return
	case "welcome", "view":
	default:
		return
	}
	v := out.View
	if v == nil {
		return
	}
	if out.Type == "welcome" && !out.Resumed {
		t.turns, t.entries, t.chat = nil, nil, nil
	}
	vars := t.view.Vars
	t.view = *v
	if v.VarsSame {
		t.view.Vars = vars
	}
	if out.Seq > t.seq {
		t.seq = out.Seq
	}
	for _, tn := range v.Turns {
		if tn.Turn > len(t.turns) {
			t.turns = append(t.turns, tn)
			var es []sim.Entry
			for _, c := range tn.Ledger {
				e, err := t.entry(len(t.turns), c)
				if err != nil {
					t.faults = append(t.faults, err.Error())
					continue
				}
				es = append(es, e)
			}
			t.entries = append(t.entries, es)
		}
	}
	for _, c := range v.Chat {
		if len(t.chat) == 0 || c.Seq > t.chat[len(t.chat)-1].Seq {
			t.chat = append(t.chat, c)
		}
	}
	t.view.Turns, t.view.Chat = nil, nil
	// The values at the start of each turn: the view of a turn being
	// ordered, or, once over, of the end.
	at := t.view.Turn - 1
	if t.view.Over {
		at = len(t.turns)
	}
	if at >= 0 && at <= t.m.Scenario.Meta.Turns+1 && len(t.view.Vars) > 0 {
		for len(t.history) <= at {
			t.history = append(t.history, nil)
			t.exact = append(t.exact, nil)
			t.sd = append(t.sd, nil)
			t.seen = append(t.seen, nil)
		}
		n := len(t.m.Scenario.Vars)
		vals, exact, sd, seen := make([]float64, n), make([]bool, n), make([]float64, n), make([]bool, n)
		for _, x := range t.view.Vars {
			if vi := t.m.VarIndex(x.ID); vi >= 0 {
				vals[vi], exact[vi], sd[vi], seen[vi] = x.Value, x.Exact, x.SD, true
			}
		}
		t.history[at], t.exact[at], t.sd[at], t.seen[at] = vals, exact, sd, seen
	}
	if t.draftTurn != t.view.Turn {
		t.draft, t.draftTurn = nil, t.view.Turn
	}
	t.reveal()
	t.changedNow()
}

// Seq returns the last sequence number received (for a reconnect).
func (t *RemoteTable) Seq() int64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.seq
}

// Model implements Table.
func (t *RemoteTable) Model() *sim.Model { return t.m }

// Seats implements Table: who plays each actor, as the server says.
func (t *RemoteTable) Seats() []Seat {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]Seat, len(t.m.Scenario.Actors))
	for i, a := range t.m.Scenario.Actors {
		s, err := ParseSeat(t.view.Seats[a.ID])
		if err != nil {
			s = Seat{Level: ai.Normal}
		}
		out[i] = s
	}
	return out
}

// Turn implements Table.
func (t *RemoteTable) Turn() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.view.Turn
}

// Played implements Table.
func (t *RemoteTable) Played() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.turns)
}

// Over implements Table.
func (t *RemoteTable) Over() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.view.Over
}

// Paused reports whether the facilitator has paused the game.
func (t *RemoteTable) Paused() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.view.Paused
}

// Outcome implements Table.
func (t *RemoteTable) Outcome() *sim.Outcome {
	t.mu.Lock()
	defer t.mu.Unlock()
	for i := range t.m.Scenario.Outcomes {
		if o := &t.m.Scenario.Outcomes[i]; o.ID == t.view.Outcome {
			return o
		}
	}
	return nil
}

// FinalScores returns every actor's final score, in the scenario's order,
// once the game is over; nil before, or when the server sent none.
func (t *RemoteTable) FinalScores() []float64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	r := t.view.Reveal
	if !t.view.Over || r == nil || len(r.Scores) == 0 {
		return nil
	}
	out := make([]float64, len(t.m.Scenario.Actors))
	for i, a := range t.m.Scenario.Actors {
		out[i] = r.Scores[a.ID]
	}
	return out
}

// Briefing implements Table.
func (t *RemoteTable) Briefing() []int {
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []int
	for _, id := range t.view.Briefing {
		if ei := t.m.EventIndex(id); ei >= 0 {
			out = append(out, ei)
		}
	}
	return out
}

// View implements Table. A remote table holds one view, its link's: it is
// returned whatever seat is asked for (the values the server sent, exact
// where the seat sees them, else estimates). A turn whose start the table
// did not see (it joined later) gives the earliest it saw.
//
// A variable the server left out of the view has no value: it is not
// exact, has no estimate (SD 0) and its value is 0, which is not a value
// seen; Seen tells it apart, and a scene must not show it as a value.
// Once the game is revealed (Revealed), it is the true values, every one
// exact; revealed but not rebuilt (RevealValues), the view at the end is
// the true values the server sent, every one exact, and the views of the
// turns before stay the link's own.
func (t *RemoteTable) View(_, turn int) sim.View {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.truth != nil {
		v := t.truth.View(-1, max(0, min(turn, t.truth.Played())))
		v.Actor = t.seat
		return v
	}
	n := len(t.m.Scenario.Vars)
	v := sim.View{Actor: t.seat, Turn: turn + 1, Vals: make([]float64, n), Exact: make([]bool, n), SD: make([]float64, n)}
	if at := t.viewAt(turn); at >= 0 {
		copy(v.Vals, t.history[at])
		copy(v.Exact, t.exact[at])
		copy(v.SD, t.sd[at])
	}
	if t.end != nil && turn >= len(t.turns) {
		// Revealed, not rebuilt: the end is the truth the server sent.
		for vi, ok := range t.endHas {
			if ok {
				v.Vals[vi], v.Exact[vi], v.SD[vi] = t.end[vi], true, 0
			}
		}
	}
	return v
}

// Seen returns, for each variable, whether the view View(seat, turn)
// gives held it (the server sent its value, exact or estimated); false
// for every one before any view. Revealed, the end holds every variable
// the server sent a true value of.
func (t *RemoteTable) Seen(turn int) []bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]bool, len(t.m.Scenario.Vars))
	if t.truth != nil {
		for i := range out {
			out[i] = true
		}
		return out
	}
	if at := t.viewAt(turn); at >= 0 {
		copy(out, t.seen[at])
	}
	if t.end != nil && turn >= len(t.turns) {
		for vi, ok := range t.endHas {
			out[vi] = out[vi] || ok
		}
	}
	return out
}

// viewAt returns the index in history of the values View gives for turn,
// -1 when the table holds none.
func (t *RemoteTable) viewAt(turn int) int {
	at := min(turn, len(t.history)-1)
	for at >= 0 && t.history[at] == nil {
		at--
	}
	if at < 0 {
		for i := range t.history {
			if t.history[i] != nil {
				at = i
				break
			}
		}
	}
	return at
}

// Known implements Table: a seat knows what the scenario lets it see
// exactly; the facilitator's link knows everything and the projector's
// what every actor sees exactly. A variable the last view left out is
// not known, whatever the scenario says (its value was not sent). Once
// the game is revealed, every variable is known; revealed but not
// rebuilt (RevealValues), every variable whose true final value the
// server sent (OwnChain still says which the link saw exactly in play).
func (t *RemoteTable) Known(seat, vi int) bool {
	if vi < 0 || vi >= len(t.m.Scenario.Vars) {
		return false
	}
	t.mu.Lock()
	kind, has := t.revelation(), t.endHas
	t.mu.Unlock()
	switch kind {
	case RevealGame:
		return true
	case RevealValues:
		if has[vi] {
			return true
		}
	}
	return t.OwnChain(seat, vi)
}

// OwnChain reports whether the link saw variable vi exactly while the
// game was played, so that the changes the server sent it are its whole
// chain of causes: what Known says before any reveal.
func (t *RemoteTable) OwnChain(seat, vi int) bool {
	if !t.inView(vi) {
		return false
	}
	switch {
	case seat >= 0:
		return t.m.SeesExactly(seat, vi)
	case t.role == proto.RoleFacilitator:
		return true
	}
	for ai := range t.m.Scenario.Actors {
		if !t.m.SeesExactly(ai, vi) {
			return false
		}
	}
	return true
}

// inView reports whether the last view received held variable vi.
func (t *RemoteTable) inView(vi int) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if vi < 0 || vi >= len(t.m.Scenario.Vars) {
		return false
	}
	id := t.m.Scenario.Vars[vi].ID
	for _, x := range t.view.Vars {
		if x.ID == id {
			return true
		}
	}
	return false
}

// Entries implements Table: the ledger entries of turn (from 1) the
// server sent, their causes as the server identified them; once the game
// is revealed, every entry of the true game.
func (t *RemoteTable) Entries(turn int) []sim.Entry {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.truth != nil && turn >= 1 && turn <= t.truth.Played() {
		return t.truth.Entries(turn)
	}
	if turn < 1 || turn > len(t.entries) {
		return nil
	}
	return slices.Clone(t.entries[turn-1])
}

// causeKinds reads a cause's kind as the server writes it (sim's names).
var causeKinds = func() map[string]sim.CauseKind {
	out := map[string]sim.CauseKind{}
	for k := sim.ByLever; k <= sim.ByBounds; k++ {
		out[k.String()] = k
	}
	return out
}()

// entry reads ledger entry c of turn as the engine's entry, or says why
// it cannot: a variable or a cause the scenario does not have.
func (t *RemoteTable) entry(turn int, c proto.Change) (sim.Entry, error) {
	m := t.m
	s := m.Scenario
	vi := m.VarIndex(c.Var)
	if vi < 0 {
		return sim.Entry{}, fmt.Errorf("flow: turn %d: a ledger entry of %q, which is not a variable of the scenario", turn, c.Var)
	}
	k, ok := causeKinds[c.Kind]
	in := func(i, n int) bool { return i >= 0 && i < n }
	switch {
	case !ok:
	case k == sim.ByLever:
		ok = in(c.Index, len(s.Levers)) && in(c.Level, len(s.Levers[c.Index].Levels)) && c.Actor == m.LeverActor(c.Index)
	case k == sim.ByRule:
		ok = in(c.Index, len(s.Rules))
	case k == sim.ByEvent:
		ok = in(c.Index, len(s.Events)) && (c.Option == -1 || s.Events[c.Index].Choice != nil && in(c.Option, len(s.Events[c.Index].Choice.Options)) && in(c.Actor, len(s.Actors)))
	case k == sim.ByBounds:
		ok = c.Index == vi
	}
	if !ok {
		return sim.Entry{}, fmt.Errorf("flow: turn %d: the ledger entry of %s has a cause the scenario does not have (kind %q, index %d)", turn, c.Var, c.Kind, c.Index)
	}
	e := sim.Entry{Turn: turn, Var: vi, Amount: c.Amount, Reason: c.Reason,
		Cause: sim.Cause{Kind: k, Index: c.Index, Actor: c.Actor, Level: c.Level, Option: c.Option}}
	if c.Pos != nil {
		e.Pos = sim.Pos{File: c.Pos.File, Line: c.Pos.Line, Col: c.Pos.Col}
	}
	return e, nil
}

// Levels implements Table: the orders revealed at the turn's adjudication.
func (t *RemoteTable) Levels(turn int) []int {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]int, len(t.m.Scenario.Levers))
	if turn < 1 || turn > len(t.turns) {
		return out
	}
	for _, o := range t.turns[turn-1].Orders {
		for id, lvl := range o {
			if li := t.m.LeverIndex(id); li >= 0 {
				out[li] = lvl
			}
		}
	}
	return out
}

// Submit implements Table: the seat's draft for the turn being ordered,
// marked ready. It is kept until the server holds it (RemoteConn sends
// it, again after a reconnect).
func (t *RemoteTable) Submit(seat int, orders map[string]int, choices sim.Choices) error {
	if err := t.SetDraft(seat, orders, choices); err != nil {
		return err
	}
	t.mu.Lock()
	t.draft.Ready = true
	t.mu.Unlock()
	return nil
}

// SetDraft keeps the seat's draft for the turn being ordered, not ready.
func (t *RemoteTable) SetDraft(seat int, orders map[string]int, choices sim.Choices) error {
	if t.role != proto.RoleSeat || seat != t.seat {
		return fmt.Errorf("flow: this link does not play seat %d", seat)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.draft = &proto.Draft{Orders: maps.Clone(orders), Choices: maps.Clone(map[string]string(choices))}
	t.draftTurn = t.view.Turn
	t.changedNow()
	return nil
}

// Draft returns the seat's draft as given on this machine, or as the
// server holds it when none was given here.
func (t *RemoteTable) Draft() *proto.Draft {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.draft != nil {
		return t.draft
	}
	return t.view.Draft
}

// pending returns the commands the server does not yet hold: the draft
// and its ready flag when the view's draft differs from the local one,
// and the outbox.
func (t *RemoteTable) pending() (draft, box []proto.Msg) {
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []proto.Msg
	if d := t.draft; d != nil && t.draftTurn == t.view.Turn && !t.view.Over {
		sv := t.view.Draft
		if sv == nil || !maps.Equal(sv.Orders, d.Orders) || !maps.Equal(sv.Choices, d.Choices) {
			out = append(out, proto.Msg{Type: "draft", Turn: t.draftTurn, Orders: d.Orders, Choices: d.Choices})
		}
		if d.Ready && (sv == nil || !sv.Ready || len(out) > 0) {
			out = append(out, proto.Msg{Type: "ready", Turn: t.draftTurn, Ready: true})
		}
	}
	return out, slices.Clone(t.outbox)
}

// sent drops the first n commands of the outbox once sent.
func (t *RemoteTable) sent(n int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.outbox = t.outbox[min(n, len(t.outbox)):]
}

// Ready implements Table: the public ready flag the server sent (a
// computer seat is always ready), or this seat's own draft being ready.
func (t *RemoteTable) Ready(seat int) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if seat < 0 || seat >= len(t.m.Scenario.Actors) {
		return false
	}
	if seat == t.seat && t.draft != nil && t.draftTurn == t.view.Turn && t.draft.Ready {
		return true
	}
	return t.view.Ready[t.m.Scenario.Actors[seat].ID]
}

// Messages implements Table: the messages of the channels the link is in,
// oldest first. From is the sender's actor index, -1 for the facilitator.
func (t *RemoteTable) Messages(int) []Message {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]Message, 0, len(t.chat))
	for _, c := range t.chat {
		out = append(out, Message{Turn: c.Turn, Channel: c.Channel, From: t.m.ActorIndex(c.From), Text: c.Text})
	}
	return out
}

// Channels returns the channels the link can write in, "all" first, then
// its white-cell channel and those with each other actor (a seat), or
// every channel with a message (the facilitator).
func (t *RemoteTable) Channels() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := []string{"all"}
	switch {
	case t.seat >= 0:
		me := t.m.Scenario.Actors[t.seat].ID
		out = append(out, "white:"+me)
		for _, a := range t.m.Scenario.Actors {
			if a.ID != me {
				out = append(out, PairChannel(me, a.ID))
			}
		}
	case t.role == proto.RoleFacilitator:
		for _, a := range t.m.Scenario.Actors {
			out = append(out, "white:"+a.ID)
		}
		for _, c := range t.chat {
			if !slices.Contains(out, c.Channel) {
				out = append(out, c.Channel)
			}
		}
	}
	return out
}

// PairChannel names the channel of two actors as the server does: their
// ids in sorted order joined by "+".
func PairChannel(a, b string) string {
	if b < a {
		a, b = b, a
	}
	return a + "+" + b
}

// Unread returns how many messages of channel the link has not read (its
// own never count).
func (t *RemoteTable) Unread(channel string) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.others(channel) - t.read[channel]
}

// MarkRead marks every message of channel read.
func (t *RemoteTable) MarkRead(channel string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.read[channel] = t.others(channel)
}

// others counts the messages of channel written by others than the link.
func (t *RemoteTable) others(channel string) int {
	n := 0
	for _, c := range t.chat {
		mine := t.seat >= 0 && c.From == t.m.Scenario.Actors[t.seat].ID || t.seat < 0 && t.m.ActorIndex(c.From) < 0
		if c.Channel == channel && !mine {
			n++
		}
	}
	return n
}

// Send queues a command for the server (a message, or one of the
// facilitator's commands); RemoteConn sends it when connected.
func (t *RemoteTable) Send(m proto.Msg) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.outbox = append(t.outbox, m)
	t.changedNow()
}

// Say queues a message to a channel.
func (t *RemoteTable) Say(channel, text string) {
	t.Send(proto.Msg{Type: "chat", Channel: channel, Text: text})
}

// Faults returns what the table could not read of the server's messages
// so far, oldest first, and forgets it.
func (t *RemoteTable) Faults() []string { return t.take(&t.faults) }

// Errors returns the server's refusals so far, oldest first, and forgets
// them.
func (t *RemoteTable) Errors() []string { return t.take(&t.errs) }

// take returns the lines of list and empties it.
func (t *RemoteTable) take(list *[]string) []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	e := *list
	*list = nil
	return e
}

// Snapshot returns a copy of the last view with every turn and message
// received, for a console that shows the server's view as it is.
func (t *RemoteTable) Snapshot() proto.View {
	t.mu.Lock()
	defer t.mu.Unlock()
	v := t.view
	v.Turns, v.Chat = slices.Clone(t.turns), slices.Clone(t.chat)
	return v
}

// changedNow marks the table changed: redrawn at the next Poll, and its
// version moved on. The caller holds the lock.
func (t *RemoteTable) changedNow() {
	t.changed = true
	t.version++
}

// Version returns a number that changes whenever the table does (a
// message applied, a draft or command given), so that a screen's prepared
// values can tell they are out of date; Poll's flag is the window's.
func (t *RemoteTable) Version() uint64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.version
}

// Poll implements Table: whether a message changed the table since the
// last call.
func (t *RemoteTable) Poll() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	c := t.changed
	t.changed = false
	return c
}

// Links returns the links the facilitator reissued on this connection, by
// role.
func (t *RemoteTable) Links() map[string]string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return maps.Clone(t.links)
}

// Counting reports whether a deadline is running (a countdown to redraw).
func (t *RemoteTable) Counting() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.view.Deadline != nil && t.view.Deadline.Due > 0 && !t.view.Over
}

// Touch marks the table changed, so that the window redraws (the
// deadline's countdown).
func (t *RemoteTable) Touch() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.changed = true // redrawn, not changed: the version stays
}
