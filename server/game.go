package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/sixparty/sixparty/internal/suggest"
	"github.com/sixparty/sixparty/savegame"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// entry is one record of a game's log. The first is a "create"; every
// command accepted after it is one entry, appended before it is
// acknowledged. Replaying the entries in order rebuilds the game exactly:
// an adjudication records every actor's orders as played, computer
// players' included, so a restart never asks a computer player again.
type entry struct {
	Type    string            `json:"type"`
	Create  *createEntry      `json:"create,omitempty"`
	Actor   string            `json:"actor,omitempty"`
	Turn    int               `json:"turn,omitempty"`
	Orders  map[string]int    `json:"orders,omitempty"`
	Choices map[string]string `json:"choices,omitempty"`
	Ready   bool              `json:"ready,omitempty"`
	// All and AllChoices are an adjudication's orders and choices.
	All        sim.Orders  `json:"all,omitempty"`
	AllChoices sim.Choices `json:"all_choices,omitempty"`
	Var        string      `json:"var,omitempty"`
	Value      float64     `json:"value,omitempty"`
	Reason     string      `json:"reason,omitempty"`
	Event      string      `json:"event,omitempty"`
	Seat       string      `json:"seat,omitempty"`
	Role       string      `json:"role,omitempty"`
	Hash       string      `json:"hash,omitempty"`
	Channel    string      `json:"channel,omitempty"`
	From       string      `json:"from,omitempty"`
	Text       string      `json:"text,omitempty"`
}

// createEntry is a game's first entry: the scenario (its YAML, so the game
// replays on the scenario it was made with), seed, fog secret, seats and
// the hashes of its links.
type createEntry struct {
	Source    string            `json:"source"`
	YAML      string            `json:"yaml"`
	Seed      uint64            `json:"seed"`
	FogSecret uint64            `json:"fog_secret"`
	Seats     []string          `json:"seats"`
	Auto      bool              `json:"auto,omitempty"`
	Hashes    map[string]string `json:"hashes"`
	// Builtin says that Source names a built-in scenario (whose
	// strategies' orders tracks are built in too); Files are the orders
	// tracks sent with any other.
	Builtin bool              `json:"builtin,omitempty"`
	Files   map[string]string `json:"files,omitempty"`
}

// seat is who plays one actor.
type seat struct {
	computer bool
	level    ai.Difficulty
}

func (s seat) String() string {
	if s.computer {
		return "computer:" + s.level.String()
	}
	return "person"
}

// parseSeat reads "person" or "computer:LEVEL" (plain "computer" is at
// normal).
func parseSeat(s string) (seat, error) {
	if s == "person" {
		return seat{}, nil
	}
	if s == "computer" {
		return seat{computer: true, level: ai.Normal}, nil
	}
	if lv, ok := strings.CutPrefix(s, "computer:"); ok {
		d, err := ai.ParseDifficulty(lv)
		if err != nil {
			return seat{}, err
		}
		return seat{computer: true, level: d}, nil
	}
	return seat{}, fmt.Errorf("seat %q: want person or computer:LEVEL (easy, normal, hard)", s)
}

// draft is a person seat's orders for the current turn.
type draft struct {
	orders  map[string]int
	choices map[string]string
	ready   bool
}

// game is one game, owned by one goroutine (run): every command, view and
// connection change goes through its queue, so nothing else touches the
// sim.Game.
type game struct {
	id     string
	srv    *Server
	create createEntry
	m      *sim.Model
	g      *sim.Game
	seats  []seat
	drafts []draft
	hashes map[string][32]byte // role → hash of its link's secret
	paused bool
	chat   []proto.Chat
	seq    int64
	broken error   // set when the log could not be written: the game stops
	played []int64 // played[i] is the log entry that played turn i+1
	clock  clock
	closed map[string]bool // channels closed by the facilitator

	conns    map[*conn]bool
	dirty    map[*conn]bool // connections whose view changed
	dirtyAll bool           // every connection's view changed
	in       chan func()
	quit     chan struct{}
}

