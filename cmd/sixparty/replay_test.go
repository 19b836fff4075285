package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/savegame"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

func TestReplay(t *testing.T) {
	m, err := scenarios.LoadFile("testdata/tiny.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := scenarios.LoadTrack("testdata/tiny.orders.yaml", mustRead(t, "testdata/tiny.orders.yaml"), m)
	if err != nil {
		t.Fatal(err)
	}
	g := sim.NewGame(m, m.Scenario.Meta.Seed)
	for !g.Over() {
		o, c := tr.Orders(g.Turn())
		if _, err := g.Play(o, c); err != nil {
			t.Fatal(err)
		}
	}
	save := filepath.Join(t.TempDir(), "game.json")
	if err := savegame.Write(save, savegame.New("testdata/tiny.yaml", []string{"person", "person"}, g.Record())); err != nil {
		t.Fatal(err)
	}
	// The replay's JSON report is the run's, line for line.
	code, got, errOut := sixparty("replay", save, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if want := string(mustRead(t, "testdata/tiny.jsonl")); got != want {
		t.Errorf("replay differs from the run:\n%s", got)
	}

	// The debrief of the same game with a facilitator's intervention.
	g = sim.NewGame(m, m.Scenario.Meta.Seed)
	if err := g.Adjust("tension", 60, "a border incident"); err != nil {
		t.Fatal(err)
	}
	for !g.Over() {
		o, c := tr.Orders(g.Turn())
		if _, err := g.Play(o, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := savegame.Write(save, savegame.New("testdata/tiny.yaml", []string{"person", "computer:hard"}, g.Record())); err != nil {
		t.Fatal(err)
	}
	code, got, errOut = sixparty("debrief", save)
	if code != 0 {
		t.Fatalf("debrief: exit %d: %s", code, errOut)
	}
	golden(t, "tiny.debrief.md", got)

	os.WriteFile(save, []byte(`{"format": "sixparty-save", "version": 1, "sour`), 0o644)
	code, _, errOut = sixparty("replay", save)
	if code != 1 || !strings.HasPrefix(errOut, "savegame: not a sixparty save (damaged or another kind of file)") {
		t.Errorf("damaged save: exit %d, %q", code, errOut)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
