package flow

import (
	"strings"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/watch"
)

func TestReload(t *testing.T) {
	f, _ := newFlow(t, solo(6)...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	playTurn(f)
	playTurn(f)
	before := f.Game.State().Clone()

	// An invalid version: the mistakes are shown, the game goes on.
	bad := sim.ErrorList{{Pos: sim.Pos{File: "s.yaml", Line: 3, Col: 5}, Msg: "unknown field \"budjet\""}}
	f.Reload(watch.Update{Err: bad})
	if got := f.ReloadLines(); len(got) != 1 || got[0] != `s.yaml:3:5: unknown field "budjet"` {
		t.Errorf("reload lines = %q", got)
	}
	if f.Played != 2 || f.Game.Turn() != 3 {
		t.Errorf("an invalid version changed the game: played %d", f.Played)
	}

	// A valid version whose first actor starts with a different budget:
	// the game is replayed to the same turn on it, and the errors go.
	src, err := scenarios.BuiltinSource(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), "init: 80", "init: 79", 1)
	if edited == string(src) {
		t.Fatal("no 'init: 80' in the default scenario to edit")
	}
	m, err := scenarios.Load("pressure-2017.yaml", []byte(edited))
	if err != nil {
		t.Fatal(err)
	}
	f.Reload(watch.Update{Model: m})
	if f.ReloadErr != nil || f.Played != 2 || f.Game.Turn() != 3 || f.Scene != Briefing {
		t.Fatalf("after reload: err %v played %d turn %d scene %v (%s)", f.ReloadErr, f.Played, f.Game.Turn(), f.Scene, f.Message)
	}
	if f.Game.Model != m || f.Model != m {
		t.Errorf("the game does not run on the new version")
	}
	same := true
	for i := range before.Vals {
		same = same && before.Vals[i] == f.Game.State().Vals[i]
	}
	if same {
		t.Errorf("the edit changed nothing in the replayed game")
	}
	if !strings.HasPrefix(f.Message, "Reloaded: replayed 2 turns on the new version.") {
		t.Errorf("message %q", f.Message)
	}
}
