package scenarios

import (
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/sixparty/sixparty/internal/suggest"
	"github.com/sixparty/sixparty/sim"
)

// Track is a script of orders for some actors over some turns, such as
// the historical track of a scenario. It is written in YAML as
//
//	scenario: pressure-2017     # optional; checked against the model
//	turns:
//	  - turn: 1                 # or date: 2017-Q4
//	    orders:
//	      us: {us.secondary: quiet, us.denial: 2}
//	    choices: {olympics: accept}
//
// Levels are given by name or number. An actor that appears anywhere in
// the track is scripted on every turn: its orders hold from the turn they
// are given until the next turn that lists the actor, and are all zero
// before the first. Actors that never appear are left to the computer.
type Track struct {
	// Scripted marks the actors the track gives orders for.
	Scripted []bool
	turns    map[int]trackTurn
	m        *sim.Model
}

type trackTurn struct {
	orders  sim.Orders
	choices sim.Choices
}

type trackFile struct {
	Scenario string             `yaml:"scenario"`
	Turns    []trackItem        `yaml:"turns"`
	FieldPos map[string]sim.Pos `yaml:"-"`
}

type trackItem struct {
	Turn     int                          `yaml:"turn"`
	Date     string                       `yaml:"date"`
	Note     string                       `yaml:"note"`
	Orders   map[string]map[string]string `yaml:"orders"`
	Choices  map[string]string            `yaml:"choices"`
	Pos      sim.Pos                      `yaml:"-"`
	FieldPos map[string]sim.Pos           `yaml:"-"`
}

// LoadTrack reads an orders track for model m. The whole track is checked
// before it is used, and every mistake is reported with its position, as
// for scenarios: unknown actors and levers, another actor's lever, levels
// out of range, orders over an actor's budget, and choices for events that
// do not exist, ask for no choice or cannot fire on that turn, or for
// options they do not have. Preconditions ('requires') are checked for
// turn 1, whose state is known; on later turns they depend on the game
// and are checked when the turn is played.
func LoadTrack(name string, src []byte, m *sim.Model) (*Track, error) {
	root, errs := readYAML(name, src)
	if errs == nil {
		errs = checkSize(name, root)
	}
	if errs != nil {
		return nil, errs
	}
	d := &decoder{file: name, tainted: map[sim.Pos]bool{}}
	var f trackFile
	d.decode(root, reflect.ValueOf(&f).Elem(), "the track")
	tc := &trackChecker{d: d, m: m, s: m.Scenario}
	s := m.Scenario
	if f.Scenario != "" && f.Scenario != s.Meta.ID {
		d.errs.Add(fieldPosOr(f.FieldPos, "scenario", sim.Pos{File: name, Line: 1, Col: 1}), "the track is for scenario %q, not %q", f.Scenario, s.Meta.ID)
	}
	t := &Track{Scripted: make([]bool, len(s.Actors)), turns: map[int]trackTurn{}, m: m}
	for turn := 1; turn <= s.Meta.Turns; turn++ {
		tc.dates = append(tc.dates, m.Date(turn))
	}
	for _, a := range s.Actors {
		tc.actorIDs = append(tc.actorIDs, a.ID)
	}
	items := lookup(root, "turns")
	for i := range f.Turns {
		it := &f.Turns[i]
		var node *yaml.Node
		if items != nil && items.Kind == yaml.SequenceNode && i < len(items.Content) {
			node = items.Content[i]
		}
		turn, ok := tc.turn(it)
		if !ok {
			continue
		}
		if _, dup := t.turns[turn]; dup {
			// At the value that names the turn again: the date when
			// the item gives one, else the turn.
			at := fieldPosOr(it.FieldPos, "turn", it.Pos)
			if it.Date != "" {
				at = fieldPosOr(it.FieldPos, "date", it.Pos)
			}
			d.errs.Add(at, "turn %d (%s) is given twice", turn, m.Date(turn))
			continue
		}
		tt := trackTurn{orders: sim.Orders{}, choices: sim.Choices{}}
		orders := lookup(node, "orders")
		for _, a := range slices.Sorted(maps.Keys(it.Orders)) {
			ai := m.ActorIndex(a)
			if ai < 0 {
				d.errs.Add(it.FieldPos["orders."+a], "unknown actor %q%s", a, suggest.Hint(a, tc.actorIDs))
				continue
			}
			t.Scripted[ai] = true
			tt.orders[a] = tc.orders(turn, ai, it.Orders[a], lookup(orders, a), it.FieldPos["orders."+a])
		}
		choices := lookup(node, "choices")
		for _, eid := range slices.Sorted(maps.Keys(it.Choices)) {
			if opt, ok := tc.choice(turn, eid, it.Choices[eid], choices, it.FieldPos["choices."+eid]); ok {
				tt.choices[eid] = opt
			}
		}
		t.turns[turn] = tt
	}
	if err := d.errs.Err(); err != nil {
		return nil, err
	}
	return t, nil
}

