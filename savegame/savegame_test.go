package savegame

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

func played(t *testing.T, turns int) (*sim.Model, *sim.Game) {
	t.Helper()
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	g := sim.NewGame(m, 7)
	for range turns {
		// Each turn the first actor pulls its first lever as far as it can.
		o := sim.Orders{}
		li := m.ActorLevers(0)[0]
		l := m.Scenario.Levers[li]
		for lvl := len(l.Levels) - 1; lvl > 0; lvl-- {
			if m.Affordable(0, m.CostIn(nil, li, lvl)) {
				o[l.Actor] = map[string]int{l.ID: lvl}
				break
			}
		}
		if _, err := g.Play(o, nil); err != nil {
			t.Fatal(err)
		}
	}
	return m, g
}

func seats(n int) []string {
	s := make([]string, n)
	for i := range s {
		s[i] = "computer:normal"
	}
	s[0] = "person"
	return s
}

func TestRoundTrip(t *testing.T) {
	m, g := played(t, 3)
	path := filepath.Join(t.TempDir(), "sub", "save.json")
	f := New(scenarios.Default, seats(len(m.Scenario.Actors)), g.Record())
	if err := Write(path, f); err != nil {
		t.Fatal(err)
	}
	back, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, f) {
		t.Fatalf("read back %+v, want %+v", back, f)
	}
	g2, err := back.Game(m)
	if err != nil {
		t.Fatal(err)
	}
	if g2.Turn() != g.Turn() || !reflect.DeepEqual(g2.State().Vals, g.State().Vals) {
		t.Errorf("replayed game at turn %d %v, want turn %d %v", g2.Turn(), g2.State().Vals, g.Turn(), g.State().Vals)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("directory holds %d files after the write, want only the save", len(entries))
	}
}

func TestDamaged(t *testing.T) {
	m, g := played(t, 1)
	good, err := New(scenarios.Default, seats(len(m.Scenario.Actors)), g.Record()).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data string
		want string
	}{
		{"truncated", string(good[:len(good)/2]), "savegame: not a sixparty save (damaged or another kind of file)"},
		{"empty", "", "savegame: not a sixparty save (damaged or another kind of file): EOF"},
		{"other json", `{"format": "something-else", "version": 1}`, `savegame: not a sixparty save (format "something-else", want "sixparty-save")`},
		{"unknown field", `{"format": "sixparty-save", "colour": 1}`, "savegame: not a sixparty save (damaged or another kind of file): json: unknown field \"colour\""},
		{"future", strings.Replace(string(good), `"version": 1`, `"version": 9`, 1), "savegame: save version 9, this program reads version 1"},
		{"edited header", strings.Replace(string(good), `"scenario": "pressure-2017"`, `"scenario": "other"`, 1), "savegame: the save's header and record disagree"},
	} {
		path := filepath.Join(t.TempDir(), "save.json")
		os.WriteFile(path, []byte(tc.data), 0o644)
		_, err := Read(path)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want prefix %q", tc.name, err, tc.want)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, []byte(tc.data)) {
			t.Errorf("%s: reading changed the file", tc.name)
		}
	}
	if _, err := Read(filepath.Join(t.TempDir(), "missing.json")); err == nil || !strings.HasPrefix(err.Error(), "savegame: open ") {
		t.Errorf("missing file: err = %v", err)
	}
}

func TestForeign(t *testing.T) {
	m, g := played(t, 1)
	f := New(scenarios.Default, seats(len(m.Scenario.Actors)), g.Record())
	f.Hash, f.Record.Hash = "0123456789abcdef", "0123456789abcdef"
	if _, err := f.Game(m); err == nil || err.Error() != `savegame: the save was made with another version of scenario "pressure-2017"` {
		t.Errorf("other version: err = %v", err)
	}
	f = New(scenarios.Default, seats(len(m.Scenario.Actors)), g.Record())
	f.Scenario, f.Record.Scenario = "elsewhere", "elsewhere"
	if _, err := f.Game(m); err == nil || err.Error() != `savegame: the save is of scenario "elsewhere", not "pressure-2017"` {
		t.Errorf("other scenario: err = %v", err)
	}
	f = New(scenarios.Default, []string{"person"}, g.Record())
	if _, err := f.Game(m); err == nil || !strings.Contains(err.Error(), "1 seats for 6 actors") {
		t.Errorf("seats: err = %v", err)
	}
}

