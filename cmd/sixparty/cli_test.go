package main

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestMessages checks the exact output of the command line's answers to
// a newcomer's mistakes.
func TestMessages(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"misspelt command", []string{"valdate", "x.yaml"}, 2, "",
			"sixparty: unknown command \"valdate\"; did you mean \"validate\"?\nRun 'sixparty help' for the list of commands.\n"},
		{"unknown command", []string{"frobnicate"}, 2, "",
			"sixparty: unknown command \"frobnicate\"\nRun 'sixparty help' for the list of commands.\n"},
		{"misspelt built-in as the command", []string{"nile-2002"}, 2, "",
			"sixparty: unknown command \"nile-2002\"; did you mean \"nile-2020\"?\nRun 'sixparty help' for the list of commands.\n"},
		{"help for a misspelt command", []string{"help", "chekc"}, 2, "",
			"sixparty: unknown command \"chekc\"; did you mean \"check\"?\nRun 'sixparty help' for the list of commands.\n"},
		{"help for two commands", []string{"help", "run", "check"}, 2, "",
			"sixparty help: give at most one command\n"},
		{"misspelt built-in", []string{"run", "pressure-2071"}, 1, "",
			"scenario: no scenario file or built-in scenario \"pressure-2071\"; did you mean \"pressure-2017\"? (built in: hormuz-2019, nile-2020, pressure-2017)\n"},
		{"unknown built-in", []string{"doc", "harbor"}, 1, "",
			"scenario: no scenario file or built-in scenario \"harbor\" (built in: hormuz-2019, nile-2020, pressure-2017)\n"},
		{"misspelt built-in to validate", []string{"validate", "-games", "0", "nile-2002"}, 1, "",
			"scenario: no scenario file or built-in scenario \"nile-2002\"; did you mean \"nile-2020\"? (built in: hormuz-2019, nile-2020, pressure-2017)\n"},
		{"validate a built-in", []string{"validate", "-games", "0", "pressure-2017", "nile-2020"}, 0,
			"pressure-2017: ok\nnile-2020: ok\n", ""},
		{"negative turns", []string{"run", "--turns", "-3"}, 2, "",
			"sixparty run: --turns must be at least 0 (0, the default, plays to the end), not -3\n"},
		{"version with an argument", []string{"version", "x"}, 2, "", "sixparty version: takes no arguments\n"},
		{"autoplay negative", []string{"play", "--autoplay", "-1"}, 2, "", "sixparty play: --autoplay must be at least 0, not -1\n"},
		{"shots without autoplay", []string{"play", "--shots", "d"}, 2, "", "sixparty play: --shots needs --autoplay N or --join LINK\n"},
		{"verbose without autoplay", []string{"play", "-v"}, 2, "", "sixparty play: -v needs --autoplay N\n"},
		{"watch a built-in", []string{"play", "--watch", "nile-2020"}, 2, "",
			"sixparty play: --watch needs a scenario file (a built-in scenario never changes)\n"},
		{"play two scenarios", []string{"play", "a.yaml", "b.yaml"}, 2, "", "sixparty play: give at most one scenario\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := sixparty(tt.args...)
			if code != tt.code || out != tt.stdout || errOut != tt.stderr {
				t.Errorf("sixparty %s: exit %d\nstdout %q\nstderr %q\nwant exit %d\nstdout %q\nstderr %q",
					strings.Join(tt.args, " "), code, out, errOut, tt.code, tt.stdout, tt.stderr)
			}
		})
	}
}

// TestHelpOnStdout checks that help, for the program and for every
// command (play included, which needs no window for it), goes to standard
// output with exit 0, and that a usage error goes to standard error with
// exit 2.
func TestHelpOnStdout(t *testing.T) {
	t.Setenv("DISPLAY", "") // help never needs a display
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}, {"-help"}} {
		code, out, errOut := sixparty(args...)
		if code != 0 || errOut != "" || !strings.HasPrefix(out, "sixparty is a turn-based policy-options wargame.\n\nUsage: sixparty [command] [flags] [arguments]\n") {
			t.Errorf("sixparty %q: exit %d, stderr %q, stdout:\n%s", args, code, errOut, out)
		}
	}
	for _, name := range commandNames() {
		var want string
		for _, args := range [][]string{{name, "-h"}, {name, "--help"}, {"help", name}} {
			code, out, errOut := sixparty(args...)
			if code != 0 || errOut != "" || !strings.HasPrefix(out, "Usage: sixparty "+name+" [flags]") {
				t.Errorf("sixparty %q: exit %d, stderr %q, stdout:\n%s", args, code, errOut, out)
			}
			if want == "" {
				want = out
			} else if out != want {
				t.Errorf("sixparty %q differs from sixparty %s -h:\n%s", args, name, out)
			}
		}
		code, out, errOut := sixparty(name, "--no-such-flag")
		if code != 2 || out != "" || !strings.HasPrefix(errOut, "flag provided but not defined: -no-such-flag\nUsage: sixparty "+name+" [flags]") {
			t.Errorf("sixparty %s --no-such-flag: exit %d, stdout %q, stderr:\n%s", name, code, out, errOut)
		}
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}, {"-version"}} {
		code, out, errOut := sixparty(args...)
		lines := strings.Split(out, "\n")
		if code != 0 || errOut != "" || len(lines) != 3 ||
			!regexp.MustCompile(`^sixparty \S.* \(go[0-9.]+\S*, [a-z0-9]+/[a-z0-9]+\)$`).MatchString(lines[0]) ||
			lines[1] != "reads scenario format 1, game record format 1, save file version 1" {
			t.Errorf("sixparty %s: exit %d, stderr %q, stdout:\n%s", args[0], code, errOut, out)
		}
	}
	defer func(v string) { version = v }(version)
	version = "v1.2.3"
	if _, out, _ := sixparty("version"); !strings.HasPrefix(out, "sixparty v1.2.3 (go") {
		t.Errorf("version set at link time: %q", out)
	}
}

