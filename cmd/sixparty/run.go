package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/sixparty/sixparty/internal/suggest"
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
	paramsMode := fs.String("params", "stated", "the scenario's parameters: stated (their stated values) or drawn (drawn from their ranges with the seed)")
	var overrides paramFlags
	fs.Var(&overrides, "param", "set a parameter, as ID=VALUE (repeatable; applied after --params)")
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
	setup, code, ok := paramSetup("run", m, *paramsMode, overrides, s, stderr)
	if !ok {
		return code
	}
	g, err := sim.NewGameSetup(m, s, setup)
	if err != nil {
		fmt.Fprintf(stderr, "sixparty run: %v\n", err)
		return exitFail
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	if !*asJSON {
		fmt.Fprintf(out, "%s (seed %d)\n\n", m.Scenario.Meta.Title, s)
	}
	if !*asJSON && g.ParamsDrawn() {
		fmt.Fprintf(out, "Parameters: %s\n\n", paramText(m, g.Params()))
	}
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

// paramFlags collects repeated --param ID=VALUE flags.
type paramFlags []string

func (p *paramFlags) String() string { return strings.Join(*p, ",") }

func (p *paramFlags) Set(v string) error {
	*p = append(*p, v)
	return nil
}

// paramSetup makes the set-up of a game from the --params mode (stated or
// drawn, with seed) and the --param overrides: a mode or id it does not
// know, or an override that is not ID=VALUE, is a usage error (with a
// did-you-mean hint); a value outside its parameter's range is an error.
// cmd names the command in messages. Other commands that play games with
// parameters (compare, sensitivity) share it.
func paramSetup(cmd string, m *sim.Model, mode string, overrides []string, seed uint64, stderr io.Writer) (sim.Setup, int, bool) {
	var vals []float64
	switch mode {
	case "stated", "":
	case "drawn":
		vals = m.DrawParams(seed)
	default:
		fmt.Fprintf(stderr, "sixparty %s: --params must be stated or drawn, not %q%s\n", cmd, mode, suggest.Hint(mode, []string{"stated", "drawn"}))
		return sim.Setup{}, exitUsage, false
	}
	for _, o := range overrides {
		id, v, found := strings.Cut(o, "=")
		x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if !found || err != nil {
			fmt.Fprintf(stderr, "sixparty %s: --param wants ID=VALUE with a number, found %q\n", cmd, o)
			return sim.Setup{}, exitUsage, false
		}
		id = strings.TrimSpace(id)
		i, ok := m.ParamIndex(id)
		if !ok {
			have := "it declares none"
			if ids := m.ParamIDs(); len(ids) > 0 {
				have = "it has " + strings.Join(ids, ", ")
			}
			fmt.Fprintf(stderr, "sixparty %s: --param: scenario %q has no parameter %q%s (%s)\n", cmd, m.Scenario.Meta.ID, id, suggest.Hint(id, m.ParamIDs()), have)
			return sim.Setup{}, exitUsage, false
		}
		if p := m.Scenario.Params[i]; !(x >= p.Lo && x <= p.Hi) {
			fmt.Fprintf(stderr, "sixparty %s: --param %s: %g is outside the range of %s, [%g, %g]\n", cmd, o, x, id, p.Lo, p.Hi)
			return sim.Setup{}, exitFail, false
		}
		if vals == nil {
			vals = m.StatedParams()
		}
		vals[i] = x
	}
	return sim.Setup{Params: vals}, exitOK, true
}

// paramText lists parameter values as id=value, in the scenario's order.
func paramText(m *sim.Model, vals []float64) string {
	parts := make([]string, len(vals))
	for i, v := range vals {
		parts[i] = fmt.Sprintf("%s=%.4g", m.Scenario.Params[i].ID, v)
	}
	return strings.Join(parts, ", ")
}
