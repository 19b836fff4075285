// Package server is sixparty's game server: it hosts many games at once,
// each owned by one goroutine, and talks to its clients over one WebSocket
// each (JSON messages, see package proto and docs/server.md). Every seat
// is a capability link whose secret the server keeps only as a hash; each
// client receives only what its role may see; every accepted command is
// appended to the game's log (package store) before it is acknowledged,
// so a restarted server resumes every game where it was.
package server

import (
	"context"
	crand "crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"
	"golang.org/x/time/rate"

	"github.com/sixparty/sixparty/internal/suggest"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/server/store"
	"github.com/sixparty/sixparty/sim"
)

// Config configures a Server.
type Config struct {
	// Store keeps the games' logs.
	Store store.Store
	// OriginPatterns are the hosts, besides the server's own, whose web
	// pages may open a WebSocket (see websocket.AcceptOptions).
	OriginPatterns []string
	// MaxConns bounds the open connections of the whole server (default
	// 4096), MaxGameConns those of one game (default 64).
	MaxConns, MaxGameConns int
	// Rate and Burst bound each connection's messages per second (default
	// 20, burst 40).
	Rate  float64
	Burst int
	// CreateRate bounds the games created per second (default 50).
	CreateRate float64
	// Owner and Addr name this server among those sharing a Leaser store,
	// and where its clients reach it; LeaseTTL is how long a lease lasts
	// without renewal (default 10s).
	Owner, Addr string
	LeaseTTL    time.Duration
	// Logf logs what goes wrong (default: nothing).
	Logf func(format string, args ...any)
}

// Server serves games over HTTP and WebSocket.
type Server struct {
	cfg   Config
	store store.Store
	mu    sync.Mutex
	games map[string]*game
	conns atomic.Int64
	ctx   context.Context
	stop  context.CancelFunc
	// advice bounds the computer players planning at once.
	advice chan struct{}
	// creates bounds the games created per second.
	creates *rate.Limiter
	// models holds the compiled scenarios, by name and content.
	modelMu sync.Mutex
	models  map[string]*sim.Model
}

// New returns a server on the given store.
func New(cfg Config) *Server {
	if cfg.MaxConns <= 0 {
		cfg.MaxConns = 4096
	}
	if cfg.MaxGameConns <= 0 {
		cfg.MaxGameConns = 64
	}
	if cfg.Rate <= 0 {
		cfg.Rate = 20
	}
	if cfg.Burst <= 0 {
		cfg.Burst = 40
	}
	if cfg.CreateRate <= 0 {
		cfg.CreateRate = 50
	}
	if cfg.LeaseTTL <= 0 {
		cfg.LeaseTTL = 10 * time.Second
	}
	if cfg.Owner == "" {
		cfg.Owner = newToken()
	}
	s := &Server{cfg: cfg, store: cfg.Store, games: map[string]*game{}, models: map[string]*sim.Model{}, advice: make(chan struct{}, max(1, runtime.GOMAXPROCS(0)-1))}
	s.ctx, s.stop = context.WithCancel(context.Background())
	s.creates = rate.NewLimiter(rate.Limit(cfg.CreateRate), max(1, int(cfg.CreateRate)))
	if _, ok := cfg.Store.(store.Leaser); ok {
		go s.renewLeases()
	}
	return s
}

func (s *Server) logf(format string, args ...any) {
	if s.cfg.Logf != nil {
		s.cfg.Logf(format, args...)
	}
}

// Close stops every game and closes their connections. The store stays
// open: its owner closes it.
func (s *Server) Close() {
	s.stop()
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, gm := range s.games {
		close(gm.quit)
		if l, ok := s.store.(store.Leaser); ok {
			l.Release(context.Background(), id, s.cfg.Owner)
		}
		delete(s.games, id)
	}
}

// Handler returns the server's HTTP handler:
//
//	POST /api/games            create a game (proto.CreateRequest → proto.CreateResponse)
//	GET  /api/games            list the games (proto.GameInfo)
//	GET  /api/games/{id}/save  the game as a save file (facilitator link: Authorization: Bearer SECRET)
//	GET  /api/games/{id}/scenario  the game's scenario: {"name", "yaml", "builtin", "files"} (public)
//	GET  /ws/{id}              the WebSocket of one client
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/games", s.handleCreate)
	mux.HandleFunc("GET /api/games", s.handleList)
	mux.HandleFunc("GET /api/games/{id}/save", s.handleSave)
	mux.HandleFunc("GET /api/games/{id}/scenario", s.handleScenario)
	mux.HandleFunc("GET /ws/{id}", s.handleWS)
	mux.HandleFunc("GET /g/{id}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "sixparty game "+r.PathValue("id")+": open this link with 'sixparty join LINK' (the browser client is to come).")
	})
	return mux
}

