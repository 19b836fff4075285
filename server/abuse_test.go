package server_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/report"
	"github.com/sixparty/sixparty/savegame"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/server"
	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/server/store"
	"github.com/sixparty/sixparty/sim"
)

// next returns the next message that is not a view.
func next(t *testing.T, ctx context.Context, c *client.Conn) proto.Out {
	t.Helper()
	for {
		out, err := c.Recv(ctx)
		if err != nil {
			t.Fatalf("recv: %v", err)
		}
		if out.Type != "view" {
			return out
		}
	}
}

// expect sends m and checks the answer: an ack when code is "", else an
// error with that code and text.
func expect(t *testing.T, ctx context.Context, c *client.Conn, m proto.Msg, code, text string) {
	t.Helper()
	id, err := c.Send(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	out := next(t, ctx, c)
	if out.Ref != id && out.Ref != 0 {
		t.Fatalf("%s: the answer is to %d, not %d", m.Type, out.Ref, id)
	}
	if code == "" {
		if out.Type != "ack" {
			t.Errorf("%s: %s %s %q, want an ack", m.Type, out.Type, out.Code, out.Error)
		}
		return
	}
	if out.Type != "error" || out.Code != code || out.Error != text {
		t.Errorf("%s: %s %s %q, want error %s %q", m.Type, out.Type, out.Code, out.Error, code, text)
	}
}

func TestRefused(t *testing.T) {
	_, hs := start(t, t.TempDir())
	ctx := ctxT(t)
	resp, err := client.Create(ctx, hs.URL, proto.CreateRequest{Scenario: "pressure-2017"})
	if err != nil {
		t.Fatal(err)
	}
	us, err := client.Dial(ctx, link(t, resp.Links["us"]), 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	fac, err := client.Dial(ctx, link(t, resp.Links[proto.RoleFacilitator]), 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	one := 1.0
	for _, tc := range []struct {
		name       string
		m          proto.Msg
		code, text string
	}{
		{"draft", proto.Msg{Type: "draft", Turn: 1, Orders: map[string]int{"us.unsc": 1}}, "", ""},
		{"for another seat", proto.Msg{Type: "draft", Turn: 1, Actor: "china", Orders: map[string]int{"china.enforce": 1}}, proto.CodeForbidden, "this link plays us; it cannot act for china"},
		{"another seat's lever", proto.Msg{Type: "draft", Turn: 1, Orders: map[string]int{"china.enforce": 1}}, proto.CodeForbidden, "orders of us: china.enforce: the lever belongs to china"},
		{"unknown lever", proto.Msg{Type: "draft", Turn: 1, Orders: map[string]int{"us.unsx": 1}}, proto.CodeRefused, `orders of us: us.unsx: unknown lever; did you mean "us.unsc"?`},
		{"stale", proto.Msg{Type: "ready", Turn: 3, Ready: true}, proto.CodeStale, "a command for turn 3, but the game is on turn 1"},
		{"a facilitator's command", proto.Msg{Type: "adjudicate", Turn: 1}, proto.CodeForbidden, `a seat link cannot send "adjudicate" (facilitator only)`},
		{"an adjustment", proto.Msg{Type: "adjust", Var: "tension", Value: &one}, proto.CodeForbidden, `a seat link cannot send "adjust" (facilitator only)`},
		{"another partner's answer", proto.Msg{Type: "draft", Turn: 1, Choices: map[string]string{sim.PartnerKey("talks", "china"): "yes"}}, proto.CodeForbidden, "the choice in event talks is not yours (it is china's to agree)"},
		{"another pair's channel", proto.Msg{Type: "chat", Channel: "china+dprk", Text: "hi"}, proto.CodeForbidden, "channel china+dprk is not yours"},
		{"chat", proto.Msg{Type: "chat", Channel: "us+china", Text: "talks?"}, "", ""},
		{"hello again", proto.Msg{Type: "hello", Token: "x"}, proto.CodeBad, "hello is the first message only"},
	} {
		t.Run(tc.name, func(t *testing.T) { expect(t, ctx, us, tc.m, tc.code, tc.text) })
	}
	// Bad bytes.
	for _, tc := range []struct{ name, raw, text string }{
		{"malformed", `{"v":1,"type":`, "malformed message: unexpected EOF"},
		{"unknown type", `{"v":1,"type":"drafts","turn":1}`, `unknown message type "drafts"; did you mean "draft"?`},
		{"unknown field", `{"v":1,"type":"ping","turn":1,"admin":true}`, `malformed message: json: unknown field "admin"`},
		{"version", `{"v":2,"type":"ping"}`, "protocol version 2, this server speaks 1"},
		{"no fields", `{"v":1,"type":"draft"}`, `a "draft" message needs "turn" (the turn it is for)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := us.SendRaw(ctx, []byte(tc.raw)); err != nil {
				t.Fatal(err)
			}
			if out := next(t, ctx, us); out.Code != proto.CodeBad || out.Error != tc.text {
				t.Errorf("%s %q, want %s %q", out.Code, out.Error, proto.CodeBad, tc.text)
			}
		})
	}
	// The facilitator sees the draft; the turn is played; the same draft
	// sent again is stale.
	for fac.View.Drafts["us"] == nil || fac.View.Drafts["us"].Orders["us.unsc"] != 1 {
		if _, err := fac.Recv(ctx); err != nil {
			t.Fatal(err)
		}
	}
	expect(t, ctx, fac, proto.Msg{Type: "adjudicate", Turn: 1}, "", "")
	expect(t, ctx, us, proto.Msg{Type: "draft", Turn: 1, Orders: map[string]int{"us.unsc": 1}}, proto.CodeStale, "a command for turn 1, but the game is on turn 2")
	expect(t, ctx, fac, proto.Msg{Type: "adjudicate", Turn: 1}, proto.CodeStale, "a command for turn 1, but the game is on turn 2")
	expect(t, ctx, fac, proto.Msg{Type: "adjust", Var: "tensoin", Value: &one, Reason: "x"}, proto.CodeRefused, `adjust: unknown variable "tensoin"`)
	no, yes := false, true
	expect(t, ctx, fac, proto.Msg{Type: "channel", Channel: "china+us", Open: &no}, "", "")
	expect(t, ctx, us, proto.Msg{Type: "chat", Channel: "us+china", Text: "still there?"}, proto.CodeRefused, "channel us+china is closed")
	expect(t, ctx, fac, proto.Msg{Type: "channel", Channel: "us+china", Open: &yes}, "", "")
	expect(t, ctx, fac, proto.Msg{Type: "channel", Channel: "us+us", Open: &yes}, proto.CodeBad, `no channel "us+us": want two different actors`)
	expect(t, ctx, fac, proto.Msg{Type: "pause"}, "", "")
	expect(t, ctx, fac, proto.Msg{Type: "adjudicate", Turn: 2}, proto.CodeRefused, "the game is paused")
	expect(t, ctx, fac, proto.Msg{Type: "resume"}, "", "")
	// The negotiation is in the record, and in the debrief.
	data, err := client.Save(ctx, link(t, resp.Links[proto.RoleFacilitator]))
	if err != nil {
		t.Fatal(err)
	}
	f, err := savegame.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	if want := []sim.Message{{Turn: 1, Channel: "us+china", From: "us", Text: "talks?"}}; !reflect.DeepEqual(f.Record.Messages, want) {
		t.Errorf("messages in the record: %+v, want %+v", f.Record.Messages, want)
	}
	m, _ := scenarios.LoadBuiltin("pressure-2017")
	g, err := f.Game(m)
	if err != nil {
		t.Fatal(err)
	}
	var debrief strings.Builder
	if err := report.WriteDebrief(&debrief, g, f.Seats); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(debrief.String(), "- **us** in us+china: talks?\n") {
		t.Errorf("the debrief lacks the message")
	}

	// A reissued link: the old connection is closed, the old link
	// refused, the new one works.
	id, _ := fac.Send(ctx, proto.Msg{Type: "reissue", Role: "us"})
	var newLink string
	for newLink == "" {
		out := next(t, ctx, fac)
		if out.Type == "link" && out.Ref == id {
			newLink = out.Link
		}
	}
	for {
		_, err := us.Recv(ctx)
		if err != nil {
			if got := websocket.CloseStatus(err); got != websocket.StatusPolicyViolation {
				t.Errorf("old connection closed with %v (%v), want a policy violation", got, err)
			}
			break
		}
	}
	if _, err := client.Dial(ctx, link(t, resp.Links["us"]), 0, nil); err == nil || err.Error() != "client: a wrong or reissued link" {
		t.Errorf("old link: %v", err)
	}
	if _, err := client.Dial(ctx, link(t, newLink), 0, nil); err != nil {
		t.Errorf("new link: %v", err)
	}
	bad := link(t, resp.Links["us"])
	bad.Token = "not-a-secret"
	if _, err := client.Dial(ctx, bad, 0, nil); err == nil || err.Error() != "client: a wrong or reissued link" {
		t.Errorf("wrong link: %v", err)
	}
	bad.Game = "nosuchgame"
	if _, err := client.Dial(ctx, bad, 0, nil); err == nil || err.Error() != `client: no game "nosuchgame"` {
		t.Errorf("wrong game: %v", err)
	}
}

func TestAbuse(t *testing.T) {
	st, err := store.OpenSQLite(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := server.New(server.Config{Store: st, MaxGameConns: 2, Rate: 5, Burst: 5, CreateRate: 1000})
	hs := httptest.NewServer(srv.Handler())
	defer func() { hs.Close(); srv.Close() }()
	ctx := ctxT(t)
	resp, err := client.Create(ctx, hs.URL, proto.CreateRequest{Scenario: "pressure-2017"})
	if err != nil {
		t.Fatal(err)
	}
	us := link(t, resp.Links["us"])

	t.Run("other origin", func(t *testing.T) {
		_, res, err := websocket.Dial(ctx, us.WS(), &websocket.DialOptions{HTTPHeader: http.Header{"Origin": {"https://evil.example"}}})
		if err == nil || res == nil || res.StatusCode != http.StatusForbidden {
			t.Errorf("a foreign origin: %v %v, want 403", res, err)
		}
	})
	c, err := client.Dial(ctx, us, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("rate", func(t *testing.T) {
		for range 20 {
			c.Send(ctx, proto.Msg{Type: "ping"})
		}
		limited := 0
		for range 20 {
			if out := next(t, ctx, c); out.Code == proto.CodeRate {
				limited++
				if want := "too many messages (at most 5 a second); this one was dropped"; out.Error != want {
					t.Errorf("rate error %q, want %q", out.Error, want)
				}
			}
		}
		if limited < 10 {
			t.Errorf("%d of 20 pings limited, want most", limited)
		}
	})
	t.Run("a flood", func(t *testing.T) {
		time.Sleep(time.Second) // let the rate limiter refill
		f, err := client.Dial(ctx, us, 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for range 100 {
			if f.SendRaw(ctx, []byte(`{"v":1,"type":"ping"}`)) != nil {
				break
			}
		}
		for {
			if _, err := f.Recv(ctx); err != nil {
				if got := websocket.CloseStatus(err); got != websocket.StatusPolicyViolation {
					t.Errorf("a flood closed with %v (%v), want a policy violation", got, err)
				}
				break
			}
		}
	})
	t.Run("too many connections", func(t *testing.T) {
		if _, err := client.Dial(ctx, us, 0, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := client.Dial(ctx, us, 0, nil); err == nil || err.Error() != "client: too many connections to this game" {
			t.Errorf("a third connection: %v", err)
		}
	})
	t.Run("too big", func(t *testing.T) {
		time.Sleep(time.Second) // let the rate limiter refill
		big := `{"v":1,"type":"chat","channel":"all","text":"` + strings.Repeat("x", proto.MaxMessage) + `"}`
		c.SendRaw(ctx, []byte(big))
		for {
			_, err := c.Recv(ctx)
			if err != nil {
				if got := websocket.CloseStatus(err); got != websocket.StatusMessageTooBig {
					t.Errorf("closed with %v (%v), want message too big", got, err)
				}
				break
			}
		}
	})
	t.Run("bad create", func(t *testing.T) {
		_, err := client.Create(ctx, hs.URL, proto.CreateRequest{Scenario: "pressure-2071"})
		if err == nil || !strings.Contains(err.Error(), "400 Bad Request") {
			t.Errorf("unknown scenario: %v", err)
		}
		_, err = client.Create(ctx, hs.URL, proto.CreateRequest{Scenario: "pressure-2017", Seats: map[string]string{"uss": "person"}})
		if want := "client: 400 Bad Request: server: seats: unknown actor \"uss\"; did you mean \"us\"?"; err == nil || err.Error() != want {
			t.Errorf("unknown actor: %v", err)
		}
		_, err = client.Create(ctx, hs.URL, proto.CreateRequest{Scenario: "mine.yaml", YAML: "meta: {id: x"})
		if err == nil || !strings.Contains(err.Error(), "server: mine.yaml:1:") {
			t.Errorf("a bad sent scenario: %v", err)
		}
		_, err = client.Create(ctx, hs.URL, proto.CreateRequest{Scenario: "pressure-2017", Seats: map[string]string{"us": "robot"}})
		if want := "client: 400 Bad Request: server: seats: us: seat \"robot\": want person or computer:LEVEL (easy, normal, hard)"; err == nil || err.Error() != want {
			t.Errorf("bad seat: %v", err)
		}
	})
	t.Run("a sent scenario reads no file of the server", func(t *testing.T) {
		src, err := scenarios.BuiltinSource("pressure-2017")
		if err != nil {
			t.Fatal(err)
		}
		// Named as the built-in file it is, beside its orders tracks: the
		// server must not read them.
		path, _ := filepath.Abs("../scenarios/pressure-2017.yaml")
		_, err = client.Create(ctx, hs.URL, proto.CreateRequest{Scenario: path, YAML: string(src)})
		if err == nil || !strings.Contains(err.Error(), "cannot read orders track") {
			t.Errorf("a sent scenario's orders tracks: %v", err)
		}
		// Sent with its tracks, it loads; a track's path may not leave the
		// scenario's folder.
		files := map[string]string{}
		m, _ := scenarios.LoadBuiltin("pressure-2017")
		for _, st := range m.Scenario.Strategies {
			b, err := os.ReadFile(filepath.Join("../scenarios", st.Orders))
			if err != nil {
				t.Fatal(err)
			}
			files[st.Orders] = string(b)
		}
		sent, err := client.Create(ctx, hs.URL, proto.CreateRequest{Scenario: "mine.yaml", YAML: string(src), Files: files})
		if err != nil {
			t.Fatalf("a sent scenario with its tracks: %v", err)
		}
		// Its ledger's positions name the file as sent, never the server's
		// folder it was loaded from.
		fac, err := client.Dial(ctx, link(t, sent.Links[proto.RoleFacilitator]), 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer fac.Close()
		expect(t, ctx, fac, proto.Msg{Type: "adjudicate", Turn: 1}, "", "")
		waitView(t, fac, func(v *proto.View) bool { return len(v.Turns) > 0 })
		n := 0
		for _, c := range fac.View.Turns[0].Ledger {
			if c.Pos != nil {
				n++
				if c.Pos.File != "mine.yaml" {
					t.Errorf("a ledger entry's position names %q, want mine.yaml", c.Pos.File)
				}
			}
		}
		if n == 0 {
			t.Errorf("no ledger entry of turn 1 has a position")
		}
		files["../../etc/passwd"] = "x"
		_, err = client.Create(ctx, hs.URL, proto.CreateRequest{Scenario: "mine.yaml", YAML: string(src), Files: files})
		if want := `client: 400 Bad Request: server: orders track "../../etc/passwd": the path must be relative to the scenario and stay inside its folder`; err == nil || err.Error() != want {
			t.Errorf("a track outside the folder: %v", err)
		}
	})
	t.Run("export without the facilitator's link", func(t *testing.T) {
		if _, err := client.Save(ctx, us); err == nil || !strings.Contains(err.Error(), "403") {
			t.Errorf("a seat's export: %v", err)
		}
	})
}

// TestResume reconnects a seat with the last sequence number it saw: the
// welcome brings only the turns and chat messages it missed; without one,
// everything.
func TestResume(t *testing.T) {
	_, hs := start(t, t.TempDir())
	ctx := ctxT(t)
	resp, err := client.Create(ctx, hs.URL, proto.CreateRequest{Scenario: "pressure-2017"})
	if err != nil {
		t.Fatal(err)
	}
	fac, err := client.Dial(ctx, link(t, resp.Links[proto.RoleFacilitator]), 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	ul := link(t, resp.Links["us"])
	us, err := client.Dial(ctx, ul, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	expect(t, ctx, fac, proto.Msg{Type: "chat", Channel: "all", Text: "welcome"}, "", "")
	expect(t, ctx, fac, proto.Msg{Type: "adjudicate", Turn: 1}, "", "")
	for us.View.Turn < 2 || len(us.View.Chat) < 1 {
		if _, err := us.Recv(ctx); err != nil {
			t.Fatal(err)
		}
	}
	seen := us.View.Seq
	us.Close()
	expect(t, ctx, fac, proto.Msg{Type: "chat", Channel: "white:us", Text: "a word"}, "", "")
	expect(t, ctx, fac, proto.Msg{Type: "adjudicate", Turn: 2}, "", "")
	again, err := client.Dial(ctx, ul, seen, nil)
	if err != nil {
		t.Fatal(err)
	}
	v := again.View
	if len(v.Turns) != 1 || v.Turns[0].Turn != 2 || len(v.Chat) != 1 || v.Chat[0].Text != "a word" || v.Turn != 3 {
		t.Errorf("resumed after %d: turn %d, turns %+v, chat %+v; want turn 2 and the white cell's word only", seen, v.Turn, v.Turns, v.Chat)
	}
	fresh, err := client.Dial(ctx, ul, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	if v := fresh.View; len(v.Turns) != 2 || len(v.Chat) != 2 {
		t.Errorf("a fresh snapshot: %d turns, %d messages; want 2 and 2", len(v.Turns), len(v.Chat))
	}
}

func TestCreateRate(t *testing.T) {
	st, err := store.OpenSQLite(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := server.New(server.Config{Store: st, CreateRate: 1})
	hs := httptest.NewServer(srv.Handler())
	defer func() { hs.Close(); srv.Close() }()
	ctx := ctxT(t)
	if _, err := client.Create(ctx, hs.URL, proto.CreateRequest{Scenario: "pressure-2017"}); err != nil {
		t.Fatal(err)
	}
	_, err = client.Create(ctx, hs.URL, proto.CreateRequest{Scenario: "pressure-2017"})
	if want := "client: 429 Too Many Requests: server: too many games created; try again in a moment"; err == nil || err.Error() != want {
		t.Errorf("a second game at once: %v, want %s", err, want)
	}
}

func TestServerLimits(t *testing.T) {
	st, err := store.OpenSQLite(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := server.New(server.Config{Store: st, MaxConns: 1})
	hs := httptest.NewServer(srv.Handler())
	defer func() { hs.Close(); srv.Close() }()
	ctx := ctxT(t)
	resp, err := client.Create(ctx, hs.URL, proto.CreateRequest{Scenario: "pressure-2017"})
	if err != nil {
		t.Fatal(err)
	}
	us := link(t, resp.Links["us"])
	if _, err := client.Dial(ctx, us, 0, nil); err != nil {
		t.Fatal(err)
	}
	_, res, err := websocket.Dial(ctx, us.WS(), nil)
	if err == nil || res == nil || res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("a connection over the server's limit: %v %v, want 503", res, err)
	}
	for _, body := range []string{`{"scenario":"pressure-2017","admin":true}`, `{"scenario":"` + strings.Repeat("x", 5<<20) + `"}`} {
		res, err := http.Post(hs.URL+"/api/games", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("create with %.40s...: %s, want 400", body, res.Status)
		}
	}
}

// TestChoicesOwn checks that a seat answers only the events its actor
// decides: another actor's choice, and another partner's answer to a
// joint decision, are refused; its own choice is taken.
func TestChoicesOwn(t *testing.T) {
	_, hs := start(t, t.TempDir())
	ctx := ctxT(t)
	resp, err := client.Create(ctx, hs.URL, proto.CreateRequest{Scenario: "pressure-2017"})
	if err != nil {
		t.Fatal(err)
	}
	dial := func(role string) *client.Conn {
		c, err := client.Dial(ctx, link(t, resp.Links[role]), 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	fac, us, china := dial(proto.RoleFacilitator), dial("us"), dial("china")
	expect(t, ctx, fac, proto.Msg{Type: "inject", Event: "singapore"}, "", "")
	expect(t, ctx, china, proto.Msg{Type: "draft", Turn: 1, Choices: map[string]string{"singapore": "meet"}}, proto.CodeForbidden, "the choice in event singapore is not yours")
	expect(t, ctx, china, proto.Msg{Type: "draft", Turn: 1, Choices: map[string]string{sim.PartnerKey("singapore", "us"): "meet"}}, proto.CodeForbidden, "the choice in event singapore is not yours (it is us's to agree)")
	expect(t, ctx, us, proto.Msg{Type: "draft", Turn: 1, Choices: map[string]string{"singapore": "decline"}}, "", "")
}
