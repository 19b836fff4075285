package options

// This file plays many seeded computer-played games of a scenario on all
// cores and measures its balance checks (the 'checks:' of the scenario):
// the share of games that end in an outcome, or in which a condition holds
// after a given turn. Results never depend on scheduling: game i always
// has the seed Seed(m, i) and lands in slot i.

import (
	"fmt"

	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// DefaultGames is the number of games a check plays when it does not say.
const DefaultGames = 200

// Game is what the harness keeps of one computer-played game.
type Game struct {
	// Seed is the game's seed.
	Seed uint64
	// Outcome is the index of the outcome that ended the game, or -1 if it
	// stopped on an error.
	Outcome int
	// Turns is the number of turns played.
	Turns int
	// Fired marks the events that fired, in the scenario's order.
	Fired []bool
	// Checks holds, per check of the scenario, whether it held in this
	// game (for outcome checks, whether the game ended in that outcome).
	Checks []bool
	// Err is the error that stopped the game early, if any.
	Err error
}

// CheckError is a fault met evaluating check Check's 'expect' condition
// on game Game, which played to its end: the game itself did not fault.
// Err is the fault, an *sim.EvalError when it is one of the condition.
type CheckError struct {
	Game  int
	Seed  uint64
	Check int
	Name  string
	Err   error
}

func (e *CheckError) Error() string {
	return fmt.Sprintf("game %d (seed %d): check %q: %v", e.Game, e.Seed, e.Name, e.Err)
}

func (e *CheckError) Unwrap() error { return e.Err }

// PlayOptions controls a run of computer-played games.
type PlayOptions struct {
	// Workers is the number of games played at once; 0 means one per CPU.
	Workers int
	// Difficulty is how hard every computer player tries; the zero value
	// is ai.Easy, the fastest.
	Difficulty ai.Difficulty
	// Explore, when set, has every actor give random legal orders
	// (ai.Explore) instead, to reach what sensible players avoid.
	Explore bool
	// Progress, if not nil, is called after each game with the number of
	// games finished and the total. Calls are serialised, with done
	// increasing.
	Progress func(done, total int)
	// Stop, if not nil, is asked before each game but the first is
	// started (see Pool); once it returns true no more games start.
	Stop func() bool
}

// Seed returns the seed of game i of scenario m: the scenario's seed plus
// i.
func Seed(m *sim.Model, i int) uint64 { return m.Scenario.Meta.Seed + uint64(i) }

// PlayOne plays game i of m to its end, every actor computer-played at
// difficulty d, and evaluates the scenario's checks on it.
func PlayOne(m *sim.Model, i int, d ai.Difficulty) Game {
	return playOne(m, i, PlayOptions{Difficulty: d}, nil)
}

func playOne(m *sim.Model, i int, opt PlayOptions, w *Worker) Game {
	seed := Seed(m, i)
	g := sim.NewGame(m, seed)
	st := Strategy{}
	if opt.Explore {
		st.explore = true
	}
	res := Game{Seed: seed, Outcome: -1}
	if err := playOut(g, &st, opt.Difficulty, w); err != nil {
		res.Err = fmt.Errorf("game %d (seed %d): %w", i, seed, err)
	}
	last := g.State()
	res.Outcome = last.Outcome
	res.Turns = len(g.History()) - 1
	res.Fired = append([]bool(nil), last.Fired...)
	res.Checks = make([]bool, len(m.Scenario.Checks))
	hist := g.History()
	for ci, ck := range m.Scenario.Checks {
		s := last
		if ck.Expect.Src != "" && ck.Turn > 0 && ck.Turn < len(hist) {
			s = hist[ck.Turn]
		}
		ok, err := m.CheckHolds(ci, s)
		if err != nil && res.Err == nil {
			res.Err = &CheckError{Game: i, Seed: seed, Check: ci, Name: ck.Name, Err: err}
		}
		res.Checks[ci] = ok
	}
	return res
}

// Play plays games 0 to n-1 of m on opt.Workers goroutines, each with its
// own sim.Game, and returns them in order.
func Play(m *sim.Model, n int, opt PlayOptions) []Game { return PlayFrom(m, 0, n, opt) }

// PlayFrom plays the n games first to first+n-1 of m, like Play; game
// first+k is at index k of the result. When opt.Stop stops the run, the
// result holds only the games before the first that was not played, so
// it is always games first to first+len-1.
func PlayFrom(m *sim.Model, first, n int, opt PlayOptions) []Game {
	workers := make([]Worker, Workers(opt.Workers, n))
	out, ran := Pool(n, opt.Workers, func(w, i int) Game {
		return playOne(m, first+i, opt, &workers[w])
	}, opt.Stop, opt.Progress)
	for i, r := range ran {
		if !r {
			return out[:i]
		}
	}
	return out
}

// CheckResult is the measure of one check.
type CheckResult struct {
	// Check is the check as written.
	Check *sim.Check
	// Games is the number of games measured and Hits the number in which
	// the check held.
	Games, Hits int
	// Share is Hits/Games.
	Share float64
	// Pass reports whether Share is within the check's [low, high].
	Pass bool
}

// String describes the result on one line, for example
// `PASS negotiation ends 10–60%: 23.5% of 200 games (allowed 10.0%–60.0%)`.
func (r CheckResult) String() string {
	verdict := "PASS"
	if !r.Pass {
		verdict = "FAIL"
	}
	return fmt.Sprintf("%s %s: %.1f%% of %d games (allowed %.1f%%–%.1f%%)", verdict, r.Name(), 100*r.Share, r.Games, 100*r.Check.Share[0], 100*r.Check.Share[1])
}

// Name returns the check's name, or a description of it if it has none.
func (r CheckResult) Name() string {
	c := r.Check
	switch {
	case c.Name != "":
		return c.Name
	case c.Outcome != "":
		return "outcome " + c.Outcome
	case c.Turn > 0:
		return fmt.Sprintf("%s after turn %d", c.Expect.Src, c.Turn)
	}
	return c.Expect.Src + " at the end"
}

// GamesNeeded returns the number of games the scenario's checks ask for:
// the largest 'games' among them (DefaultGames where one gives none).
func GamesNeeded(m *sim.Model) int {
	n := 0
	for _, c := range m.Scenario.Checks {
		n = max(n, gamesOf(&c))
	}
	return n
}

func gamesOf(c *sim.Check) int {
	if c.Games > 0 {
		return c.Games
	}
	return DefaultGames
}

// Measure measures every check of m on games (game i being game i of
// m). Each check uses the first 'games' games it asks for, or all of them
// when override is set or fewer were played.
func Measure(m *sim.Model, games []Game, override bool) []CheckResult {
	out := make([]CheckResult, len(m.Scenario.Checks))
	for ci := range m.Scenario.Checks {
		c := &m.Scenario.Checks[ci]
		n := len(games)
		if !override {
			n = min(n, gamesOf(c))
		}
		r := CheckResult{Check: c, Games: n}
		for _, g := range games[:n] {
			if g.Checks[ci] {
				r.Hits++
			}
		}
		if n > 0 {
			r.Share = float64(r.Hits) / float64(n)
		}
		r.Pass = n > 0 && len(c.Share) == 2 && r.Share >= c.Share[0]-1e-12 && r.Share <= c.Share[1]+1e-12
		out[ci] = r
	}
	return out
}
