package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/sixparty/sixparty/report"
)

var debriefCmd = command{
	name:    "debrief",
	summary: "Write an after-action review of a saved game in Markdown: outcome, turning points, every turn, every indicator.",
	usage:   "SAVE",
}

func init() {
	debriefCmd.run = runDebrief
	register(debriefCmd)
}

func runDebrief(args []string, stdout, stderr io.Writer) int {
	fs := newFlags(debriefCmd, stderr)
	out := fs.String("o", "", "write to this file instead of standard output")
	scenario := fs.String("scenario", "", "scenario file or built-in name (default: the one the save names)")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	f, g, code, ok := savedGame("debrief", pos, *scenario, stderr)
	if !ok {
		return code
	}
	var b bytes.Buffer
	branches, err := report.BranchSides(f, g.Model)
	if err == nil {
		err = report.WriteDebriefCompared(&b, g, f.Seats, branches)
	}
	if err != nil {
		fmt.Fprintf(stderr, "sixparty debrief: %v\n", err)
		return exitFail
	}
	return writeOutput("debrief", *out, b.Bytes(), stdout, stderr)
}
