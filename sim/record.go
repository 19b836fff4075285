package sim

import "fmt"

// RecordFormat is the version of the game record format.
const RecordFormat = 1

// Record is everything needed to replay a game: the scenario's id and
// content hash, the seed, and every turn's facilitator adjustments, orders
// and choices. It marshals to JSON with sorted keys.
type Record struct {
	Format   int          `json:"format"`
	Scenario string       `json:"scenario"`
	Hash     string       `json:"hash"`
	Seed     uint64       `json:"seed"`
	Turns    []TurnRecord `json:"turns"`
	// Pending holds adjustments made on the current turn, not yet played.
	Pending []Adjustment `json:"pending,omitempty"`
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
	r.Pending = append([]Adjustment(nil), g.pending...)
	return r
}

// Replay plays a record again on m and returns the game at the point the
// record ends. A record made for another scenario, or another version of
// it, is refused.
func Replay(m *Model, r Record) (*Game, error) {
	if r.Format != RecordFormat {
		return nil, fmt.Errorf("sim: replay: record format %d, this version reads %d", r.Format, RecordFormat)
	}
	if r.Scenario != m.Scenario.Meta.ID {
		return nil, fmt.Errorf("sim: replay: the record is of scenario %q, not %q", r.Scenario, m.Scenario.Meta.ID)
	}
	if r.Hash != m.Scenario.Hash {
		return nil, fmt.Errorf("sim: replay: the record was made with another version of scenario %q (content hash %.12s, this one is %.12s)", r.Scenario, r.Hash, m.Scenario.Hash)
	}
	g := NewGame(m, r.Seed)
	for i, t := range r.Turns {
		for _, a := range t.Adjust {
			if err := a.apply(g); err != nil {
				return nil, fmt.Errorf("sim: replay: turn %d: %w", i+1, err)
			}
		}
		if _, err := g.Play(t.Orders, t.Choices); err != nil {
			return nil, fmt.Errorf("sim: replay: turn %d: %w", i+1, err)
		}
	}
	for _, a := range r.Pending {
		if err := a.apply(g); err != nil {
			return nil, fmt.Errorf("sim: replay: %w", err)
		}
	}
	return g, nil
}
