package flow

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestScreenTextEveryScreen plays the autoplay script over the fixture and
// writes every screen it shows as text (ScreenText), the first time each
// is shown, into a golden file: every screen carries its content, none is
// left to the window (go test -update rewrites testdata/screens.golden).
func TestScreenTextEveryScreen(t *testing.T) {
	old := fogSecret
	defer func() { fogSecret = old }()
	fogSecret = func() uint64 { return 7 } // estimates the same every run
	f, _ := newFixture(t, solo(6)...)
	s := &Script{Turns: 2}
	seen := map[string]bool{}
	var b strings.Builder
	for i := 0; !f.Quit; i++ {
		if i > MaxSteps {
			t.Fatal("the script did not end")
		}
		if k := f.ShotKey(); !seen[k] && !f.Thinking() && !f.Forecasting() {
			seen[k] = true
			title, lines := ScreenText(f)
			f.SetScreenText(title, lines) // as PlayText does, for the text view
			b.WriteString("== " + k + ": " + title + "\n")
			for _, l := range lines {
				if strings.Contains(l, "drawn in the window only") {
					t.Errorf("%s has no text: %s", k, l)
				}
				b.WriteString(l + "\n")
			}
			b.WriteString("\n")
		}
		f.Do(s.Next(f))
	}
	for _, k := range []string{"map", "end-1", "end-2", "end-3", "end-4", "forecast", "branch", "compare-1", "facilitator", "facilitator-adjust", "facilitator-value", "facilitator-inject"} {
		if !seen[k] {
			t.Errorf("the script never showed %s", k)
		}
	}
	golden(t, "screens.golden", b.String())
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n got %q\nwant %q\n(go test -update rewrites it)", path, i+1, g, w)
			}
		}
	}
}
