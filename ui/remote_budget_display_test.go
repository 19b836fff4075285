//go:build display

package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/ui/flow"
)

// TestRemoteSeatBudgetFormula draws the E3's seat at a served
// hormuz-2019: its budget is what its budget_formula gives this turn
// (2 + 15 / 30 at the start, not its most, 3), and the line under the
// orders' cost says so.
func TestRemoteSeatBudgetFormula(t *testing.T) {
	join := serveGame(t, proto.CreateRequest{Scenario: "hormuz-2019", Seats: map[string]string{"e3": "person"}})
	f := flow.NewRemote(flow.Config{}, join("e3"))
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
