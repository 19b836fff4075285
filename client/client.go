// Package client is one connection to a sixparty server: parsing a
// capability link, creating a game, exporting its save, and playing one
// seat over a WebSocket. It builds for the desktop and for js/wasm alike
// (github.com/coder/websocket supports both), so the command line, the
// window and the browser share it.
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/sim"
)

// Link is a parsed capability link: http(s)://HOST/g/GAME#SECRET.
type Link struct {
	Base, Game, Token string
}

// ParseLink reads a link as the server prints it.
func ParseLink(s string) (Link, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Link{}, fmt.Errorf("client: %q is not a game link (want http://HOST/g/GAME#SECRET)", s)
	}
	id, ok := strings.CutPrefix(u.Path, "/g/")
	if !ok || id == "" || strings.Contains(id, "/") {
		return Link{}, fmt.Errorf("client: %q is not a game link (want http://HOST/g/GAME#SECRET)", s)
	}
	if u.Fragment == "" {
		return Link{}, fmt.Errorf("client: the link %q has no secret (the part after #)", s)
	}
	return Link{Base: u.Scheme + "://" + u.Host, Game: id, Token: u.Fragment}, nil
}

// String returns the link as printed.
func (l Link) String() string { return l.Base + "/g/" + l.Game + "#" + l.Token }

// WS returns the WebSocket URL of the link's game.
func (l Link) WS() string {
	return "ws" + strings.TrimPrefix(l.Base, "http") + "/ws/" + l.Game
}

// Create asks the server at base (http://HOST:PORT) for a new game.
func Create(ctx context.Context, base string, req proto.CreateRequest) (*proto.CreateResponse, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	hr, err := http.NewRequestWithContext(ctx, "POST", strings.TrimRight(base, "/")+"/api/games", bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("client: %w", err)
	}
	hr.Header.Set("Content-Type", "application/json")
	b, err := do(hr)
	if err != nil {
		return nil, err
	}
	var resp proto.CreateResponse
	if err := json.Unmarshal(b, &resp); err != nil {
		return nil, fmt.Errorf("client: the server's answer: %w", err)
	}
	return &resp, nil
}

// Save fetches the game of a facilitator's link as a save file.
func Save(ctx context.Context, l Link) ([]byte, error) {
	hr, err := http.NewRequestWithContext(ctx, "GET", l.Base+"/api/games/"+l.Game+"/save", nil)
	if err != nil {
		return nil, fmt.Errorf("client: %w", err)
	}
	hr.Header.Set("Authorization", "Bearer "+l.Token)
	return do(hr)
}

// GameScenario is a game's scenario as the server sends it: the name it
// was hosted under, its YAML, whether it is a built-in one, and the orders
// tracks its strategies name (by path relative to it).
type GameScenario struct {
	Name    string            `json:"name"`
	YAML    string            `json:"yaml"`
	Builtin bool              `json:"builtin,omitempty"`
	Files   map[string]string `json:"files,omitempty"`
}

// Load loads the scenario as the server sent it: a built-in's source (the
// orders tracks of its strategies are built in too), or a hosted file's
// YAML with the orders tracks sent beside it (scenarios.LoadFiles): a
// client has not the file's folder, and reads nothing from the machine's.
func (sc *GameScenario) Load() (*sim.Model, error) {
	if sc.Builtin {
		return scenarios.LoadBuiltinEdited(sc.Name, []byte(sc.YAML))
	}
	return scenarios.LoadFiles(path.Base(sc.Name), []byte(sc.YAML), sc.Files)
}

// Scenario fetches a game's scenario.
func Scenario(ctx context.Context, l Link) (*GameScenario, error) {
	hr, err := http.NewRequestWithContext(ctx, "GET", l.Base+"/api/games/"+l.Game+"/scenario", nil)
	if err != nil {
		return nil, fmt.Errorf("client: %w", err)
	}
	b, err := do(hr)
	if err != nil {
		return nil, err
	}
	var s GameScenario
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("client: the server's answer: %w", err)
	}
	return &s, nil
}

func do(hr *http.Request) ([]byte, error) {
	res, err := http.DefaultClient.Do(hr)
	if err != nil {
		return nil, fmt.Errorf("client: %w", err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("client: %w", err)
	}
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("client: %s: %s", res.Status, strings.TrimSpace(string(b)))
	}
	return b, nil
}

