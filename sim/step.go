package sim

import (
	"fmt"
	"math"
)

// Stepper resolves turns. It holds scratch space so that resolving a turn
// allocates nothing once its buffers have grown; a Stepper must not be
// used by two goroutines at once (make one each).
type Stepper struct {
	m      *Model
	start  []float64 // slots at the start of the turn
	live   []float64 // slots as effects and rules change them
	deltas []float64
	// last holds, per variable, the last effect that changed it this
	// turn, for the error when the sum of the effects is not finite.
	last  []*cEffect
	fault fault
	env   env
	// scratch holds Step's entries before they are written out.
	scratch Ledger
}

// NewStepper returns a Stepper for m.
func (m *Model) NewStepper() *Stepper {
	st := &Stepper{
		m:      m,
		start:  make([]float64, m.nslots),
		live:   make([]float64, m.nslots),
		deltas: make([]float64, m.nv),
		last:   make([]*cEffect, m.nv),
	}
	st.env.fault = &st.fault
	return st
}

// EvalError is a fault met evaluating the scenario in play, at the
// position of the expression that met it: a division by zero or another
// fault of an expression, a value that is not a finite number (of an
// expression, of a variable that changes add up to ±Inf, of an objective or
// a score), or a chance outside [0, 1]. Turn is the turn being resolved
// (for a fault met before the first, 1). The turn is not applied.
type EvalError struct {
	Turn int
	Pos  Pos
	Msg  string
}

func (e *EvalError) Error() string {
	return fmt.Sprintf("sim: turn %d: %s: %s", e.Turn, e.Pos, e.Msg)
}

// InitialState returns the state before the first turn, with the first
// turn's briefing drawn from rng. A fault met drawing the briefing leaves
// the event that met it, and those after it, out of the briefing; NewGame
// reports such a fault (see Game.Err).
func (m *Model) InitialState(rng RNG) *State {
	s, _ := m.initialState(rng, nil)
	return s
}

// initialState is InitialState for a game with the given parameter values
// (nil for the stated ones), with the fault met drawing the briefing.
func (m *Model) initialState(rng RNG, params []float64) (*State, error) {
	s := &State{
		Params:  params,
		Turn:    1,
		Vals:    make([]float64, m.nv),
		Levels:  make([]int, m.nl),
		RNG:     rng,
		Fired:   make([]bool, len(m.cEvents)),
		Outcome: -1,
	}
	for i, v := range m.Scenario.Vars {
		s.Vals[i] = v.Init
	}
	st := m.NewStepper()
	st.load(st.live, s)
	st.live[m.slotTurn] = 0
	err := st.brief(s, st.live)
	return s, err
}

// load fills slots from a state: values, last levels and turn.
func (st *Stepper) load(slots []float64, s *State) { st.m.loadSlots(slots, s) }

// loadSlots fills slots from a state: values, last levels, turn and
// parameters.
func (m *Model) loadSlots(slots []float64, s *State) {
	copy(slots, s.Vals)
	for i, l := range s.Levels {
		slots[m.nv+i] = float64(l)
	}
	slots[m.slotTurn] = float64(s.Turn)
	slots[m.slotLevel] = 0
	if s.Params != nil {
		copy(slots[m.slotParam:], s.Params)
	} else {
		copy(slots[m.slotParam:], m.stated)
	}
}

// Step resolves one turn. cur is the state at the start of the turn;
// levels holds every lever's ordered level (already checked with
// CheckLevels); choices holds the option chosen for each event of the
// briefing, by event index (-1 or absent for the default, the first
// option). The new state is written into next (whose storage is reused)
// and the turn's ledger entries are appended to led. On error next and
// the returned ledger are not meaningful and cur is unchanged.
//
// A turn runs in phases (the first two in one method, effects):
//
//  1. queue: the effects that the briefing's events (and the options
//     chosen in them) and the ordered levers start this turn join the
//     queue of pending effects (those due only this turn are computed at
//     once, in the place the queue would give them);
//  2. effects: every effect due this turn is computed against the same
//     start-of-turn state, so the order of actors cannot matter; their
//     sums are added and each variable brought within its bounds;
//  3. rules: the rules run in the order written, each seeing the changes
//     before it, each target brought within its bounds after its change;
//  4. outcomes: the first outcome whose condition holds ends the game, or
//     the turn limit does;
//  5. briefing: the events of the next turn are drawn.
//
// Every value computed is checked: a fault, or a value that is not a
// finite number, stops the turn with an *EvalError at its position.
//
// Step writes the entries out in full; StepLedger, which keeps them
// compactly, is what a Game plays with.
func (st *Stepper) Step(cur *State, levels []int, choices []int, next *State, led []Entry) ([]Entry, error) {
	st.scratch.Reset()
	err := st.step(cur, levels, choices, next, &st.scratch)
	return st.scratch.AppendTo(led), err
}