// loadScenario loads a game's scenario. A built-in one loads as built in
// from the source kept in the game's log (even when this version of the
// program builds in another). Any other loads from its YAML and the
// orders tracks sent with it (files, by path relative to the scenario),
// written into a folder of their own, so that a scenario a client sent
// reads no other file of the server.
//
// Games of one scenario share its model (a model is never changed once
// compiled, and every game has its own stepper and scorer).
func (s *Server) loadScenario(name string, src []byte, builtin bool, files map[string]string) (*sim.Model, error) {
	h := sha256.New()
	h.Write(src)
	for _, f := range slices.Sorted(maps.Keys(files)) {
		fmt.Fprintf(h, "\x00%s\x00%d\x00%s", f, len(files[f]), files[f])
	}
	key := fmt.Sprintf("%t %s %x", builtin, name, h.Sum(nil))
	s.modelMu.Lock()
	m := s.models[key]
	s.modelMu.Unlock()
	if m != nil {
		return m, nil
	}
	var err error
	if builtin {
		m, err = scenarios.LoadBuiltinEdited(name, src)
	} else {
		m, err = loadSent(name, src, files)
	}
	if err != nil {
		return nil, err
	}
	s.modelMu.Lock()
	s.models[key] = m
	s.modelMu.Unlock()
	return m, nil
}

// loadSent loads a scenario a client sent, with its orders tracks, from
// their texts (scenarios.LoadFiles, as a seat's client loads it): nothing
// is written to the machine, and errors name the files as the client did.
func loadSent(name string, src []byte, files map[string]string) (*sim.Model, error) {
	for _, f := range slices.Sorted(maps.Keys(files)) {
		if !filepath.IsLocal(filepath.FromSlash(f)) {
			return nil, fmt.Errorf("server: orders track %q: the path must be relative to the scenario and stay inside its folder", f)
		}
	}
	return scenarios.LoadFiles(filepath.Base(name), src, files)
}

// hashToken returns the hash the server keeps of a link's secret.
func hashToken(token string) [32]byte { return sha256.Sum256([]byte(token)) }

// loadGame rebuilds a game from its log.
func loadGame(srv *Server, id string, log [][]byte) (*game, error) {
	var first entry
	if err := json.Unmarshal(log[0], &first); err != nil || first.Type != "create" || first.Create == nil {
		return nil, fmt.Errorf("server: game %s: the log does not start with its creation", id)
	}
	c := first.Create
	m, err := srv.loadScenario(c.Source, []byte(c.YAML), c.Builtin, c.Files)
	if err != nil {
		return nil, fmt.Errorf("server: game %s: %w", id, err)
	}
	gm := &game{id: id, srv: srv, create: *c, m: m, g: sim.NewGame(m, c.Seed), hashes: map[string][32]byte{},
		conns: map[*conn]bool{}, dirty: map[*conn]bool{}, in: make(chan func(), 64), quit: make(chan struct{})}
	if c.FogSecret == 0 {
		return nil, fmt.Errorf("server: game %s: no fog secret", id)
	}
	if err := gm.g.SetFogSecret(c.FogSecret); err != nil {
		return nil, err
	}
	if len(c.Seats) != len(m.Scenario.Actors) {
		return nil, fmt.Errorf("server: game %s: %d seats for %d actors", id, len(c.Seats), len(m.Scenario.Actors))
	}
	for _, s := range c.Seats {
		st, err := parseSeat(s)
		if err != nil {
			return nil, fmt.Errorf("server: game %s: %w", id, err)
		}
		gm.seats = append(gm.seats, st)
	}
	gm.drafts = make([]draft, len(gm.seats))
	for role, h := range c.Hashes {
		b, err := hex.DecodeString(h)
		if err != nil || len(b) != 32 {
			return nil, fmt.Errorf("server: game %s: a bad hash for %s", id, role)
		}
		gm.hashes[role] = [32]byte(b)
	}
	gm.seq = 1
	for i, raw := range log[1:] {
		var e entry
		if err := json.Unmarshal(raw, &e); err != nil {
			return nil, fmt.Errorf("server: game %s: entry %d: %w", id, i+2, err)
		}
		if err := gm.apply(e); err != nil {
			return nil, fmt.Errorf("server: game %s: entry %d (%s): %w", id, i+2, e.Type, err)
		}
		gm.seq++
	}
	return gm, nil
}

