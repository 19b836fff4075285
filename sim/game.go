package sim

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/sixparty/sixparty/internal/suggest"
)

// Game is one play of a scenario: the current state, the states at the
// start of every turn played, the ledger, and the record that replays it.
type Game struct {
	Model *Model
	// Seed is the seed the game's generator started from.
	Seed uint64

	history []*State // history[t-1] is the state at the start of turn t
	ledger  Ledger
	// expanded holds the ledger's first entries written out, for Ledger:
	// it grows as Ledger is called after the ledger has, under mu, so
	// that Ledger may be called from several goroutines, as the other
	// methods that read the game may.
	mu       sync.Mutex
	expanded []Entry
	reports  []TurnReport
	record   Record
	stepper  *Stepper
	scorer   *Scorer
	scores   []float64 // every actor's score in the current state
	pending  []Adjustment
	// lookahead is set in look-ahead mode: no ledger is kept.
	lookahead bool
	// err is the fault met preparing the first turn (drawing its briefing
	// or scoring the initial state): such a game cannot be played.
	err error
}

// TurnReport is what one turn did.
type TurnReport struct {
	Turn int
	// Events are the indices of the events that fired.
	Events []int
	// Choices holds the option chosen for each event, -1 where none.
	Choices []int
	// Levels holds every lever's ordered level.
	Levels []int
	// Entries is the turn's part of the ledger, in the order applied.
	Entries []Entry
}

// NewGame starts a game of m with the given seed. When preparing the first
// turn faults (a conditional event's expression or chance, an objective or
// a lever's precondition on the initial state), the game cannot be
// played: Err, Play and Scores return that *EvalError.
//
// NewGame(m, seed) is NewGameSetup(m, seed, Setup{}): every parameter at
// its stated value.
func NewGame(m *Model, seed uint64) *Game { return newGame(m, seed, nil) }

// newGame starts a game with the given parameter values (checked, and
// nil for the stated ones).
func newGame(m *Model, seed uint64, params []float64) *Game {
	g := &Game{Model: m, Seed: seed, stepper: m.NewStepper(), scorer: m.NewScorer()}
	s, err := m.initialState(NewRNG(seed), params)
	g.history = []*State{s}
	g.record = Record{Format: RecordFormat, Scenario: m.Scenario.Meta.ID, Hash: m.Scenario.Hash, Seed: seed, Params: slices.Clone(params)}
	if err == nil {
		g.scores, err = g.scorer.scores(nil, s)
	}
	if err == nil {
		err = m.RequiresFault(s, 1)
	}
	if e, ok := err.(*EvalError); ok {
		e.Turn = 1 // met before turn 1, and stops it
	}
	g.err = err
	return g
}

// SetLookahead puts the game in look-ahead mode (on) or back in recorded
// mode, the default. A game in look-ahead mode keeps no ledger: the turns
// played while it is on add nothing to Ledger, and their reports have no
// Entries. Its states, scores, outcome and record are those of the same
// game in recorded mode, bit for bit. Tools that play many games nobody
// asks why about (balance checks, comparisons, forecasts) use it.
func (g *Game) SetLookahead(on bool) { g.lookahead = on }

// Err returns the fault that keeps the game from being played, met while
// preparing its first turn, or nil.
func (g *Game) Err() error { return g.err }

// State returns the current state. It must not be changed.
func (g *Game) State() *State { return g.history[len(g.history)-1] }

// Turn returns the turn about to be played.
func (g *Game) Turn() int { return g.State().Turn }

// Over reports whether the game has ended.
func (g *Game) Over() bool { return g.State().Over() }

// Outcome returns the outcome that ended the game, or nil.
func (g *Game) Outcome() *Outcome {
	if o := g.State().Outcome; o >= 0 {
		return &g.Model.Scenario.Outcomes[o]
	}
	return nil
}

// History returns the state at the start of each turn played so far, then
// the current state. The states must not be changed.
func (g *Game) History() []*State { return g.history }

