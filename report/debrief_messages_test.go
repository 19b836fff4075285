package report_test

import (
	"strings"
	"testing"

	"github.com/sixparty/sixparty/report"
)

// TestDebriefMessagesByTurn lists each message under the turn it was
// written on, and those written after the last turn played in a section
// of their own.
func TestDebriefMessagesByTurn(t *testing.T) {
	g := play(t) // one turn played
	g.Say("all", "gov", "after the ban")
	var b strings.Builder
	if err := report.WriteDebrief(&b, g, []string{"person"}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	want := "\n### After turn 1\n\n- **gov** in all: after the ban\n"
	if !strings.Contains(out, want) {
		t.Errorf("debrief lacks %q:\n%s", want, out)
	}
}
