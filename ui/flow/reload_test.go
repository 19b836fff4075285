package flow

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/watch"
)

// loadBeside loads an edited built-in from a temporary folder that also
// holds the built-ins' orders tracks, which its strategies name.
func loadBeside(t *testing.T, name, src string) *sim.Model {
	t.Helper()
	dir := t.TempDir()
	tracks, err := filepath.Glob("../../scenarios/*.*.yaml")
	if err != nil || len(tracks) == 0 {
		t.Fatalf("no orders tracks beside the built-ins: %v", err)
	}
	for _, tr := range tracks {
		data, err := os.ReadFile(tr)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(tr)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := scenarios.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

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
	m, err := scenarios.LoadBuiltinEdited(scenarios.Default, []byte(edited))
	if err != nil {
		t.Fatal(err)
	}
	f.Reload(watch.Update{Model: m})
	if f.ReloadErr != nil || f.Played != 2 || f.Game.Turn() != 3 || f.Scene() != Briefing {
		t.Fatalf("after reload: err %v played %d turn %d scene %v (%s)", f.ReloadErr, f.Played, f.Game.Turn(), f.Scene(), f.Message)
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

// TestReloadKeepsFacilitator checks that hot reload keeps the
// facilitator's adjustments and injected events, of played turns and of
// the current one, and says what the new version dropped.
func TestReloadKeepsFacilitator(t *testing.T) {
	f, _ := newFixture(t, solo(6)...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	g := f.Game
	m := g.Model
	summit := m.EventIndex("summit")
	if err := g.Inject("summit"); err != nil {
		t.Fatal(err)
	}
	playTurn(f)
	if !slices.Contains(f.Game.Reports()[0].Events, summit) {
		t.Fatalf("turn 1 events %v, want the injected summit", f.Game.Reports()[0].Events)
	}
	if err := f.Game.Adjust("tension", 80, "incident"); err != nil {
		t.Fatal(err)
	}
	before := f.Game.State().Clone()

	// The new version renames Beta's lever and makes mood rise faster.
	edited := strings.Replace(fixture, "id: b.build", "id: b.make", 1)
	edited = strings.Replace(edited, `change: "tension / 10"`, `change: "tension / 5"`, 1)
	m2, err := scenarios.Load("fixture.yaml", []byte(edited))
	if err != nil {
		t.Fatal(err)
	}
	f.Reload(watch.Update{Model: m2})
	if f.ReloadErr != nil || f.Game.Model != m2 {
		t.Fatalf("reload: %v (%s)", f.ReloadErr, f.Message)
	}
	if !slices.Contains(f.Game.Reports()[0].Events, summit) {
		t.Errorf("after the reload turn 1 events %v, want the injected summit", f.Game.Reports()[0].Events)
	}
	tension := m2.VarIndex("tension")
	if got := f.Game.State().Vals[tension]; got != 80 || got != before.Vals[tension] {
		t.Errorf("tension %v after the reload, want the facilitator's 80", got)
	}
	if got, was := f.Game.State().Vals[m2.VarIndex("mood")], before.Vals[m.VarIndex("mood")]; got == was {
		t.Errorf("mood %v, as before the edit", got)
	}
	if p := f.Game.Record().Pending; len(p) != 1 || p[0].Var != "tension" {
		t.Errorf("pending %+v, want the tension adjustment", p)
	}
}

// TestReloadKeepsBranches reloads an edited version while a branch is
// played: the game first played and the branch both move to the new
// version, so the save still loads with both.
func TestReloadKeepsBranches(t *testing.T) {
	f, st := newFlow(t, solo(6)...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	playTurn(f)
	playTurn(f)
	f.Do(Do(EndGame))
	f.Do(Do(Confirm)) // yes, end it
	f.Do(Do(Branch))
	f.SetCursor(BranchRowStart)
	f.Do(Do(Confirm))
	playTurn(f)
	src, err := scenarios.BuiltinSource(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	m := loadBeside(t, "pressure-2017.yaml", strings.Replace(string(src), "init: 80", "init: 79", 1))
	f.Reload(watch.Update{Model: m})
	if f.Trunk.Model != m || f.Game.Model != m || f.OnBranch != 0 || f.Branches[0].Record.Hash != m.Scenario.Hash {
		t.Fatalf("after reload: trunk on the new version %v, on branch %d (%s)", f.Trunk.Model == m, f.OnBranch, f.Message)
	}
	f.Do(Do(Save))
	file, err := st.Load(SlotSave)
	if err != nil || len(file.Branches) != 1 {
		t.Fatalf("save after reload: %v", err)
	}
}
