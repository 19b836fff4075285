package main

import (
	"os"
	"strings"
	"testing"
)

// TestCompareGolden compares the tiny scenario's scripted track with its
// computer players, in Markdown, with an indicator.
func TestCompareGolden(t *testing.T) {
	code, out, errOut := sixparty("compare", "testdata/tiny.yaml", "--strategy", "testdata/tiny.orders.yaml",
		"--strategy", "north=computer:easy", "--games", "40", "--indicator", "tension", "--md", "-q")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	golden(t, "tiny.compare.md", out)
}

// TestCompareWorkers shows that the results do not depend on -j.
func TestCompareWorkers(t *testing.T) {
	var outs []string
	for _, j := range []string{"1", "2"} {
		code, out, errOut := sixparty("compare", "testdata/tiny.yaml", "--strategy", "testdata/tiny.orders.yaml",
			"--strategy", "south=computer:hard", "--games", "30", "--indicator", "south.gdp", "--params", "stated", "--json", "-j", j)
		if code != 0 || errOut != "" {
			t.Fatalf("-j %s: exit %d, stderr %q", j, code, errOut)
		}
		outs = append(outs, out)
	}
	if outs[0] != outs[1] {
		t.Errorf("-j 1 and -j 2 give different JSON:\n%s\n%s", outs[0], outs[1])
	}
}

func TestCompareErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--strategy", "nope.yaml", "--strategy", "north=computer"}, exitFail, "sixparty compare: open nope.yaml: no such file or directory\n"},
		{[]string{"--strategy", "nort=computer:hard", "--strategy", "north=computer"}, exitFail,
			"sixparty compare: unknown actor \"nort\"; did you mean \"north\"? (the actors: north, south)\n"},
		{[]string{"--strategy", "north=computer:hrad", "--strategy", "north=computer"}, exitFail,
			"sixparty compare: north=computer:hrad: unknown difficulty \"hrad\"; did you mean \"hard\"? (want easy, normal or hard)\n"},
		{[]string{"--strategy", "north=person", "--strategy", "north=computer"}, exitFail,
			"sixparty compare: north=person: a strategy is played headless, so every seat is a computer or an orders track (want north=computer:LEVEL)\n"},
		{[]string{"--strategy", "north=computer,", "--strategy", "north=computer"}, exitFail,
			"sixparty compare: strategy \"north=computer,\" has an empty part\n"},
		{[]string{"--strategy", "north=computer"}, exitUsage, "sixparty compare: give at least 2 strategies with --strategy\n"},
		{[]string{"--strategy", "a.yaml", "--strategy", "b.yaml", "--json", "--md"}, exitUsage, "sixparty compare: give at most one of --json, --csv and --md\n"},
		{[]string{"--strategy", "north=computer", "--strategy", "south=computer", "--indicator", "tensoin"}, exitUsage,
			"sixparty compare: unknown indicator \"tensoin\"; did you mean \"tension\"?\n"},
		{[]string{"--strategy", "north=computer", "--strategy", "south=computer", "--params", "draw"}, exitUsage,
			"sixparty compare: --params is stated or drawn, not \"draw\"; did you mean \"drawn\"?\n"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errOut := sixparty(append([]string{"compare", "testdata/tiny.yaml"}, tt.args...)...)
			if code != tt.code || errOut != tt.want || out != "" {
				t.Errorf("exit %d, stdout %q, stderr\n%q\nwant exit %d, stderr\n%q", code, out, errOut, tt.code, tt.want)
			}
		})
	}
}

// TestCompareTrackError shows a track's mistakes as file:line:col.
func TestCompareTrackError(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/bad.yaml"
	if err := os.WriteFile(path, []byte("turns:\n  - turn: 1\n    orders:\n      nrth: {north.talk: yes}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := sixparty("compare", "testdata/tiny.yaml", "--strategy", path, "--strategy", "north=computer")
	want := path + ":4:7: unknown actor \"nrth\"; did you mean \"north\"?\n"
	if code != exitFail || errOut != want {
		t.Errorf("exit %d, stderr %q; want 1, %q", code, errOut, want)
	}
}
