package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/sixparty/sixparty/report"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

var runCmd = command{
	name:    "run",
	summary: "Play a whole game headless and print a report per turn (or JSON lines with --json).",
	usage:   "[FILE|NAME]",
}

func init() {
	runCmd.run = runRun
	register(runCmd)
}

func runRun(args []string, stdout, stderr io.Writer) int {
	fs := newFlags(runCmd, stderr)
	seed := fs.Uint64("seed", 0, "random seed (default: the scenario's own)")
	turns := fs.Int("turns", 0, "stop after this many turns (default: play to the end)")
	ordersFile := fs.String("orders", "", "YAML file of orders per turn for some or all actors; the rest are computer-played")
	asJSON := fs.Bool("json", false, "write one JSON object per turn and a last one with the outcome and scores")
	difficulty := fs.String("difficulty", "normal", "how hard the computer-played actors try: easy, normal or hard")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if *turns < 0 {
		fmt.Fprintf(stderr, "sixparty run: --turns must be at least 0 (0, the default, plays to the end), not %d\n", *turns)
		return exitUsage
	}
	level, err := ai.ParseDifficulty(*difficulty)
	if err != nil {
		fmt.Fprintf(stderr, "sixparty run: %v\n", err)
		return exitUsage
	}
	m, code, ok := scenarioArg("run", pos, stderr)
	if !ok {
		return code
	}
	var track *scenarios.Track
	if *ordersFile != "" {
		src, err := os.ReadFile(*ordersFile)
		if err != nil {
			fmt.Fprintf(stderr, "sixparty run: %v\n", err)
			return exitFail
		}
		if track, err = scenarios.LoadTrack(*ordersFile, src, m); err != nil {
			printErr(stderr, err)
			return exitFail
		}
	}
	s := *seed
	if !isFlagSet(fs, "seed") {
		s = m.Scenario.Meta.Seed
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	if !*asJSON {
		fmt.Fprintf(out, "%s (seed %d)\n\n", m.Scenario.Meta.Title, s)
	}
	g := sim.NewGame(m, s)
	computer := make([]bool, len(m.Scenario.Actors))
	levels := make([]ai.Difficulty, len(m.Scenario.Actors))
	for i := range computer {
		computer[i] = track == nil || !track.Scripted[i]
		levels[i] = level
	}
	for !g.Over() && (*turns <= 0 || g.Turn() <= *turns) {
		o, c := sim.Orders{}, sim.Choices{}
		if track != nil {
			o, c = track.Orders(g.Turn())
		}
		var explain map[string]string
		for id, d := range ai.Fill(g, levels, computer, o, c) {
			if explain == nil {
				explain = map[string]string{}
			}
			explain[id] = d.Explain
		}
		t := g.Turn()
		if _, err := g.Play(o, c); err != nil {
			out.Flush()
			fmt.Fprintf(stderr, "sixparty run: turn %d (%s): %v\n", t, m.Date(t), err)
			return exitFail
		}
		r := report.FromGame(g, t, explain)
		if *asJSON {
			if err := report.WriteJSON(out, r); err != nil {
				fmt.Fprintln(stderr, err)
				return exitFail
			}
		} else {
			report.WriteText(out, g, r)
		}
	}
	var err2 error
	if *asJSON {
		var end report.End
		if end, err2 = report.EndOf(g); err2 == nil {
			err2 = report.WriteJSON(out, end)
		}
	} else {
		err2 = report.WriteEnd(out, g)
	}
	if err2 != nil {
		out.Flush()
		fmt.Fprintf(stderr, "sixparty run: %v\n", err2)
		return exitFail
	}
	return exitOK
}
