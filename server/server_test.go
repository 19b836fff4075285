package server_test

import (
	"context"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/server"
	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/server/store"
)

// start runs a server on a loopback port with a store in dir.
func start(t *testing.T, dir string) (*server.Server, *httptest.Server) {
	t.Helper()
	st, err := store.OpenSQLite(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := server.New(server.Config{Store: st, Logf: t.Logf})
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { hs.Close(); srv.Close(); st.Close() })
	return srv, hs
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

func link(t *testing.T, s string) client.Link {
	t.Helper()
	l, err := client.ParseLink(s)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// playAll plays every seat of a game with the given options, concurrently.
func playAll(t *testing.T, ctx context.Context, resp *proto.CreateResponse, actors []string, opt func(actor string) client.Options) map[string]*proto.View {
	t.Helper()
	var wg sync.WaitGroup
	var mu sync.Mutex
	views := map[string]*proto.View{}
	for _, a := range actors {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := client.Play(ctx, link(t, resp.Links[a]), opt(a))
			if err != nil {
				t.Errorf("%s: %v", a, err)
				return
			}
			mu.Lock()
			views[a] = v
			mu.Unlock()
		}()
	}
	wg.Wait()
	return views
}

var actors = []string{"us", "japan", "rok", "china", "russia", "dprk"}

func TestPlayToTheEnd(t *testing.T) {
	_, hs := start(t, t.TempDir())
	ctx := ctxT(t)
	resp, err := client.Create(ctx, hs.URL, proto.CreateRequest{Scenario: "pressure-2017", Auto: true})
	if err != nil {
		t.Fatal(err)
	}
	views := playAll(t, ctx, resp, actors, func(string) client.Options { return client.Options{Level: "easy"} })
	for a, v := range views {
		if !v.Over || v.Reveal == nil {
			t.Errorf("%s: the game did not end: %+v", a, v)
		} else if len(v.Reveal.Scores) != len(actors) {
			t.Errorf("%s: final scores %v", a, v.Reveal.Scores)
		}
	}
}
