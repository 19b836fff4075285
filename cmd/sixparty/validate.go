package main

import (
	"errors"
	"fmt"
	"io"
	"runtime"

	"github.com/sixparty/sixparty/lint"
	"github.com/sixparty/sixparty/sim"
)

var validateCmd = command{
	name:    "validate",
	summary: "Check scenario files: every mistake as file:line:col: message, then warnings (--strict makes them errors).",
	usage:   "FILE|NAME...",
}

func init() {
	validateCmd.run = runValidate
	register(validateCmd)
}

func runValidate(args []string, stdout, stderr io.Writer) int {
	batchGC()
	fs := newFlags(validateCmd, stderr)
	strict := fs.Bool("strict", false, "treat warnings as errors (exit 1 when there is one)")
	games := fs.Int("games", lint.DefaultGames, "computer-played games used to find events and outcomes that never happen (0: none)")
	jobs := fs.Int("j", runtime.NumCPU(), "number of games played at once (results do not depend on it)")
	files, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if *jobs < 1 {
		fmt.Fprintln(stderr, "sixparty validate: -j must be at least 1")
		return exitUsage
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "sixparty validate: give at least one scenario file or built-in name")
		fs.Usage()
		return exitUsage
	}
	status := exitOK
	for _, f := range files {
		m, err := loadScenario(f)
		if err != nil {
			printErr(stderr, err)
			status = exitFail
			continue
		}
		n := *games
		if n <= 0 {
			n = -1
		}
		res := lint.Check(m, lint.Options{Games: n, Workers: *jobs})
		for _, note := range res.Notes {
			fmt.Fprintf(stderr, "%s: note: %s\n", f, note)
		}
		fmt.Fprint(stderr, res.Errors.Lines())
		ws := res.Warnings
		for _, w := range ws {
			fmt.Fprintln(stderr, w)
		}
		switch {
		case len(res.Errors) > 0:
			fmt.Fprintf(stderr, "%s: %d fault(s) in the games played: the scenario does not play\n", f, len(res.Errors))
			status = exitFail
		case len(ws) > 0 && *strict:
			fmt.Fprintf(stderr, "%s: %d warning(s), which --strict makes errors\n", f, len(ws))
			status = exitFail
		case len(ws) > 0:
			fmt.Fprintf(stdout, "%s: ok, %d warning(s)\n", f, len(ws))
		default:
			fmt.Fprintf(stdout, "%s: ok\n", f)
		}
	}
	return status
}

// printErr prints an error; a list of scenario mistakes one per line.
func printErr(w io.Writer, err error) {
	var el sim.ErrorList
	if errors.As(err, &el) {
		fmt.Fprint(w, el.Lines())
		return
	}
	fmt.Fprintln(w, err)
}
