package main

import (
	"bufio"
	"fmt"
	"io"

	"github.com/sixparty/sixparty/report"
	"github.com/sixparty/sixparty/savegame"
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
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "sixparty replay: give one save file")
		return exitUsage
	}
	f, err := savegame.Read(pos[0])
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFail
	}
	src := f.Source
	if *scenario != "" {
		src = *scenario
	}
	m, err := loadScenario(src)
	if err != nil {
		printErr(stderr, err)
		return exitFail
	}
	g, err := f.Game(m)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFail
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	if !*asJSON {
		fmt.Fprintf(out, "%s (seed %d), replayed from %s\n\n", m.Scenario.Meta.Title, g.Seed, pos[0])
	}
	for t := 1; t <= len(g.Reports()); t++ {
		r := report.FromGame(g, t, nil)
		if *asJSON {
			report.WriteJSON(out, r)
		} else {
			report.WriteText(out, g, r)
		}
	}
	if *asJSON {
		report.WriteJSON(out, report.EndOf(g))
	} else {
		report.WriteEnd(out, g)
	}
	return exitOK
}
