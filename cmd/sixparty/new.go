package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"

	"github.com/sixparty/sixparty/format"
)

var newCmd = command{
	name:    "new",
	summary: "Write a scaffold scenario NAME.yaml that validates and plays, to edit (and scenario.schema.json beside it for editors).",
	usage:   "NAME",
}

func init() {
	newCmd.run = runNew
	register(newCmd)
}

var nonID = regexp.MustCompile(`[^a-z0-9]+`)

func runNew(args []string, stdout, stderr io.Writer) int {
	flags := newFlags(newCmd, stderr)
	pos, code, ok := parseFlags(flags, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "sixparty new: give the new scenario's name")
		flags.Usage()
		return exitUsage
	}
	path := pos[0]
	if !strings.HasSuffix(path, ".yaml") {
		path += ".yaml"
	}
	base := strings.TrimSuffix(filepath.Base(path), ".yaml")
	id := strings.Trim(nonID.ReplaceAllString(strings.ToLower(base), "-"), "-")
	if id == "" {
		fmt.Fprintf(stderr, "sixparty new: %q has no letters or digits to make an id of\n", base)
		return exitUsage
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			fmt.Fprintf(stderr, "sixparty new: %s already exists; not overwriting it\n", path)
		} else {
			fmt.Fprintf(stderr, "sixparty new: %v\n", err)
		}
		return exitFail
	}
	if _, err := io.WriteString(f, scaffold(id, shellQuote(filepath.Base(path)))); err != nil {
		f.Close()
		fmt.Fprintf(stderr, "sixparty new: %v\n", err)
		return exitFail
	}
	if err := f.Close(); err != nil {
		fmt.Fprintf(stderr, "sixparty new: %v\n", err)
		return exitFail
	}
	fmt.Fprintf(stdout, "wrote %s\n", path)
	schema := filepath.Join(filepath.Dir(path), "scenario.schema.json")
	if _, err := os.Stat(schema); errors.Is(err, fs.ErrNotExist) {
		src, err := format.Schema()
		if err == nil {
			err = os.WriteFile(schema, src, 0o644)
		}
		if err != nil {
			fmt.Fprintf(stderr, "sixparty new: %v\n", err)
			return exitFail
		}
		fmt.Fprintf(stdout, "wrote %s (the format, for editors)\n", schema)
	}
	q := shellQuote(path)
	fmt.Fprintf(stdout, "next: sixparty validate %s && sixparty run %s\n", q, q)
	return exitOK
}

// shellQuote returns s as a shell word that stands for s when pasted:
// unchanged when it is safe as it is, else in single quotes (on Windows,
// in double quotes).
func shellQuote(s string) string {
	if s != "" && !unsafeInShell.MatchString(s) {
		return s
	}
	if runtime.GOOS == "windows" {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

var unsafeInShell = regexp.MustCompile(`[^A-Za-z0-9_./:@%+=,-]`)

// scaffold returns a small scenario with every section, to edit, whose id
// is id and whose comments name its file as file.
func scaffold(id, file string) string {
	return strings.NewReplacer("SCENARIO_ID", id, "SCENARIO_FILE", file).Replace(scaffoldText)
}

const scaffoldText = `# yaml-language-server: $schema=scenario.schema.json
# A new sixparty scenario. Every section is here with one small example;
# docs/authoring.md explains each field. Check it with
#   sixparty validate SCENARIO_FILE
# and play it with
#   sixparty run SCENARIO_FILE
format: 1
meta:
  id: SCENARIO_ID
  title: "SCENARIO_ID"
  summary: >
    One paragraph that sets the scene for the players.
  sources:
    - "Where the facts come from."
  start: 2025-01
  step: quarter     # month, quarter or year
  turns: 8
  seed: 1

actors:
  - id: north
    name: North
    budget: 2       # political capital per turn
    brief: What North wants and fears.
    objectives:
      - {id: calm, name: Keep tension down, score: "-tension / 10"}
  - id: south
    name: South
    budget: 2
    brief: What South wants and fears.
    objectives:
      - {id: leverage, name: Gain leverage, score: "south.leverage / 10"}
      - {id: calm, name: Keep tension down, score: "-tension / 20"}

variables:
  - {id: tension, name: Tension, unit: points, init: 40, min: 0, max: 100, format: "%.0f",
     description: "On a scale of 0 to 100."}
  - {id: south.leverage, name: South's leverage, unit: points, init: 20, min: 0, max: 100,
     visible: [south], noise: 5, format: "%.0f", description: "On a scale of 0 to 100."}

levers:
  - id: north.talks
    actor: north
    name: Talks
    levels: [none, offer]
    cost: [0, 1]
    effects:
      - {target: tension, change: "-4", note: Talks calm things down}
  - id: south.pressure
    actor: south
    name: Pressure
    levels: [none, some, much]
    cost: [0, 1, 2]
    effects:
      - {target: south.leverage, change: "3 * level"}
      - {target: tension, change: "2 * level"}

rules:
  - id: drift
    name: Tension drifts back towards 40
    target: tension
    change: "drift_speed * (40 - tension) + noise(3)"

events:
  - id: incident
    name: Border incident
    turn: 2
    text: A patrol boat runs aground on the wrong side of the line.
    choice:
      actor: north
      prompt: Protest?
      options:
        - {id: quiet, text: Handle it quietly}
        - {id: protest, text: Protest loudly, effects: [{target: tension, change: "8"}]}

outcomes:
  - id: crisis
    name: Crisis
    when: "tension >= 50"
    text: The dispute turns into a crisis.
  - id: end
    name: Time runs out
    text: The turns run out with nothing settled.

checks:
  - {name: the game usually runs its course, outcome: end, share: [0.5, 1], games: 100}

# Coefficients you are not sure of: formulas read them by id; validate checks
# that each is used and its range holds its value.
parameters:
  - {id: drift_speed, name: How fast tension drifts back, value: 0.2, range: [0.1, 0.4], source: judgement}
`