// Reports returns the report of every turn played.
func (g *Game) Reports() []TurnReport { return g.reports }

// Ledger returns every change of the game so far, in order. The entries
// must not be changed.
func (g *Game) Ledger() []Entry {
	g.mu.Lock()
	defer g.mu.Unlock()
	n := g.ledger.Len()
	if len(g.expanded) < n {
		g.expanded = g.ledger.appendRange(g.expanded, len(g.expanded), n)
	}
	return g.expanded[:n:n]
}

// Briefing returns the events firing on the current turn.
func (g *Game) Briefing() []*Event {
	var out []*Event
	for _, ei := range g.State().Briefing {
		out = append(out, &g.Model.Scenario.Events[ei])
	}
	return out
}

// Play resolves the current turn with every actor's orders and the choices
// made in the briefing's events. Orders are checked first; on any error
// the game is unchanged. A fault met resolving the turn, scoring the state
// it leads to or evaluating a lever's precondition ('requires') in it, is
// an *EvalError with the expression's position, and the game goes no
// further: every state and score of a game is finite, and every lever's
// availability in it known.
func (g *Game) Play(o Orders, c Choices) (*TurnReport, error) {
	if g.err != nil {
		return nil, g.err
	}
	cur := g.State()
	if cur.Over() {
		return nil, fmt.Errorf("sim: the game is over")
	}
	levels, err := g.Model.Levels(cur, o)
	if err != nil {
		return nil, err
	}
	choices, err := g.Model.ChoiceIndices(cur, c)
	if err != nil {
		return nil, err
	}
	next := &State{}
	var led *Ledger
	if !g.lookahead {
		led = &g.ledger
	}
	n0 := g.ledger.Len()
	if err := g.play(cur, levels, choices, next, led); err != nil {
		g.ledger.truncate(n0)
		return nil, err
	}
	rep := TurnReport{Turn: cur.Turn, Events: slices.Clone(cur.Briefing), Choices: choices, Levels: levels, Entries: g.ledger.appendRange(nil, n0, g.ledger.Len())}
	g.history = append(g.history, next)
	g.reports = append(g.reports, rep)
	g.record.Turns = append(g.record.Turns, TurnRecord{Adjust: g.pending, Orders: compactOrders(o), Choices: c})
	g.pending = nil
	return &g.reports[len(g.reports)-1], nil
}

// play resolves the turn of cur into next, appending its entries to led
// when led is not nil, and scores next.
func (g *Game) play(cur *State, levels, choices []int, next *State, led *Ledger) error {
	if err := g.stepper.step(cur, levels, choices, next, led); err != nil {
		return err
	}
	scores, err := g.scorer.scores(nil, next)
	if err != nil {
		return err
	}
	if !next.Over() {
		// Every lever's availability must be known in the state the
		// next turn's orders are given in.
		if err := g.Model.RequiresFault(next, cur.Turn); err != nil {
			return err
		}
	}
	g.scores = scores
	return nil
}

// Adjust sets a variable by hand, as a facilitator does, with a reason
// that the ledger keeps. It applies to the current turn's state.
func (g *Game) Adjust(varID string, value float64, reason string) error {
	vi := g.Model.VarIndex(varID)
	if vi < 0 {
		return fmt.Errorf("sim: adjust: unknown variable %q", varID)
	}
	if math.IsNaN(value) || math.IsInf(value, 0) {
		return fmt.Errorf("sim: adjust: %v is not a finite number", value)
	}
	lo, hi := g.Model.Bounds(vi)
	if value < lo || value > hi {
		return fmt.Errorf("sim: adjust: %g is outside the bounds of %s (%g..%g)", value, varID, lo, hi)
	}
	if g.Over() {
		return fmt.Errorf("sim: the game is over")
	}
	if g.err != nil {
		return g.err
	}
	cur := g.State().Clone()
	d := value - cur.Vals[vi]
	cur.Vals[vi] = value
	scores, err := g.scorer.scores(nil, cur)
	if err != nil {
		return fmt.Errorf("sim: adjust: %s=%g would leave a score that cannot be computed: %w", varID, value, err)
	}
	if err := g.Model.RequiresFault(cur, cur.Turn); err != nil {
		return fmt.Errorf("sim: adjust: %s=%g would leave a lever whose precondition cannot be evaluated: %w", varID, value, err)
	}
	g.scores = scores
	g.history[len(g.history)-1] = cur
	if !g.lookahead {
		g.ledger.m = g.Model
		g.ledger.facilitator(cur.Turn, vi, d, reason)
	}
	g.pending = append(g.pending, Adjustment{Var: varID, Value: value, Reason: reason})
	return nil
}

