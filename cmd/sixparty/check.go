package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/sixparty/sixparty/options"
	"github.com/sixparty/sixparty/sim/ai"
)

var checkCmd = command{
	name:    "check",
	summary: "Play many seeded computer-played games on all cores and measure the scenario's balance checks.",
	usage:   "FILE|NAME",
}

func init() {
	checkCmd.run = runCheck
	register(checkCmd)
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags(checkCmd, stderr)
	jobs := fs.Int("j", runtime.NumCPU(), "number of games played at once")
	games := fs.Int("games", 0, "play this many games for every check (default: each check's own 'games')")
	quiet := fs.Bool("q", false, "no progress bar (drawn only when standard error is a terminal) or timing on standard error")
	difficulty := fs.String("difficulty", "easy", "how hard the computer players try: easy, normal or hard")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "sixparty check: give one scenario")
		fs.Usage()
		return exitUsage
	}
	if *jobs < 1 || *games < 0 {
		fmt.Fprintln(stderr, "sixparty check: -j must be at least 1 and -games at least 0")
		return exitUsage
	}
	level, err := ai.ParseDifficulty(*difficulty)
	if err != nil {
		fmt.Fprintf(stderr, "sixparty check: %v\n", err)
		return exitUsage
	}
	m, err := loadScenario(pos[0])
	if err != nil {
		printErr(stderr, err)
		return exitFail
	}
	if len(m.Scenario.Checks) == 0 {
		fmt.Fprintf(stdout, "%s: no checks\n", pos[0])
		return exitOK
	}
	n := *games
	if n == 0 {
		n = options.GamesNeeded(m)
	}
	opt := options.PlayOptions{Workers: *jobs, Difficulty: level}
	var bar *progressBar
	if !*quiet && isTerminal(stderr) {
		bar = &progressBar{w: stderr, label: "check"}
		opt.Progress = bar.set
	}
	start := time.Now()
	played := options.Play(m, n, opt)
	elapsed := time.Since(start)
	if !*quiet {
		fmt.Fprintf(stderr, "%d games in %.2fs: %.0f games/s on %d workers\n", n, elapsed.Seconds(), float64(n)/elapsed.Seconds(), min(*jobs, n))
	}
	status := exitOK
	failed := 0
	for _, g := range played {
		if g.Err != nil {
			if failed == 0 {
				fmt.Fprintf(stderr, "sixparty check: %v\n", g.Err)
			}
			failed++
		}
	}
	if failed > 0 {
		fmt.Fprintf(stdout, "FAIL %d of %d games stopped on an error\n", failed, n)
		status = exitFail
	}
	for _, r := range options.Measure(m, played, *games > 0) {
		fmt.Fprintln(stdout, r)
		if !r.Pass {
			status = exitFail
		}
	}
	return status
}

// isTerminal reports whether w, a command's standard error, is a terminal
// (a character device), where a progress bar redrawn with carriage
// returns belongs; in a file or a pipe it would be noise. Tests replace it.
var isTerminal = func(w io.Writer) bool {
	if o, ok := w.(output); ok {
		w = o.Writer
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progressBar draws a one-line progress bar, redrawn only when the shown
// percentage changes.
type progressBar struct {
	w     io.Writer
	label string
	last  int
}

const barWidth = 30

func (p *progressBar) set(done, total int) {
	pct := 100 * done / max(total, 1)
	if pct == p.last && done != total {
		return
	}
	p.last = pct
	fill := barWidth * done / max(total, 1)
	fmt.Fprintf(p.w, "\r%s [%s%s] %3d%% %d/%d", p.label, strings.Repeat("#", fill), strings.Repeat(".", barWidth-fill), pct, done, total)
	if done == total {
		fmt.Fprintln(p.w)
	}
}