// Conn is one open connection to a game.
type Conn struct {
	ws   *websocket.Conn
	mu   sync.Mutex
	next int64
	// Role is the link's role (proto.RoleSeat, ...), from the welcome.
	Role string
	// View is the view so far: the last one received, with the turns and
	// chat of every view before it.
	View proto.View
	// Trace, when set, receives every message from the server, one JSON
	// object a line.
	Trace io.Writer
}

// Dial opens a connection for a link, says hello with the last sequence
// number seen (0 for none) and waits for the welcome.
func Dial(ctx context.Context, l Link, lastSeq int64, trace io.Writer) (*Conn, error) {
	return dial(ctx, l, lastSeq, trace, proto.View{})
}

// dial is Dial with the view the connection before saw, which a resumed
// welcome completes.
func dial(ctx context.Context, l Link, lastSeq int64, trace io.Writer, last proto.View) (*Conn, error) {
	ws, _, err := websocket.Dial(ctx, l.WS(), nil)
	if err != nil {
		return nil, fmt.Errorf("client: %w", err)
	}
	ws.SetReadLimit(64 << 20)
	c := &Conn{ws: ws, Trace: trace, View: last}
	if _, err := c.Send(ctx, proto.Msg{Type: "hello", Token: l.Token, LastSeq: lastSeq}); err != nil {
		ws.CloseNow()
		return nil, err
	}
	out, err := c.Recv(ctx)
	if err != nil {
		ws.CloseNow()
		return nil, err
	}
	switch out.Type {
	case "welcome":
		return c, nil
	case "redirect":
		ws.CloseNow()
		return nil, &RedirectError{Addr: out.Addr}
	case "error":
		ws.CloseNow()
		return nil, fmt.Errorf("client: %s", out.Error)
	}
	ws.CloseNow()
	return nil, fmt.Errorf("client: the server answered hello with %q", out.Type)
}

// RedirectError says that another server owns the game.
type RedirectError struct{ Addr string }

func (e *RedirectError) Error() string { return "client: the game is served at " + e.Addr }

// Send sends a message, numbering it, and returns its number.
func (c *Conn) Send(ctx context.Context, m proto.Msg) (int64, error) {
	c.mu.Lock()
	c.next++
	m.ID, m.V = c.next, proto.Version
	c.mu.Unlock()
	b, err := json.Marshal(m)
	if err != nil {
		return 0, err
	}
	if err := c.ws.Write(ctx, websocket.MessageText, b); err != nil {
		return 0, fmt.Errorf("client: %w", err)
	}
	return m.ID, nil
}

// SendRaw sends bytes as they are (for tests of bad input).
func (c *Conn) SendRaw(ctx context.Context, b []byte) error {
	return c.ws.Write(ctx, websocket.MessageText, b)
}

// Recv waits for the server's next message, folding a view into View.
func (c *Conn) Recv(ctx context.Context) (proto.Out, error) {
	_, b, err := c.ws.Read(ctx)
	if err != nil {
		return proto.Out{}, err
	}
	if c.Trace != nil {
		c.Trace.Write(append(bytes.TrimSpace(b), '\n'))
	}
	var out proto.Out
	if err := json.Unmarshal(b, &out); err != nil {
		return proto.Out{}, fmt.Errorf("client: a malformed message from the server: %w", err)
	}
	if out.Role != "" && out.Type == "welcome" {
		c.Role = out.Role
	}
	if out.View != nil {
		turns, chat := c.View.Turns, c.View.Chat
		if out.Type == "welcome" && !out.Resumed {
			turns, chat = nil, nil
		}
		vars := c.View.Vars
		c.View = *out.View
		if out.View.VarsSame {
			c.View.Vars = vars
		}
		c.View.Turns = append(turns, out.View.Turns...)
		c.View.Chat = append(chat, out.View.Chat...)
	}
	return out, nil
}

// Close closes the connection.
func (c *Conn) Close() error { return c.ws.Close(websocket.StatusNormalClosure, "") }

// CloseStatus returns the close status of an error from Recv, -1 if none.
func CloseStatus(err error) int { return int(websocket.CloseStatus(err)) }

// Player decides a seat's orders and choices for a turn from its view. A
// Player that returns ok false asks the server's computer player instead.
type Player func(v *proto.View) (orders map[string]int, choices map[string]string, ok bool)

// Options tunes Play.
type Options struct {
	// Player gives the orders; nil asks the server's computer player at
	// Level (default "normal") every turn.
	Player Player
	Level  string
	// Trace receives every message from the server.
	Trace io.Writer
	// OnAck is called with the time from sending each command to its
	// acknowledgement.
	OnAck func(time.Duration)
	// Retries is how often Play reconnects after losing the connection
	// (default 20), waiting a little longer each time.
	Retries int
}

