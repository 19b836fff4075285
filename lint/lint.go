// Package lint finds what loading cannot: faults met in play (a division
// by zero, a value that is not a finite number), which are errors, and
// what is legal but probably a mistake: a variable nothing reads or
// changes, a lever with no effect, an actor with no levers, and events
// and outcomes that never happen in many computer-played games.
// 'sixparty validate' prints its errors as file:line:col: message and its
// warnings as file:line:col: warning: message.
package lint

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/sixparty/sixparty/options"
	"github.com/sixparty/sixparty/sim"
)

// Warning is a likely mistake at a position of the scenario file.
type Warning struct {
	Pos sim.Pos
	Msg string
}

// String formats the warning as file:line:col: warning: message.
func (w Warning) String() string { return w.Pos.String() + ": warning: " + w.Msg }

// DefaultGames is how many games Check plays to find faults, and events
// and outcomes that never happen.
const DefaultGames = 300

// MaxTurnsPlayed bounds the turns Check plays in all: a scenario of many
// turns is played in fewer games (at least one), and Check says so.
const MaxTurnsPlayed = 12_000

// DefaultBudget is how long Check goes on starting games; it stops after
// the games under way when the time is up, and says so.
const DefaultBudget = 20 * time.Second

// Options controls Check.
type Options struct {
	// Games is the number of seeded computer-played games to play; 0
	// means DefaultGames, and a negative number plays none (only the
	// static checks run).
	Games int
	// Workers is the number of games played at once; 0 means one per CPU.
	Workers int
	// Budget is how long Check may go on starting games; 0 means
	// DefaultBudget and a negative value no limit.
	Budget time.Duration
}

// Result is what Check finds in a scenario.
type Result struct {
	// Errors are the faults met in the games played (a division by zero,
	// a value that is not a finite number...), one per formula and
	// message, at the formula's position, with the turn and seed of the
	// first game that met it. A scenario with errors does not play.
	Errors sim.ErrorList
	// Warnings are likely mistakes, sorted by position. When games
	// faulted, the warnings about events and outcomes that never happen
	// are left out: they would only repeat the fault.
	Warnings []Warning
	// Notes say how the games were limited, if they were: fewer games
	// because the scenario has many turns, or a stop at the time budget.
	Notes []string
	// Games is the number of games played.
	Games int
}

// Check finds the mistakes in m that loading cannot: it runs Static, then
// plays games as opt says, reporting every fault met as an error and,
// when no game faulted, the events and outcomes that never happened
// (Unfired).
func Check(m *sim.Model, opt Options) Result {
	reads := readsOf(m.Scenario, m.ExprNames)
	res := Result{Warnings: static(m, reads)}
	res.Warnings = withParams(m, reads, res.Warnings)
	n := opt.Games
	if n == 0 {
		n = DefaultGames
	}
	if n <= 0 {
		return res
	}
	turns := max(m.Scenario.Meta.Turns, 1)
	if limit := max(1, MaxTurnsPlayed/turns); n > limit {
		res.Notes = append(res.Notes, fmt.Sprintf("played %d games, not %d: at %d turns a game, validate plays at most %d turns", limit, n, turns, MaxTurnsPlayed))
		n = limit
	}
	budget := opt.Budget
	if budget == 0 {
		budget = DefaultBudget
	}
	var deadline time.Time
	if budget > 0 {
		deadline = time.Now().Add(budget)
	}
	games, stopped := play(m, n, opt.Workers, deadline)
	res.Games = len(games)
	if stopped {
		res.Notes = append(res.Notes, fmt.Sprintf("stopped after %v: played %d of %d games", budget, len(games), n))
	}
	if ev, oc := unreached(m, games); len(ev)+len(oc) > 0 && len(faults(m, games)) == 0 {
		// Outcomes and events marked rare: random legal orders may
		// reach them (lint/rare.go).
		games = append(games, rare(m, games, opt.Workers, deadline)...)
		res.Games = len(games)
	}
	res.Errors = faults(m, games)
	if len(res.Errors) == 0 {
		res.Warnings = append(res.Warnings, Unfired(m, games)...)
	}
	sortWarnings(res.Warnings)
	return res
}

