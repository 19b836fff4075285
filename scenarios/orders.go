package scenarios

import (
	"reflect"
	"slices"
	"strconv"

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
	Scenario string      `yaml:"scenario"`
	Turns    []trackItem `yaml:"turns"`
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

// LoadTrack reads an orders track for model m. Every mistake is reported
// with its position, as for scenarios.
func LoadTrack(name string, src []byte, m *sim.Model) (*Track, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, sim.ErrorList{{Pos: sim.Pos{File: name}, Msg: err.Error()}}
	}
	if len(doc.Content) == 0 {
		return nil, sim.ErrorList{{Pos: sim.Pos{File: name, Line: 1, Col: 1}, Msg: "the file is empty"}}
	}
	d := &decoder{file: name, tainted: map[sim.Pos]bool{}}
	var f trackFile
	d.decode(doc.Content[0], reflect.ValueOf(&f).Elem(), "the track")
	s := m.Scenario
	if f.Scenario != "" && f.Scenario != s.Meta.ID {
		d.errs.Add(sim.Pos{File: name, Line: 1, Col: 1}, "the track is for scenario %q, not %q", f.Scenario, s.Meta.ID)
	}
	t := &Track{Scripted: make([]bool, len(s.Actors)), turns: map[int]trackTurn{}, m: m}
	var dates, actorIDs []string
	for turn := 1; turn <= s.Meta.Turns; turn++ {
		dates = append(dates, m.Date(turn))
	}
	for _, a := range s.Actors {
		actorIDs = append(actorIDs, a.ID)
	}
	for i := range f.Turns {
		it := &f.Turns[i]
		turn := it.Turn
		if it.Date != "" {
			turn = 0
			for k, dt := range dates {
				if dt == it.Date {
					turn = k + 1
				}
			}
			if turn == 0 {
				d.errs.Add(it.FieldPos["date"], "no turn falls on %q%s", it.Date, suggest.Hint(it.Date, dates))
				continue
			}
		}
		if turn < 1 || turn > s.Meta.Turns {
			d.errs.Add(it.Pos, "turn must be between 1 and %d (or give a date)", s.Meta.Turns)
			continue
		}
		if _, dup := t.turns[turn]; dup {
			d.errs.Add(it.Pos, "turn %d (%s) is given twice", turn, m.Date(turn))
			continue
		}
		tt := trackTurn{orders: sim.Orders{}, choices: sim.Choices(it.Choices)}
		for _, a := range sortedKeys(it.Orders) {
			ai := m.ActorIndex(a)
			if ai < 0 {
				d.errs.Add(it.FieldPos["orders."+a], "unknown actor %q%s", a, suggest.Hint(a, actorIDs))
				continue
			}
			t.Scripted[ai] = true
			tt.orders[a] = map[string]int{}
			for _, lid := range sortedKeys(it.Orders[a]) {
				li := m.LeverIndex(lid)
				if li < 0 {
					var ids []string
					for _, k := range m.ActorLevers(ai) {
						ids = append(ids, s.Levers[k].ID)
					}
					d.errs.Add(it.FieldPos["orders."+a], "%s: unknown lever %q%s", a, lid, suggest.Hint(lid, ids))
					continue
				}
				lv := it.Orders[a][lid]
				lvl := slices.Index(s.Levers[li].Levels, lv)
				if lvl < 0 {
					n, err := strconv.Atoi(lv)
					if err != nil || n < 0 || n >= len(s.Levers[li].Levels) {
						d.errs.Add(it.FieldPos["orders."+a], "%s: lever %q has no level %q%s", a, lid, lv, suggest.Hint(lv, s.Levers[li].Levels))
						continue
					}
					lvl = n
				}
				tt.orders[a][lid] = lvl
			}
		}
		t.turns[turn] = tt
	}
	if err := d.errs.Err(); err != nil {
		return nil, err
	}
	return t, nil
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