// run is the game's goroutine.
func (gm *game) run() {
	for {
		select {
		case f := <-gm.in:
			f()
			if len(gm.in) == 0 {
				gm.flush()
			}
		case <-gm.quit:
			for c := range gm.conns {
				c.close(closeGoingAway, "the server is shutting down")
			}
			return
		}
	}
}

// do runs f on the game's goroutine and waits for it, or gives up when the
// game has stopped or ctx is done.
func (gm *game) do(ctx context.Context, f func()) bool {
	done := make(chan struct{})
	select {
	case gm.in <- func() { f(); close(done) }:
	case <-gm.quit:
		return false
	case <-ctx.Done():
		return false
	}
	select {
	case <-done:
		return true
	case <-gm.quit:
		return false
	case <-ctx.Done():
		return false
	}
}

// roleOf returns the role of a link's secret: an actor id, "facilitator"
// or "projector", comparing hashes in constant time.
func (gm *game) roleOf(token string) (string, bool) {
	h := hashToken(token)
	found := ""
	for _, role := range slices.Sorted(maps.Keys(gm.hashes)) {
		want := gm.hashes[role]
		if subtle.ConstantTimeCompare(h[:], want[:]) == 1 {
			found = role
		}
	}
	return found, found != ""
}

// apply makes an entry's change. Entries replayed from the log apply
// without error; a live command is checked first (check), and an
// adjudication or adjustment that sim refuses changes nothing.
func (gm *game) apply(e entry) error {
	g := gm.g
	switch e.Type {
	case "draft":
		ai := gm.m.ActorIndex(e.Actor)
		gm.drafts[ai] = draft{orders: e.Orders, choices: e.Choices}
	case "ready":
		gm.drafts[gm.m.ActorIndex(e.Actor)].ready = e.Ready
	case "adjudicate":
		if _, err := g.Play(e.All, e.AllChoices); err != nil {
			return err
		}
		gm.played = append(gm.played, gm.seq+1)
		gm.drafts = make([]draft, len(gm.seats))
	case "adjust":
		return g.Adjust(e.Var, e.Value, e.Reason)
	case "inject":
		return g.Inject(e.Event)
	case "pause":
		gm.paused = true
		gm.stopClock()
	case "resume":
		gm.paused = false
	case "seat":
		st, err := parseSeat(e.Seat)
		if err != nil {
			return err
		}
		gm.seats[gm.m.ActorIndex(e.Actor)] = st
	case "reissue":
		b, err := hex.DecodeString(e.Hash)
		if err != nil || len(b) != 32 {
			return errors.New("a bad hash")
		}
		gm.hashes[e.Role] = [32]byte(b)
	case "deadline":
		gm.clock.every, gm.clock.policy, gm.clock.left = time.Duration(e.Value)*time.Second, e.Seat, 0
	case "extend":
	case "channel":
		if gm.closed == nil {
			gm.closed = map[string]bool{}
		}
		gm.closed[e.Channel] = !e.Ready
	case "chat":
		gm.chat = append(gm.chat, proto.Chat{Seq: gm.seq + 1, Turn: e.Turn, Channel: e.Channel, From: e.From, Text: e.Text})
		g.Say(e.Channel, e.From, e.Text)
	default:
		return fmt.Errorf("unknown entry %q", e.Type)
	}
	return nil
}

