package main

import (
	"errors"
	"strings"
	"testing"
)

// TestPlayText plays `sixparty play --text` from scripted standard input
// where no display answers: a new game on the default scenario, its first
// turn's orders, adjudication and report, a why view, then quit.
func TestPlayText(t *testing.T) {
	oldIn, oldCheck := playStdin, checkDisplay
	defer func() { playStdin, checkDisplay = oldIn, oldCheck }()
	checkDisplay = func() error { return errors.New("no display in this test") }
	for _, args := range [][]string{{"play", "--text"}, {"--text"}} {
		playStdin = strings.NewReader("enter\nenter\nenter\nenter\nenter\nenter\nw\nback\nquit\nenter\n")
		var out, errOut strings.Builder
		code := run(append(args, "--saves", t.TempDir()), &out, &errOut)
		if code != exitOK || errOut.Len() > 0 {
			t.Fatalf("%v: exit %d, stderr %q", args, code, errOut.String())
		}
		for _, want := range []string{"== New game: scenario and seats ==", "== Orders of ", "The orders, revealed together:", "== Turn report, turn 1", "== Why did ", "Actions: "} {
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
