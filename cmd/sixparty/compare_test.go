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
			"sixparty compare: --params must be stated or drawn, not \"draw\"; did you mean \"drawn\"?\n"},
		{[]string{"--strategy", "north=computer", "--strategy", "south=computer", "--param", "gain=1"}, exitUsage,
			"sixparty compare: --param: scenario \"tiny\" has no parameter \"gain\" (it declares none)\n"},
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

func TestSensitivityErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--measure", "outcome:calmm"}, exitUsage, "sixparty sensitivity: measure \"outcome:calmm\": unknown outcome \"calmm\"; did you mean \"calm\"?\n"},
		{[]string{"--points", "1"}, exitUsage, "sixparty sensitivity: --points must be at least 2\n"},
		{[]string{"--strategy", "computer", "--strategy", "computer", "--strategy", "computer"}, exitUsage,
			"sixparty sensitivity: give one or two strategies (with two, the measure is the difference between them)\n"},
		{nil, exitFail, "sixparty sensitivity: the scenario declares no parameters ('parameters:') to vary\n"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errOut := sixparty(append([]string{"sensitivity", "testdata/tiny.yaml", "--games", "2"}, tt.args...)...)
			if code != tt.code || errOut != tt.want || out != "" {
				t.Errorf("exit %d, stdout %q, stderr\n%q\nwant exit %d, stderr\n%q", code, out, errOut, tt.code, tt.want)
			}
		})
	}
}

// TestSensitivityGolden sweeps the lever scenario's two parameters with
// pushing on every turn against holding back: the verdict flips where the
// gain is 0.5.
func TestSensitivityGolden(t *testing.T) {
	code, out, errOut := sixparty("sensitivity", "testdata/lever.yaml", "--strategy", "testdata/lever.push.yaml", "--strategy", "testdata/lever.hold.yaml",
		"--measure", "indicator:x", "--games", "10", "--points", "5", "--design", "morris", "--md", "-q")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	golden(t, "lever.sensitivity.md", out)
}

// TestSensitivityWorkers shows that sensitivity's results do not depend
// on -j, in JSON and in CSV.
func TestSensitivityWorkers(t *testing.T) {
	for _, format := range []string{"--json", "--csv"} {
		var outs []string
		for _, j := range []string{"1", "2"} {
			code, out, errOut := sixparty("sensitivity", "testdata/lever.yaml", "--strategy", "testdata/lever.push.yaml", "--strategy", "computer",
				"--measure", "score:a", "--games", "6", "--points", "3", format, "-j", j)
			if code != 0 || errOut != "" {
				t.Fatalf("%s -j %s: exit %d, stderr %q", format, j, code, errOut)
			}
			outs = append(outs, out)
		}
		if outs[0] != outs[1] {
			t.Errorf("%s: -j 1 and -j 2 differ:\n%s\n%s", format, outs[0], outs[1])
		}
	}
}