// StepLedger is Step with the turn's ledger entries appended to led,
// compactly (see Ledger). On error next and led are not meaningful and
// cur is unchanged.
func (st *Stepper) StepLedger(cur *State, levels []int, choices []int, next *State, led *Ledger) error {
	return st.step(cur, levels, choices, next, led)
}

// Advance is Step for a look-ahead: it resolves the turn exactly as Step
// does (the same state, random stream and faults, bit for bit) but keeps
// no ledger. Computer players, forecasts and batches of games whose
// ledger nobody reads use it.
func (st *Stepper) Advance(cur *State, levels []int, choices []int, next *State) error {
	return st.step(cur, levels, choices, next, nil)
}

// step is StepLedger, appending to the ledger when led is not nil.
func (st *Stepper) step(cur *State, levels []int, choices []int, next *State, led *Ledger) error {
	if cur.Over() {
		return fmt.Errorf("sim: the game is over")
	}
	if led != nil {
		led.m = st.m
	}
	turn := cur.Turn
	cur.copyInto(next)
	copy(next.Levels, levels)
	st.load(st.start, next)
	st.env.rng = &next.RNG
	st.fault = fault{}

	if err := st.effects(cur, levels, choices, next, led); err != nil {
		return err
	}
	if err := st.rules(turn, led); err != nil {
		return err
	}
	copy(next.Vals, st.live[:st.m.nv])
	if err := st.outcomes(turn, next); err != nil {
		return err
	}
	if err := st.accumulate(turn, next); err != nil { // sim/payoff.go
		return err
	}
	next.Turn = turn + 1
	next.Briefing = next.Briefing[:0]
	if !next.Over() {
		if err := st.brief(next, st.live); err != nil {
			return err
		}
	}
	return nil
}

// effects runs phases 1 and 2 of a turn. The queue of pending effects
// (next's, a copy of cur's) is applied first, in order; then the effects
// that start this turn, in the order they join the queue: the
// briefing's events first (each event's own effects, then those of the
// option chosen), then the levers ordered above level 0, each in the
// scenario's order. An effect due this turn is computed at once, from the
// start-of-turn state (st.start); one that applies on a later turn too
// joins the queue. This is the order a queue holding every new effect
// would apply them in, so the sums and the random stream are the same,
// without queueing the effects that apply only now.
//
// The changes are summed per variable and added to the live slots, and
// every variable is then brought within its bounds.
func (st *Stepper) effects(cur *State, levels, choices []int, next *State, led *Ledger) error {
	m := st.m
	turn := cur.Turn
	clear(st.deltas)
	st.env.s = st.start
	keep := next.Queue[:0]
	var err error
	for i := range next.Queue {
		p := &next.Queue[i]
		if p.From > turn {
			keep = append(keep, *p)
			continue
		}
		if err = st.apply(turn, p, led); err != nil {
			return err
		}
		if p.To > turn {
			keep = append(keep, *p)
		}
	}
	var cause Cause
	for _, ei := range cur.Briefing {
		ev := &m.cEvents[ei]
		opt := -1
		if ev.chooser >= 0 {
			opt = 0
			if ei < len(choices) && choices[ei] >= 0 && choices[ei] < len(ev.options) {
				opt = choices[ei]
			}
		}
		// The cause's fields are set one by one: a Cause literal is built
		// in a temporary and copied, its parts read back wider than
		// they were stored, which stalls the turn (about a tenth of a
		// look-ahead turn in BenchmarkTurnLookahead).
		cause.Kind, cause.Index, cause.Actor, cause.Level, cause.Option = ByEvent, ei, ev.chooser, 1, opt
		if keep, err = st.startEffects(turn, ev.effects, 0, &cause, led, keep); err != nil {
			return err
		}
		if opt >= 0 {
			if keep, err = st.startEffects(turn, ev.options[opt], len(ev.effects), &cause, led, keep); err != nil {
				return err
			}
		}
	}
	for li, lvl := range levels {
		if lvl <= 0 {
			continue
		}
		cl := &m.cLevers[li]
		cause.Kind, cause.Index, cause.Actor, cause.Level, cause.Option = ByLever, li, cl.actor, lvl, -1
		if keep, err = st.startEffects(turn, cl.effects, 0, &cause, led, keep); err != nil {
			return err
		}
	}
	// Commitments broken by this turn's orders add their costs after the
	// turn's own effects, in the order a queue of every effect would hold
	// them.
	for _, p := range st.commitments(cur, levels, choices, next) {
		if p.From <= turn {
			if err = st.apply(turn, &p, led); err != nil {
				return err
			}
		}
		if p.To > turn {
			keep = append(keep, p)
		}
	}
	next.Queue = keep
	st.start[m.slotLevel] = 0
	copy(st.live, st.start)
	lo, hi := m.lo, m.hi
	for i, d := range st.deltas {
		st.live[i] += d
		v := st.live[i]
		if v-v != 0 {
			return st.notFinite(turn, i, st.last[i].pos)
		}
		if v < lo[i] || v > hi[i] {
			st.bound(turn, i, led)
		}
	}
	return nil
}

