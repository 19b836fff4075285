package scenarios

import (
	"strings"
	"testing"

	"github.com/sixparty/sixparty/sim"
)

// TestLoadFiles: a scenario whose strategy names an orders track loads
// from its text and the tracks sent beside it, with no folder, and a
// track it names but files lack, or a path leaving the scenario's folder,
// is the mistake Load reports for a file.
func TestLoadFiles(t *testing.T) {
	m, err := LoadFiles("t.yaml", []byte(strategyBase), map[string]string{"push.yaml": pushTrack})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := StrategyTrack(m, "push")
	if err != nil {
		t.Fatal(err)
	}
	if o, _ := tr.Orders(1); o["a"]["a.push"] != 1 {
		t.Errorf("turn 1 orders = %v, want a.push on", o)
	}
	for _, tt := range []struct {
		old, new string
		files    map[string]string
		want     string
	}{
		{``, ``, nil, `t.yaml:14:36: strategy "push": cannot read orders track push.yaml: no such file`},
		{`orders: push.yaml`, `orders: ../push.yaml`, map[string]string{"../push.yaml": pushTrack}, `t.yaml:14:36: strategy "push": cannot read orders track ../push.yaml: the path must be relative to the scenario's file and stay inside its directory`},
		{``, ``, map[string]string{"push.yaml": "turns:\n  - turn: 1\n    orders:\n      a: {a.pull: on}\n"}, "push.yaml:4:11: unknown lever \"a.pull\"; did you mean \"a.push\"?\nt.yaml:14:36: strategy \"push\": orders track push.yaml has 1 mistake(s), listed under it"},
	} {
		_, err := LoadFiles("t.yaml", []byte(strings.Replace(strategyBase, tt.old, tt.new, 1)), tt.files)
		if err == nil {
			t.Errorf("%v: loaded, want %s", tt.files, tt.want)
			continue
		}
		if got := strings.TrimSpace(err.(sim.ErrorList).Lines()); got != tt.want {
			t.Errorf("errors:\n%s\nwant:\n%s", got, tt.want)
		}
	}
}
