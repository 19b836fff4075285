//go:build browser

package e2e

import (
	"bufio"
	"context"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/savegame"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/ui/flow"
)

// shotsDir is where the pages' screenshots go: $SIXPARTY_SHOTS, or a
// folder of the test's.
func shotsDir(t *testing.T) string {
	if d := os.Getenv("SIXPARTY_SHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// serve builds and starts `sixparty serve` on a free loopback port with the
// repository's browser build, and returns its URL.
func serve(t *testing.T, ctx context.Context) string {
	t.Helper()
	web, _ := filepath.Abs("../web")
	if _, err := os.Stat(filepath.Join(web, "sixparty.wasm")); err != nil {
		t.Fatalf("no browser build in %s: run 'make web' first", web)
	}
	bin := filepath.Join(t.TempDir(), "sixparty")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/sixparty").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.CommandContext(ctx, bin, "serve", "--addr", "127.0.0.1:0", "--data", t.TempDir(), "--web", web)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if u, ok := strings.CutPrefix(sc.Text(), "sixparty serve: listening on "); ok {
			go func() {
				for sc.Scan() {
				}
			}()
			return u
		}
	}
	t.Fatal("sixparty serve did not say where it listens")
	return ""
}

// page is one browser tab at a link.
type page struct {
	name string
	ctx  context.Context
}

// front brings the page's tab to the front: a tab behind others gets no
// animation frames, so the window in it neither draws nor reads keys.
func (p *page) front(t *testing.T) {
	t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, cdppage.BringToFront, cdp.Empty{})
		return err
	})); err != nil {
		t.Fatalf("%s: %v", p.name, err)
	}
}

// press holds a key down for a tenth of a second: the window reads the
// keyboard 30 times a second, and a key pressed and released between two
// reads is missed (a person's key press lasts longer).
func press(k string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for _, ev := range kb.Encode([]rune(k)[0]) {
			if ev.Type == kb.KeyUp {
				time.Sleep(100 * time.Millisecond)
			}
			if _, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, *ev); err != nil {
				return err
			}
		}
		return nil
	})
}

// keys presses keys one after another and waits for the frame that shows
// the last.
func (p *page) keys(t *testing.T, keys ...string) {
	t.Helper()
	p.front(t)
	for _, k := range keys {
		t0 := p.now(t)
		if err := chromedp.Do(p.ctx, press(k)); err != nil {
			t.Fatalf("%s: key %q: %v", p.name, k, err)
		}
		p.drawnAfter(t, t0)
	}
}

func (p *page) now(t *testing.T) float64 {
	t.Helper()
	t0, err := chromedp.Run(p.ctx, chromedp.Evaluate[float64](`performance.now()`))
	if err != nil {
		t.Fatal(err)
	}
	return t0
}

// drawnAfter waits until the page has drawn a frame after t0 (its clock)
// and returns the frame's time, or 0 after 5 s.
func (p *page) drawnAfter(t *testing.T, t0 float64) float64 {
	t.Helper()
	for end := time.Now().Add(15 * time.Second); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		last, err := chromedp.Run(p.ctx, chromedp.Evaluate[float64](`window.sixpartyLastFrame || 0`))
		if err == nil && last > t0 {
			return last
		}
	}
	t.Logf("%s: no frame drawn within 15 s", p.name)
	return 0
}

