package sim

import (
	"fmt"
	"slices"

	"github.com/sixparty/sixparty/internal/suggest"
)

// This file holds commitments: an option of an event's choice may bind
// levers for some turns ('binds:'), so that a declared moratorium stops
// the tests it promises to stop. A binding caps a lever at a level; an
// order above it is not available unless the binding says what breaking
// it costs ('broken:'), in which case the order breaks the commitment:
// those effects apply from that turn and the binding lapses.

// Bind is a commitment an option makes: while it binds, its lever may be
// ordered at most at level Max.
type Bind struct {
	Lever    string         `yaml:"lever" doc:"The lever the commitment binds."`
	Max      string         `yaml:"max" doc:"The highest level allowed while it binds, by its identifier (default: the lever's first level, so the lever is off)."`
	Turns    int            `yaml:"turns" doc:"How many turns it binds, from the turn after the choice is made."`
	Text     string         `yaml:"text" doc:"The commitment in words, as the orders screen and errors give it when it forbids a level."`
	Broken   []Effect       `yaml:"broken" doc:"What breaking it costs: effects that start the turn the lever is ordered above max, after which the commitment lapses. Without them the commitment cannot be broken."`
	Pos      Pos            `yaml:"-"`
	FieldPos map[string]Pos `yaml:"-"`
}

// Commit is a commitment binding in a state: bind Bind of option Option of
// event Event, from turn From to turn To.
type Commit struct {
	Event, Option, Bind int
	From, To            int
}

// cBind is a compiled Bind.
type cBind struct {
	lever  int
	max    int
	turns  int
	text   string
	broken []cEffect
	first  int // index of its first broken effect in its option's list
}

// binds compiles the commitments of option opt (of event ce): each needs
// an existing lever, a level of it, at least one turn and its words; the
// effects of breaking it are compiled like any effect.
func (c *compiler) binds(ce *cEvent, o *Option) {
	var list []cBind
	var broken []cEffect
	for i := range o.Binds {
		b := &o.Binds[i]
		cb := cBind{lever: -1, turns: b.Turns, text: b.Text, first: len(broken)}
		if b.Lever == "" {
			c.add(b.Pos, "a commitment needs a 'lever'")
		} else if li, ok := c.m.levers[b.Lever]; !ok {
			c.add(fieldPos(b.FieldPos, "lever", b.Pos), "unknown lever %q%s", b.Lever, suggest.Hint(b.Lever, c.m.leverIDs()))
		} else {
			cb.lever = li
			if b.Max != "" {
				levels := c.s.Levers[li].Levels
				cb.max = slices.Index(levels, b.Max)
				if cb.max < 0 {
					c.add(fieldPos(b.FieldPos, "max", b.Pos), "lever %q has no level %q%s", b.Lever, b.Max, suggest.Hint(b.Max, levels))
					cb.max = 0
				} else if cb.max == len(levels)-1 {
					c.add(fieldPos(b.FieldPos, "max", b.Pos), "max %q is the lever's highest level: the commitment would bind nothing", b.Max)
				}
			}
		}
		if b.Turns < 1 {
			c.add(fieldPos(b.FieldPos, "turns", b.Pos), "a commitment must bind for at least 1 turn, found %d", b.Turns)
		}
		if b.Text == "" {
			c.add(b.Pos, "a commitment needs a 'text': the words the orders screen gives when it forbids a level")
		}
		cb.broken = c.effects(b.Broken, c.fx)
		broken = append(broken, cb.broken...)
		list = append(list, cb)
	}
	ce.binds = append(ce.binds, list)
	ce.broken = append(ce.broken, broken)
}

// binding returns the strictest commitment binding lever li in state s:
// the lowest cap, and at the same cap one that cannot be broken. ok is
// false when none binds it.
func (m *Model) binding(s *State, li int) (c Commit, b *cBind, ok bool) {
	for _, k := range s.Commits {
		if k.From > s.Turn || k.To < s.Turn {
			continue
		}
		kb := &m.cEvents[k.Event].binds[k.Option][k.Bind]
		if kb.lever != li {
			continue
		}
		if !ok || kb.max < b.max || kb.max == b.max && len(b.broken) > 0 && len(kb.broken) == 0 {
			c, b, ok = k, kb, true
		}
	}
	return c, b, ok
}