func at(fields map[string]sim.Pos, field string, pos sim.Pos) sim.Pos {
	if p, ok := fields[field]; ok {
		return p
	}
	return pos
}

// batch is how many games play selects between looks at what has fired.
const batch = 50

// play plays up to n games of m, in batches, and stops early once a game
// has faulted (Check then reports the faults and nothing that depends on
// the games), or, after at least one batch of each kind, once every event
// has fired and every outcome has happened: Unfired then has nothing to
// say, exactly as after all n games. Batches alternate between computer
// players at easy, who play the way players might, random legal orders
// (ai.Explore), which reach what sensible players avoid, and, when the
// scenario declares strategies, those strategies over parameters drawn
// from their ranges (options.PlayOptions.Declared). No game
// but the first is started after deadline (if it is not zero); stopped
// reports that some were left out for it.
func play(m *sim.Model, n, workers int, deadline time.Time) (games []options.Game, stopped bool) {
	var stop func() bool
	if !deadline.IsZero() {
		stop = func() bool { return time.Now().After(deadline) }
	}
	for b := 0; len(games) < n; b++ {
		k := min(batch, n-len(games))
		first := len(games)
		opt := options.PlayOptions{Workers: workers, Explore: b%2 == 1, Stop: stop}
		if len(m.Scenario.Strategies) > 0 {
			// A third kind of batch: the scenario's declared strategies
			// over drawn parameters.
			opt.Explore, opt.Declared = b%3 == 1, b%3 == 2
		}
		// Pool asks Stop before every game of a batch but its first;
		// a batch after the first asks before its first too.
		if first > 0 && stop != nil && stop() {
			return games, true
		}
		got := options.PlayFrom(m, first, k, opt)
		games = append(games, got...)
		if len(got) < k {
			return games, true
		}
		// Stop on a fault, or when Unfired has nothing left to say, but
		// not before a batch of random orders: computer players may never
		// pull a lever to a level whose effects fault (and then every
		// event may have fired already in the first batch).
		if len(faults(m, games)) > 0 || b >= kinds(m)-1 && len(Unfired(m, games)) == 0 {
			break
		}
	}
	return games, false
}

// kinds is the number of kinds of batch play alternates between:
// computer players and random orders, and declared strategies if the
// scenario has any.
func kinds(m *sim.Model) int {
	if len(m.Scenario.Strategies) > 0 {
		return 3
	}
	return 2
}

// faults returns an error for each fault met in games (game i being game
// i of play): one per position and message, with how many games met it
// and the turn and seed of the first, preferring a game of computer
// players (which 'sixparty run' replays) to one of random orders.
func faults(m *sim.Model, games []options.Game) sim.ErrorList {
	type first struct {
		g       *options.Game
		index   int // of g in games
		turn    int
		check   bool // met evaluating a balance check, after the game
		count   int
		explore bool
	}
	met := map[sim.Error]*first{}
	var order []sim.Error
	file := m.Scenario.Pos.File
	for i := range games {
		g := &games[i]
		if g.Err == nil {
			continue
		}
		key := sim.Error{Pos: sim.Pos{File: file}, Msg: g.Err.Error()}
		turn := 0
		var ee *sim.EvalError
		if errors.As(g.Err, &ee) {
			key = sim.Error{Pos: ee.Pos, Msg: ee.Msg}
			turn = ee.Turn
		}
		explore := explored(i)
		var ce *options.CheckError
		f, ok := met[key]
		if !ok {
			f = &first{g: g, index: i, turn: turn, explore: explore, check: errors.As(g.Err, &ce)}
			met[key] = f
			order = append(order, key)
		} else if f.explore && !explore {
			f.g, f.index, f.turn, f.explore = g, i, turn, false
		}
		f.count++
	}
	var errs sim.ErrorList
	for _, key := range order {
		f := met[key]
		where := fmt.Sprintf("seed %d", f.g.Seed)
		if f.turn > 0 {
			where = fmt.Sprintf("turn %d, seed %d", f.turn, f.g.Seed)
		}
		how := fmt.Sprintf("computer players at easy: reproduce with 'sixparty run %s --seed %d --difficulty easy'", file, f.g.Seed)
		switch {
		case f.explore && f.check:
			how = "random legal orders, which 'sixparty check' does not play"
		case f.explore:
			how = "random legal orders, which 'sixparty run' does not play"
		case f.check:
			// 'sixparty check' plays games 0 to n-1 from the scenario's
			// seed and evaluates the checks on them; 'run' evaluates none.
			how = fmt.Sprintf("computer players at easy, evaluating the balance checks: reproduce with 'sixparty check %s --games %d'", file, f.index+1)
		}
		errs.Add(key.Pos, "%s (in %d of %d games; first on %s, %s)", key.Msg, f.count, len(games), where, how)
	}
	errs.Sort()
	return errs
}