func (p *page) shot(t *testing.T, dir, name string) {
	t.Helper()
	p.front(t)
	time.Sleep(300 * time.Millisecond) // the last message's redraw
	b, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("%s: screenshot: %v", p.name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserSeminar runs a seminar in Chromium: `sixparty serve`, a game
// with three person seats, three team pages, the facilitator's console and
// the projector, through two turns — each team drafts and submits, one
// sends a message, the facilitator adjudicates from its page — and checks
// the orders and the message in the exported record. It logs each page's
// first-screen time and the key-to-screen latency, and writes a
// screenshot of every page after each turn to $SIXPARTY_SHOTS.
func TestBrowserSeminar(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatal("chromium not found: scripts/deps.sh installs it (Debian package chromium)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	base := serve(t, ctx)
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	seats := map[string]string{}
	var people []string
	for i, a := range m.Scenario.Actors {
		seats[a.ID] = "computer:easy"
		if i < 3 {
			seats[a.ID] = "person"
			people = append(people, a.ID)
		}
	}
	resp, err := client.Create(ctx, base, proto.CreateRequest{Scenario: scenarios.Default, Seats: seats})
	if err != nil {
		t.Fatal(err)
	}
	// A watcher at a second facilitator connection tells the test who is
	// ready and what was said.
	pl, _ := client.ParseLink(resp.Links[proto.RoleFacilitator])
	watch, err := flow.JoinRemote(ctx, pl)
	if err != nil {
		t.Fatal(err)
	}
	go watch.Run(ctx)

	roles := append(slices.Clone(people), proto.RoleFacilitator, proto.RoleProjector)
	pages := map[string]*page{}
	dir := shotsDir(t)
	for _, role := range roles {
		// A browser of its own for each page, as on five machines: tabs of
		// one browser behind the front one get no animation frames.
		tab, tcancel := newTab(t, ctx, chromium)
		defer tcancel()
		p := &page{name: role, ctx: tab}
		pages[role] = p
		if err := chromedp.Do(tab, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: netSwitch})
			return err
		})); err != nil {
			t.Fatalf("%s: %v", role, err)
		}
		first := p.open(t, resp.Links[role])
		t.Logf("%s: first screen %.0f ms after navigation", role, first)
	}
	// Key-to-screen latency on the first team's page: time from just
	// before a key is sent to the frame that shows it.
	var lat []float64
	pages[people[0]].front(t)
	for i := range 10 {
		p := pages[people[0]]
		t0, _ := chromedp.Run(p.ctx, chromedp.Evaluate[float64](`performance.now()`))
		k := kb.ArrowDown
		if i%2 == 1 {
			k = kb.ArrowUp
		}
		chromedp.Do(p.ctx, press(k))
		for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(2 * time.Millisecond) {
			last, _ := chromedp.Run(p.ctx, chromedp.Evaluate[float64](`window.sixpartyLastFrame || 0`))
			if last > t0 {
				lat = append(lat, last-t0)
				break
			}
		}
	}
	slices.Sort(lat)
	if len(lat) > 0 {
		t.Logf("key to screen in the browser: median %.0f ms, max %.0f ms over %d keys", lat[len(lat)/2], lat[len(lat)-1], len(lat))
	}

	fac := pages[proto.RoleFacilitator]
	var dropped map[string]int // the second team's draft of turn 2, made across a dropped network
	// Each team's cursor starts on its first lever: Enter moves to the
	// submit row, Enter there submits, and the cursor stays on it.
	for turn := 1; turn <= 2; turn++ {
		start := time.Now()
		// submit presses Enter until the server holds the team ready: on
		// a loaded machine a page may miss a key, as a person's finger may.
		submit := func(p *page, i int) {
			for try := 0; !watch.Table.Ready(i); try++ {
				if try == 6 {
					t.Fatalf("turn %d: %s is not ready after %d presses of Enter", turn, p.name, try)
				}
				p.keys(t, kb.Enter)
				for end := time.Now().Add(2 * time.Second); time.Now().Before(end) && !watch.Table.Ready(i); time.Sleep(20 * time.Millisecond) {
				}
			}
		}
		for i, a := range people {
			p := pages[a]
			switch {
			case turn == 1 && i == 0:
				p.keys(t, kb.ArrowRight) // the first lever up a level
			case turn == 2 && i == 2:
				p.keys(t, kb.ArrowUp, kb.ArrowUp) // from the message row to the submit row
			case turn == 2 && i == 1:
				dropped = reconnect(t, p, watch, m, a)
			}
			submit(p, i)
			if turn == 1 && i == 2 {
				// Down to the channel (everyone) and the message row, type, send.
				p.keys(t, kb.ArrowDown, kb.ArrowDown)
				if err := chromedp.Do(p.ctx, chromedp.KeyEvent("we hold the line")); err != nil {
					t.Fatal(err)
				}
				time.Sleep(200 * time.Millisecond)
				p.keys(t, kb.Enter)
				for end := time.Now().Add(10 * time.Second); len(watch.Table.Messages(-1)) == 0; time.Sleep(20 * time.Millisecond) {
					if time.Now().After(end) {
						t.Fatalf("the message did not reach the server")
					}
				}
			}
		}
		for end := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
			ready := true
			for i := range people {
				ready = ready && watch.Table.Ready(i)
			}
			if ready {
				break
			}
			if time.Now().After(end) {
				t.Fatalf("turn %d: the teams are not all ready", turn)
			}
		}
		for _, role := range roles {
			pages[role].shot(t, dir, fmt.Sprintf("turn%d-ready-%s", turn, role))
		}
		// The facilitator's console: down past the seats to Adjudicate
		// (the cursor stays there for the next turn).
		if turn == 1 {
			for range len(m.Scenario.Actors) {
				fac.keys(t, kb.ArrowDown)
			}
		}
		// Enter again if the page missed the key: a second adjudicate
		// for the same turn, should both arrive, is refused as stale.
		for try := 0; watch.Table.Played() < turn; try++ {
			if try == 4 {
				t.Fatalf("turn %d was not adjudicated", turn)
			}
			fac.keys(t, kb.Enter)
			for end := time.Now().Add(5 * time.Second); time.Now().Before(end) && watch.Table.Played() < turn; time.Sleep(50 * time.Millisecond) {
			}
		}
		for _, role := range roles {
			pages[role].shot(t, dir, fmt.Sprintf("turn%d-played-%s", turn, role))
		}
		t.Logf("turn %d played in %v", turn, time.Since(start).Round(time.Millisecond))
	}
	// The first team's dashboard (D) and the why view of its first card
	// (W), for the pictures: nothing after depends on the keys arriving.
	us := pages[people[0]]
	us.keys(t, "d")
	us.shot(t, dir, "turn2-dashboard-"+people[0])
	us.keys(t, "w")
	us.shot(t, dir, "turn2-why-"+people[0])
	fl, _ := client.ParseLink(resp.Links[proto.RoleFacilitator])
	b, err := client.Save(ctx, fl)
	if err != nil {
		t.Fatal(err)
	}
	sf, err := savegame.Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(sf.Record.Turns) != 2 {
		t.Fatalf("the record has %d turns, want 2", len(sf.Record.Turns))
	}
	var first string
	for _, l := range m.Scenario.Levers {
		if l.Actor == people[0] {
			first = l.ID
			break
		}
	}
	if lvl := sf.Record.Turns[0].Orders[people[0]][first]; lvl != 1 {
		t.Errorf("turn 1: %s at level %d in the record, want 1", first, lvl)
	}
	for id, lvl := range dropped {
		if got := sf.Record.Turns[1].Orders[people[1]][id]; got != lvl {
			t.Errorf("turn 2: %s's %s at level %d in the record, want %d (the draft made across the dropped network)", people[1], id, got, lvl)
		}
	}
	if len(dropped) == 0 {
		t.Errorf("no draft was made across the dropped network")
	}
	if len(sf.Record.Messages) != 1 || sf.Record.Messages[0].Text != "we hold the line" || sf.Record.Messages[0].From != people[2] || sf.Record.Messages[0].Turn != 1 {
		t.Errorf("recorded messages: %+v", sf.Record.Messages)
	}
	t.Logf("screenshots in %s", dir)
}

