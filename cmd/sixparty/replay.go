package main

import (
	"bufio"
	"fmt"
	"io"

	"github.com/sixparty/sixparty/report"
)

var replayCmd = command{
	name:    "replay",
	summary: "Replay a saved game headless and print its turn reports (or JSON lines with --json).",
	usage:   "SAVE",
}

func init() {
	replayCmd.run = runReplay
	register(replayCmd)
}

func runReplay(args []string, stdout, stderr io.Writer) int {
	fs := newFlags(replayCmd, stderr)
	asJSON := fs.Bool("json", false, "write one JSON object per turn, as 'run --json' does")
	scenario := fs.String("scenario", "", "scenario file or built-in name to replay on (default: the one the save names)")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	_, g, code, ok := savedGame("replay", pos, *scenario, stderr)
	if !ok {
		return code
	}
	m := g.Model
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	if !*asJSON {
		fmt.Fprintf(out, "%s (seed %d), replayed from %s\n\n", m.Scenario.Meta.Title, g.Seed, pos[0])
	}
	for t := 1; t <= len(g.Reports()); t++ {
		r := report.FromGame(g, t, nil)
		if *asJSON {
			if err := report.WriteJSON(out, r); err != nil {
				out.Flush()
				fmt.Fprintf(stderr, "sixparty replay: %v\n", err)
				return exitFail
			}
		} else {
			report.WriteText(out, g, r)
		}
	}
	var err error
	if *asJSON {
		var end report.End
		if end, err = report.EndOf(g); err == nil {
			err = report.WriteJSON(out, end)
		}
	} else {
		err = report.WriteEnd(out, g)
	}
	if err != nil {
		out.Flush()
		fmt.Fprintf(stderr, "sixparty replay: %v\n", err)
		return exitFail
	}
	return exitOK
}
