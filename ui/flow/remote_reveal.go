package flow

import (
	"errors"
	"fmt"

	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/sim"
)

// Once a served game is over, the server reveals what it kept from the
// seats: the seed, the fog's secret and every true value at the end
// (proto.Reveal). The game is deterministic, so the seed, the scenario
// and the orders revealed turn by turn play it again exactly: a remote
// table then rebuilds the whole game on this machine, and its dashboard
// and why view show, as the local end screen does, every value exact and
// the true chain of causes of each change. The game rebuilt is used only
// when it ends on exactly the values the server revealed; one it cannot
// rebuild (the facilitator set a value or injected an event the seat did
// not see) leaves the table its seat's view.

// errNoReplay says the turns revealed do not play again to the truth.
var errNoReplay = errors.New("flow: the turns revealed do not play again to the values the server revealed")

// replayReveal plays the turns of a served game again on m from the seed
// and fog secret of r, with the facilitator's adjustments the turns'
// ledgers hold, and returns the game when it ends on r's true values.
func replayReveal(m *sim.Model, r *proto.Reveal, turns []proto.Turn) (*sim.Game, error) {
	g := sim.NewGame(m, r.Seed)
	if r.FogSecret != 0 {
		if err := g.SetFogSecret(r.FogSecret); err != nil {
			return nil, err
		}
	}
	for _, tn := range turns {
		for _, c := range tn.Ledger {
			if c.Kind != sim.ByFacilitator.String() {
				continue
			}
			vi := m.VarIndex(c.Var)
			if vi < 0 {
				return nil, fmt.Errorf("flow: turn %d: an adjustment of %q, which is not a variable of the scenario", tn.Turn, c.Var)
			}
			if err := g.Adjust(c.Var, g.State().Vals[vi]+c.Amount, c.Reason); err != nil {
				return nil, err
			}
		}
		if _, err := g.Play(sim.Orders(tn.Orders), sim.Choices(tn.Choices)); err != nil {
			return nil, err
		}
	}
	vals := g.State().Vals
	if len(r.Truth) != len(vals) {
		return nil, errNoReplay
	}
	for _, x := range r.Truth {
		if vi := m.VarIndex(x.ID); vi < 0 || vals[vi] != x.Value {
			return nil, errNoReplay
		}
	}
	return g, nil
}

// reveal rebuilds the game once the server has revealed it (see above);
// it is called with the table's lock held, after every message.
func (t *RemoteTable) reveal() {
	r := t.view.Reveal
	if r == nil || !t.view.Over || t.truth != nil || t.tried == len(t.turns) {
		return
	}
	t.tried = len(t.turns)
	if g, err := replayReveal(t.m, r, t.turns); err == nil {
		t.truth = NewLocalTable(g, nil)
	}
}

// Revealed reports whether the table shows the true game: the server has
// revealed it at its end and the table rebuilt it. View then gives every
// true value, exact, Known and Seen every variable, and Entries every
// change with its true causes.
func (t *RemoteTable) Revealed() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.truth != nil
}