// trackChecker checks the items of an orders track against a model.
type trackChecker struct {
	d        *decoder
	m        *sim.Model
	s        *sim.Scenario
	dates    []string // of each turn, from turn 1
	actorIDs []string
	start    *sim.State // the state of turn 1, once needed
	// startOK reports whether every precondition can be evaluated in
	// start (none faults there).
	startOK bool
}

// initial returns the state at the start of turn 1, and whether every
// lever's precondition can be evaluated in it (when one faults, that is a
// mistake of the scenario, not of the track, which the game reports when
// it starts).
func (tc *trackChecker) initial() (*sim.State, bool) {
	if tc.start == nil {
		tc.start = tc.m.InitialState(sim.NewRNG(tc.s.Meta.Seed))
		tc.startOK = tc.m.RequiresFault(tc.start, 1) == nil
	}
	return tc.start, tc.startOK
}

// turn returns the turn an item of the track is for.
func (tc *trackChecker) turn(it *trackItem) (int, bool) {
	d, s := tc.d, tc.s
	_, turnGiven := it.FieldPos["turn"]
	turn := it.Turn
	if it.Date != "" {
		if turnGiven {
			d.errs.Add(it.FieldPos["turn"], "give 'turn' or 'date', not both")
			return 0, false
		}
		turn = slices.Index(tc.dates, it.Date) + 1
		if turn == 0 {
			d.errs.Add(it.FieldPos["date"], "no turn falls on %q%s", it.Date, suggest.Hint(it.Date, tc.dates))
			return 0, false
		}
	}
	if turn < 1 || turn > s.Meta.Turns {
		d.errs.Add(fieldPosOr(it.FieldPos, "turn", it.Pos), "turn must be between 1 and %d (or give a date)", s.Meta.Turns)
		return 0, false
	}
	return turn, true
}

// orders checks one actor's orders on a turn: levers of its own, levels
// they have, a total cost within its budget. node is the YAML mapping of
// the orders (for positions), at where the actor is named.
func (tc *trackChecker) orders(turn, ai int, given map[string]string, node *yaml.Node, at sim.Pos) map[string]int {
	d, m, s := tc.d, tc.m, tc.s
	a := s.Actors[ai].ID
	out := map[string]int{}
	var mine []string
	for _, k := range m.ActorLevers(ai) {
		mine = append(mine, s.Levers[k].ID)
	}
	ok := true
	for _, lid := range slices.Sorted(maps.Keys(given)) {
		keyAt, valAt := at, at
		if k, v := lookupPair(node, lid); k != nil {
			keyAt, valAt = d.pos(k), d.valuePos(v)
		}
		li := m.LeverIndex(lid)
		if li < 0 {
			hint := suggest.Hint(lid, mine)
			if hint == "" {
				var all []string
				for _, l := range s.Levers {
					all = append(all, l.ID)
				}
				hint = suggest.Hint(lid, all)
			}
			d.errs.Add(keyAt, "unknown lever %q%s", lid, hint)
			ok = false
			continue
		}
		if owner := m.LeverActor(li); owner != ai {
			d.errs.Add(keyAt, "lever %q belongs to %s, not %s", lid, s.Actors[owner].ID, a)
			ok = false
			continue
		}
		l := &s.Levers[li]
		lv := given[lid]
		lvl := slices.Index(l.Levels, lv)
		if lvl < 0 {
			n, err := strconv.Atoi(lv)
			if err != nil || n < 0 || n >= len(l.Levels) {
				d.errs.Add(valAt, "lever %q has no level %q (its levels are %s, or 0 to %d)%s", lid, lv, strings.Join(l.Levels, ", "), len(l.Levels)-1, suggest.Hint(lv, l.Levels))
				ok = false
				continue
			}
			lvl = n
		}
		if lvl > 0 && turn == 1 {
			// The state of turn 1 is known, so its preconditions are too.
			if start, known := tc.initial(); known {
				if avail, why := m.Available(start, li); !avail {
					d.errs.Add(valAt, "lever %q is not available on turn 1: %s", lid, why)
					ok = false
				}
			}
		}
		out[lid] = lvl
	}
	if ok {
		levels := make([]int, m.NumLevers())
		for lid, lvl := range out {
			levels[m.LeverIndex(lid)] = lvl
		}
		// On turn 1 the state is known, so are costs read on it; on later
		// turns only the costs that are numbers are, and they are checked
		// against the most the budget can be.
		if start, known := tc.initial(); known && turn == 1 {
			if cost := m.OrdersCostIn(start, ai, levels); !m.AffordableIn(start, ai, cost) {
				d.errs.Add(at, "the orders of %s on turn %d (%s) cost %g, over its budget of %g", a, turn, m.Date(turn), cost, m.BudgetIn(start, ai))
			}
		} else {
			cost := 0.0
			for _, li := range m.ActorLevers(ai) {
				if c, fixed := m.FixedCost(li, levels[li]); fixed {
					cost += c
				}
			}
			if !m.Affordable(ai, cost) {
				d.errs.Add(at, "the orders of %s on turn %d (%s) cost %g, over its budget of %g", a, turn, m.Date(turn), cost, s.Actors[ai].Budget)
			}
		}
	}
	return out
}

