package flow

import (
	"fmt"
	"slices"

	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// Table is the game a front end plays at, as its seats may see it. The
// scenes render a seat's view through it (what sim.Game.View gives the
// seat, the ledger entries it may see, the orders revealed), never the
// whole game, so that the same screens serve two kinds of table:
//
//   - a local table (LocalTable): solo or hot-seat play on one machine,
//     the engine running in the process;
//   - a remote table: one seat of a game served by `sixparty serve`, fed
//     by the server's messages (its view, its draft, the ready flags, the
//     turns played with the changes it may see, its channels' messages).
//
// Every method answers from what the table holds now and never blocks; a
// remote table updates itself between frames and says so from Poll.
// Seats are actor indexes of Model; seat -1 asks for the exact values,
// which only a local table (the facilitator, the end of the game) gives.
type Table interface {
	// Model is the scenario played: public to every seat.
	Model() *sim.Model
	// Seats says who plays each actor.
	Seats() []Seat
	// Turn is the turn being ordered, from 1; Played how many turns have
	// been played.
	Turn() int
	Played() int
	// Over reports whether the game has ended, and Outcome how (nil
	// before the end, or when the turn limit ended it with no outcome
	// declared).
	Over() bool
	Outcome() *sim.Outcome
	// Briefing lists the events of the turn being ordered.
	Briefing() []int
	// View returns what seat saw at the start of turn t+1 (t from 0, the
	// start of the game, to Played, now): every value, exact or estimated.
	View(seat, t int) sim.View
	// Known reports whether seat sees variable vi exactly.
	Known(seat, vi int) bool
	// Entries returns the ledger entries of turn t (from 1) the table may
	// show: the facilitator's adjustments made before it, then the turn's
	// own. A remote table holds only those of its seat; scenes still show
	// only the entries of variables the viewer knows exactly.
	Entries(t int) []sim.Entry
	// Levels returns every lever's level on turn t (from 1): the orders
	// revealed at adjudication.
	Levels(t int) []int
	// Submit gives seat's orders and choices for the turn being ordered
	// (the seat is then ready); Ready reports whether it has.
	Submit(seat int, orders map[string]int, choices sim.Choices) error
	Ready(seat int) bool
	// Messages returns the messages seat may read, oldest first (none at
	// a local table).
	Messages(seat int) []Message
	// Poll reports whether the table changed since the last call: a
	// remote table's new messages from the server. A local table changes
	// only through the flow and always returns false.
	Poll() bool
}

// Message is one negotiation message a seat may read.
type Message struct {
	// Turn is the turn it was sent on; Channel the channel it was sent
	// to; From the actor index of its sender (-1 for the facilitator).
	Turn    int
	Channel string
	From    int
	Text    string
}

// Adjudicator is a Table that plays its turns itself: a local table. Once
// every person has submitted, the flow asks it to play the turn; a remote
// table instead waits for the facilitator's adjudication.
type Adjudicator interface {
	Table
	// Adjudicate lets the computer players decide, plays the turn and
	// returns the turn played.
	Adjudicate() (int, error)
}

// LocalTable is the table of solo and hot-seat play: the game runs in the
// process, and the computer seats decide when the turn is adjudicated.
type LocalTable struct {
	game  *sim.Game
	seats []Seat

	orders  sim.Orders
	picks   sim.Choices
	explain map[string]string
}

// NewLocalTable returns a local table for game g with the seats given
// (one per actor).
func NewLocalTable(g *sim.Game, seats []Seat) *LocalTable {
	t := &LocalTable{game: g, seats: slices.Clone(seats)}
	t.newTurn()
	return t
}

// Game returns the game played at the table. Only a local table has one:
// the scenes that need the whole game (the facilitator's controls, the
// forecast, branches, the end's review) use it where it exists.
func (t *LocalTable) Game() *sim.Game { return t.game }

func (t *LocalTable) newTurn() {
	t.orders, t.picks, t.explain = sim.Orders{}, sim.Choices{}, map[string]string{}
}

// Model implements Table.
func (t *LocalTable) Model() *sim.Model { return t.game.Model }

// Seats implements Table.
func (t *LocalTable) Seats() []Seat { return t.seats }

// Turn implements Table.
func (t *LocalTable) Turn() int { return t.game.Turn() }

// Played implements Table.
func (t *LocalTable) Played() int { return len(t.game.Reports()) }

// Over implements Table.
func (t *LocalTable) Over() bool { return t.game.Over() }

// Outcome implements Table.
func (t *LocalTable) Outcome() *sim.Outcome { return t.game.Outcome() }

// Briefing implements Table.
func (t *LocalTable) Briefing() []int { return t.game.State().Briefing }

// View implements Table.
func (t *LocalTable) View(seat, turn int) sim.View {
	return t.game.ViewOf(t.game.History()[turn], seat)
}

// Known implements Table.
func (t *LocalTable) Known(seat, vi int) bool {
	return seat < 0 || t.game.Model.SeesExactly(seat, vi)
}

// Entries implements Table.
func (t *LocalTable) Entries(turn int) []sim.Entry {
	return append(facEntries(t.game, turn), t.game.Reports()[turn-1].Entries...)
}

// Levels implements Table.
func (t *LocalTable) Levels(turn int) []int { return t.game.Reports()[turn-1].Levels }

// Submit implements Table: the orders wait for Adjudicate.
func (t *LocalTable) Submit(seat int, orders map[string]int, choices sim.Choices) error {
	m := t.game.Model
	if seat < 0 || seat >= len(m.Scenario.Actors) {
		return fmt.Errorf("flow: no seat %d", seat)
	}
	t.orders[m.Scenario.Actors[seat].ID] = orders
	for id, o := range choices {
		t.picks[id] = o
	}
	return nil
}

// Ready implements Table.
func (t *LocalTable) Ready(seat int) bool {
	_, ok := t.orders[t.game.Model.Scenario.Actors[seat].ID]
	return ok
}

// Given returns the orders seat has submitted this turn.
func (t *LocalTable) Given(seat int) (map[string]int, bool) {
	o, ok := t.orders[t.game.Model.Scenario.Actors[seat].ID]
	return o, ok
}

// Picked returns the option chosen in event id this turn.
func (t *LocalTable) Picked(id string) (string, bool) {
	o, ok := t.picks[id]
	return o, ok
}

// Explain returns what each computer player said of its orders on the
// last turn played, by actor id.
func (t *LocalTable) Explain() map[string]string { return t.explain }

// Messages implements Table: a local table has no channels.
func (t *LocalTable) Messages(int) []Message { return nil }

// Poll implements Table.
func (t *LocalTable) Poll() bool { return false }

// Adjudicate implements Adjudicator: the computer seats decide, then the
// turn is played with every order given. On an error the game is
// unchanged.
func (t *LocalTable) Adjudicate() (int, error) { return t.Apply(t.Decide()) }

// Decisions are the computer seats' orders, choices and explanations for
// one turn: what Decide returns and Apply plays.
type Decisions struct {
	orders  sim.Orders
	picks   sim.Choices
	explain map[string]string
	turn    int
}

// Decide lets every computer seat decide its orders for the turn being
// ordered. It only reads the game, so it may run on a goroutine of its
// own while nothing changes the table (the flow shows its thinking
// scene meanwhile).
func (t *LocalTable) Decide() Decisions {
	g := t.game
	m := g.Model
	d := Decisions{orders: sim.Orders{}, picks: sim.Choices{}, explain: map[string]string{}, turn: g.Turn()}
	for i, seat := range t.seats {
		if seat.Human {
			continue
		}
		dec := ai.Decide(g, i, seat.Level)
		id := m.Scenario.Actors[i].ID
		d.orders[id] = dec.Orders
		for _, ei := range g.State().Briefing {
			e := m.Scenario.Events[ei]
			if e.Choice == nil || !m.Decides(ei, i) {
				continue
			}
			key := e.ID // the chooser's answer, or a partner's (sim/joint.go)
			if m.Chooser(ei) != i {
				key = sim.PartnerKey(e.ID, id)
			}
			if o, ok := dec.Choices[key]; ok {
				d.picks[key] = o
			}
		}
		d.explain[id] = dec.Explain
	}
	return d
}

// Apply plays the turn with the people's orders and the computer seats'
// decisions; it returns the turn played. On an error the game is
// unchanged.
func (t *LocalTable) Apply(d Decisions) (int, error) {
	g := t.game
	if d.turn != g.Turn() {
		return 0, fmt.Errorf("flow: decisions for turn %d, the table is at turn %d", d.turn, g.Turn())
	}
	for id, o := range d.orders {
		t.orders[id] = o
	}
	for id, o := range d.picks {
		t.picks[id] = o
	}
	turn := g.Turn()
	_, err := g.Play(t.orders, t.picks)
	t.newTurn()
	t.explain = d.explain
	if err != nil {
		return 0, err
	}
	return turn, nil
}
