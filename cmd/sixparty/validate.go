package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

var validateCmd = command{
	name:    "validate",
	summary: "Check scenario files and list every mistake as file:line:col: message.",
	usage:   "FILE...",
}

func init() {
	validateCmd.run = runValidate
	register(validateCmd)
}

func runValidate(args []string, stdout, stderr io.Writer) int {
	fs := newFlags(validateCmd, stderr)
	files, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "sixparty validate: give at least one scenario file")
		fs.Usage()
		return exitUsage
	}
	status := exitOK
	for _, f := range files {
		if _, err := scenarios.LoadFile(f); err != nil {
			printErr(stderr, err)
			status = exitFail
			continue
		}
		fmt.Fprintf(stdout, "%s: ok\n", f)
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
