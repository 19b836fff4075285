package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/sixparty/sixparty/internal/suggest"
	"github.com/sixparty/sixparty/options"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

var compareCmd = command{
	name:    "compare",
	summary: "Play strategies against each other over the same seeds and say which differences are larger than the noise.",
	usage:   "FILE|NAME",
}

func init() {
	compareCmd.run = runCompare
	register(compareCmd)
}

// listFlag is a flag that may be given several times.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, " ") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// runFlags are the flags compare and sensitivity share: how the games are
// played and how the results are written.
type runFlags struct {
	fs         *flag.FlagSet
	strategies listFlag
	indicators listFlag
	games      *int
	jobs       *int
	seed       *uint64
	params     *string
	difficulty *string
	asJSON     *bool
	asCSV      *bool
	asMD       *bool
	png        *string
	quiet      *bool
}

func addRunFlags(fs *flag.FlagSet, games int, gamesDoc string) *runFlags {
	f := &runFlags{fs: fs}
	fs.Var(&f.strategies, "strategy", "a strategy: an orders file, a strategy id of the scenario, ACTOR=computer:LEVEL, computer (every actor), or several joined by commas (repeat the flag for each strategy)")
	fs.Var(&f.indicators, "indicator", "a variable whose median and 10–90% band by turn are measured (repeatable)")
	f.games = fs.Int("games", games, gamesDoc)
	f.jobs = fs.Int("j", runtime.NumCPU(), "number of games played at once (results do not depend on it)")
	f.seed = fs.Uint64("seed", 0, "seed of the first game; game i has seed+i under every strategy (default: the scenario's seed)")
	f.params = fs.String("params", "stated", "parameter values: stated (the scenario's values) or drawn (each game draws from the ranges, the same draw for every strategy)")
	f.difficulty = fs.String("difficulty", "normal", "how hard the computer players of the actors a strategy does not set try: easy, normal or hard")
	f.asJSON = fs.Bool("json", false, "write the results as JSON")
	f.asCSV = fs.Bool("csv", false, "write the results as one CSV table")
	f.asMD = fs.Bool("md", false, "write the results as Markdown tables")
	f.png = fs.String("png", "", "also write charts as PNG images into this directory")
	f.quiet = fs.Bool("q", false, "no progress bar (drawn only when standard error is a terminal)")
	return f
}

// setup is what the shared flags resolve to.
type setup struct {
	m          *sim.Model
	strategies []options.Strategy
	opt        options.CompareOptions
	bar        *progressBar
}