// newToken returns a new link secret: 192 random bits, URL-safe.
func newToken() string {
	var b [24]byte
	crand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// newFogSecret draws a fog secret, or a game's seed, from the system's
// cryptographic source (never 0).
func newFogSecret() uint64 {
	var b [8]byte
	for {
		crand.Read(b[:])
		if x := binary.LittleEndian.Uint64(b[:]); x != 0 {
			return x
		}
	}
}

// link returns a capability link: the secret is in the fragment, which
// browsers never send to a server.
func (s *Server) link(base, id, token string) string {
	return base + "/g/" + id + "#" + token
}

// baseURL is the server's address as the request reached it.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func httpError(w http.ResponseWriter, code int, format string, args ...any) {
	http.Error(w, "server: "+fmt.Sprintf(format, args...), code)
}

func (s *Server) handleCreate(w http.ResponseWriter, r *http.Request) {
	if !s.creates.Allow() {
		httpError(w, http.StatusTooManyRequests, "too many games created; try again in a moment")
		return
	}
	var req proto.CreateRequest
	dec := json.NewDecoder(io.LimitReader(r.Body, 4<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		httpError(w, http.StatusBadRequest, "a malformed request: %v", err)
		return
	}
	resp, err := s.Create(r.Context(), baseURL(r), req)
	if err != nil {
		httpError(w, http.StatusBadRequest, "%v", strings.TrimPrefix(err.Error(), "server: "))
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(resp)
}

// Create makes a new game and returns its links, built on base (the
// server's URL as its clients reach it).
func (s *Server) Create(ctx context.Context, base string, req proto.CreateRequest) (*proto.CreateResponse, error) {
	src := []byte(req.YAML)
	var m *sim.Model
	var err error
	if req.Scenario == "" {
		return nil, errors.New("server: the request names no scenario")
	}
	builtin := req.YAML == ""
	if builtin {
		if src, err = scenarios.BuiltinSource(req.Scenario); err != nil {
			return nil, err
		}
	}
	if len(req.Files) > 64 {
		return nil, fmt.Errorf("server: %d files sent with the scenario, at most 64", len(req.Files))
	}
	if m, err = s.loadScenario(req.Scenario, src, builtin, req.Files); err != nil {
		return nil, err
	}
	// The scenario's own seed is in its YAML, which anyone may read (GET
	// /api/games/ID/scenario): a game that played it would tell every seat
	// its chance. Without a seed asked for, the game gets one of its own.
	seed := newFogSecret()
	if req.Seed != nil {
		seed = *req.Seed
	}
	c := &createEntry{Source: req.Scenario, YAML: string(src), Builtin: builtin, Files: req.Files, Seed: seed, FogSecret: newFogSecret(), Auto: req.Auto, Hashes: map[string]string{}}
	for id := range req.Seats {
		if m.ActorIndex(id) < 0 {
			var ids []string
			for _, a := range m.Scenario.Actors {
				ids = append(ids, a.ID)
			}
			return nil, fmt.Errorf("server: seats: unknown actor %q%s", id, suggest.Hint(id, ids))
		}
	}
	resp := &proto.CreateResponse{ID: newToken()[:16], Links: map[string]string{}}
	roles := []string{proto.RoleFacilitator, proto.RoleProjector}
	for _, a := range m.Scenario.Actors {
		st := seat{}
		if v, ok := req.Seats[a.ID]; ok {
			if st, err = parseSeat(v); err != nil {
				return nil, fmt.Errorf("server: seats: %s: %w", a.ID, err)
			}
		}
		c.Seats = append(c.Seats, st.String())
		roles = append(roles, a.ID)
	}
	for _, role := range roles {
		t := newToken()
		h := hashToken(t)
		c.Hashes[role] = hex.EncodeToString(h[:])
		resp.Links[role] = s.link(base, resp.ID, t)
	}
	data, err := json.Marshal(entry{Type: "create", Create: c})
	if err != nil {
		return nil, err
	}
	if err := s.store.Create(ctx, resp.ID, data); err != nil {
		return nil, err
	}
	if _, _, err := s.game(ctx, resp.ID); err != nil {
		return nil, err
	}
	return resp, nil
}

func (s *Server) handleList(w http.ResponseWriter, r *http.Request) {
	ids, err := s.store.Games(r.Context())
	if err != nil {
		httpError(w, http.StatusInternalServerError, "%v", err)
		return
	}
	out := []proto.GameInfo{}
	for _, id := range ids {
		info := proto.GameInfo{ID: id}
		s.mu.Lock()
		gm := s.games[id]
		s.mu.Unlock()
		if gm != nil {
			gm.do(r.Context(), func() {
				info.Scenario, info.Turn, info.Over = gm.m.Scenario.Meta.ID, gm.g.Turn(), gm.g.Over()
			})
		}
		out = append(out, info)
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(out)
}

func (s *Server) handleScenario(w http.ResponseWriter, r *http.Request) {
	gm, _, err := s.game(r.Context(), r.PathValue("id"))
	if err != nil || gm == nil {
		if gm, err = s.readGame(r.Context(), r.PathValue("id")); err != nil {
			httpError(w, http.StatusNotFound, "no game %q", r.PathValue("id"))
			return
		}
	}
	c := gm.create // never changed once the game is made
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"name": c.Source, "yaml": c.YAML, "builtin": c.Builtin, "files": c.Files})
}

// readGame rebuilds a game from the store without owning it (for a game
// another server owns): it answers reads only.
func (s *Server) readGame(ctx context.Context, id string) (*game, error) {
	log, err := s.store.Load(ctx, id)
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return nil, fmt.Errorf("server: no game %q", id)
		}
		return nil, err
	}
	return loadGame(s, id, log)
}