// commit applies a live entry, appends it to the log and only then
// acknowledges it. When the log cannot be written, the game stops: its
// clients are disconnected, and the next connection rebuilds it from
// what the log holds.
func (gm *game) commit(c *conn, ref int64, e entry) bool {
	if err := gm.apply(e); err != nil {
		c.refuse(ref, proto.CodeRefused, strings.TrimPrefix(err.Error(), "sim: "))
		return false
	}
	data, err := json.Marshal(e)
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err = gm.srv.store.Append(ctx, gm.id, gm.seq+1, data)
		cancel()
	}
	if err != nil {
		gm.broken = err
		gm.srv.logf("game %s: %v; the game stops until it is loaded again", gm.id, err)
		if c != nil {
			c.refuse(ref, proto.CodeInternal, "the server could not record the command; reconnect")
		}
		gm.srv.drop(gm)
		return false
	}
	gm.seq++
	if c != nil {
		c.send(proto.Out{Type: "ack", Ref: ref, Seq: gm.seq})
	}
	return true
}

// allReady reports whether every person seat is ready.
func (gm *game) allReady() bool {
	for i, s := range gm.seats {
		if !s.computer && !gm.drafts[i].ready {
			return false
		}
	}
	return true
}

// adjudication returns the entry that plays the current turn: the person
// seats' drafts and the computer players' decisions.
func (gm *game) adjudication() entry {
	o, c := sim.Orders{}, sim.Choices{}
	computer := make([]bool, len(gm.seats))
	levels := make([]ai.Difficulty, len(gm.seats))
	for i, s := range gm.seats {
		computer[i], levels[i] = s.computer, s.level
		if s.computer {
			continue
		}
		d := gm.drafts[i]
		o[gm.m.Scenario.Actors[i].ID] = maps.Clone(d.orders)
		for k, v := range d.choices {
			c[k] = v
		}
	}
	for id, ls := range o {
		if ls == nil {
			o[id] = map[string]int{}
		}
	}
	ai.Fill(gm.g, levels, computer, o, c)
	return entry{Type: "adjudicate", Turn: gm.g.Turn(), All: o, AllChoices: c}
}

// auto adjudicates while the game is set to, every seat is ready and it is
// not paused.
func (gm *game) auto() {
	for gm.create.Auto && gm.broken == nil && !gm.paused && !gm.g.Over() && gm.allReady() {
		if !gm.commit(nil, 0, gm.adjudication()) {
			return
		}
		gm.startClock(gm.clock.every)
	}
}