// netSwitch runs in every page before its scripts: sixpartyNetwork(false)
// drops the page's network for its WebSockets (the open ones are closed,
// new ones go to a closed port and fail) and sixpartyNetwork(true) gives
// it back, as a lost and found Wi-Fi would.
const netSwitch = `(() => {
	const W = window.WebSocket;
	let up = true;
	const open = [];
	window.WebSocket = class extends W {
		constructor(url, protocols) {
			super(up ? url : "ws://127.0.0.1:9/", protocols);
			open.push(this);
		}
	};
	window.sixpartyNetwork = (on) => {
		up = on;
		if (!on) {
			for (const s of open.splice(0)) s.close();
		}
	};
})();`

// reconnect plays a team's turn across a dropped network: it raises the
// team's first lever (the draft reaches the server), drops the page's
// network, raises the second lever and submits while offline (the server
// sees neither), then gives the network back and waits until the server
// holds the whole draft. It returns the draft's levels by lever id.
func reconnect(t *testing.T, p *page, watch *flow.RemoteConn, m *sim.Model, actor string) map[string]int {
	t.Helper()
	ai := m.ActorIndex(actor)
	levers := m.ActorLevers(ai)
	if len(levers) < 2 {
		t.Fatalf("%s has %d levers, the test needs two", actor, len(levers))
	}
	a, b := m.Scenario.Levers[levers[0]], m.Scenario.Levers[levers[1]]
	if m.CostIn(nil, levers[0], 1)+m.CostIn(nil, levers[1], 1) > m.Scenario.Actors[ai].Budget {
		t.Fatalf("%s's first two levers at level 1 cost more than its budget", actor)
	}
	server := func() map[string]int {
		if d := watch.Table.Snapshot().Drafts[actor]; d != nil {
			return d.Orders
		}
		return nil
	}
	until := func(what string, d time.Duration, cond func() bool) {
		t.Helper()
		for end := time.Now().Add(d); !cond(); time.Sleep(50 * time.Millisecond) {
			if time.Now().After(end) {
				t.Fatalf("%s: %s within %v", p.name, what, d)
			}
		}
	}
	// From the submit row up to the first lever, and a level up.
	for range len(levers) + 2 {
		p.keys(t, kb.ArrowUp)
	}
	p.keys(t, kb.ArrowRight)
	until("no draft at the server", 10*time.Second, func() bool { return server()[a.ID] == 1 })
	if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[any](`sixpartyNetwork(false)`)); err != nil {
		t.Fatal(err)
	}
	until("the server still counts the page connected", 10*time.Second, func() bool { return watch.Table.Snapshot().Connected[actor] == 0 })
	// Offline: the second lever up, Enter to the submit row, Enter.
	p.keys(t, kb.ArrowDown, kb.ArrowRight, kb.Enter, kb.Enter)
	time.Sleep(time.Second)
	if got := server(); got[b.ID] != 0 || watch.Table.Ready(ai) || watch.Table.Snapshot().Connected[actor] != 0 {
		t.Fatalf("%s: the server had %v (ready %v) while the page was offline", p.name, got, watch.Table.Ready(ai))
	}
	p.shot(t, shotsDir(t), "turn2-offline-"+actor)
	if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[any](`sixpartyNetwork(true)`)); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{a.ID: 1, b.ID: 1}
	until("the draft made offline did not reach the server", 30*time.Second, func() bool { return maps.Equal(server(), want) })
	if !watch.Table.Ready(ai) {
		t.Logf("%s: the draft survived the dropped network, but not its ready flag (a key missed?): submitting again", p.name)
	}
	return want
}