func (s *Server) handleSave(w http.ResponseWriter, r *http.Request) {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		httpError(w, http.StatusUnauthorized, "the save needs the facilitator's link (Authorization: Bearer SECRET)")
		return
	}
	gm, _, err := s.game(r.Context(), r.PathValue("id"))
	if err != nil {
		httpError(w, http.StatusNotFound, "%v", err)
		return
	}
	var data []byte
	var status = http.StatusOK
	save := func(gm *game) {
		if role, ok := gm.roleOf(token); !ok || role != proto.RoleFacilitator {
			status = http.StatusForbidden
			return
		}
		data, err = gm.save()
	}
	if gm != nil {
		gm.do(r.Context(), func() { save(gm) })
	} else if gm, err = s.readGame(r.Context(), r.PathValue("id")); err == nil {
		save(gm) // another server owns the game: the save is what its log holds
	}
	switch {
	case status != http.StatusOK:
		httpError(w, status, "only the facilitator's link may export the game")
	case err != nil:
		httpError(w, http.StatusInternalServerError, "%v", err)
	case data == nil:
		httpError(w, http.StatusServiceUnavailable, "the game did not answer")
	default:
		w.Header().Set("Content-Type", "application/json")
		w.Write(data)
	}
}

// game returns the game with the given id, loading it from the store (and
// taking its lease, on a shared store) when this server does not hold it
// yet. When another server owns the game it returns nil and that
// server's address.
func (s *Server) game(ctx context.Context, id string) (*game, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if gm := s.games[id]; gm != nil {
		return gm, "", nil
	}
	if s.ctx.Err() != nil {
		return nil, "", errors.New("server: shutting down")
	}
	l, shared := s.store.(store.Leaser)
	if shared {
		ok, holder, err := l.Acquire(ctx, id, s.cfg.Owner, s.cfg.Addr, s.cfg.LeaseTTL)
		if err != nil {
			return nil, "", err
		}
		if !ok {
			return nil, holder, nil
		}
	}
	log, err := s.store.Load(ctx, id)
	if err == nil {
		var gm *game
		if gm, err = loadGame(s, id, log); err == nil {
			s.games[id] = gm
			go gm.run()
			gm.in <- func() { gm.auto(); gm.startClock(gm.clock.every) }
			return gm, "", nil
		}
	}
	if shared {
		l.Release(ctx, id, s.cfg.Owner) // a lease on no game
	}
	if errors.Is(err, store.ErrNotFound) {
		return nil, "", fmt.Errorf("server: no game %q", id)
	}
	return nil, "", err
}