// handle runs one client message on the game's goroutine.
func (gm *game) handle(c *conn, m proto.Msg) {
	if gm.broken != nil {
		c.refuse(m.ID, proto.CodeInternal, "the game is being reloaded; reconnect")
		return
	}
	who := proto.Types[m.Type]
	switch {
	case m.Type == "hello":
		c.refuse(m.ID, proto.CodeBad, "hello is the first message only")
		return
	case m.Type == "ping":
		c.send(proto.Out{Type: "pong", Ref: m.ID})
		return
	case who == "seat" && c.role != proto.RoleSeat,
		who == "facilitator" && c.role != proto.RoleFacilitator,
		m.Type == "chat" && c.role == proto.RoleProjector:
		c.refuse(m.ID, proto.CodeForbidden, fmt.Sprintf("a %s link cannot send %q (%s only)", c.role, m.Type, who))
		return
	}
	g := gm.g
	me := ""
	if c.role == proto.RoleSeat {
		me = gm.m.Scenario.Actors[c.actor].ID
		if m.Actor != "" && m.Actor != me {
			c.refuse(m.ID, proto.CodeForbidden, fmt.Sprintf("this link plays %s; it cannot act for %s", me, m.Actor))
			return
		}
	}
	switch m.Type {
	case "draft", "ready", "advice", "adjudicate":
		if g.Over() {
			c.refuse(m.ID, proto.CodeRefused, "the game is over")
			return
		}
		if m.Turn != g.Turn() {
			c.refuse(m.ID, proto.CodeStale, fmt.Sprintf("a command for turn %d, but the game is on turn %d", m.Turn, g.Turn()))
			return
		}
	}
	switch m.Type {
	case "draft":
		if gm.seats[c.actor].computer {
			c.refuse(m.ID, proto.CodeRefused, me+" is played by the computer now")
			return
		}
		if err := gm.checkDraft(c.actor, m.Orders, m.Choices); err != nil {
			code := proto.CodeRefused
			if strings.Contains(err.Error(), "belongs to") || strings.Contains(err.Error(), "is not yours") {
				code = proto.CodeForbidden
			}
			c.refuse(m.ID, code, err.Error())
			return
		}
		wasReady := gm.drafts[c.actor].ready
		if gm.commit(c, m.ID, entry{Type: "draft", Actor: me, Turn: m.Turn, Orders: nonNil(m.Orders), Choices: m.Choices}) && !wasReady {
			// Only the seat's own view and the facilitator's changed.
			for o := range gm.conns {
				if o.roleName == me || o.role == proto.RoleFacilitator {
					gm.touch(o)
				}
			}
			return
		}
	case "ready":
		gm.commit(c, m.ID, entry{Type: "ready", Actor: me, Turn: m.Turn, Ready: m.Ready})
	case "advice":
		lv := m.Level
		if lv == "" {
			lv = "normal"
		}
		d, err := ai.ParseDifficulty(lv)
		if err != nil {
			c.refuse(m.ID, proto.CodeBad, err.Error())
			return
		}
		// The computer player plans away from the game's goroutine, on the
		// current state (never changed once made) and the seat's view, so
		// that a slow plan holds up no other command.
		st, view, seed, actor, turn := g.State(), g.View(c.actor), g.Seed, c.actor, g.Turn()
		go func() {
			gm.srv.advice <- struct{}{}
			dec := ai.Plan(gm.m, st, view, seed, actor, d)
			<-gm.srv.advice
			c.send(proto.Out{Type: "advice", Ref: m.ID, Advice: &proto.Advice{Turn: turn, Level: d.String(), Orders: nonNil(dec.Orders), Choices: dec.Choices, Explain: dec.Explain}})
		}()
		return
	case "chat":
		ch, err := gm.channel(c, m.Channel)
		if err != nil {
			c.refuse(m.ID, proto.CodeForbidden, err.Error())
			return
		}
		if gm.closed[ch] && c.role == proto.RoleSeat {
			c.refuse(m.ID, proto.CodeRefused, "channel "+ch+" is closed")
			return
		}
		if len([]rune(m.Text)) > 2000 {
			c.refuse(m.ID, proto.CodeBad, "a chat message is at most 2000 characters")
			return
		}
		from := me
		if from == "" {
			from = proto.RoleFacilitator
		}
		gm.commit(c, m.ID, entry{Type: "chat", Turn: g.Turn(), Channel: ch, From: from, Text: m.Text})
	case "pause", "resume":
		if (m.Type == "pause") == gm.paused {
			c.refuse(m.ID, proto.CodeRefused, "the game is already "+map[bool]string{true: "paused", false: "running"}[gm.paused])
			return
		}
		if gm.commit(c, m.ID, entry{Type: m.Type}) && m.Type == "resume" {
			left := gm.clock.left
			if left <= 0 {
				left = gm.clock.every
			}
			gm.startClock(left)
		}
	case "deadline", "extend":
		gm.setDeadline(c, m)
	case "channel":
		ch, err := gm.channel(c, m.Channel)
		if err != nil {
			c.refuse(m.ID, proto.CodeBad, err.Error())
			return
		}
		gm.commit(c, m.ID, entry{Type: "channel", Channel: ch, Ready: *m.Open})
	case "adjudicate":
		if gm.paused {
			c.refuse(m.ID, proto.CodeRefused, "the game is paused")
			return
		}
		if gm.commit(c, m.ID, gm.adjudication()) {
			gm.startClock(gm.clock.every)
		}
	case "adjust":
		gm.commit(c, m.ID, entry{Type: "adjust", Var: m.Var, Value: *m.Value, Reason: m.Reason})
	case "inject":
		gm.commit(c, m.ID, entry{Type: "inject", Event: m.Event})
	case "seat":
		ai := gm.m.ActorIndex(m.Actor)
		if ai < 0 {
			c.refuse(m.ID, proto.CodeBad, fmt.Sprintf("unknown actor %q%s", m.Actor, suggest.Hint(m.Actor, gm.actorIDs())))
			return
		}
		st, err := parseSeat(m.Seat)
		if err != nil {
			c.refuse(m.ID, proto.CodeBad, err.Error())
			return
		}
		gm.commit(c, m.ID, entry{Type: "seat", Actor: m.Actor, Seat: st.String()})
	case "reissue":
		if _, ok := gm.hashes[m.Role]; !ok {
			c.refuse(m.ID, proto.CodeBad, fmt.Sprintf("no link %q%s", m.Role, suggest.Hint(m.Role, slices.Sorted(maps.Keys(gm.hashes)))))
			return
		}
		token := newToken()
		h := hashToken(token)
		if !gm.commit(c, m.ID, entry{Type: "reissue", Role: m.Role, Hash: hex.EncodeToString(h[:])}) {
			return
		}
		c.send(proto.Out{Type: "link", Ref: m.ID, Role: m.Role, Link: gm.srv.link(c.base, gm.id, token)})
		for o := range gm.conns {
			if o.roleName == m.Role {
				o.close(closePolicy, "this link was reissued; ask the facilitator for the new one")
				delete(gm.conns, o)
			}
		}
	}
	gm.auto()
	gm.broadcast()
}

