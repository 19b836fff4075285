package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func invoke(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestSchemaCommand(t *testing.T) {
	code, out, errs := invoke(t, "schema")
	want, err := os.ReadFile("../../docs/scenario.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if code != exitOK || out != string(want) || errs != "" {
		t.Errorf("schema: code %d, stderr %q, output equal to docs/scenario.schema.json: %v", code, errs, out == string(want))
	}
	if code, _, _ := invoke(t, "schema", "extra"); code != exitUsage {
		t.Errorf("schema extra: code %d, want %d", code, exitUsage)
	}
}

func TestNewValidatesAndPlays(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Fish War")
	code, out, errs := invoke(t, "new", path)
	if code != exitOK {
		t.Fatalf("new: code %d: %s", code, errs)
	}
	file := path + ".yaml"
	if !strings.Contains(out, "wrote "+file+"\n") {
		t.Errorf("new: output %q", out)
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "\n  id: fish-war\n") {
		t.Errorf("scaffold id is not fish-war:\n%s", src)
	}
	if _, err := os.Stat(filepath.Join(dir, "scenario.schema.json")); err != nil {
		t.Errorf("no schema beside the scaffold: %v", err)
	}
	if code, out, errs := invoke(t, "validate", "--strict", "-games", "100", file); code != exitOK {
		t.Errorf("validate --strict scaffold: code %d\n%s%s", code, out, errs)
	}
	if code, out, errs := invoke(t, "check", "-q", file); code != exitOK {
		t.Errorf("check scaffold: code %d\n%s%s", code, out, errs)
	}
	if code, _, errs := invoke(t, "run", file); code != exitOK {
		t.Errorf("run scaffold: code %d: %s", code, errs)
	}
	code, _, errs = invoke(t, "new", path)
	if want := "sixparty new: " + file + " already exists; not overwriting it\n"; code != exitFail || errs != want {
		t.Errorf("new again: code %d, stderr %q, want %q", code, errs, want)
	}
}

const warned = `format: 1
meta: {id: w, title: W, turns: 2}
actors:
  - {id: a, name: A}
variables:
  - {id: x, name: X, init: 0}
outcomes:
  - {id: limit}
`

func TestValidateWarnings(t *testing.T) {
	file := filepath.Join(t.TempDir(), "w.yaml")
	if err := os.WriteFile(file, []byte(warned), 0o644); err != nil {
		t.Fatal(err)
	}
	wantErr := file + ":4:10: warning: actor \"a\" has no levers\n" +
		file + ":6:10: warning: variable \"x\" is neither read nor changed by anything\n"
	code, out, errs := invoke(t, "validate", "-games", "0", file)
	if code != exitOK || out != file+": ok, 2 warning(s)\n" || errs != wantErr {
		t.Errorf("validate: code %d, stdout %q, stderr %q", code, out, errs)
	}
	code, out, errs = invoke(t, "validate", "--strict", "-games", "0", file)
	if code != exitFail || out != "" || errs != wantErr+file+": 2 warning(s), which --strict makes errors\n" {
		t.Errorf("validate --strict: code %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestCheckCommand(t *testing.T) {
	code, out, _ := invoke(t, "check", "-q", "-j", "2", "../../docs/tutorial/harbour.yaml")
	// The share depends on how the computer players play; the format does not.
	if ok, _ := regexp.MatchString(`^PASS a deal is often signed: [0-9.]+% of 100 games \(allowed 20\.0%–95\.0%\)\n$`, out); code != exitOK || !ok {
		t.Errorf("check: code %d, output %q", code, out)
	}
	file := filepath.Join(t.TempDir(), "f.yaml")
	src := warned + "checks:\n  - {name: never, outcome: limit, share: [0, 0.5], games: 3}\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := invoke(t, "check", file)
	if code != exitFail || out != "FAIL never: 100.0% of 3 games (allowed 0.0%–50.0%)\n" {
		t.Errorf("failing check: code %d, output %q", code, out)
	}
	// Standard error is not a terminal here: no progress bar, only the
	// timing.
	if ok, _ := regexp.MatchString(`^3 games in [0-9.]+s: [0-9]+ games/s on 2 workers\n$`, errs); !ok {
		t.Errorf("check on a buffer: stderr %q, want only the timing", errs)
	}
	defer func(f func(io.Writer) bool) { isTerminal = f }(isTerminal)
	isTerminal = func(io.Writer) bool { return true }
	_, _, errs = invoke(t, "check", "-j", "1", file)
	bar := "\rcheck [##########....................]  33% 1/3\rcheck [####################..........]  66% 2/3\rcheck [##############################] 100% 3/3\n"
	if !strings.HasPrefix(errs, bar+"3 games in ") {
		t.Errorf("check on a terminal: no progress bar on stderr: %q", errs)
	}
	if code, _, _ := invoke(t, "check"); code != exitUsage {
		t.Errorf("check with no file: code %d, want %d", code, exitUsage)
	}
}

// TestShippedScenariosStrict keeps the tutorial's scenario and the
// built-in ones free of warnings.
func TestShippedScenariosStrict(t *testing.T) {
	files := []string{"../../docs/tutorial/harbour.yaml", "../../scenarios/nile-2020.yaml"}
	for _, f := range files {
		if code, out, errs := invoke(t, "validate", "--strict", "-games", "100", f); code != exitOK {
			t.Errorf("validate --strict %s: code %d\n%s%s", f, code, out, errs)
		}
	}
}

func TestDocCommand(t *testing.T) {
	code, out, errs := invoke(t, "doc", "../../docs/tutorial/harbour.yaml")
	want, err := os.ReadFile("../../handbook/testdata/harbour.md")
	if err != nil {
		t.Fatal(err)
	}
	if code != exitOK || out != string(want) {
		t.Errorf("doc: code %d, stderr %q, output matches the golden handbook: %v", code, errs, out == string(want))
	}
}
