package sim

import (
	"fmt"
	"strings"
)

// RecordFormat is the version of the game record format.
const RecordFormat = 1

// Record is everything needed to replay a game: the scenario's id and
// content hash, the seed, and every turn's facilitator adjustments, orders
// and choices. It marshals to JSON with sorted keys.
type Record struct {
	Format   int    `json:"format"`
	Scenario string `json:"scenario"`
	Hash     string `json:"hash"`
	Seed     uint64 `json:"seed"`
	// FogSecret is the secret the fog's noise is drawn from (see Fog);
	// absent in games without one, which replay with the noise drawn from
	// the seed.
	FogSecret uint64 `json:"fog_secret,omitempty"`
	// Params holds the parameter values the game played with, in the
	// scenario's order, when they are not the stated ones (drawn, or set
	// by hand); it is left out for a game at the stated values.
	Params []float64    `json:"params,omitempty"`
	Turns  []TurnRecord `json:"turns"`
	// Messages holds the negotiation between the seats, in the order
	// sent; they change nothing in the game.
	Messages []Message `json:"messages,omitempty"`
	// Pending holds adjustments made on the current turn, not yet played.
	Pending []Adjustment `json:"pending,omitempty"`
}

// Message is one negotiation message of a game: sent on a turn, in a
// channel (such as "all", or two actors' ids), from an actor or the
// facilitator.
type Message struct {
	Turn    int    `json:"turn"`
	Channel string `json:"channel"`
	From    string `json:"from"`
	Text    string `json:"text"`
}

// Say keeps a negotiation message in the game's record, on the current
// turn. It changes nothing else.
func (g *Game) Say(channel, from, text string) {
	g.record.Messages = append(g.record.Messages, Message{Turn: g.Turn(), Channel: channel, From: from, Text: text})
}

// TurnRecord is one played turn of a Record.
type TurnRecord struct {
	Adjust  []Adjustment `json:"adjust,omitempty"`
	Orders  Orders       `json:"orders"`
	Choices Choices      `json:"choices,omitempty"`
}

// Adjustment is a facilitator's intervention before a turn is played:
// either a variable set by hand (Var, Value, Reason) or an event injected
// into the briefing (Inject).
type Adjustment struct {
	Var    string  `json:"var,omitempty"`
	Value  float64 `json:"value,omitempty"`
	Reason string  `json:"reason,omitempty"`
	Inject string  `json:"inject,omitempty"`
}

// apply makes the adjustment on g.
func (a Adjustment) apply(g *Game) error {
	if a.Inject != "" {
		return g.Inject(a.Inject)
	}
	return g.Adjust(a.Var, a.Value, a.Reason)
}

// Record returns the game's record so far.
func (g *Game) Record() Record {
	r := g.record
	r.Turns = append([]TurnRecord(nil), r.Turns...)
	r.Messages = append([]Message(nil), r.Messages...)
	r.Pending = append([]Adjustment(nil), g.pending...)
	return r
}

// Replay plays a record again on m and returns the game at the point the
// record ends. A record made for another scenario, or another version of
// it, is refused, and so is anything in it that m does not allow.
func Replay(m *Model, r Record) (*Game, error) {
	g, _, err := replay(m, r, false)
	return g, err
}

// ReplayLenient plays a record again on m, an edited version of the
// scenario it was made with, as hot reload does: a new game with the
// record's seed, then every recorded turn's facilitator adjustments
// (values set by hand and injected events), orders and choices, then the
// adjustments pending on the current turn. Where Replay refuses, it leaves
// out what m no longer allows and says so in the drops, in the order met:
// an adjustment or injected event that fails (an unknown variable or event,
// a value out of bounds), and whatever Sanitize drops from the orders and
// choices. When the game now ends sooner, the turns left over are one last
// drop. It returns an error only for a record of another format, or when a
// turn cannot be played at all (such as an expression that divides by
// zero).
func ReplayLenient(m *Model, r Record) (*Game, []Drop, error) {
	return replay(m, r, true)
}

// replay is Replay, or ReplayLenient when lenient is set.
func replay(m *Model, r Record, lenient bool) (*Game, []Drop, error) {
	if r.Format != RecordFormat {
		return nil, nil, fmt.Errorf("sim: replay: record format %d, this version reads %d", r.Format, RecordFormat)
	}
	if !lenient {
		if r.Scenario != m.Scenario.Meta.ID {
			return nil, nil, fmt.Errorf("sim: replay: the record is of scenario %q, not %q", r.Scenario, m.Scenario.Meta.ID)
		}
		if r.Hash != m.Scenario.Hash {
			return nil, nil, fmt.Errorf("sim: replay: the record was made with another version of scenario %q (content hash %.12s, this one is %.12s)", r.Scenario, r.Hash, m.Scenario.Hash)
		}
	}
	var drops []Drop
	g, err := NewGameSetup(m, r.Seed, Setup{Params: r.Params})
	if err != nil {
		if !lenient {
			return nil, nil, fmt.Errorf("sim: replay: %w", unprefixed(err))
		}
		drops = append(drops, Drop{Turn: 1, What: fmt.Sprintf("the recorded parameter values %v", r.Params), Why: strings.TrimPrefix(err.Error(), "sim: ") + "; the game plays at the stated values"})
		g = NewGame(m, r.Seed)
	}
	g.record.FogSecret = r.FogSecret
	g.record.Messages = append([]Message(nil), r.Messages...)
	adjust := func(adj []Adjustment) error {
		for _, a := range adj {
			err := a.apply(g)
			if err == nil {
				continue
			}
			if !lenient {
				return err
			}
			drops = append(drops, Drop{Turn: g.Turn(), What: a.String(), Why: strings.TrimPrefix(err.Error(), "sim: ")})
		}
		return nil
	}
	for i, t := range r.Turns {
		if lenient && g.Over() {
			drops = append(drops, Drop{Turn: i + 1, What: fmt.Sprintf("%d recorded turn(s) from turn %d", len(r.Turns)-i, i+1), Why: fmt.Sprintf("the game now ends after turn %d", i)})
			return g, drops, nil
		}
		if err := adjust(t.Adjust); err != nil {
			return nil, nil, fmt.Errorf("sim: replay: turn %d: %w", i+1, err)
		}
		o, c := t.Orders, t.Choices
		if lenient {
			var d []Drop
			o, c, d = m.Sanitize(g.State(), o, c)
			drops = append(drops, d...)
		}
		if _, err := g.Play(o, c); err != nil {
			return nil, nil, fmt.Errorf("sim: replay: turn %d: %w", i+1, err)
		}
	}
	if lenient && g.Over() {
		if len(r.Pending) > 0 {
			drops = append(drops, Drop{Turn: g.Turn(), What: fmt.Sprintf("%d pending adjustment(s)", len(r.Pending)), Why: "the game is over"})
		}
		return g, drops, nil
	}
	if err := adjust(r.Pending); err != nil {
		return nil, nil, fmt.Errorf("sim: replay: %w", err)
	}
	return g, drops, nil
}

// unprefixed returns err with its "sim: " prefix removed, for wrapping in
// an error that has one.
func unprefixed(err error) error {
	return fmt.Errorf("%s", strings.TrimPrefix(err.Error(), "sim: "))
}

// String describes the adjustment: "adjustment tension=80 (a reason)" or
// "inject summit".
func (a Adjustment) String() string {
	if a.Inject != "" {
		return "inject " + a.Inject
	}
	s := fmt.Sprintf("adjustment %s=%g", a.Var, a.Value)
	if a.Reason != "" {
		s += " (" + a.Reason + ")"
	}
	return s
}