// choice checks a choice on a turn: an event that asks for one and can
// fire on that turn, and one of its options.
func (tc *trackChecker) choice(turn int, eid, opt string, node *yaml.Node, at sim.Pos) (string, bool) {
	d, m, s := tc.d, tc.m, tc.s
	keyAt, valAt := at, at
	if k, v := lookupPair(node, eid); k != nil {
		keyAt, valAt = d.pos(k), d.valuePos(v)
	}
	ei := m.EventIndex(eid)
	if ei < 0 {
		var ids []string
		for _, ev := range s.Events {
			if ev.Choice != nil {
				ids = append(ids, ev.ID)
			}
		}
		d.errs.Add(keyAt, "unknown event %q%s", eid, suggest.Hint(eid, ids))
		return "", false
	}
	ev := &s.Events[ei]
	if ev.Choice == nil {
		d.errs.Add(keyAt, "event %q asks for no choice", eid)
		return "", false
	}
	if ev.Turn > 0 && ev.Turn != turn {
		d.errs.Add(keyAt, "event %q can fire only on turn %d (%s), not on turn %d (%s)", eid, ev.Turn, m.Date(ev.Turn), turn, m.Date(turn))
		return "", false
	}
	var ids []string
	for _, o := range ev.Choice.Options {
		ids = append(ids, o.ID)
	}
	if !slices.Contains(ids, opt) {
		d.errs.Add(valAt, "event %q has no option %q (its options are %s)%s", eid, opt, strings.Join(ids, ", "), suggest.Hint(opt, ids))
		return "", false
	}
	return opt, true
}

// lookup returns the value of key in a YAML mapping, or nil.
func lookup(n *yaml.Node, key string) *yaml.Node {
	_, v := lookupPair(n, key)
	return v
}

// lookupPair returns the key node and value node of key in a YAML
// mapping, or nils.
func lookupPair(n *yaml.Node, key string) (*yaml.Node, *yaml.Node) {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			v := n.Content[i+1]
			for v.Kind == yaml.AliasNode && v.Alias != nil {
				v = v.Alias
			}
			return n.Content[i], v
		}
	}
	return nil, nil
}

// fieldPosOr returns where field is written, or fallback.
func fieldPosOr(fields map[string]sim.Pos, field string, fallback sim.Pos) sim.Pos {
	if p, ok := fields[field]; ok {
		return p
	}
	return fallback
}

// Orders returns the track's orders for the scripted actors on a turn,
// carried forward from the last turn that listed each actor, and the
// choices the track makes on that turn.
func (t *Track) Orders(turn int) (sim.Orders, sim.Choices) {
	o := sim.Orders{}
	for ai, a := range t.m.Scenario.Actors {
		if !t.Scripted[ai] {
			continue
		}
		o[a.ID] = map[string]int{}
		for k := turn; k >= 1; k-- {
			if tt, ok := t.turns[k]; ok {
				if lv, ok := tt.orders[a.ID]; ok {
					for l, v := range lv {
						o[a.ID][l] = v
					}
					break
				}
			}
		}
	}
	c := sim.Choices{}
	for k, v := range t.turns[turn].choices {
		c[k] = v
	}
	return o, c
}
