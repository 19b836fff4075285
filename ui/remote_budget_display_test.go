//go:build display

package ui

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/server"
	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/server/store"
	"github.com/sixparty/sixparty/ui/flow"
)

// TestRemoteSeatBudgetFormula draws the E3's seat at a served
// hormuz-2019: its budget is what its budget_formula gives this turn
// (2 + 15 / 30 at the start, not its most, 3), and the line under the
// orders' cost says so.
func TestRemoteSeatBudgetFormula(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	st, err := store.OpenSQLite(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	srv := server.New(server.Config{Store: st, Logf: t.Logf})
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { hs.Close(); srv.Close(); st.Close() })
	resp, err := client.Create(ctx, hs.URL, proto.CreateRequest{Scenario: "hormuz-2019", Seats: map[string]string{"e3": "person"}})
	if err != nil {
		t.Fatal(err)
	}
	l, err := client.ParseLink(resp.Links["e3"])
	if err != nil {
		t.Fatal(err)
	}
	rc, err := flow.JoinRemote(ctx, l)
	if err != nil {
		t.Fatal(err)
	}
	go rc.Run(ctx)
	f := flow.NewRemote(flow.Config{}, rc)
	g, err := NewGame(Options{Flow: f})
	if err != nil {
		t.Fatal(err)
	}
	pix := render(g, 1280, 720)
	if dir := os.Getenv("SIXPARTY_TEST_SHOTS"); dir != "" {
		writePNG(t, filepath.Join(dir, "remote-seat-budget-1280x720.png"), pix, 1280, 720)
	}
	text := strings.Join(g.text.all(), "\n")
	if !strings.Contains(text, "Your orders · cost 0 of 2.5") || !strings.Contains(text, "Budget: this turn's, from 2 + talks / 30; at most 3") {
		t.Errorf("no budget line in:\n%s", text)
	}
}
