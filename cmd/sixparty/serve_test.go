package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/server"
	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/server/store"
)

const (
	historyTrack = "../../scenarios/pressure-2017.history.yaml"
	combinedFile = "../../scenarios/pressure-2017.combined.yaml"
	// historyEnd and historyTurns are where the historical track's game
	// (seed 2017) ends, as 'run --orders' plays it.
	historyEnd   = "11 (2020-Q2)"
	historyTurns = "10"
)

var seatIDs = []string{"us", "japan", "rok", "china", "russia", "dprk"}

// hostGame creates a game with 'sixparty host --json' on the server at url,
// on the scenario's own seed (2017), which a served game plays only when
// asked to.
func hostGame(t *testing.T, url string) *proto.CreateResponse {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run([]string{"host", url, "pressure-2017", "--seed", "2017", "--auto", "--json"}, &out, &errb); code != exitOK {
		t.Fatalf("host: exit %d: %s", code, errb.String())
	}
	var resp proto.CreateResponse
	if err := json.Unmarshal(out.Bytes(), &resp); err != nil {
		t.Fatalf("host --json: %v\n%s", err, out.String())
	}
	return &resp
}

// joinAll plays every seat with 'sixparty join --orders FILE'.
func joinAll(t *testing.T, resp *proto.CreateResponse, dir string) {
	t.Helper()
	var wg sync.WaitGroup
	for _, a := range seatIDs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out, errb bytes.Buffer
			code := runJoin([]string{resp.Links[a], "--orders", historyTrack, "--trace", filepath.Join(dir, a+".trace")}, &out, &errb)
			if code != exitOK || !strings.HasPrefix(out.String(), a+": the game is over on turn "+historyEnd+": ") {
				t.Errorf("join %s: exit %d: %s%s", a, code, out.String(), errb.String())
			}
		}()
	}
	wg.Wait()
}

// sameAsRun exports the game, replays the save and checks that it is the
// game 'run --orders' plays with the same orders, line for line.
func sameAsRun(t *testing.T, resp *proto.CreateResponse, dir string) {
	t.Helper()
	save := filepath.Join(dir, "game.save")
	var out, errb bytes.Buffer
	if code := runExport([]string{resp.Links[proto.RoleFacilitator], "-o", save}, &out, &errb); code != exitOK {
		t.Fatalf("export: exit %d: %s", code, errb.String())
	}
	if want := "wrote " + save + " (" + historyTurns + " turns played)\n"; out.String() != want {
		t.Errorf("export said %q, want %q", out.String(), want)
	}
	var replayed, played bytes.Buffer
	if code := run([]string{"replay", save, "--json"}, &replayed, &errb); code != exitOK {
		t.Fatalf("replay: exit %d: %s", code, errb.String())
	}
	if code := run([]string{"run", "pressure-2017", "--orders", historyTrack, "--json"}, &played, &errb); code != exitOK {
		t.Fatalf("run: exit %d: %s", code, errb.String())
	}
	if replayed.String() != played.String() {
		t.Errorf("the served game's replay differs from run --orders:\n%s\nrun:\n%s", head(replayed.String()), head(played.String()))
	}
	if n := strings.Count(played.String(), "\n"); n < 10 {
		t.Errorf("run wrote %d lines", n)
	}
}

func head(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "..."
	}
	return s
}

// TestServedGameIsRunOrders plays the default scenario's historical
// orders over the network, six 'join's against a server, and checks that
// the exported record replays to exactly what 'run --orders' plays.
func TestServedGameIsRunOrders(t *testing.T) {
	st, err := store.OpenSQLite(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := server.New(server.Config{Store: st})
	hs := httptest.NewServer(srv.Handler())
	defer func() { hs.Close(); srv.Close() }()
	resp := hostGame(t, hs.URL)
	dir := t.TempDir()
	joinAll(t, resp, dir)
	sameAsRun(t, resp, dir)
}

// serveChild starts 'sixparty serve' in a child process and returns its
// URL.
func serveChild(t *testing.T, addr string, storeArgs ...string) (*exec.Cmd, string) {
	t.Helper()
	args := append([]string{"-test.run=^TestCorpusHelperProcess$", "--", "serve", "--addr", addr}, storeArgs...)
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "SIXPARTY_CORPUS_HELPER=1")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(stdout).ReadString('\n')
	url, ok := strings.CutPrefix(strings.TrimSpace(line), "sixparty serve: listening on ")
	if err != nil || !ok {
		t.Fatalf("serve said %q (%v)", line, err)
	}
	return cmd, url
}