// resolve checks the shared flags and loads the scenario and strategies;
// on failure it has reported the problem and returns ok false with the
// exit code.
func (f *runFlags) resolve(cmd string, pos []string, minStrategies int, stderr io.Writer) (s setup, code int, ok bool) {
	fail := func(code int, format string, args ...any) (setup, int, bool) {
		fmt.Fprintf(stderr, "sixparty %s: "+format+"\n", append([]any{cmd}, args...)...)
		return setup{}, code, false
	}
	if len(pos) != 1 {
		return fail(exitUsage, "give one scenario")
	}
	if *f.games < 1 || *f.jobs < 1 {
		return fail(exitUsage, "--games and -j must be at least 1")
	}
	if len(f.strategies) < minStrategies {
		return fail(exitUsage, "give at least %d strategies with --strategy", minStrategies)
	}
	formats := 0
	for _, b := range []bool{*f.asJSON, *f.asCSV, *f.asMD} {
		if b {
			formats++
		}
	}
	if formats > 1 {
		return fail(exitUsage, "give at most one of --json, --csv and --md")
	}
	level, err := ai.ParseDifficulty(*f.difficulty)
	if err != nil {
		return fail(exitUsage, "%v", err)
	}
	if *f.params != "stated" && *f.params != "drawn" {
		return fail(exitUsage, "--params is stated or drawn, not %q%s", *f.params, suggest.Hint(*f.params, []string{"stated", "drawn"}))
	}
	m, err := loadScenario(pos[0])
	if err != nil {
		printErr(stderr, err)
		return setup{}, exitFail, false
	}
	s.m = m
	for _, arg := range f.strategies {
		st, err := options.ParseStrategy(m, arg)
		if err != nil {
			var el sim.ErrorList
			if errors.As(err, &el) {
				printErr(stderr, err)
				return setup{}, exitFail, false
			}
			return fail(exitFail, "%v", strings.TrimPrefix(err.Error(), "options: "))
		}
		st.Difficulty = level
		s.strategies = append(s.strategies, st)
	}
	var ids []string
	for _, v := range m.Scenario.Vars {
		ids = append(ids, v.ID)
	}
	for _, id := range f.indicators {
		vi := m.VarIndex(id)
		if vi < 0 {
			return fail(exitUsage, "unknown indicator %q%s", id, suggest.Hint(id, ids))
		}
		s.opt.Indicators = append(s.opt.Indicators, vi)
	}
	s.opt.Games = *f.games
	s.opt.Workers = *f.jobs
	s.opt.Seed = m.Scenario.Meta.Seed
	if isFlagSet(f.fs, "seed") {
		s.opt.Seed = *f.seed
	}
	if *f.params == "drawn" {
		s.opt.Params = drawnParams(m, s.opt.Seed)
	}
	if !*f.quiet && isTerminal(stderr) {
		s.bar = &progressBar{w: stderr, label: cmd}
		s.opt.Progress = s.bar.set
	}
	return s, exitOK, true
}

func runCompare(args []string, stdout, stderr io.Writer) int {
	fs := newFlags(compareCmd, stderr)
	f := addRunFlags(fs, options.DefaultCompareGames, "games per strategy")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	s, code, ok := f.resolve("compare", pos, 2, stderr)
	if !ok {
		return code
	}
	c, err := options.Compare(s.m, s.strategies, s.opt)
	if err != nil {
		fmt.Fprintf(stderr, "sixparty compare: %s\n", strings.TrimPrefix(err.Error(), "options: "))
		return exitFail
	}
	var buf bytes.Buffer
	switch {
	case *f.asJSON:
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		err = enc.Encode(c)
	case *f.asCSV:
		err = c.WriteCSV(&buf)
	default:
		if !*f.asMD {
			fmt.Fprintf(&buf, "%s: %d games per strategy from seed %d, %s parameters, other actors computer-played at %s\n\n", s.m.Scenario.Meta.Title, c.Games, c.Seed, *f.params, *f.difficulty)
		}
		err = options.WriteTables(&buf, c.Tables(s.m), *f.asMD)
	}
	if err == nil {
		err = writeOutputErr(buf.Bytes(), stdout)
	}
	if err == nil && *f.png != "" {
		err = writeCharts(*f.png, options.CompareCharts(s.m, c), stderr, *f.quiet)
	}
	if err != nil {
		fmt.Fprintf(stderr, "sixparty compare: %v\n", err)
		return exitFail
	}
	return exitOK
}

// writeOutputErr writes a command's output to stdout.
func writeOutputErr(data []byte, stdout io.Writer) error {
	_, err := stdout.Write(data)
	return err
}

// writeCharts writes each chart as DIR/NAME.png, creating DIR.
func writeCharts(dir string, charts []options.Chart, stderr io.Writer, quiet bool) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, ch := range charts {
		var buf bytes.Buffer
		if err := ch.WritePNG(&buf); err != nil {
			return err
		}
		path := filepath.Join(dir, ch.File+".png")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			return err
		}
		if !quiet {
			fmt.Fprintf(stderr, "wrote %s\n", path)
		}
	}
	return nil
}

// drawnParams returns, for game i, parameter values drawn from the
// scenario's ranges (sim.DrawParams of the game's seed), the same under
// every strategy.
func drawnParams(m *sim.Model, seed uint64) func(i int) []float64 {
	return func(i int) []float64 { return m.DrawParams(seed + uint64(i)) }
}
