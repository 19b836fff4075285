package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/internal/playcli"
)

// TestPlayText plays `sixparty play --text` from scripted standard input
// where no display answers: a new game on the default scenario, its first
// turn's orders, adjudication and report, a why view, then quit.
func TestPlayText(t *testing.T) {
	oldIn, oldCheck := playStdin, checkDisplay
	defer func() { playStdin, checkDisplay = oldIn, oldCheck }()
	checkDisplay = func() error { return errors.New("no display in this test") }
	for _, args := range [][]string{{"play", "--text"}, {"--text"}} {
		// New game, start, skip the guided tour (back), to the orders, ...
		playStdin = strings.NewReader("enter\nenter\nback\nenter\nenter\nenter\nenter\nw\nback\nquit\nenter\n")
		var out, errOut strings.Builder
		saves := t.TempDir()
		code := run(append(args, "--saves", saves), &out, &errOut)
		if code != exitOK || errOut.Len() > 0 {
			t.Fatalf("%v: exit %d, stderr %q", args, code, errOut.String())
		}
		if _, err := os.Stat(filepath.Join(saves, playcli.TourFile)); err != nil {
			t.Errorf("%v: the tour was not recorded as seen: %v", args, err)
		}
		for _, want := range []string{"== New game: scenario and seats ==", "== Guided first turn, page 1 of 3: 1. The briefing", "== Orders of ", "The orders, revealed together:", "== Turn report, turn 1", "== Why did ", "Actions: "} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%v: the text play lacks %q:\n%s", args, want, out.String())
			}
		}
	}
}

func TestPlayTextHelp(t *testing.T) {
	var out, errOut strings.Builder
	run([]string{"play", "-h"}, &out, &errOut)
	if !strings.Contains(out.String()+errOut.String(), "-text") {
		t.Errorf("play -h does not give --text:\n%s%s", out.String(), errOut.String())
	}
}