func nonNil(o map[string]int) map[string]int {
	if o == nil {
		return map[string]int{}
	}
	return o
}

func (gm *game) actorIDs() []string {
	var ids []string
	for _, a := range gm.m.Scenario.Actors {
		ids = append(ids, a.ID)
	}
	return ids
}

// checkDraft checks a seat's draft against the current state: its own
// levers only, in range, affordable, their preconditions met, and choices
// only in the events of the briefing that it decides.
func (gm *game) checkDraft(ai int, orders map[string]int, choices map[string]string) error {
	m, s := gm.m, gm.g.State()
	me := m.Scenario.Actors[ai].ID
	if _, err := m.Levels(s, sim.Orders{me: orders}); err != nil {
		return errors.New(strings.TrimPrefix(err.Error(), "sim: "))
	}
	for _, eid := range slices.Sorted(maps.Keys(choices)) {
		// A partner's answer (sim.PartnerKey) is the seat's own actor's
		// only; without this any seat could answer for another partner.
		if ev, aid, ok := strings.Cut(eid, "/"); ok {
			if aid != me {
				return fmt.Errorf("the choice in event %s is not yours (it is %s's to agree)", ev, aid)
			}
			continue
		}
		ei := m.EventIndex(eid)
		if ei >= 0 && slices.Contains(s.Briefing, ei) && m.Chooser(ei) != ai {
			return fmt.Errorf("the choice in event %s is not yours", eid)
		}
	}
	if _, err := m.ChoiceIndices(s, choices); err != nil {
		return errors.New(strings.TrimPrefix(err.Error(), "sim: "))
	}
	return nil
}

// channel checks that connection c may write in channel ch and returns its
// canonical name.
func (gm *game) channel(c *conn, ch string) (string, error) {
	me := ""
	if c.role == proto.RoleSeat {
		me = gm.m.Scenario.Actors[c.actor].ID
	}
	if ch == "all" {
		return ch, nil
	}
	if a, ok := strings.CutPrefix(ch, "white:"); ok {
		if gm.m.ActorIndex(a) < 0 {
			return "", fmt.Errorf("no channel %q: unknown actor %q", ch, a)
		}
		if me != "" && a != me {
			return "", fmt.Errorf("channel %s is %s's with the facilitator", ch, a)
		}
		return ch, nil
	}
	if a, b, ok := strings.Cut(ch, "+"); ok {
		ia, ib := gm.m.ActorIndex(a), gm.m.ActorIndex(b)
		if ia < 0 || ib < 0 || ia == ib {
			return "", fmt.Errorf("no channel %q: want two different actors", ch)
		}
		if me != "" && a != me && b != me {
			return "", fmt.Errorf("channel %s is not yours", ch)
		}
		if ia > ib {
			a, b = b, a
		}
		return a + "+" + b, nil
	}
	return "", fmt.Errorf(`no channel %q: want "all", "white:ACTOR" or "A+B"`, ch)
}

