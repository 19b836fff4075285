// Package lint finds what is legal in a scenario but probably a mistake: a
// variable nothing reads or changes, a lever with no effect, an actor with
// no levers, and events and outcomes that never happen in many
// computer-played games. 'sixparty validate' prints its warnings as
// file:line:col: warning: message.
package lint

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/sixparty/sixparty/balance"
	"github.com/sixparty/sixparty/sim"
)

// Warning is a likely mistake at a position of the scenario file.
type Warning struct {
	Pos sim.Pos
	Msg string
}

// String formats the warning as file:line:col: warning: message.
func (w Warning) String() string { return w.Pos.String() + ": warning: " + w.Msg }

// DefaultGames is how many games Check plays to find events and outcomes
// that never happen.
const DefaultGames = 300

// Options controls Check.
type Options struct {
	// Games is the number of seeded computer-played games to play; 0
	// means DefaultGames, and a negative number plays none (only the
	// static checks run).
	Games int
	// Workers is the number of games played at once; 0 means one per CPU.
	Workers int
}

// Check returns every warning for m, sorted by position: those of Static,
// then those of Unfired on games played as opt says.
func Check(m *sim.Model, opt Options) []Warning {
	ws := Static(m)
	n := opt.Games
	if n == 0 {
		n = DefaultGames
	}
	if n > 0 {
		ws = append(ws, Unfired(m, play(m, n, opt.Workers))...)
	}
	sortWarnings(ws)
	return ws
}

func at(fields map[string]sim.Pos, field string, pos sim.Pos) sim.Pos {
	if p, ok := fields[field]; ok {
		return p
	}
	return pos
}

// batch is how many games play selects between looks at what has fired.
const batch = 50

// play plays up to n games of m, in batches, and stops early once every
// event has fired and every outcome has happened: Unfired then has nothing
// to say, exactly as after all n games, so stopping changes no result.
// Batches alternate between computer players at easy, who play the way
// players might, and random legal orders (ai.Explore), which reach what
// sensible players avoid.
func play(m *sim.Model, n, workers int) []balance.Game {
	var games []balance.Game
	for b := 0; len(games) < n; b++ {
		opt := balance.Options{Workers: workers, Explore: b%2 == 1}
		games = append(games, balance.PlayFrom(m, len(games), min(batch, n-len(games)), opt)...)
		if len(Unfired(m, games)) == 0 {
			break
		}
	}
	return games
}

// Static returns the warnings found without playing: variables nothing
// reads or changes, levers with no effect and actors with no levers.
func Static(m *sim.Model) []Warning {
	s := m.Scenario
	reads := Reads(s)
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
			}
		}
	}
	var ws []Warning
	for _, v := range s.Vars {
		if !reads[v.ID] && !written[v.ID] {
			ws = append(ws, Warning{at(v.FieldPos, "id", v.Pos), fmt.Sprintf("variable %q is neither read nor changed by anything", v.ID)})
		}
	}
	for _, l := range s.Levers {
		if len(l.Effects) == 0 && !reads[l.ID] {
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
	out := map[string]bool{}
	add := func(x sim.Expr) {
		if x.IsZero() {
			return
		}
		names, err := sim.ExprNames(x.Src)
		if err != nil {
			return // the compiler has reported it
		}
		for _, n := range names {
			out[n] = true
		}
	}
	addEffects := func(list []sim.Effect) {
		for _, e := range list {
			add(e.Change)
		}
	}
	for _, a := range s.Actors {
		for _, o := range a.Objectives {
			add(o.Score)
		}
	}
	for _, l := range s.Levers {
		add(l.Requires)
		addEffects(l.Effects)
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
			}
		}
	}
	for _, o := range s.Outcomes {
		add(o.When)
	}
	for _, c := range s.Checks {
		add(c.Expect)
	}
	return out
}

// Unfired returns a warning for each event that fired in none of games
// and each outcome that ended none of them.
func Unfired(m *sim.Model, games []balance.Game) []Warning {
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
		if !fired[i] {
			ws = append(ws, Warning{at(ev.FieldPos, "id", ev.Pos), fmt.Sprintf("event %q never fired in %d computer-played games", ev.ID, len(games))})
		}
	}
	for i, o := range s.Outcomes {
		if !ended[i] {
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
