package server_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/savegame"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/server"
	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/server/store"
	"github.com/sixparty/sixparty/sim"
)

// BenchmarkLoad plays SIXPARTY_LOAD_GAMES (default 200) games of the
// default scenario at once on one server over loopback, each with six
// clients that play their seat on the computer's advice at easy, and
// reports the games completed, the commands acknowledged per second, the
// latency from sending a command to its acknowledgement (p50, p99), the
// heap the server holds per game, and checks that every exported record
// replays to the game's end. Run it once:
//
//	go test ./server/ -run '^$' -bench Load -benchtime 1x
func BenchmarkLoad(b *testing.B) {
	games := 200
	if s := os.Getenv("SIXPARTY_LOAD_GAMES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			b.Fatalf("SIXPARTY_LOAD_GAMES=%q: want a positive number", s)
		}
		games = n
	}
	m, err := scenarios.LoadBuiltin("pressure-2017")
	if err != nil {
		b.Fatal(err)
	}
	for range b.N {
		st, err := store.OpenSQLite(b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		srv := server.New(server.Config{Store: st, MaxConns: 8 * games, CreateRate: 1e6})
		hs := httptest.NewServer(srv.Handler())
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)

		var mu sync.Mutex
		var lat []time.Duration
		var acks, completed atomic.Int64
		onAck := func(d time.Duration) {
			acks.Add(1)
			mu.Lock()
			lat = append(lat, d)
			mu.Unlock()
		}
		links := make([]*proto.CreateResponse, games)
		for i := range links {
			if links[i], err = client.Create(ctx, hs.URL, proto.CreateRequest{Scenario: "pressure-2017", Auto: true, Seed: ptr(uint64(i + 1))}); err != nil {
				b.Fatal(err)
			}
		}
		start := time.Now()
		var wg sync.WaitGroup
		var failed atomic.Int64
		for _, resp := range links {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var seats sync.WaitGroup
				ok := atomic.Bool{}
				ok.Store(true)
				for _, a := range actors {
					seats.Add(1)
					go func() {
						defer seats.Done()
						l, _ := client.ParseLink(resp.Links[a])
						v, err := client.Play(ctx, l, client.Options{Level: "easy", OnAck: onAck})
						if err != nil || !v.Over {
							ok.Store(false)
							if failed.Add(1) < 5 {
								b.Errorf("%s %s: %v", resp.ID, a, err)
							}
						}
					}()
				}
				seats.Wait()
				if ok.Load() {
					completed.Add(1)
				}
			}()
		}
		wg.Wait()
		took := time.Since(start)
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		// Every record replays to the game's end.
		replayed := 0
		for _, resp := range links {
			l, _ := client.ParseLink(resp.Links[proto.RoleFacilitator])
			data, err := client.Save(ctx, l)
			if err != nil {
				b.Fatal(err)
			}
			f, err := savegame.Unmarshal(data)
			if err != nil {
				b.Fatal(err)
			}
			g, err := sim.Replay(m, f.Record)
			if err != nil || !g.Over() {
				b.Errorf("game %s does not replay to its end: %v", resp.ID, err)
				continue
			}
			replayed++
		}
		cancel()
		hs.Close()
		srv.Close()
		st.Close()
		slices.Sort(lat)
		q := func(p float64) float64 {
			if len(lat) == 0 {
				return 0
			}
			return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000
		}
		b.ReportMetric(float64(completed.Load()), "games")
		b.ReportMetric(float64(acks.Load())/took.Seconds(), "cmds/s")
		b.ReportMetric(q(0.5), "p50-ms")
		b.ReportMetric(q(0.99), "p99-ms")
		b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/float64(games)/1024, "KiB/game")
		b.ReportMetric(float64(replayed), "replayed")
		fmt.Fprintf(os.Stderr, "load: %d games × 6 seats in %v: %d completed, %d commands acknowledged, %d records replayed\n", games, took.Round(time.Millisecond), completed.Load(), acks.Load(), replayed)
	}
}

func ptr[T any](v T) *T { return &v }
