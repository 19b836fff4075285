package sim

import (
	"fmt"
	"slices"
)

// State is the world at the start of a turn. A State is a value: the engine
// never changes one it has handed out; Step writes a new one.
type State struct {
	// Turn is the turn about to be played, from 1. When the game is over it
	// is one past the last turn played.
	Turn int
	// Vals holds every variable's value, in the scenario's order.
	Vals []float64
	// Levels holds the level of every lever ordered on the last turn
	// played, in the scenario's order.
	Levels []int
	// Queue holds lever and event effects still to apply.
	Queue []Pending
	// RNG is the game's random generator.
	RNG RNG
	// Fired marks the events that have fired, in the scenario's order.
	Fired []bool
	// Briefing lists the events firing on this turn, by index.
	Briefing []int
	// Outcome is the index of the outcome that ended the game, or -1.
	Outcome int
	// Params holds the value of each parameter the game plays with, in
	// the scenario's order, or is nil for the stated values. It is fixed
	// for a whole game: every state of a game shares the one slice, which
	// must never be changed.
	Params []float64
}

// Pending is a queued effect of a lever or an event.
type Pending struct {
	Cause  Cause
	Effect int // index into the source's effects
	From   int // first turn it applies
	To     int // last turn it applies
}

// Clone returns a deep copy of s.
func (s *State) Clone() *State {
	c := *s
	c.Vals = slices.Clone(s.Vals)
	c.Levels = slices.Clone(s.Levels)
	c.Queue = slices.Clone(s.Queue)
	c.Fired = slices.Clone(s.Fired)
	c.Briefing = slices.Clone(s.Briefing)
	return &c
}

// copyInto copies s into dst reusing dst's storage.
func (s *State) copyInto(dst *State) {
	dst.Turn = s.Turn
	dst.Vals = append(dst.Vals[:0], s.Vals...)
	dst.Levels = append(dst.Levels[:0], s.Levels...)
	dst.Queue = append(dst.Queue[:0], s.Queue...)
	dst.RNG = s.RNG
	dst.Fired = append(dst.Fired[:0], s.Fired...)
	dst.Briefing = append(dst.Briefing[:0], s.Briefing...)
	dst.Outcome = s.Outcome
	dst.Params = s.Params
}

// Over reports whether the game has ended.
func (s *State) Over() bool { return s.Outcome >= 0 }

// CauseKind says what made a change.
type CauseKind uint8

// The kinds of cause in the ledger.
const (
	ByLever       CauseKind = iota + 1 // an actor's lever
	ByRule                             // a rule of the scenario
	ByEvent                            // an event (or the option chosen in it)
	ByFacilitator                      // the facilitator set a value by hand
	ByBounds                           // a bound of the variable corrected the value
)

// String names the kind.
func (k CauseKind) String() string {
	switch k {
	case ByLever:
		return "lever"
	case ByRule:
		return "rule"
	case ByEvent:
		return "event"
	case ByFacilitator:
		return "facilitator"
	case ByBounds:
		return "bounds"
	}
	return fmt.Sprintf("cause(%d)", k)
}

// Cause identifies what made a change. Index is the lever, rule or event
// index in the scenario (the variable's for bounds, -1 for the
// facilitator); Actor is the actor index for levers and choices (-1 when
// none); Level is the lever level; Option is the chosen option for events
// (-1 when none).
type Cause struct {
	Kind   CauseKind
	Index  int
	Actor  int
	Level  int
	Option int
}

// Entry is one line of the ledger: a change to one variable on one turn.
type Entry struct {
	Turn   int
	Var    int
	Amount float64
	Cause  Cause
	// Pos is the scenario line the change came from.
	Pos Pos
	// Reason is the facilitator's reason, for ByFacilitator entries.
	Reason string
}
