package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	goldenfile "github.com/sixparty/sixparty/internal/golden"
)

// sixparty runs the command line in-process and returns its exit code and
// output.
func sixparty(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// golden compares got with testdata/name (-update rewrites it).
func golden(t *testing.T, name, got string) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), []byte(got))
}

func TestRunReportGolden(t *testing.T) {
	for _, tt := range []struct{ golden string }{{"tiny.report"}, {"tiny.jsonl"}} {
		t.Run(tt.golden, func(t *testing.T) {
			args := []string{"run", "testdata/tiny.yaml", "--orders", "testdata/tiny.orders.yaml"}
			if strings.HasSuffix(tt.golden, ".jsonl") {
				args = append(args, "--json")
			}
			code, out, errOut := sixparty(args...)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			golden(t, tt.golden, out)
		})
	}
}

func TestRunSeeds(t *testing.T) {
	_, a, _ := sixparty("run", "--seed", "7", "--json")
	_, b, _ := sixparty("run", "--seed", "7", "--json")
	_, c, _ := sixparty("run", "--seed", "8", "--json")
	if a == "" || a != b {
		t.Errorf("the same seed gave different output")
	}
	if a == c {
		t.Errorf("seeds 7 and 8 gave the same output")
	}
	lines := strings.Split(strings.TrimSpace(a), "\n")
	if !strings.HasPrefix(lines[0], `{"turn":1,"date":"2017-Q4","vars":{`) || !strings.HasPrefix(lines[len(lines)-1], `{"outcome":`) {
		t.Errorf("unexpected JSON lines: first %.60s, last %.60s", lines[0], lines[len(lines)-1])
	}
}

func TestRunOrders(t *testing.T) {
	dir := t.TempDir()
	orders := filepath.Join(dir, "orders.yaml")
	os.WriteFile(orders, []byte("turns:\n  - turn: 1\n    orders:\n      north: {north.talk: yes}\n  - turn: 3\n    orders:\n      north: {}\n"), 0o644)
	code, out, errOut := sixparty("run", "testdata/tiny.yaml", "--orders", orders, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	for i, want := range []string{`"north":{"north.talk":1}`, `"north":{"north.talk":1}`, ""} {
		has := strings.Contains(lines[i], `"north":{`)
		if want != "" && !strings.Contains(lines[i], want) || want == "" && has {
			t.Errorf("turn %d: orders %q, want %q", i+1, lines[i], want)
		}
	}

	os.WriteFile(orders, []byte("turns:\n  - turn: 1\n    orders:\n      north: {north.tlak: yes}\n"), 0o644)
	code, _, errOut = sixparty("run", "testdata/tiny.yaml", "--orders", orders)
	if want := orders + `:4:15: unknown lever "north.tlak"; did you mean "north.talk"?` + "\n"; code != 1 || errOut != want {
		t.Errorf("exit %d, stderr %q, want 1 and %q", code, errOut, want)
	}
}

func TestValidate(t *testing.T) {
	// -games 0: only the static warnings (tiny.yaml has none); the played
	// ones are tested in toolkit_test.go.
	code, out, errOut := sixparty("validate", "-games", "0", "testdata/tiny.yaml")
	if code != 0 || out != "testdata/tiny.yaml: ok\n" || errOut != "" {
		t.Errorf("valid file: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	broken := "../../scenarios/testdata/broken/typos.yaml"
	code, _, errOut = sixparty("validate", "-games", "0", "testdata/tiny.yaml", broken)
	want, _ := os.ReadFile("../../scenarios/testdata/broken/typos.errors")
	if code != 1 || errOut != strings.ReplaceAll(string(want), "testdata/broken/", "../../scenarios/testdata/broken/") {
		t.Errorf("broken file: exit %d, stderr:\n%s", code, errOut)
	}
	for _, line := range strings.Split(strings.TrimSpace(errOut), "\n") {
		if !strings.HasPrefix(line, broken+":") {
			t.Errorf("line without file:line:col: %q", line)
		}
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"validate"}, 2, "sixparty validate: give at least one scenario file or built-in name\n"},
		{[]string{"frobnicate"}, 2, "sixparty: unknown command \"frobnicate\"\n"},
		{[]string{"run", "--seed", "x"}, 2, "invalid value \"x\" for flag -seed"},
		{[]string{"run", "a.yaml", "b.yaml"}, 2, "sixparty run: give at most one scenario\n"},
		{[]string{"run", "nosuch"}, 1, "scenario: no scenario file or built-in scenario \"nosuch\""},
		{[]string{"run", "missing.yaml"}, 1, "scenario: open missing.yaml: no such file or directory\n"},
	}
	for _, tt := range tests {
		code, _, errOut := sixparty(tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.err) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, errOut, tt.code, tt.err)
		}
	}
	code, out, _ := sixparty("help")
	if code != 0 || !strings.Contains(out, "  run ") || !strings.Contains(out, "  validate ") {
		t.Errorf("help: exit %d:\n%s", code, out)
	}
	code, out, errOut := sixparty("run", "-h")
	if code != 0 || errOut != "" || !strings.HasPrefix(out, "Usage: sixparty run [flags] [FILE|NAME]\n") || !strings.Contains(out, "-orders") {
		t.Errorf("run -h: exit %d, stderr %q:\n%s", code, errOut, out)
	}
}