// Play plays the seat of link l to the end of the game and returns the
// last view. It reconnects, with the last sequence number it saw, when
// the connection drops.
func Play(ctx context.Context, l Link, opt Options) (*proto.View, error) {
	if opt.Retries == 0 {
		opt.Retries = 20
	}
	if opt.Level == "" {
		opt.Level = "normal"
	}
	var lastSeq int64
	var lastErr error
	var last proto.View // what the connection before saw
	redirect := ""
	for try := 0; try <= opt.Retries; try++ {
		if try > 0 {
			select {
			case <-ctx.Done():
				return nil, ctx.Err()
			case <-time.After(time.Duration(try) * 100 * time.Millisecond):
			}
		}
		at := l
		if redirect != "" {
			at.Base, redirect = redirect, ""
		}
		c, err := dial(ctx, at, lastSeq, opt.Trace, last)
		if err != nil {
			// Another server owns the game: try it once, then come back
			// to the link's own address (a load balancer's, say), where
			// the owner may have changed meanwhile.
			var re *RedirectError
			if errors.As(err, &re) && re.Addr != "" && re.Addr != at.Base {
				redirect = re.Addr
			}
			lastErr = err
			continue
		}
		v, err := c.play(ctx, opt, &lastSeq)
		c.ws.CloseNow()
		last = c.View
		if err == nil {
			return v, nil
		}
		if ctx.Err() != nil || !retryable(err) {
			return nil, err
		}
		lastErr = err
	}
	return nil, fmt.Errorf("client: gave up reconnecting: %w", lastErr)
}

// fatal is an error Play does not retry.
type fatal struct{ error }

func retryable(err error) bool {
	var f fatal
	return !errors.As(err, &f)
}

func (c *Conn) play(ctx context.Context, opt Options, lastSeq *int64) (*proto.View, error) {
	sent := map[int64]time.Time{}
	send := func(m proto.Msg) error {
		t := time.Now()
		id, err := c.Send(ctx, m)
		if err == nil && m.Type != "advice" {
			sent[id] = t
		}
		return err
	}
	turn := 0 // the turn whose orders were sent on this connection
	act := func() error {
		v := &c.View
		*lastSeq = v.Seq
		if v.Over || v.Role != proto.RoleSeat || v.Paused || v.Draft == nil || v.Draft.Ready || turn == v.Turn || v.Seats[v.Actor] != "person" {
			return nil
		}
		turn = v.Turn
		if opt.Player != nil {
			if o, ch, ok := opt.Player(v); ok {
				if err := send(proto.Msg{Type: "draft", Turn: v.Turn, Orders: o, Choices: ch}); err != nil {
					return err
				}
				return send(proto.Msg{Type: "ready", Turn: v.Turn, Ready: true})
			}
		}
		return send(proto.Msg{Type: "advice", Turn: v.Turn, Level: opt.Level})
	}
	if err := act(); err != nil {
		return nil, err
	}
	if c.View.Over {
		return &c.View, nil
	}
	for {
		out, err := c.Recv(ctx)
		if err != nil {
			return nil, err
		}
		switch out.Type {
		case "view":
			if err := act(); err != nil {
				return nil, err
			}
			if c.View.Over {
				v := c.View
				return &v, nil
			}
		case "advice":
			a := out.Advice
			if a != nil && a.Turn == c.View.Turn && !c.View.Draft.Ready {
				if err := send(proto.Msg{Type: "draft", Turn: a.Turn, Orders: a.Orders, Choices: a.Choices}); err != nil {
					return nil, err
				}
				if err := send(proto.Msg{Type: "ready", Turn: a.Turn, Ready: true}); err != nil {
					return nil, err
				}
			}
		case "ack":
			if t, ok := sent[out.Ref]; ok {
				if opt.OnAck != nil {
					opt.OnAck(time.Since(t))
				}
				delete(sent, out.Ref)
			}
		case "error":
			delete(sent, out.Ref)
			switch out.Code {
			case proto.CodeStale, proto.CodeRate:
				// A turn played meanwhile; a burst: the next view says what to do.
			case proto.CodeInternal:
				return nil, errors.New("client: " + out.Error)
			default:
				return nil, fatal{fmt.Errorf("client: the server refused: %s", out.Error)}
			}
		}
	}
}