// startEffects applies or queues the effects list of a cause, which start this
// turn, and returns keep with those that apply on a later turn too added;
// k0 is the index of the first in its source's effects. This is the loop
// of every new effect of the turn, written out rather than calling apply.
func (st *Stepper) startEffects(turn int, list []cEffect, k0 int, cause *Cause, led *Ledger, keep []Pending) ([]Pending, error) {
	m := st.m
	for k := range list {
		e := &list[k]
		from, to := turn+e.delay, turn+e.delay+e.lasts-1
		if from <= turn {
			var d float64
			if cause.Level > 0 && cause.Level < len(e.byLevel) {
				d = e.byLevel[cause.Level]
			} else {
				st.start[m.slotLevel] = float64(cause.Level)
				d = evalFast(e.change, e.slow, &st.env)
				if err := st.check(turn, e.pos, d); err != nil {
					return keep, err
				}
			}
			if d != 0 {
				st.deltas[e.target] += d
				st.last[e.target] = e
				if led != nil {
					led.effect(turn, e.target, d, cause, k0+k)
				}
			}
		}
		if to > turn {
			// Written in place, as the ledger's entries are (see
			// Ledger.add).
			if len(keep) == cap(keep) {
				keep = append(keep, Pending{})
			} else {
				keep = keep[:len(keep)+1]
			}
			p := &keep[len(keep)-1]
			p.Cause.Kind, p.Cause.Index, p.Cause.Actor, p.Cause.Level, p.Cause.Option = cause.Kind, cause.Index, cause.Actor, cause.Level, cause.Option
			p.Effect, p.From, p.To = k0+k, from, to
		}
	}
	return keep, nil
}

// apply computes the effect of pending p from the start-of-turn state and
// adds its change to the variable's sum, recording it when led is not nil.
func (st *Stepper) apply(turn int, p *Pending, led *Ledger) error {
	e := st.m.effect(*p)
	var d float64
	if lvl := p.Cause.Level; lvl > 0 && lvl < len(e.byLevel) {
		d = e.byLevel[lvl]
	} else {
		st.start[st.m.slotLevel] = float64(lvl)
		d = evalFast(e.change, e.slow, &st.env)
		if err := st.check(turn, e.pos, d); err != nil {
			return err
		}
	}
	if d != 0 {
		st.deltas[e.target] += d
		st.last[e.target] = e
		if led != nil {
			led.effect(turn, e.target, d, &p.Cause, p.Effect)
		}
	}
	return nil
}

// rules runs the rules in the order written on the live slots, each seeing
// the changes before it, and brings each rule's target within its bounds
// after its change.
func (st *Stepper) rules(turn int, led *Ledger) error {
	m := st.m
	st.env.s = st.live
	for ri := range m.cRules {
		r := &m.cRules[ri]
		if r.when != nil {
			ok := r.when(&st.env)
			if st.fault.set {
				return &EvalError{Turn: turn, Pos: st.fault.pos, Msg: st.fault.msg}
			}
			if !ok {
				continue
			}
		}
		v := evalFast(r.fn, r.slow, &st.env)
		if err := st.check(turn, r.pos, v); err != nil {
			return err
		}
		d := v
		if r.set {
			d = v - st.live[r.target]
		}
		if d != 0 {
			st.live[r.target] += d
			if v := st.live[r.target]; v-v != 0 {
				return st.notFinite(turn, r.target, r.pos)
			}
			if led != nil {
				led.rule(turn, r.target, d, ri)
			}
			if v := st.live[r.target]; v < m.lo[r.target] || v > m.hi[r.target] {
				st.bound(turn, r.target, led)
			}
		}
	}
	return nil
}