// TestServerKilledMidGame kills the server (SIGKILL, a child process)
// while six joins play, starts it again on the same store and address,
// and checks that the game goes on to the very game 'run --orders' plays:
// no command lost, none applied twice.
func TestServerKilledMidGame(t *testing.T) {
	if testing.Short() {
		t.Skip("starts servers in child processes")
	}
	data := t.TempDir()
	cmd, url := serveChild(t, "127.0.0.1:0", "--data", data)
	resp := hostGame(t, url)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	// The facilitator pauses the game on turn 3 or later; the server dies
	// while the seats wait, with their drafts for the turn logged or in
	// flight.
	fl := mustLink(t, resp.Links[proto.RoleFacilitator])
	fac, err := client.Dial(ctx, fl, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { defer close(done); joinAll(t, resp, t.TempDir()) }()
	for fac.View.Turn < 3 {
		if _, err := fac.Recv(ctx); err != nil {
			t.Fatal(err)
		}
	}
	pause(t, ctx, fac)
	time.Sleep(100 * time.Millisecond) // the seats send their drafts
	cmd.Process.Kill()
	cmd.Wait()
	if _, url2 := serveChild(t, strings.TrimPrefix(url, "http://"), "--data", data); url2 != url {
		t.Fatalf("restarted on %s, not %s", url2, url)
	}
	fac, err = client.Dial(ctx, fl, fac.View.Seq, nil)
	if err != nil {
		t.Fatal(err)
	}
	if v := fac.View; !v.Paused || v.Over || v.Turn < 3 {
		t.Fatalf("after the restart: turn %d, paused %v, over %v; want the paused turn", v.Turn, v.Paused, v.Over)
	}
	t.Logf("killed on turn %d, log entry %d", fac.View.Turn, fac.View.Seq)
	if _, err := fac.Send(ctx, proto.Msg{Type: "resume"}); err != nil {
		t.Fatal(err)
	}
	<-done
	sameAsRun(t, resp, t.TempDir())
}

func mustLink(t *testing.T, s string) client.Link {
	t.Helper()
	l, err := client.ParseLink(s)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// pause pauses the game from the facilitator's connection.
func pause(t *testing.T, ctx context.Context, fac *client.Conn) {
	t.Helper()
	id, _ := fac.Send(ctx, proto.Msg{Type: "pause"})
	for {
		out, err := fac.Recv(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if out.Ref == id {
			if out.Type != "ack" {
				t.Fatalf("pause: %+v", out)
			}
			return
		}
	}
}

// TestPostgresTakeover runs two servers on one PostgreSQL behind a load
// balancer, kills the one that owns a game mid-game (SIGKILL), and checks
// that the other takes the game over from the log once the lease expires,
// the clients reconnecting through the balancer, to the very game 'run
// --orders' plays.
func TestPostgresTakeover(t *testing.T) {
	dsn := os.Getenv("SIXPARTY_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIXPARTY_TEST_POSTGRES is not set: no PostgreSQL to test on (scripts/postgres.sh starts one; .ci/run does)")
	}
	if testing.Short() {
		t.Skip("starts servers in child processes")
	}
	a, urlA := serveChild(t, "127.0.0.1:0", "--postgres", dsn, "--lease", "1s")
	_, urlB := serveChild(t, "127.0.0.1:0", "--postgres", dsn, "--lease", "1s")
	// The balancer sends every request to A while it answers, else to B.
	backends := []string{strings.TrimPrefix(urlA, "http://"), strings.TrimPrefix(urlB, "http://")}
	var d net.Dialer
	proxy := &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			r.SetURL(&url.URL{Scheme: "http", Host: backends[0]})
			r.Out.Host = r.In.Host
		},
		Transport: &http.Transport{DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var err error
			for _, b := range backends {
				c, e := d.DialContext(ctx, network, b)
				if e == nil {
					return c, nil
				}
				err = e
			}
			return nil, err
		}},
	}
	lb := httptest.NewServer(proxy)
	defer lb.Close()
	resp := hostGame(t, lb.URL)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	fl := mustLink(t, resp.Links[proto.RoleFacilitator])
	fac, err := client.Dial(ctx, fl, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { defer close(done); joinAll(t, resp, t.TempDir()) }()
	for fac.View.Turn < 3 {
		if _, err := fac.Recv(ctx); err != nil {
			t.Fatal(err)
		}
	}
	pause(t, ctx, fac)
	time.Sleep(100 * time.Millisecond)
	a.Process.Kill()
	a.Wait()
	seq := fac.View.Seq
	for {
		if fac, err = client.Dial(ctx, fl, seq, nil); err == nil {
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("no server took the game over: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if v := fac.View; !v.Paused || v.Over || v.Turn < 3 {
		t.Fatalf("after the takeover: turn %d, paused %v, over %v; want the paused turn", v.Turn, v.Paused, v.Over)
	}
	t.Logf("A killed on turn %d, log entry %d; B took over", fac.View.Turn, fac.View.Seq)
	if _, err := fac.Send(ctx, proto.Msg{Type: "resume"}); err != nil {
		t.Fatal(err)
	}
	<-done
	sameAsRun(t, resp, t.TempDir())
}

// TestHostFile hosts a scenario file whose strategies name orders tracks:
// host sends the tracks with it.
func TestHostFile(t *testing.T) {
	st, err := store.OpenSQLite(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := server.New(server.Config{Store: st})
	hs := httptest.NewServer(srv.Handler())
	defer func() { hs.Close(); srv.Close() }()
	var out, errb bytes.Buffer
	if code := run([]string{"host", hs.URL, "../../scenarios/pressure-2017.yaml", "--seats", "china=computer:easy"}, &out, &errb); code != exitOK {
		t.Fatalf("host: exit %d: %s", code, errb.String())
	}
	if strings.Contains(out.String(), "  china ") || !strings.Contains(out.String(), "  us ") || !strings.Contains(out.String(), "  projector ") {
		t.Errorf("host printed:\n%s", out.String())
	}
	// A seat joins it from an orders file, the scenario loaded from what
	// the server sends; the computer plays the others.
	out.Reset()
	seats := "japan=computer:easy,rok=computer:easy,china=computer:easy,russia=computer:easy,dprk=computer:easy"
	if code := run([]string{"host", hs.URL, "../../scenarios/pressure-2017.yaml", "--seats", seats, "--auto", "--json"}, &out, &errb); code != exitOK {
		t.Fatalf("host: exit %d: %s", code, errb.String())
	}
	var resp proto.CreateResponse
	if err := json.Unmarshal(out.Bytes(), &resp); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if code := runJoin([]string{resp.Links["us"], "--orders", combinedFile}, &out, &errb); code != exitOK || !strings.HasPrefix(out.String(), "us: the game is over on turn ") {
		t.Errorf("join: exit %d: %s%s", code, out.String(), errb.String())
	}
}
