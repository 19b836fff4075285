package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/sixparty/sixparty/options"
)

var sensitivityCmd = command{
	name:    "sensitivity",
	summary: "Sweep the scenario's parameters: what the measure (or the difference between two strategies) hinges on, and where the verdict flips.",
	usage:   "FILE|NAME",
}

func init() {
	sensitivityCmd.run = runSensitivity
	register(sensitivityCmd)
}

func runSensitivity(args []string, stdout, stderr io.Writer) int {
	batchGC()
	fs := newFlags(sensitivityCmd, stderr)
	f := addRunFlags(fs, false, 100, "games per point and strategy")
	measure := fs.String("measure", "", "what each game gives: outcome:ID (a share), score:ACTOR or indicator:ID (a final value); default: the scenario's first outcome")
	points := fs.Int("points", 5, "points of each one-at-a-time sweep across a parameter's range, ends included; the global design plays this many per parameter (lhs) or trajectories (morris)")
	design := fs.String("design", options.DesignLHS, "global design: oat (one at a time only), lhs (Latin hypercube, ranked by partial rank correlation) or morris (elementary effects)")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(f.strategies) == 0 {
		f.strategies = append(f.strategies, "computer")
	}
	if len(f.strategies) > 2 {
		fmt.Fprintln(stderr, "sixparty sensitivity: give one or two strategies (with two, the measure is the difference between them)")
		return exitUsage
	}
	if *points < 2 {
		fmt.Fprintln(stderr, "sixparty sensitivity: --points must be at least 2")
		return exitUsage
	}
	s, code, ok := f.resolve("sensitivity", pos, 1, stderr)
	if !ok {
		return code
	}
	arg := *measure
	if arg == "" {
		arg = "outcome:" + s.m.Scenario.Outcomes[0].ID
	}
	ms, err := options.ParseMetric(s.m, arg)
	if err != nil {
		fmt.Fprintf(stderr, "sixparty sensitivity: %s\n", strings.TrimPrefix(err.Error(), "options: "))
		return exitUsage
	}
	res, err := options.Analyse(s.m, s.strategies, options.SensitivityOptions{
		Metric: ms, Games: *f.games, Seed: s.opt.Seed, Points: *points, Design: *design, Workers: *f.jobs, Progress: s.opt.Progress,
	})
	if err != nil {
		fmt.Fprintf(stderr, "sixparty sensitivity: %s\n", strings.TrimPrefix(err.Error(), "options: "))
		return exitFail
	}
	head := ""
	if !*f.asMD {
		head = fmt.Sprintf("%s: sensitivity of %s, %d games per point from seed %d, other actors computer-played at %s\n\n", s.m.Scenario.Meta.Title, res.Measure, res.Games, res.Seed, *f.difficulty)
	}
	return f.write("sensitivity", stdout, stderr, res, res.WriteCSV, head, res.Tables,
		func() []options.Chart { return options.SensitivityCharts(res) })
}
