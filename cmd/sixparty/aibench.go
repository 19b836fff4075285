package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/sixparty/sixparty/options"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

var aibenchCmd = command{
	name:    "aibench",
	summary: "Measure the computer players: strength (hard against easy, paired by seed) and variety (all-computer games at normal).",
	usage:   "[FILE|NAME]",
}

func init() {
	aibenchCmd.run = runAIBench
	register(aibenchCmd)
}

// benchGame is what one measured game gives.
type benchGame struct {
	outcome string
	scores  []float64
	orders  []string // per actor: its orders on every turn, as one key
	steps   [3]int   // engine turns simulated per difficulty
	calls   [3]int   // decisions per difficulty
	err     error
}

// playBench plays one all-computer game with the given difficulty per
// actor.
func playBench(m *sim.Model, seed uint64, diff []ai.Difficulty) benchGame {
	g := sim.NewGame(m, seed)
	n := len(m.Scenario.Actors)
	computer := make([]bool, n)
	for i := range computer {
		computer[i] = true
	}
	r := benchGame{orders: make([]string, n)}
	keys := make([]strings.Builder, n)
	for !g.Over() {
		o, c := sim.Orders{}, sim.Choices{}
		decs := ai.Fill(g, diff, computer, o, c)
		for i, a := range m.Scenario.Actors {
			d := decs[a.ID]
			r.steps[diff[i]] += d.Steps
			r.calls[diff[i]]++
			for _, li := range m.ActorLevers(i) {
				fmt.Fprintf(&keys[i], "%d", d.Orders[m.Scenario.Levers[li].ID])
			}
			keys[i].WriteByte('|')
		}
		if _, err := g.Play(o, c); err != nil {
			r.err = fmt.Errorf("seed %d, turn %d: %v", seed, g.Turn(), err)
			return r
		}
	}
	if o := g.Outcome(); o != nil {
		r.outcome = o.ID
	}
	scores, err := g.Scores()
	if err != nil {
		r.err = fmt.Errorf("seed %d: %v", seed, err)
		return r
	}
	r.scores = scores
	for i := range keys {
		r.orders[i] = keys[i].String()
	}
	return r
}

// runAll plays every game of specs on jobs goroutines (options.Pool);
// results keep the order of specs.
func runAll(m *sim.Model, specs []benchSpec, jobs int) []benchGame {
	out, _ := options.Pool(len(specs), max(1, jobs), func(_, i int) benchGame {
		return playBench(m, specs[i].seed, specs[i].diff)
	}, nil, nil)
	return out
}

type benchSpec struct {
	seed uint64
	diff []ai.Difficulty
}