// bound reports whether a commitment that cannot be broken caps lever li
// in state s, at which level, and why in the scenario's words.
func (m *Model) bound(s *State, li int) (max int, why string, ok bool) {
	c, b, ok := m.binding(s, li)
	if !ok || len(b.broken) > 0 {
		return 0, "", false
	}
	return b.max, fmt.Sprintf("%s (binding through %s)", b.text, m.Date(c.To)), true
}

// MaxLevel returns the highest level lever li may be ordered at in state
// s: 0 when it is not available, else its highest level, or the level a
// commitment that cannot be broken caps it at.
func (m *Model) MaxLevel(s *State, li int) int {
	if ok, _ := m.Available(s, li); !ok {
		return 0
	}
	top := min(len(m.cLevers[li].cost)-1, m.levelGate(s, li)) // levels gated by 'level_requires' (sim/levels.go)
	if max, _, ok := m.bound(s, li); ok && max < top {
		return max
	}
	return top
}

// MaxLevels returns MaxLevel(s, li) for every lever li, in dst when it
// has room: availability is computed once for the state
// (AvailableLevers), so computer players ask it once per state.
func (m *Model) MaxLevels(s *State, dst []int) []int {
	if cap(dst) < m.nl {
		dst = make([]int, m.nl)
	}
	dst = dst[:m.nl]
	avail := m.AvailableLevers(s, nil)
	for li := range m.cLevers {
		dst[li] = 0
		if !avail[li] {
			continue
		}
		top := min(len(m.cLevers[li].cost)-1, m.levelGate(s, li))
		if max, _, ok := m.bound(s, li); ok && max < top {
			top = max
		}
		dst[li] = top
	}
	return dst
}

// Breaks reports whether ordering lever li at level lvl in state s breaks
// a commitment, and its words: the order is allowed, at the cost the
// commitment states.
func (m *Model) Breaks(s *State, li, lvl int) (string, bool) {
	_, b, ok := m.binding(s, li)
	if !ok || lvl <= b.max || len(b.broken) == 0 {
		return "", false
	}
	return b.text, true
}

// chosen returns the option chosen in event ei of the briefing (the first
// when none was given), or -1 for an event without a choice.
func (ev *cEvent) chosen(ei int, choices []int) int {
	if ev.chooser < 0 {
		return -1
	}
	if ei < len(choices) && choices[ei] >= 0 && choices[ei] < len(ev.options) {
		return choices[ei]
	}
	return 0
}

// commitments updates next's commitments for the turn of cur: those that
// lapsed are dropped; one broken by this turn's levels is dropped and the
// effects of breaking it are returned, for the caller to apply or queue;
// and the options chosen in the briefing add theirs, binding from the next
// turn.
func (st *Stepper) commitments(cur *State, levels, choices []int, next *State) (broken []Pending) {
	m := st.m
	turn := cur.Turn
	keep := next.Commits[:0]
	for _, k := range next.Commits {
		if k.To < turn {
			continue
		}
		ev := &m.cEvents[k.Event]
		b := &ev.binds[k.Option][k.Bind]
		if k.From <= turn && levels[b.lever] > b.max && len(b.broken) > 0 {
			cause := Cause{Kind: ByEvent, Index: k.Event, Actor: ev.chooser, Level: 1, Option: k.Option}
			base := len(ev.effects) + len(ev.options[k.Option]) + b.first
			for j, e := range b.broken {
				broken = append(broken, Pending{Cause: cause, Effect: base + j, From: turn + e.delay, To: turn + e.delay + e.lasts - 1})
			}
			continue
		}
		keep = append(keep, k)
	}
	next.Commits = keep
	for _, ei := range cur.Briefing {
		ev := &m.cEvents[ei]
		opt := ev.chosen(ei, choices)
		if opt < 0 {
			continue
		}
		for bi, b := range ev.binds[opt] {
			next.Commits = append(next.Commits, Commit{Event: ei, Option: opt, Bind: bi, From: turn + 1, To: turn + b.turns})
		}
	}
	return broken
}

// optionEffect returns effect k of option opt of ev, counting the effects
// of breaking its commitments after its own.
func (ev *cEvent) optionEffect(opt, k int) *cEffect {
	if k < len(ev.options[opt]) {
		return &ev.options[opt][k]
	}
	return &ev.broken[opt][k-len(ev.options[opt])]
}
