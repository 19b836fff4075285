package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

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
	w := stdout
	var err error
	var file *os.File
	if *out != "" {
		if file, err = os.Create(*out); err != nil {
			fmt.Fprintf(stderr, "sixparty debrief: %v\n", err)
			return exitFail
		}
		w = file
	}
	bw := bufio.NewWriter(w)
	report.WriteDebrief(bw, g, f.Seats)
	err = bw.Flush()
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "sixparty debrief: %v\n", err)
		return exitFail
	}
	return exitOK
}