// TestNewHint checks that new's hint and the scaffold's comments quote a
// name with a space or a quote, so that they work when pasted.
func TestNewHint(t *testing.T) {
	t.Chdir(t.TempDir())
	code, out, errOut := sixparty("new", "it's a b")
	want := "wrote it's a b.yaml\n" +
		"wrote scenario.schema.json (the format, for editors)\n" +
		"next: sixparty validate 'it'\\''s a b.yaml' && sixparty run 'it'\\''s a b.yaml'\n"
	if code != 0 || out != want || errOut != "" {
		t.Errorf("new: exit %d, stderr %q, stdout %q, want %q", code, errOut, out, want)
	}
	src, err := os.ReadFile("it's a b.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "\n#   sixparty validate 'it'\\''s a b.yaml'\n# and play it with\n#   sixparty run 'it'\\''s a b.yaml'\n") ||
		!strings.Contains(string(src), "\n  id: it-s-a-b\n") {
		t.Errorf("scaffold:\n%.400s", src)
	}
	if _, out, _ := sixparty("new", "plain"); !strings.HasSuffix(out, "next: sixparty validate plain.yaml && sixparty run plain.yaml\n") {
		t.Errorf("new plain: %q", out)
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"a.yaml":         "a.yaml",
		"dir/a-b_c.yaml": "dir/a-b_c.yaml",
		"a b.yaml":       "'a b.yaml'",
		"it's.yaml":      `'it'\''s.yaml'`,
		"$HOME.yaml":     "'$HOME.yaml'",
		"":               "''",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %q, want %q", in, got, want)
		}
	}
}

// faulty is a scenario whose every game stops on a division by zero on
// its first turn.
const faulty = `format: 1
meta: {id: f, title: F, turns: 2}
actors:
  - id: a
    name: A
    budget: 1
    objectives:
      - {id: o, name: O, score: "-x"}
levers:
  - {id: a.l, actor: a, name: L, levels: [no, yes], cost: [0, 1], effects: [{target: x, change: "level", delay: 1}]}
variables:
  - {id: x, name: X, init: 0}
  - {id: y, name: Y, init: 0}
rules:
  - {id: r, target: y, change: "1 / x"}
outcomes:
  - {id: limit, name: Limit}
`

func TestAIBenchFails(t *testing.T) {
	file := filepath.Join(t.TempDir(), "f.yaml")
	if err := os.WriteFile(file, []byte(faulty), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := sixparty("aibench", file, "--strength", "1", "--variety", "2")
	want := "sixparty aibench: 4 of 4 games stopped on an error and are left out of the tables; the first: seed 1, turn 1: "
	if code != exitFail || !strings.HasPrefix(errOut, want) || !strings.Contains(errOut, file+":15:") || !strings.Contains(out, "Variety: 2 all-computer games") {
		t.Errorf("aibench on a faulting scenario: exit %d, stderr %q, want 1 and %q...", code, errOut, want)
	}
}

// TestWithoutDisplay checks plain sixparty and sixparty play where no
// window can open: the first plays headless and says why, the second
// fails with the reason and what to do.
func TestWithoutDisplay(t *testing.T) {
	defer func(f func() error) { checkDisplay = f }(checkDisplay)
	checkDisplay = func() error { return errors.New("DISPLAY is not set") }

	code, out, errOut := sixparty("--turns", "1", "--json")
	if code != 0 || errOut != "sixparty: no usable display (DISPLAY is not set): playing headless ('sixparty run'); 'sixparty help' lists the commands\n" ||
		!strings.HasPrefix(out, `{"turn":1,"date":"2017-Q4"`) || strings.Count(out, "\n") != 2 {
		t.Errorf("sixparty without a display: exit %d, stderr %q, stdout %.100q", code, errOut, out)
	}
	code, out, errOut = sixparty("play", "nile-2020")
	if want := "sixparty play: no usable display (DISPLAY is not set), so the window cannot open; play headless with 'sixparty run', or start a virtual display with 'xvfb-run -a sixparty play'\n"; code != 1 || out != "" || errOut != want {
		t.Errorf("sixparty play without a display: exit %d, stdout %q, stderr %q, want %q", code, out, errOut, want)
	}
	code, out, errOut = sixparty("--watch", "testdata/tiny.yaml")
	if want := "sixparty play: no usable display (DISPLAY is not set; --watch needs the window), so the window cannot open; play headless with 'sixparty run', or start a virtual display with 'xvfb-run -a sixparty play'\n"; code != 1 || out != "" || errOut != want {
		t.Errorf("sixparty --watch without a display: exit %d, stdout %q, stderr %q, want %q", code, out, errOut, want)
	}
	// Help and usage errors come before the display is looked at.
	if code, out, _ := sixparty("-h"); code != 0 || !strings.HasPrefix(out, "sixparty is") {
		t.Errorf("sixparty -h without a display: exit %d", code)
	}
	if code, _, errOut := sixparty("play", "--nosuch"); code != 2 || !strings.HasPrefix(errOut, "flag provided but not defined: -nosuch\n") {
		t.Errorf("sixparty play --nosuch without a display: exit %d, stderr %q", code, errOut)
	}
}