func runAIBench(args []string, stdout, stderr io.Writer) int {
	fs := newFlags(aibenchCmd, stderr)
	strength := fs.Int("strength", 200, "seeds per actor for the strength table (0 skips it)")
	variety := fs.Int("variety", 100, "seeds for the variety table (0 skips it)")
	first := fs.Uint64("first-seed", 1, "first seed; games use consecutive seeds from it")
	jobs := fs.Int("jobs", 2, "games played at once")
	versus := fs.String("versus", "easy", "difficulty the hard player is measured against: easy or normal")
	only := fs.String("actors", "", "comma-separated actor ids to measure strength for (default: every actor)")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if *strength < 0 || *variety < 0 || *jobs < 1 {
		fmt.Fprintln(stderr, "sixparty aibench: -strength and -variety must be at least 0, -jobs at least 1")
		return exitUsage
	}
	m, code, ok := scenarioArg("aibench", pos, stderr)
	if !ok {
		return code
	}
	weak, err := ai.ParseDifficulty(*versus)
	if err != nil || weak == ai.Hard {
		fmt.Fprintf(stderr, "sixparty aibench: -versus must be easy or normal, not %q\n", *versus)
		return exitUsage
	}
	measured := make([]bool, len(m.Scenario.Actors))
	for i := range measured {
		measured[i] = *only == ""
	}
	if *only != "" {
		for _, id := range strings.Split(*only, ",") {
			i := m.ActorIndex(strings.TrimSpace(id))
			if i < 0 {
				fmt.Fprintf(stderr, "sixparty aibench: no actor %q in %s\n", id, m.Scenario.Meta.ID)
				return exitUsage
			}
			measured[i] = true
		}
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	actors := m.Scenario.Actors
	n := len(actors)
	fmt.Fprintf(out, "Computer players on %s (%s, %d actors, %d turns)\n\n", m.Scenario.Meta.Title, m.Scenario.Meta.ID, n, m.Scenario.Meta.Turns)

	fmt.Fprintln(out, "Budgets")
	fmt.Fprintf(out, "  %-8s %7s %6s %6s %9s %9s %10s %9s %6s\n", "level", "horizon", "worlds", "screen", "finalists", "opponents", "candidates", "max steps", "lapse")
	for _, d := range ai.Difficulties {
		b := d.Budget()
		opp := "repeat"
		if b.Opponents {
			opp = "predicted"
		}
		fmt.Fprintf(out, "  %-8s %7d %6d %6d %9d %9s %10d %9d %6.2f\n", d, b.Horizon, b.Samples, b.Screen, b.Finalists, opp, b.MaxCandidates, b.MaxSteps, b.Lapse)
	}
	fmt.Fprintln(out)

	var steps, calls [3]int
	// Games that stop on an error are left out of the tables, counted,
	// and make the command fail.
	played, failed := 0, 0
	var firstErr error
	tally := func(r benchGame) {
		played++
		for d := range steps {
			steps[d] += r.steps[d]
			calls[d] += r.calls[d]
		}
		if r.err != nil {
			if failed == 0 {
				firstErr = r.err
			}
			failed++
		}
	}

	if *strength > 0 {
		var specs []benchSpec
		var who []int
		for ai0 := range n {
			if !measured[ai0] {
				continue
			}
			who = append(who, ai0)
			for k := range *strength {
				for _, d := range []ai.Difficulty{ai.Hard, weak} {
					diff := make([]ai.Difficulty, n)
					for i := range diff {
						diff[i] = ai.Normal
					}
					diff[ai0] = d
					specs = append(specs, benchSpec{seed: *first + uint64(k), diff: diff})
				}
			}
		}
		res := runAll(m, specs, *jobs)
		goal := "goal: hard higher in at least 65%"
		if weak != ai.Easy {
			goal = "no goal set"
		}
		fmt.Fprintf(out, "Strength: one actor hard, then %s, the others normal; %d seeds each, paired by seed (%s)\n", weak, *strength, goal)
		fmt.Fprintf(out, "  %-20s %11s %6s %11s %7s %10s %11s %s\n", "actor", "hard>"+weak.String(), "ties", weak.String()+">hard", "share", "mean hard", "mean "+weak.String(), "")
		for j, ai0 := range who {
			a := actors[ai0]
			win, tie, loss := 0, 0, 0
			sh, se := 0.0, 0.0
			for k := range *strength {
				h, e := res[(j**strength+k)*2], res[(j**strength+k)*2+1]
				tally(h)
				tally(e)
				if h.err != nil || e.err != nil {
					continue
				}
				hs, es := h.scores[ai0], e.scores[ai0]
				sh += hs
				se += es
				switch {
				case hs > es+1e-9:
					win++
				case es > hs+1e-9:
					loss++
				default:
					tie++
				}
			}
			counted := float64(max(1, win+tie+loss))
			share := float64(win) / counted
			verdict := "ok"
			switch {
			case weak != ai.Easy:
				verdict = ""
			case share < 0.65:
				verdict = "below goal"
			}
			fmt.Fprintf(out, "  %-20s %11d %6d %11d %6.1f%% %10.3f %11.3f %s\n", a.Name, win, tie, loss, 100*share, sh/counted, se/counted, verdict)
		}
		fmt.Fprintln(out)
	}

	if *variety > 0 {
		var specs []benchSpec
		for k := range *variety {
			diff := make([]ai.Difficulty, n)
			for i := range diff {
				diff[i] = ai.Normal
			}
			specs = append(specs, benchSpec{seed: *first + uint64(k), diff: diff})
		}
		res := runAll(m, specs, *jobs)
		counts := map[string]int{}
		ok := 0
		for _, r := range res {
			tally(r)
			if r.err == nil {
				counts[r.outcome]++
				ok++
			}
		}
		counted := float64(max(1, ok))
		fmt.Fprintf(out, "Variety: %d all-computer games at normal (goal: at least 2 outcomes; every actor's orders differ between some games)\n", *variety)
		wide := len("outcome")
		for _, o := range m.Scenario.Outcomes {
			wide = max(wide, len(o.Name))
		}
		fmt.Fprintf(out, "  %-*s %6s %7s\n", wide, "outcome", "games", "share")
		distinct := 0
		for _, o := range m.Scenario.Outcomes {
			if c := counts[o.ID]; c > 0 {
				distinct++
				fmt.Fprintf(out, "  %-*s %6d %6.1f%%\n", wide, o.Name, c, 100*float64(c)/counted)
			}
		}
		verdict := "ok"
		if distinct < 2 {
			verdict = "below goal"
		}
		fmt.Fprintf(out, "  %d different outcomes: %s\n", distinct, verdict)
		fmt.Fprintf(out, "  %-20s %9s %12s %s\n", "actor", "distinct", "most common", "")
		for ai0, a := range actors {
			seqs := map[string]int{}
			for _, r := range res {
				if r.err == nil {
					seqs[r.orders[ai0]]++
				}
			}
			top := 0
			for _, c := range seqs {
				top = max(top, c)
			}
			verdict := "ok"
			if len(seqs) < 2 {
				verdict = "same orders in every game"
			}
			fmt.Fprintf(out, "  %-20s %9d %11.1f%% %s\n", a.Name, len(seqs), 100*float64(top)/counted, verdict)
		}
		fmt.Fprintln(out, "  (distinct: different sequences of orders over a whole game; most common: share of games playing the commonest one)")
		fmt.Fprintln(out)
	}

	if calls != [3]int{} {
		fmt.Fprintln(out, "Engine turns simulated per decision")
		for _, d := range ai.Difficulties {
			if calls[d] > 0 {
				fmt.Fprintf(out, "  %-8s %8.0f  (%d decisions)\n", d, float64(steps[d])/float64(calls[d]), calls[d])
			}
		}
	}
	if failed > 0 {
		out.Flush()
		fmt.Fprintf(stderr, "sixparty aibench: %d of %d games stopped on an error and are left out of the tables; the first: %v\n", failed, played, firstErr)
		return exitFail
	}
	return exitOK
}
