package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/sixparty/sixparty/options"
	"github.com/sixparty/sixparty/sim"
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
	batchGC()
	fs := newFlags(checkCmd, stderr)
	jobs := fs.Int("j", runtime.NumCPU(), "number of games played at once")
	games := fs.Int("games", 0, "play this many games for every check (default: each check's own 'games')")
	quiet := fs.Bool("q", false, "no progress bar (drawn only when standard error is a terminal) or timing on standard error")
	difficulty := fs.String("difficulty", "", "how hard the computer players try in every check: easy, normal or hard; 'all' measures every check at each (default: each check's own 'difficulty', else easy)")
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
	var forced []ai.Difficulty // the difficulties every check is measured at; nil: each its own
	switch *difficulty {
	case "":
	case "all":
		forced = ai.Difficulties
	default:
		level, err := ai.ParseDifficulty(*difficulty)
		if err != nil {
			fmt.Fprintf(stderr, "sixparty check: %v\n", err)
			return exitUsage
		}
		forced = []ai.Difficulty{level}
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
	// The difficulties to play, and which checks each measures.
	own := func(ck *sim.Check) ai.Difficulty {
		d, err := ai.ParseDifficulty(ck.Difficulty)
		if err != nil {
			return ai.Easy // none stated (Compile refuses any other word)
		}
		return d
	}
	levels := forced
	if levels == nil {
		for _, d := range ai.Difficulties {
			for ci := range m.Scenario.Checks {
				if own(&m.Scenario.Checks[ci]) == d {
					levels = append(levels, d)
					break
				}
			}
		}
	}
	// Lines say their difficulty when checks are measured at more than
	// one, or at one that a check does not state.
	label := len(levels) > 1
	for ci := range m.Scenario.Checks {
		label = label || m.Scenario.Checks[ci].Difficulty != "" && own(&m.Scenario.Checks[ci]) != levels[0]
	}
	status := exitOK
	for _, level := range levels {
		opt := options.PlayOptions{Workers: *jobs, Difficulty: level}
		var bar *progressBar
		if !*quiet && isTerminal(stderr) {
			bar = &progressBar{w: stderr, label: "check"}
			if len(levels) > 1 {
				bar.label += " " + level.String()
			}
			opt.Progress = bar.set
		}
		start := time.Now()
		played := options.Play(m, n, opt)
		elapsed := time.Since(start)
		if !*quiet {
			at := ""
			if len(levels) > 1 {
				at = " at " + level.String()
			}
			fmt.Fprintf(stderr, "%d games%s in %.2fs: %.0f games/s on %d workers\n", n, at, elapsed.Seconds(), float64(n)/elapsed.Seconds(), min(*jobs, n))
		}
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
			fmt.Fprintf(stdout, "FAIL %d of %d games at %s stopped on an error\n", failed, n, level)
			status = exitFail
		}
		for ci, r := range options.Measure(m, played, *games > 0) {
			stated := own(&m.Scenario.Checks[ci]) == level
			if forced == nil && !stated {
				continue // measured at its own difficulty only
			}
			line := r.String()
			if label {
				line = "[" + level.String() + "] " + line
				if forced != nil && len(forced) > 1 && !stated {
					line += " (not its difficulty: not counted)"
				}
			}
			fmt.Fprintln(stdout, line)
			// With 'all', a check fails only at the difficulty it states.
			if !r.Pass && (len(forced) <= 1 || stated) {
				status = exitFail
			}
		}
	}
	return status
}

// batchGC has the garbage collector run a quarter as often (GOGC=400)
// in the commands that play many games, unless GOGC is set. Measured on
// this 2-core machine: 'check' of 300 games of the default scenario with
// -j 2 took 6.2–6.9 s of CPU at the default against 4.9–5.5 s, and
// 'compare' of 2 × 100 games 6.7–7.7 s against 5.6–5.7 s, for 35–60 MB
// of memory instead of 18–22 MB. 'validate' too, which plays as many
// games and loads large files: 'validate --games 0' of a scenario 100
// times the default took 0.72–0.88 s of CPU (median 0.79) against
// 0.83–0.98 s (0.92), for 265 MB of memory instead of 205–255 MB. The
// games' results are the same.
func batchGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
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
