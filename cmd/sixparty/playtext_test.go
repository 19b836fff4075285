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

// TestPlayTextWholeGame plays a whole default game as the United States
// through `sixparty play --text` (the first turn's orders pull seven
// levers, later turns keep them) and checks that the screens alone say
// what the seat is scored on, why its score moved, and what relying on
// Beijing would have done.
func TestPlayTextWholeGame(t *testing.T) {
	oldIn, oldCheck := playStdin, checkDisplay
	defer func() { playStdin, checkDisplay = oldIn, oldCheck }()
	checkDisplay = func() error { return errors.New("no display in this test") }
	lines := []string{"enter", "enter", "back", "enter"}
	for range 6 {
		lines = append(lines, "right", "down") // a level up on each of the first six levers
	}
	lines = append(lines, "down", "down", "right", "enter")
	for range 70 {
		lines = append(lines, "enter")
	}
	lines = append(lines, "quit", "enter")
	playStdin = strings.NewReader(strings.Join(lines, "\n") + "\n")
	var out, errOut strings.Builder
	if code := run([]string{"play", "--text", "--saves", t.TempDir()}, &out, &errOut); code != exitOK || errOut.Len() > 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut.String())
	}
	got := out.String()
	for _, want := range []string{
		"You play United States · Your score",                         // the briefing's score panel
		"• DPRK willing to negotiate ×2: ",                            // an objective with its weight
		"== The end: outcome and scores (page 1 of ",                  // the end
		"United States: final score ",                                 // the score by objective
		"The computer playing United States on the same seed scored ", // on a comparable footing
		"== The end: what moved your score",                           // the review
		"The turns that moved your score most:",
		"Had you relied on Beijing: ", // the counterfactual
		"Your own score (United States) would have been ",
		"== The end: timeline",
		"== The end: the indicators over the game",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the whole game's text lacks %q", want)
		}
	}
	if strings.Contains(got, "drawn in the window only") {
		t.Error("a screen of the game has no text")
	}
}
