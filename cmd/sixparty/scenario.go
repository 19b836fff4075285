package main

import (
	"fmt"
	"io"
	"os"

	"github.com/sixparty/sixparty/savegame"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// loadScenario loads the scenario named by arg: a file path, the name of a
// built-in scenario, or (when arg is empty) the default.
func loadScenario(arg string) (*sim.Model, error) { return scenarios.Open(arg) }

// scenarioArg loads the scenario named by a command's optional single
// argument (the default when there is none). On failure it has reported
// the problem on stderr and returns ok false with the exit code.
func scenarioArg(cmd string, pos []string, stderr io.Writer) (m *sim.Model, code int, ok bool) {
	if len(pos) > 1 {
		fmt.Fprintf(stderr, "sixparty %s: give at most one scenario\n", cmd)
		return nil, exitUsage, false
	}
	arg := ""
	if len(pos) == 1 {
		arg = pos[0]
	}
	m, err := loadScenario(arg)
	if err != nil {
		printErr(stderr, err)
		return nil, exitFail, false
	}
	return m, exitOK, true
}

// savedGame reads a save file and replays it on its scenario: the one it
// names, or the scenario given (a file or built-in name) when not empty.
// On failure it has reported the problem on stderr and returns ok false
// with the exit code.
func savedGame(cmd string, pos []string, scenario string, stderr io.Writer) (f *savegame.File, g *sim.Game, code int, ok bool) {
	if len(pos) != 1 {
		fmt.Fprintf(stderr, "sixparty %s: give one save file\n", cmd)
		return nil, nil, exitUsage, false
	}
	f, err := savegame.Read(pos[0])
	if err != nil {
		fmt.Fprintln(stderr, err)
		return nil, nil, exitFail, false
	}
	if scenario == "" {
		scenario = f.Source
	}
	m, err := loadScenario(scenario)
	if err != nil {
		printErr(stderr, err)
		return nil, nil, exitFail, false
	}
	if g, err = f.Game(m); err != nil {
		fmt.Fprintln(stderr, err)
		return nil, nil, exitFail, false
	}
	return f, g, exitOK, true
}

// writeOutput writes a command's output to the file named by its -o flag,
// or to stdout when none is given, and returns the exit code.
func writeOutput(cmd, path string, data []byte, stdout, stderr io.Writer) int {
	var err error
	if path == "" {
		_, err = stdout.Write(data)
	} else {
		err = os.WriteFile(path, data, 0o644)
	}
	if err != nil {
		fmt.Fprintf(stderr, "sixparty %s: %v\n", cmd, err)
		return exitFail
	}
	return exitOK
}