// explored reports whether game i of play was one of random legal orders:
// play alternates batches, the odd ones exploring.
func explored(i int) bool { return i/batch%2 == 1 }

// Static returns the warnings found without playing: variables nothing
// reads or changes, levers with no effect and actors with no levers.
func Static(m *sim.Model) []Warning { return static(m, readsOf(m.Scenario, m.ExprNames)) }

// static is Static, with what the expressions read already found.
func static(m *sim.Model, reads reads) []Warning {
	s := m.Scenario
	written := map[string]bool{}
	addEffects := func(list []sim.Effect) {
		for _, e := range list {
			written[e.Target] = true
		}
	}
	for _, l := range s.Levers {
		addEffects(l.Effects)
	}
	for _, r := range s.Rules {
		written[r.Target] = true
	}
	for _, ev := range s.Events {
		addEffects(ev.Effects)
		if ev.Choice != nil {
			for _, o := range ev.Choice.Options {
				addEffects(o.Effects)
				for _, b := range o.Binds {
					addEffects(b.Broken)
				}
			}
		}
	}
	var ws []Warning
	for _, v := range s.Vars {
		if !reads.has(v.ID) && !written[v.ID] {
			ws = append(ws, Warning{at(v.FieldPos, "id", v.Pos), fmt.Sprintf("variable %q is neither read nor changed by anything", v.ID)})
		}
	}
	for _, l := range s.Levers {
		if len(l.Effects) == 0 && !reads.has(l.ID) {
			ws = append(ws, Warning{at(l.FieldPos, "id", l.Pos), fmt.Sprintf("lever %q has no effect: it has no effects and no expression reads it", l.ID)})
		}
	}
	for ai, a := range s.Actors {
		if len(m.ActorLevers(ai)) == 0 {
			ws = append(ws, Warning{at(a.FieldPos, "id", a.Pos), fmt.Sprintf("actor %q has no levers", a.ID)})
		}
	}
	sortWarnings(ws)
	return ws
}

// Reads returns the set of names that the scenario's expressions read.
func Reads(s *sim.Scenario) map[string]bool {
	r := readsOf(s, func(x sim.Expr) ([]string, error) { return sim.ExprNames(x.Src) })
	out := r.play
	for n := range r.checks {
		out[n] = true
	}
	return out
}

// reads is what a scenario's expressions read, found in one pass over
// them: the names read in play, by every expression but the balance
// checks', and those the balance checks ('expect') read.
type reads struct {
	play, checks map[string]bool
}

// has reports whether any expression reads name.
func (r reads) has(name string) bool { return r.play[name] || r.checks[name] }