// Inject adds an event to the current turn's briefing, as a facilitator
// does, whatever its schedule or condition. Its effects apply when the
// turn is played, like those of any event of the briefing.
func (g *Game) Inject(eventID string) error {
	ei := g.Model.EventIndex(eventID)
	if ei < 0 {
		var ids []string
		for _, e := range g.Model.Scenario.Events {
			ids = append(ids, e.ID)
		}
		return fmt.Errorf("sim: inject: unknown event %q%s", eventID, suggest.Hint(eventID, ids))
	}
	if g.Over() {
		return fmt.Errorf("sim: the game is over")
	}
	cur := g.State()
	if slices.Contains(cur.Briefing, ei) {
		return fmt.Errorf("sim: inject: event %q is already in this turn's briefing", eventID)
	}
	next := cur.Clone()
	next.Briefing = append(next.Briefing, ei)
	next.Fired[ei] = true
	g.history[len(g.history)-1] = next
	g.pending = append(g.pending, Adjustment{Inject: eventID})
	return nil
}

// Why returns the ledger entries that changed variable vi on the given
// turn, largest change first (ties in the order applied).
func (g *Game) Why(vi, turn int) []Entry {
	var out []Entry
	for i := range g.ledger.es {
		if e := &g.ledger.es[i]; int(e.v) == vi && int(e.turn) == turn {
			out = append(out, g.ledger.expand(e))
		}
	}
	slices.SortStableFunc(out, func(a, b Entry) int { return cmp.Compare(math.Abs(b.Amount), math.Abs(a.Amount)) })
	return out
}

// Scores returns each actor's current score: the weighted sum of its
// objectives, always finite. The error is Err's, for a game that cannot
// be played.
func (g *Game) Scores() ([]float64, error) {
	if g.err != nil {
		return nil, g.err
	}
	return slices.Clone(g.scores), nil
}

// Describe names a cause in words: the lever and level, the rule, the
// event and option, the facilitator or the bounds.
func (m *Model) Describe(c Cause) string {
	s := m.Scenario
	switch c.Kind {
	case ByLever:
		l := &s.Levers[c.Index]
		lvl := fmt.Sprint(c.Level)
		if c.Level < len(l.Levels) {
			lvl = l.LevelName(c.Level)
		}
		return fmt.Sprintf("%s: %s (%s)", s.Actors[c.Actor].Name, l.Name, lvl)
	case ByRule:
		r := &s.Rules[c.Index]
		if r.Name != "" {
			return "rule: " + r.Name
		}
		return "rule: " + r.ID
	case ByEvent:
		e := &s.Events[c.Index]
		if c.Option >= 0 && e.Choice != nil {
			return fmt.Sprintf("event: %s (%s chose %s)", e.Name, s.Actors[c.Actor].Name, e.Choice.Options[c.Option].ID)
		}
		return "event: " + e.Name
	case ByFacilitator:
		return "facilitator"
	case ByBounds:
		return "bounds of " + s.Vars[c.Index].ID
	}
	return c.Kind.String()
}

func compactOrders(o Orders) Orders {
	out := Orders{}
	for a, ls := range o {
		for l, v := range ls {
			if v == 0 {
				continue
			}
			if out[a] == nil {
				out[a] = map[string]int{}
			}
			out[a][l] = v
		}
	}
	return out
}