// Resume loads every game of the store that is not over, so that their
// deadlines run and their computer seats play without waiting for a
// client to connect. It is for a store of this server's own: on a shared
// one the games are taken over as their clients come.
func (s *Server) Resume(ctx context.Context) (int, error) {
	if _, shared := s.store.(store.Leaser); shared {
		return 0, nil
	}
	ids, err := s.store.Games(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, id := range ids {
		gm, _, err := s.game(ctx, id)
		if err != nil {
			s.logf("game %s: %v", id, err)
			continue
		}
		over := true
		gm.do(ctx, func() { over = gm.g.Over() })
		if over {
			gm.do(ctx, func() { s.drop(gm) })
			continue
		}
		n++
	}
	return n, nil
}

// drop forgets a game (its goroutine stops), so that the next connection
// loads it again from the log. It runs on the game's goroutine.
func (s *Server) drop(gm *game) {
	s.mu.Lock()
	if s.games[gm.id] == gm {
		delete(s.games, gm.id)
	}
	s.mu.Unlock()
	for c := range gm.conns {
		c.close(closeTryAgain, "the game is being reloaded; reconnect")
	}
	gm.conns = map[*conn]bool{}
	clear(gm.dirty)
	select {
	case <-gm.quit:
	default:
		close(gm.quit)
	}
}

// renewLeases keeps this server's leases on a shared store, and drops a
// game whose lease another server took.
func (s *Server) renewLeases() {
	l := s.store.(store.Leaser)
	t := time.NewTicker(s.cfg.LeaseTTL / 3)
	defer t.Stop()
	for {
		select {
		case <-s.ctx.Done():
			return
		case <-t.C:
		}
		s.mu.Lock()
		games := make([]*game, 0, len(s.games))
		for _, gm := range s.games {
			games = append(games, gm)
		}
		s.mu.Unlock()
		for _, gm := range games {
			ok, _, err := l.Acquire(s.ctx, gm.id, s.cfg.Owner, s.cfg.Addr, s.cfg.LeaseTTL)
			if err == nil && !ok {
				s.logf("game %s: lost its lease", gm.id)
				select {
				case gm.in <- func() { s.drop(gm) }:
				case <-gm.quit:
				}
			}
		}
	}
}

// Close codes and reasons of the WebSocket.
const (
	closePolicy    = websocket.StatusPolicyViolation
	closeGoingAway = websocket.StatusGoingAway
	closeTryAgain  = websocket.StatusTryAgainLater
)

// conn is one client's connection.
type conn struct {
	ws        *websocket.Conn
	out       chan []byte
	done      chan struct{}
	wdone     chan struct{}
	once      sync.Once
	code      websocket.StatusCode
	reason    string
	base      string
	role      string // proto.RoleSeat, RoleFacilitator or RoleProjector
	roleName  string // the actor id of a seat, else role
	actor     int
	turnsSent int
	chatSent  int
	// sentState is the state whose variables the last view sent.
	sentState *sim.State
}

// send queues a message; a client too slow to take its messages is
// disconnected.
func (c *conn) send(o proto.Out) {
	o.V = proto.Version
	b, err := json.Marshal(o)
	if err != nil {
		// A value JSON cannot hold (NaN, ±Inf) is a fault of the game, not
		// a message to drop in silence: the client is told, with the
		// reference of the command it answers.
		b, _ = json.Marshal(proto.Out{V: proto.Version, Type: "error", Ref: o.Ref, Code: proto.CodeInternal,
			Error: fmt.Sprintf("the server could not encode its %s message: %v", o.Type, err)})
	}
	select {
	case c.out <- b:
	case <-c.done:
	default:
		c.close(closePolicy, "too slow to read its messages")
	}
}

// refuse sends an error for the message with ID ref.
func (c *conn) refuse(ref int64, code, text string) {
	if c != nil {
		c.send(proto.Out{Type: "error", Ref: ref, Code: code, Error: text})
	}
}

// close ends the connection with a status and reason, after the messages
// already queued.
func (c *conn) close(code websocket.StatusCode, reason string) {
	c.once.Do(func() {
		c.code, c.reason = code, reason
		close(c.done)
	})
}

// writer writes the queued messages; once the connection is closed it
// writes what is left, then the close frame.
func (c *conn) writer(ctx context.Context) {
	defer close(c.wdone)
	for {
		select {
		case b := <-c.out:
			wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			err := c.ws.Write(wctx, websocket.MessageText, b)
			cancel()
			if err != nil {
				c.close(closeGoingAway, "write failed")
				c.ws.CloseNow()
				return
			}
		case <-c.done:
			for {
				select {
				case b := <-c.out:
					wctx, cancel := context.WithTimeout(ctx, time.Second)
					c.ws.Write(wctx, websocket.MessageText, b)
					cancel()
				default:
					c.ws.Close(c.code, c.reason)
					return
				}
			}
		}
	}
}

// keepAlive pings the client every half minute, so that a seat waiting
// for the others keeps its connection through proxies that drop idle
// ones, and a client that went away without closing is noticed.
func (c *conn) keepAlive(ctx context.Context) {
	t := time.NewTicker(30 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			pctx, cancel := context.WithTimeout(ctx, 15*time.Second)
			err := c.ws.Ping(pctx)
			cancel()
			if err != nil {
				c.close(closeGoingAway, "no answer to a ping")
				return
			}
		case <-c.done:
			return
		case <-ctx.Done():
			return
		}
	}
}