// inChannel reports whether a connection reads channel ch.
func (gm *game) inChannel(c *conn, ch string) bool {
	if c.role == proto.RoleFacilitator {
		return true
	}
	if c.role != proto.RoleSeat {
		return false
	}
	me := gm.m.Scenario.Actors[c.actor].ID
	if ch == "all" || ch == "white:"+me {
		return true
	}
	a, b, _ := strings.Cut(ch, "+")
	return a == me || b == me
}

// sees reports whether connection c sees variable vi exactly: a seat
// where its fog allows, the projector where every actor does, the
// facilitator always.
func (gm *game) sees(c *conn, vi int) bool {
	switch c.role {
	case proto.RoleFacilitator:
		return true
	case proto.RoleSeat:
		return gm.m.SeesExactly(c.actor, vi)
	}
	for ai := range gm.m.Scenario.Actors {
		if !gm.m.SeesExactly(ai, vi) {
			return false
		}
	}
	return true
}

// view returns what connection c may see now. Turns and chat already sent
// to c are left out (it keeps them), so a view stays small.
func (gm *game) view(c *conn) *proto.View {
	m, g := gm.m, gm.g
	s := g.State()
	v := &proto.View{Game: gm.id, Scenario: m.Scenario.Meta.ID, Title: m.Scenario.Meta.Title, Role: c.role, Seq: gm.seq,
		Turn: s.Turn, Date: m.Date(s.Turn), Over: s.Over(), Paused: gm.paused, Ready: map[string]bool{}, Seats: map[string]string{}}
	if o := g.Outcome(); o != nil {
		v.Outcome = o.ID
	}
	// The variables change only with the state (a turn played, an
	// adjustment): a view of the state this connection last saw says so
	// instead of repeating them.
	v.VarsSame = c.sentState == s
	c.sentState = s
	switch c.role {
	case proto.RoleSeat:
		v.Actor = m.Scenario.Actors[c.actor].ID
		d := gm.drafts[c.actor]
		v.Draft = &proto.Draft{Orders: d.orders, Choices: d.choices, Ready: d.ready}
		if v.VarsSame {
			break
		}
		sv := g.View(c.actor)
		for i, x := range sv.Vals {
			v.Vars = append(v.Vars, proto.Var{ID: m.Scenario.Vars[i].ID, Value: x, Exact: sv.Exact[i], SD: sv.SD[i]})
		}
	default:
		if v.VarsSame {
			break
		}
		for i, x := range s.Vals {
			if gm.sees(c, i) {
				v.Vars = append(v.Vars, proto.Var{ID: m.Scenario.Vars[i].ID, Value: x, Exact: true})
			}
		}
	}
	for _, ei := range s.Briefing {
		v.Briefing = append(v.Briefing, m.Scenario.Events[ei].ID)
	}
	for i, a := range m.Scenario.Actors {
		v.Ready[a.ID] = gm.seats[i].computer || gm.drafts[i].ready
		v.Seats[a.ID] = gm.seats[i].String()
	}
	if c.role == proto.RoleFacilitator {
		v.Drafts = map[string]*proto.Draft{}
		for i, a := range m.Scenario.Actors {
			d := gm.drafts[i]
			v.Drafts[a.ID] = &proto.Draft{Orders: d.orders, Choices: d.choices, Ready: d.ready}
		}
		v.Connected = map[string]int{}
		for o := range gm.conns {
			v.Connected[o.roleName]++
		}
	}
	rec := g.Record()
	reps := g.Reports()
	var adjusted []sim.Entry // the facilitator's adjustments, by hand between turns
	if c.turnsSent < len(reps) {
		for _, e := range g.Ledger() {
			if e.Cause.Kind == sim.ByFacilitator {
				adjusted = append(adjusted, e)
			}
		}
	}
	for ; c.turnsSent < len(reps); c.turnsSent++ {
		r := reps[c.turnsSent]
		t := proto.Turn{Turn: r.Turn, Orders: rec.Turns[c.turnsSent].Orders, Choices: rec.Turns[c.turnsSent].Choices}
		for _, ei := range r.Events {
			t.Events = append(t.Events, m.Scenario.Events[ei].ID)
		}
		// A turn's ledger as the engine's: the facilitator's adjustments
		// made before it was played, then its own changes.
		for _, e := range adjusted {
			if e.Turn == r.Turn && gm.sees(c, e.Var) {
				t.Ledger = append(t.Ledger, change(m, e))
			}
		}
		for _, e := range r.Entries {
			if gm.sees(c, e.Var) {
				t.Ledger = append(t.Ledger, change(m, e))
			}
		}
		v.Turns = append(v.Turns, t)
	}
	for ; c.chatSent < len(gm.chat); c.chatSent++ {
		if ch := gm.chat[c.chatSent]; gm.inChannel(c, ch.Channel) {
			v.Chat = append(v.Chat, ch)
		}
	}
	v.Deadline = gm.deadlineView()
	for _, ch := range slices.Sorted(maps.Keys(gm.closed)) {
		if gm.closed[ch] {
			v.Closed = append(v.Closed, ch)
		}
	}
	if s.Over() {
		r := &proto.Reveal{Seed: g.Seed, FogSecret: g.FogSecret()}
		for i, x := range s.Vals {
			r.Truth = append(r.Truth, proto.Var{ID: m.Scenario.Vars[i].ID, Value: x, Exact: true})
		}
		if sc, err := g.Scores(); err != nil {
			r.ScoreError = err.Error()
		} else {
			r.Scores = map[string]float64{}
			for i, a := range m.Scenario.Actors {
				r.Scores[a.ID] = sc[i]
			}
		}
		v.Reveal = r
	}
	return v
}

