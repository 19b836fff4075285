package main

import (
	"strings"
	"testing"
)

// TestAIBenchSmoke runs the measurement command on the tiny scenario with
// a couple of seeds: it prints the budget, strength and variety tables.
func TestAIBenchSmoke(t *testing.T) {
	code, out, errOut := sixparty("aibench", "testdata/tiny.yaml", "--strength", "2", "--variety", "3")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{
		"Computer players on Tiny crisis (tiny, 2 actors, 3 turns)",
		"Budgets", "Strength: one actor hard, then easy, the others normal; 2 seeds each", "hard>easy",
		"Variety: 3 all-computer games at normal", "Engine turns simulated per decision",
		"  North ", "  South ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if _, one, _ := sixparty("aibench", "testdata/tiny.yaml", "--strength", "2", "--variety", "3", "--jobs", "1"); one != out {
		t.Errorf("one job and two gave different tables:\n%s\n%s", one, out)
	}
	if code, _, _ := sixparty("aibench", "--jobs", "0", "testdata/tiny.yaml"); code != exitUsage {
		t.Errorf("--jobs 0: exit %d, want %d", code, exitUsage)
	}
}

// TestRunDifficulty checks that computer-played actors explain their
// orders in the JSON turn records, and that a wrong difficulty is a usage
// error.
func TestRunDifficulty(t *testing.T) {
	for _, d := range []string{"easy", "normal", "hard"} {
		code, out, errOut := sixparty("run", "testdata/tiny.yaml", "--json", "--difficulty", d)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", d, code, errOut)
		}
		first, _, _ := strings.Cut(out, "\n")
		if !strings.Contains(first, `"explain":{"north":"Pulls `) || !strings.Contains(first, `"south":"`) {
			t.Errorf("%s: turn record lacks explanations: %s", d, first)
		}
	}
	code, _, errOut := sixparty("run", "testdata/tiny.yaml", "--difficulty", "brutal")
	if code != exitUsage || errOut != "sixparty run: ai: unknown difficulty \"brutal\" (want easy, normal or hard)\n" {
		t.Errorf("--difficulty brutal: exit %d, stderr %q", code, errOut)
	}
}
