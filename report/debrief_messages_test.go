package report_test

import (
	"strings"
	"testing"

	"github.com/sixparty/sixparty/report"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// TestDebriefMessagesByTurn lists each message under the turn it was
// written on, and those written after the last turn played in a section
// of their own.
func TestDebriefMessagesByTurn(t *testing.T) {
	m, err := scenarios.Load("chain.yaml", []byte(chain))
	if err != nil {
		t.Fatal(err)
	}
	g := sim.NewGame(m, 1)
	g.Say("all", "gov", "before the ban")
	if _, err := g.Play(sim.Orders{"gov": {"gov.ban": 1, "gov.cheer": 1}}, nil); err != nil {
		t.Fatal(err)
	}
	g.Say("all", "gov", "after the ban")
	var b strings.Builder
	if err := report.WriteDebrief(&b, g, []string{"person"}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	turn := strings.Index(out, "\n### Turn 1 ")
	during := strings.Index(out, "- **gov** in all: before the ban\n")
	after := strings.Index(out, "\n### After turn 1\n\n- **gov** in all: after the ban\n")
	if turn < 0 || during < turn || after < during {
		t.Errorf("want the first message under turn 1 and the second after it (at %d, %d, %d):\n%s", turn, during, after, out)
	}
	if strings.Count(out, "before the ban") != 1 || strings.Count(out, "after the ban") != 1 {
		t.Errorf("each message once:\n%s", out)
	}
}