// TestWriteKeepsOldOnError overwrites a save with another game and makes
// the write fail at its last step: the old save must be as it was, and no
// temporary file left behind. It also checks a write whose target is a
// directory.
func TestWriteKeepsOldOnError(t *testing.T) {
	m, g := played(t, 1)
	_, g2 := played(t, 2)
	dir := t.TempDir()
	path := filepath.Join(dir, "save.json")
	f := New(scenarios.Default, seats(len(m.Scenario.Actors)), g.Record())
	if err := Write(path, f); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	newer := New(scenarios.Default, seats(len(m.Scenario.Actors)), g2.Record())
	if b, _ := newer.Marshal(); bytes.Equal(b, before) {
		t.Fatal("the second save is the same as the first: the test would prove nothing")
	}
	leftovers := func(t *testing.T, dir string) {
		t.Helper()
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".tmp") {
				t.Errorf("temporary file %s left behind", e.Name())
			}
		}
	}

	t.Run("rename fails", func(t *testing.T) {
		rename = func(string, string) error { return errors.New("disk full") }
		defer func() { rename = os.Rename }()
		if err := Write(path, newer); err == nil || err.Error() != "savegame: disk full" {
			t.Fatalf("Write: err = %v, want savegame: disk full", err)
		}
		after, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(before, after) {
			t.Errorf("a failed write changed the save it was replacing (%v)", err)
		}
		leftovers(t, dir)
	})

	t.Run("target is a directory", func(t *testing.T) {
		bad := filepath.Join(dir, "dir")
		if err := os.MkdirAll(filepath.Join(bad, "x"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := Write(bad, newer); err == nil {
			t.Fatal("Write over a directory succeeded")
		}
		if _, err := os.Stat(filepath.Join(bad, "x")); err != nil {
			t.Errorf("the directory was changed: %v", err)
		}
		leftovers(t, dir)
	})

	// The same write, not made to fail, replaces the save.
	if err := Write(path, newer); err != nil {
		t.Fatal(err)
	}
	if back, err := Read(path); err != nil || !reflect.DeepEqual(back, newer) {
		t.Errorf("read back %+v (%v), want the second save", back, err)
	}
}

// FuzzUnmarshal checks that no input makes Unmarshal panic, and that what
// it accepts survives a round trip.
func FuzzUnmarshal(f *testing.F) {
	f.Add([]byte(`{"format": "sixparty-save", "version": 1, "source": "s", "scenario": "s", "hash": "h", "seats": ["person"], "record": {"format": 1, "scenario": "s", "hash": "h", "seed": 1, "turns": []}}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`[1, 2`))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Unmarshal(data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "savegame: ") {
				t.Errorf("error without the package prefix: %v", err)
			}
			return
		}
		b, err := file.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		back, err := Unmarshal(b)
		if err != nil {
			t.Fatalf("re-reading a save written from an accepted one: %v", err)
		}
		if !reflect.DeepEqual(back, file) {
			t.Errorf("round trip changed the save: %+v, want %+v", back, file)
		}
	})
}

// TestDrawnParamsReplay checks that a game played with parameters drawn
// from their ranges saves them and replays bit for bit from the save, and
// that a save at the stated values says nothing of them.
func TestDrawnParamsReplay(t *testing.T) {
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	g, err := sim.NewGameSetup(m, 11, sim.Setup{Params: m.DrawParams(11)})
	if err != nil {
		t.Fatal(err)
	}
	for range 4 {
		if _, err := g.Play(sim.Orders{}, nil); err != nil {
			t.Fatal(err)
		}
	}
	data, err := New(scenarios.Default, seats(len(m.Scenario.Actors)), g.Record()).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(`"params": [`)) {
		t.Fatalf("the save holds no params:\n%s", data)
	}
	f, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	g2, err := f.Game(m)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g2.History(), g.History()) || !reflect.DeepEqual(g2.Ledger(), g.Ledger()) || !reflect.DeepEqual(g2.Params(), g.Params()) {
		t.Errorf("the game replayed from the save differs from the one saved")
	}
	_, stated := played(t, 1)
	data, _ = New(scenarios.Default, seats(len(m.Scenario.Actors)), stated.Record()).Marshal()
	if bytes.Contains(data, []byte(`"params"`)) {
		t.Errorf("a save at the stated values holds params")
	}
}