// change is ledger entry e as a client receives it: its cause in words and
// as the scenario's kind and indexes, and the scenario line it came from.
func change(m *sim.Model, e sim.Entry) proto.Change {
	c := proto.Change{Var: m.Scenario.Vars[e.Var].ID, Amount: e.Amount, Cause: m.Describe(e.Cause), Reason: e.Reason,
		Kind: e.Cause.Kind.String(), Index: e.Cause.Index, Actor: e.Cause.Actor, Level: e.Cause.Level, Option: e.Cause.Option}
	if e.Pos.IsValid() {
		// The file's name only: a sent scenario is loaded from a folder
		// of the server's, which is none of a client's business.
		c.Pos = &proto.Pos{File: filepath.Base(e.Pos.File), Line: e.Pos.Line, Col: e.Pos.Col}
	}
	return c
}

// resume sets what a reconnecting client already has, given the last
// log entry it saw: the turns played and the chat messages sent up to
// then. It reports false (a fresh snapshot) when it cannot tell.
func (gm *game) resume(c *conn, lastSeq int64) bool {
	if lastSeq <= 0 || lastSeq > gm.seq {
		return false
	}
	for c.turnsSent < len(gm.played) && gm.played[c.turnsSent] <= lastSeq {
		c.turnsSent++
	}
	for c.chatSent < len(gm.chat) && gm.chat[c.chatSent].Seq <= lastSeq {
		c.chatSent++
	}
	return true
}

// broadcast marks every connection's view as changed; run sends the new
// views once the game's queue is empty, so that commands arriving
// together (six seats drafting at once) cost one view each, not six.
func (gm *game) broadcast() { gm.dirtyAll = true }

// touch marks one connection's view as changed.
func (gm *game) touch(c *conn) { gm.dirty[c] = true }

// flush sends the changed views.
func (gm *game) flush() {
	for c := range gm.conns {
		if gm.dirtyAll || gm.dirty[c] {
			c.send(proto.Out{Type: "view", Seq: gm.seq, View: gm.view(c)})
		}
	}
	gm.dirtyAll = false
	clear(gm.dirty)
}

// save returns the game as a save file.
func (gm *game) save() ([]byte, error) {
	var seats []string
	for _, s := range gm.seats {
		seats = append(seats, s.String())
	}
	return savegame.New(gm.create.Source, seats, gm.g.Record()).Marshal()
}
