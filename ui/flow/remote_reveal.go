package flow

import (
	"errors"
	"fmt"
	"strings"

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
		t.truth, t.end, t.endHas = NewLocalTable(g, nil), nil, nil
		return
	}
	if len(r.Truth) == 0 {
		return // nothing to show
	}
	n := len(t.m.Scenario.Vars)
	t.end, t.endHas = make([]float64, n), make([]bool, n)
	for _, x := range r.Truth {
		if vi := t.m.VarIndex(x.ID); vi >= 0 {
			t.end[vi], t.endHas[vi] = x.Value, true
		}
	}
}

// RevealKind says how much of the true game a remote table shows.
type RevealKind int

// The kinds of reveal: none (the game goes on, or the server revealed
// nothing); the true values at the end only, the game not rebuilt on this
// machine, so that the earlier turns and the causes are the link's own;
// the whole game rebuilt, every value and every cause.
const (
	RevealNone RevealKind = iota
	RevealValues
	RevealGame
)

// Revelation says how much of the true game the table shows: RevealGame
// once it rebuilt the game the server revealed (Revealed), RevealValues
// when it could not and shows the true final values the server sent,
// RevealNone before the end.
func (t *RemoteTable) Revelation() RevealKind {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.revelation()
}

// revelation is Revelation with the table's lock held.
func (t *RemoteTable) revelation() RevealKind {
	switch {
	case t.truth != nil:
		return RevealGame
	case t.end != nil:
		return RevealValues
	}
	return RevealNone
}

// RevealedScores returns every actor's final score as the server revealed
// it, in the scenario's order, or the server's reason for giving none
// (Reveal.ScoreError); nil and "" before the end.
func (t *RemoteTable) RevealedScores() (scores []float64, fault string) {
	scores = t.FinalScores()
	t.mu.Lock()
	defer t.mu.Unlock()
	if r := t.view.Reveal; t.view.Over && r != nil {
		fault = r.ScoreError
	}
	return scores, fault
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

// RevealValuesStatus is what a remote scene's header says once the game
// is revealed but not rebuilt on this machine (RevealValues), after the
// dashboard's title has said the values are the true ones at the end:
// short, so that both fit the header of a small window.
const RevealValuesStatus = "causes not rebuilt here"

// Revelation says how much of the true game a remote link shows
// (RemoteTable.Revelation); RevealNone at a local table.
func (f *Flow) Revelation() RevealKind {
	if f.remote == nil {
		return RevealNone
	}
	return f.remote.Table.Revelation()
}

// WhyUnrebuilt reports whether the why view shown explains an indicator
// whose causes this machine could not rebuild: the served game is
// revealed without being rebuilt (RevealValues) and the link did not see
// the indicator exactly in play, so it has no chain of causes of its own.
func (f *Flow) WhyUnrebuilt() bool {
	w := SceneOf[*WhyScene](f)
	if w == nil || f.Revelation() != RevealValues {
		return false
	}
	return !f.remote.Table.OwnChain(f.Viewer(), w.Var)
}

// WhyRevealNote says, in the why view of a game revealed but not rebuilt
// on this machine (RevealValues), where its values and causes come from:
// for an indicator the link saw exactly, that the causes are those it saw
// in play; for one it did not, that the causes were not rebuilt. It is nil
// for any other game.
func (f *Flow) WhyRevealNote() []string {
	w := SceneOf[*WhyScene](f)
	if w == nil || f.Revelation() != RevealValues {
		return nil
	}
	m := f.Table().Model()
	name := m.Scenario.Vars[w.Var].Name
	out := []string{"The server revealed every true value at the end of the game, but the turns it revealed do not play again on this machine to those values (the facilitator set a value or injected an event this seat did not see exactly), so the true causes could not be rebuilt here."}
	if f.WhyUnrebuilt() {
		out = append(out, "How much each cause moved "+name+": not rebuilt. The values before the end are your estimates; the facilitator's debrief shows the causes.")
		if moved := MovedBy(m, w.Var); len(moved) > 0 {
			out = append(out, "What moves it in the scenario: "+strings.Join(moved, "; ")+".")
		}
		return out
	}
	return append(out, "The causes below are those your seat saw during play.")
}

// WhyUnrebuiltChange says the why view's indicator over its turn when its
// causes were not rebuilt (WhyUnrebuilt): the seat's estimate at the start,
// and at the end of the turn its estimate again, or the true value when
// the turn is the game's last.
func (f *Flow) WhyUnrebuiltChange() string {
	w := SceneOf[*WhyScene](f)
	tb := f.Table()
	if w == nil || tb == nil || w.Turn < 1 {
		return ""
	}
	m := tb.Model()
	seat := f.seat()
	from, to := tb.View(seat, w.Turn-1), tb.View(seat, w.Turn)
	before := FormatValue(m, w.Var, from.Vals[w.Var], from.SD[w.Var], !from.Exact[w.Var])
	after := FormatValue(m, w.Var, to.Vals[w.Var], to.SD[w.Var], !to.Exact[w.Var])
	if to.Exact[w.Var] && w.Turn >= tb.Played() {
		return "Your estimate " + before + " → true value at the end " + after
	}
	return "Your estimate: " + before + " → " + after
}

// RevealedScoreLine says the seat's final score as the server revealed it
// once the game is over, or why the server gave none; "" before the end,
// at a local table, or for a link that plays no seat.
func (f *Flow) RevealedScoreLine() string {
	if f.remote == nil || f.Revelation() == RevealNone {
		return ""
	}
	seat := f.remote.Table.Seat()
	scores, fault := f.remote.Table.RevealedScores()
	switch {
	case fault != "":
		return "Final scores: the server could not compute them: " + fault
	case seat < 0 || seat >= len(scores):
		return ""
	}
	return fmt.Sprintf("Your final score %s, on the true values the server revealed", SignedScore(scores[seat]))
}
