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
	overrides  paramFlags
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

// addRunFlags adds the shared flags to fs; compare's own (--indicator and
// --params) only when compare is set.
func addRunFlags(fs *flag.FlagSet, compare bool, games int, gamesDoc string) *runFlags {
	f := &runFlags{fs: fs}
	fs.Var(&f.strategies, "strategy", "a strategy: an orders file, a strategy id of the scenario, ACTOR=computer:LEVEL, ACTOR=doctrine:FILE, computer (every actor), or several joined by commas (repeat the flag for each strategy)")
	stated := "stated"
	f.params = &stated
	if compare {
		fs.Var(&f.indicators, "indicator", "a variable whose median and 10–90% band by turn are measured (repeatable)")
		f.params = fs.String("params", "stated", "parameter values: stated (the scenario's values) or drawn (each game draws from the ranges, the same draw for every strategy)")
		fs.Var(&f.overrides, "param", "set a parameter in every game, as ID=VALUE (repeatable; applied after --params)")
	}
	f.games = fs.Int("games", games, gamesDoc)
	f.jobs = fs.Int("j", runtime.NumCPU(), "number of games played at once (results do not depend on it)")
	f.seed = fs.Uint64("seed", 0, "seed of the first game; game i has seed+i under every strategy (default: the scenario's seed)")
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
	m, err := loadScenario(pos[0])
	if err != nil {
		printErr(stderr, err)
		return setup{}, exitFail, false
	}
	s.m = m
	seed := m.Scenario.Meta.Seed
	if isFlagSet(f.fs, "seed") {
		seed = *f.seed
	}
	// The parameters' mode and overrides, checked once (run's rules and
	// messages); then each game's set-up from its own seed.
	if _, code, ok := paramSetup(cmd, m, *f.params, f.overrides, seed, stderr); !ok {
		return setup{}, code, false
	}
	if *f.params != "stated" || len(f.overrides) > 0 {
		mode, overrides := *f.params, f.overrides
		s.opt.Params = func(i int) []float64 {
			st, _, _ := paramSetup(cmd, m, mode, overrides, seed+uint64(i), io.Discard)
			return st.Params
		}
	}
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
	s.opt.Seed = seed
	if !*f.quiet && isTerminal(stderr) {
		s.bar = &progressBar{w: stderr, label: cmd}
		s.opt.Progress = s.bar.set
	}
	return s, exitOK, true
}

func runCompare(args []string, stdout, stderr io.Writer) int {
	batchGC()
	fs := newFlags(compareCmd, stderr)
	f := addRunFlags(fs, true, options.DefaultCompareGames, "games per strategy")
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
	c.Params, c.Difficulty, c.Set = *f.params, *f.difficulty, f.overrides
	head := ""
	if !*f.asMD {
		params := *f.params + " parameters"
		if len(f.overrides) > 0 {
			params += " with " + strings.Join(f.overrides, ", ")
		}
		head = fmt.Sprintf("%s: %d games per strategy from seed %d, %s, other actors computer-played at %s\n\n", s.m.Scenario.Meta.Title, c.Games, c.Seed, params, *f.difficulty)
	}
	return f.write("compare", stdout, stderr, c, c.WriteCSV, head, func() []options.Table { return c.Tables(s.m) },
		func() []options.Chart { return options.CompareCharts(s.m, c) })
}

// write writes a compare or sensitivity result v to stdout as the flags
// ask: JSON, CSV (writeCSV), or head and the tables as text or Markdown;
// then the charts as PNGs when --png is given. It returns the exit code.
func (f *runFlags) write(cmd string, stdout, stderr io.Writer, v any, writeCSV func(io.Writer) error, head string, tables func() []options.Table, charts func() []options.Chart) int {
	var buf bytes.Buffer
	var err error
	switch {
	case *f.asJSON:
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		err = enc.Encode(v)
	case *f.asCSV:
		err = writeCSV(&buf)
	default:
		buf.WriteString(head)
		err = options.WriteTables(&buf, tables(), *f.asMD)
	}
	if err == nil {
		err = writeOutputErr(buf.Bytes(), stdout)
	}
	if err == nil && *f.png != "" {
		err = writeCharts(*f.png, charts(), stderr, *f.quiet)
	}
	if err != nil {
		fmt.Fprintf(stderr, "sixparty %s: %v\n", cmd, err)
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