func (s *Server) handleWS(w http.ResponseWriter, r *http.Request) {
	if n := s.conns.Add(1); n > int64(s.cfg.MaxConns) {
		s.conns.Add(-1)
		httpError(w, http.StatusServiceUnavailable, "too many connections (%d); try again later", s.cfg.MaxConns)
		return
	}
	defer s.conns.Add(-1)
	ws, err := websocket.Accept(w, r, &websocket.AcceptOptions{OriginPatterns: s.cfg.OriginPatterns})
	if err != nil {
		return // Accept has answered (a foreign Origin gets 403)
	}
	ws.SetReadLimit(proto.MaxMessage)
	ctx, cancel := context.WithCancel(s.ctx)
	defer cancel()
	c := &conn{ws: ws, out: make(chan []byte, 256), done: make(chan struct{}), wdone: make(chan struct{}), base: baseURL(r), actor: -1}
	go c.writer(ctx)
	go c.keepAlive(ctx)
	defer func() {
		c.close(websocket.StatusNormalClosure, "")
		<-c.wdone
	}()

	hctx, hcancel := context.WithTimeout(ctx, 10*time.Second)
	_, data, err := ws.Read(hctx)
	hcancel()
	if err != nil {
		return
	}
	hello, err := proto.Decode(data)
	if err != nil || hello.Type != "hello" {
		if err == nil {
			err = errors.New(`the first message must be "hello"`)
		}
		c.refuse(hello.ID, proto.CodeBad, err.Error())
		c.close(closePolicy, "no hello")
		return
	}
	id := r.PathValue("id")
	gm, holder, err := s.game(ctx, id)
	if err != nil {
		c.refuse(hello.ID, proto.CodeAuth, strings.TrimPrefix(err.Error(), "server: "))
		c.close(closePolicy, "no such game")
		return
	}
	if gm == nil {
		c.send(proto.Out{Type: "redirect", Ref: hello.ID, Addr: holder})
		c.close(closeTryAgain, "the game is served by another server")
		return
	}
	ok := false
	joined := gm.do(ctx, func() {
		role, found := gm.roleOf(hello.Token)
		if !found {
			c.refuse(hello.ID, proto.CodeAuth, "a wrong or reissued link")
			c.close(closePolicy, "a wrong or reissued link")
			return
		}
		if len(gm.conns) >= s.cfg.MaxGameConns {
			c.refuse(hello.ID, proto.CodeRefused, "too many connections to this game")
			c.close(closeTryAgain, "too many connections to this game")
			return
		}
		c.roleName, c.role = role, role
		if ai := gm.m.ActorIndex(role); ai >= 0 {
			c.role, c.actor = proto.RoleSeat, ai
		}
		gm.conns[c] = true
		resumed := gm.resume(c, hello.LastSeq)
		c.send(proto.Out{Type: "welcome", Ref: hello.ID, Seq: gm.seq, Role: c.role, Resumed: resumed, View: gm.view(c)})
		gm.broadcastConnected(c)
		ok = true
	})
	if !joined || !ok {
		return
	}
	defer gm.do(context.Background(), func() {
		delete(gm.conns, c)
		gm.broadcastConnected(nil)
	})
	lim := rate.NewLimiter(rate.Limit(s.cfg.Rate), s.cfg.Burst)
	over := 0
	for {
		_, data, err := ws.Read(ctx)
		if err != nil {
			return
		}
		if !lim.Allow() {
			if over++; over > 4*s.cfg.Burst {
				c.close(closePolicy, "too many messages")
				return
			}
			c.refuse(0, proto.CodeRate, fmt.Sprintf("too many messages (at most %g a second); this one was dropped", s.cfg.Rate))
			continue
		}
		over = 0
		m, err := proto.Decode(data)
		if err != nil {
			c.refuse(0, proto.CodeBad, err.Error())
			continue
		}
		if !gm.do(ctx, func() {
			if gm.conns[c] {
				gm.handle(c, m)
			}
		}) {
			c.close(closeTryAgain, "the game is being reloaded; reconnect")
			return
		}
		select {
		case <-c.done:
			return
		default:
		}
	}
}

// broadcastConnected tells the facilitators who is connected, after
// connection except joined or left.
func (gm *game) broadcastConnected(except *conn) {
	for o := range gm.conns {
		if o.role == proto.RoleFacilitator && o != except {
			gm.touch(o)
		}
	}
}