// outcomes sets next.Outcome to the first outcome whose condition holds
// on the live slots, or to the turn limit's on the last turn.
func (st *Stepper) outcomes(turn int, next *State) error {
	m := st.m
	for oi := range m.cOutcomes {
		o := &m.cOutcomes[oi]
		if o.when == nil {
			continue
		}
		ok := o.when(&st.env)
		if st.fault.set {
			return &EvalError{Turn: turn, Pos: st.fault.pos, Msg: st.fault.msg}
		}
		if ok {
			next.Outcome = oi
			return nil
		}
	}
	if next.Outcome < 0 && turn >= m.Scenario.Meta.Turns {
		next.Outcome = m.limit
	}
	return nil
}

// notFinite is the error for live variable i, which a change from the
// expression at pos has made ±Inf or NaN: finite changes can add up to
// more than a float64 holds.
func (st *Stepper) notFinite(turn, i int, pos Pos) error {
	return &EvalError{Turn: turn, Pos: pos, Msg: fmt.Sprintf("%s became %v, not a finite number", st.m.Scenario.Vars[i].ID, st.live[i])}
}

// brief draws the events that fire on s.Turn, judged on slots, and marks
// them fired.
func (st *Stepper) brief(s *State, slots []float64) error {
	m := st.m
	st.env.s = slots
	st.env.rng = &s.RNG
	st.fault = fault{}
	s.Briefing = s.Briefing[:0]
	for ei := range m.cEvents {
		ev := &m.cEvents[ei]
		if s.Fired[ei] && !ev.repeat {
			continue
		}
		sched := ev.turn
		fire := false
		switch {
		case sched > 0 && ev.when == nil:
			fire = sched == s.Turn
		case sched > 0 && sched != s.Turn:
			fire = false
		default:
			fire = ev.when(&st.env)
			if fire && ev.chance != nil {
				p := ev.chance(&st.env)
				pos := m.Scenario.Events[ei].Chance.Pos
				if err := st.check(s.Turn-1, pos, p); err != nil {
					return err
				}
				if p < 0 || p > 1 {
					return &EvalError{Turn: s.Turn - 1, Pos: pos, Msg: fmt.Sprintf("chance must be between 0 and 1, found %g", p)}
				}
				fire = s.RNG.Float64() < p
			}
		}
		if st.fault.set {
			return &EvalError{Turn: s.Turn - 1, Pos: st.fault.pos, Msg: st.fault.msg}
		}
		if fire {
			s.Fired[ei] = true
			s.Briefing = append(s.Briefing, ei)
		}
	}
	return nil
}

// check turns an evaluation fault or a value that is not finite into an
// error.
func (st *Stepper) check(turn int, pos Pos, v float64) error {
	if !st.fault.set && v-v == 0 {
		return nil // finite: the fast path, small enough to inline
	}
	return st.failed(turn, pos, v)
}

// failed is check's error, off its fast path.
//
//go:noinline
func (st *Stepper) failed(turn int, pos Pos, v float64) error {
	if st.fault.set {
		return &EvalError{Turn: turn, Pos: st.fault.pos, Msg: st.fault.msg}
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return &EvalError{Turn: turn, Pos: pos, Msg: fmt.Sprintf("expression gave %v, not a finite number", v)}
	}
	return nil
}

// bound clamps live variable i to its bounds, recording any correction
// when led is not nil. (The loops that call it test the bounds first, in
// line, and call it only for a value out of them.)
func (st *Stepper) bound(turn, i int, led *Ledger) {
	m := st.m
	v := st.live[i]
	c := v
	if v < m.lo[i] {
		c = m.lo[i]
	} else if v > m.hi[i] {
		c = m.hi[i]
	}
	if c != v {
		st.live[i] = c
		if led != nil {
			led.bounds(turn, i, c-v)
		}
	}
}

// effect returns the compiled effect a pending entry refers to.
func (m *Model) effect(p Pending) *cEffect {
	switch p.Cause.Kind {
	case ByLever:
		return &m.cLevers[p.Cause.Index].effects[p.Effect]
	default:
		ev := &m.cEvents[p.Cause.Index]
		if p.Effect < len(ev.effects) {
			return &ev.effects[p.Effect]
		}
		return ev.optionEffect(p.Cause.Option, p.Effect-len(ev.effects))
	}
}
