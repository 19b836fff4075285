package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestFixtureUpToDate regenerates sim's benchmark fixture and compares it
// with the file in the repository: a scenario edited without running
// 'go generate ./sim/' fails here.
func TestFixtureUpToDate(t *testing.T) {
	const path = "../../sim/turnfixture_gen_test.go"
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := generate(string(bytes.TrimSpace(constValue(t, want))))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("%s is out of date (run 'go generate ./sim/'): line %d is\n\t%s\nwant\n\t%s", path, i+1, wl[i], gl[i])
			}
		}
		t.Fatalf("%s is out of date (run 'go generate ./sim/'): %d lines, want %d", path, len(wl), len(gl))
	}
}

// constValue returns the scenario name the fixture records.
func constValue(t *testing.T, src []byte) []byte {
	const key = "const fixtureScenario = \""
	i := bytes.Index(src, []byte(key))
	if i < 0 {
		t.Fatal("no fixtureScenario in the fixture")
	}
	rest := src[i+len(key):]
	return rest[:bytes.IndexByte(rest, '"')]
}