// readsOf finds what the expressions of s read, each expression's names
// given by exprNames (sim.ExprNames, or a model's, which does not parse
// again what the model compiled).
func readsOf(s *sim.Scenario, exprNames func(sim.Expr) ([]string, error)) reads {
	r := reads{play: map[string]bool{}, checks: map[string]bool{}}
	eachExpr(s, func(x sim.Expr, check bool) {
		names, err := exprNames(x)
		if err != nil {
			return // the compiler has reported it
		}
		set := r.play
		if check {
			set = r.checks
		}
		for _, n := range names {
			set[n] = true
		}
	})
	return r
}

// eachExpr calls f with each expression of the scenario that is given;
// check says that it is a balance check's.
func eachExpr(s *sim.Scenario, f func(x sim.Expr, check bool)) {
	add := func(x sim.Expr) {
		if !x.IsZero() {
			f(x, false)
		}
	}
	addEffects := func(list []sim.Effect) {
		for _, e := range list {
			add(e.Change)
		}
	}
	for _, a := range s.Actors {
		add(a.BudgetFormula) // a budget read on the state (sim/budget.go)
		for _, o := range a.Objectives {
			add(o.Score)
		}
	}
	for _, l := range s.Levers {
		add(l.Requires)
		for _, x := range l.LevelRequires { // levels gated by the state (sim/levels.go)
			add(x)
		}
		for _, x := range l.Cost { // costs read on the state (sim/budget.go)
			add(x)
		}
		addEffects(l.Effects)
	}
	for _, v := range s.Vars {
		for _, x := range v.SeenBy { // an estimate's noise (sim/intel.go)
			add(x)
		}
	}
	for _, r := range s.Rules {
		add(r.Change)
		add(r.Set)
		add(r.When)
	}
	for _, ev := range s.Events {
		add(ev.When)
		add(ev.Chance)
		addEffects(ev.Effects)
		if ev.Choice != nil {
			for _, o := range ev.Choice.Options {
				addEffects(o.Effects)
				for _, b := range o.Binds {
					addEffects(b.Broken)
				}
			}
		}
	}
	for _, o := range s.Outcomes {
		add(o.When)
	}
	for _, c := range s.Checks {
		if !c.Expect.IsZero() {
			f(c.Expect, true)
		}
	}
}

// Unfired returns a warning for each event that fired in none of games
// and each outcome that ended none of them.
func Unfired(m *sim.Model, games []options.Game) []Warning {
	s := m.Scenario
	fired := make([]bool, len(s.Events))
	ended := make([]bool, len(s.Outcomes))
	for _, g := range games {
		for i, f := range g.Fired {
			fired[i] = fired[i] || f
		}
		if g.Outcome >= 0 {
			ended[g.Outcome] = true
		}
	}
	var ws []Warning
	for i, ev := range s.Events {
		switch {
		case !fired[i] && ev.Expected == "rare":
			ws = append(ws, Warning{at(ev.FieldPos, "expected", ev.Pos), fmt.Sprintf("event %q is expected to be rare, but it never fired in %d games, random legal orders included: it may never fire", ev.ID, len(games))})
		case !fired[i]:
			ws = append(ws, Warning{at(ev.FieldPos, "id", ev.Pos), fmt.Sprintf("event %q never fired in %d computer-played games", ev.ID, len(games))})
		}
	}
	for i, o := range s.Outcomes {
		switch {
		case !ended[i] && o.Expected == "rare":
			ws = append(ws, Warning{at(o.FieldPos, "expected", o.Pos), fmt.Sprintf("outcome %q is expected to be rare, but it ended none of %d games, random legal orders included: it may never happen", o.ID, len(games))})
		case !ended[i]:
			ws = append(ws, Warning{at(o.FieldPos, "id", o.Pos), fmt.Sprintf("outcome %q ended none of %d computer-played games", o.ID, len(games))})
		}
	}
	sortWarnings(ws)
	return ws
}

func sortWarnings(ws []Warning) {
	slices.SortStableFunc(ws, func(a, b Warning) int {
		return cmp.Or(cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
}
