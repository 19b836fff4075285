package scenarios

import (
	"strings"
	"testing"

	"github.com/sixparty/sixparty/sim"
)

// TestTrackCosts checks an orders track against costs read on the state:
// on turn 1, whose state is known, at the cost the expression gives there
// (x is 0: hard costs 3, over the budget of 2); on later turns, only the
// costs that are numbers count (hard's is known only in play).
func TestTrackCosts(t *testing.T) {
	src := strings.Replace(trackScenario, `levels: [off, soft, hard], cost: [0, 1, 2]`, `levels: [off, soft, hard], cost: [0, 1, "3 - x"]`, 1)
	m, err := Load("duo.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	track := `turns:
  - turn: 1
    orders:
      a: {a.push: hard}
  - turn: 3
    orders:
      a: {a.push: hard, a.pull: on}
`
	want := "o.yaml:4:7: the orders of a on turn 1 (2020-Q1) cost 3, over its budget of 2\n"
	_, err = LoadTrack("o.yaml", []byte(track), m)
	if err == nil {
		t.Fatal("no error")
	}
	if got := err.(sim.ErrorList).Lines(); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}
