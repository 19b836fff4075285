package sim

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/sixparty/sixparty/internal/suggest"
)

// Orders are the lever levels actors order for one turn: actor id, then
// lever id, then level. A lever left out is at level 0.
type Orders map[string]map[string]int

// Choices are the options chosen in the events of a briefing: event id,
// then option id. An event left out takes its first option. A partner in
// a joint decision answers under PartnerKey(event id, actor id); see
// sim/joint.go.
type Choices map[string]string

// OrderError is a mistake in orders. Nothing is applied when orders have
// one.
type OrderError struct {
	Actor string
	Lever string
	Msg   string
}

func (e *OrderError) Error() string {
	var b strings.Builder
	b.WriteString("sim: orders")
	if e.Actor != "" {
		b.WriteString(" of " + e.Actor)
	}
	if e.Lever != "" {
		b.WriteString(": " + e.Lever)
	}
	b.WriteString(": " + e.Msg)
	return b.String()
}

// Levels converts orders into a level per lever, in the scenario's order,
// and checks them against the state: every actor and lever must exist, a
// lever must belong to the actor ordering it, its level must be in range,
// its precondition must hold, and each actor's total cost must be within
// its budget. Actors are checked in the scenario's order so the first
// error reported does not depend on map order.
func (m *Model) Levels(s *State, o Orders) ([]int, error) {
	levels := make([]int, m.nl)
	if !m.fillLevels(levels, o) {
		return nil, m.ordersError(o)
	}
	if err := m.CheckLevels(s, levels); err != nil {
		return nil, err
	}
	return levels, nil
}

// fillLevels sets levels from orders that name only existing actors and
// their own levers, in map order (each lever has one entry, so the order
// cannot change the levels), and reports whether they did; ordersError
// then says, in a fixed order, what is wrong. Orders that are right, as
// a game's nearly always are, need no sorting.
func (m *Model) fillLevels(levels []int, o Orders) bool {
	for a, lv := range o {
		ai, ok := m.actors[a]
		if !ok {
			return false
		}
		for lid, lvl := range lv {
			li, ok := m.levers[lid]
			if !ok || m.cLevers[li].actor != ai {
				return false
			}
			levels[li] = lvl
		}
	}
	return true
}

// ordersError returns the first error of orders that fillLevels refused:
// an unknown actor (by id), else, actors in the scenario's order and
// levers by id, an unknown lever or another actor's.
func (m *Model) ordersError(o Orders) error {
	for _, id := range slices.Sorted(maps.Keys(o)) {
		if _, ok := m.actors[id]; !ok {
			return &OrderError{Actor: id, Msg: "unknown actor" + suggest.Hint(id, m.actorIDs())}
		}
	}
	for ai := range m.Scenario.Actors {
		a := m.Scenario.Actors[ai].ID
		for _, lid := range slices.Sorted(maps.Keys(o[a])) {
			li, ok := m.levers[lid]
			if !ok {
				var mine []string
				for _, k := range m.byActor[ai] {
					mine = append(mine, m.Scenario.Levers[k].ID)
				}
				hint := suggest.Hint(lid, mine)
				if hint == "" {
					hint = suggest.Hint(lid, m.leverIDs())
				}
				return &OrderError{Actor: a, Lever: lid, Msg: "unknown lever" + hint}
			}
			if owner := m.cLevers[li].actor; owner != ai {
				return &OrderError{Actor: a, Lever: lid, Msg: "the lever belongs to " + m.Scenario.Actors[owner].ID}
			}
		}
	}
	return fmt.Errorf("sim: orders: refused") // not reached: fillLevels refused only what is above
}

// CheckLevels checks a level per lever against the state: ranges,
// preconditions and budgets.
func (m *Model) CheckLevels(s *State, levels []int) error {
	if len(levels) != m.nl {
		return fmt.Errorf("sim: orders: %d levels for %d levers", len(levels), m.nl)
	}
	var slots []float64 // s loaded, once a precondition needs it
	for ai := range m.Scenario.Actors {
		a := m.Scenario.Actors[ai].ID
		for _, li := range m.byActor[ai] {
			l := &m.Scenario.Levers[li]
			lvl := levels[li]
			if lvl < 0 || lvl >= len(l.Levels) {
				return &OrderError{Actor: a, Lever: l.ID, Msg: fmt.Sprintf("level %d is out of range 0..%d", lvl, len(l.Levels)-1)}
			}
			if max, why, ok := m.bound(s, li); ok && lvl > max {
				return &OrderError{Actor: a, Lever: l.ID, Msg: above(l, max) + why}
			}
			if why := m.gated(s, li, lvl); why != "" && m.available(s, li) {
				return &OrderError{Actor: a, Lever: l.ID, Msg: why}
			}
			if lvl == 0 || m.cLevers[li].requires == nil {
				continue
			}
			if slots == nil {
				slots = make([]float64, m.nslots)
				m.loadSlots(slots, s)
			}
			ok, f := m.requires(s, li, slots)
			if f.set {
				return &EvalError{Turn: s.Turn, Pos: f.pos, Msg: f.msg}
			}
			if !ok {
				return &OrderError{Actor: a, Lever: l.ID, Msg: "not available: " + m.unavailable(li, f)}
			}
		}
		if total := m.OrdersCostIn(s, ai, levels); !m.AffordableIn(s, ai, total) {
			return &OrderError{Actor: a, Msg: fmt.Sprintf("the orders cost %g, over the budget of %g", total, m.BudgetIn(s, ai))}
		}
	}
	return nil
}

// Available reports whether lever li may be set above level 0 in state s,
// and if not, why not in the scenario's words. A precondition that faults
// in s (a division by zero, the logarithm of a number that is not
// positive...) makes the lever unavailable here; a Game never reaches
// such a state: it reports the fault, an *EvalError, instead (see
// RequiresFault).
func (m *Model) Available(s *State, li int) (bool, string) {
	ok, f := m.requires(s, li, nil)
	if !ok {
		return false, m.unavailable(li, f)
	}
	if max, why, ok := m.bound(s, li); ok && max == 0 {
		return false, why
	}
	return true, ""
}

// above says which levels of lever l a commitment capping it at max
// forbids, for messages: "not available: " when it forbids every level
// above the first, else "not available above LEVEL: ".
func above(l *Lever, max int) string {
	if max == 0 {
		return "not available: "
	}
	return fmt.Sprintf("not available above %s: ", l.LevelName(max))
}

// unavailable says why lever li is unavailable, its precondition having
// come out false or met fault f.
func (m *Model) unavailable(li int, f fault) string {
	l := &m.Scenario.Levers[li]
	if f.set {
		return fmt.Sprintf("requires %s, which cannot be evaluated: %s: %s", strings.Join(strings.Fields(l.Requires.Src), " "), f.pos, f.msg)
	}
	if l.RequiresText != "" {
		return l.RequiresText
	}
	return "requires " + strings.Join(strings.Fields(l.Requires.Src), " ")
}

// requires evaluates lever li's precondition in state s (true for a lever
// without one) and returns the fault met, if any (then false). slots, if
// not nil, already holds s loaded.
func (m *Model) requires(s *State, li int, slots []float64) (bool, fault) {
	cl := &m.cLevers[li]
	if cl.requires == nil {
		return true, fault{}
	}
	if slots == nil {
		slots = make([]float64, m.nslots)
		m.loadSlots(slots, s)
	}
	var f fault
	e := env{s: slots, rng: &RNG{}, fault: &f}
	ok := cl.requires(&e)
	if f.set {
		return false, f
	}
	return ok, f
}

// RequiresFault evaluates every lever's precondition in state s, in the
// scenario's order (then the budget formulas, the level conditions, the
// cost expressions and the 'seen_by' expressions), and returns the first
// fault met as an *EvalError of the given turn, or nil. A precondition
// that faults is a mistake of the scenario, not a lever that is
// unavailable: Game checks every state it reaches with it.
func (m *Model) RequiresFault(s *State, turn int) error {
	var slots []float64 // s loaded, once an expression needs it
	loaded := func() []float64 {
		if slots == nil {
			slots = make([]float64, m.nslots)
			m.loadSlots(slots, s)
		}
		return slots
	}
	for li := range m.cLevers {
		if m.cLevers[li].requires == nil {
			continue
		}
		if _, f := m.requires(s, li, loaded()); f.set {
			return &EvalError{Turn: turn, Pos: f.pos, Msg: f.msg}
		}
	}
	for ai := range m.budgetFn {
		if m.budgetFn[ai] == nil {
			continue
		}
		if f, ok := m.budgetFault(s, ai, loaded()); ok {
			return &EvalError{Turn: turn, Pos: f.pos, Msg: f.msg}
		}
	}
	for li := range m.cLevers {
		if m.cLevers[li].levelReq != nil {
			if f, ok := m.levelFault(s, li, loaded()); ok {
				return &EvalError{Turn: turn, Pos: f.pos, Msg: f.msg}
			}
		}
	}
	for li := range m.cLevers {
		if m.cLevers[li].costFn != nil {
			if f, ok := m.costFault(li, loaded()); ok { // costs read on the state (sim/budget.go)
				return &EvalError{Turn: turn, Pos: f.pos, Msg: f.msg}
			}
		}
	}
	if f, ok := m.seenFault(s); ok {
		return &EvalError{Turn: turn, Pos: f.pos, Msg: f.msg}
	}
	return nil
}

// ChoiceIndices converts choices into an option index per event (-1 where
// none was given), checking that each names an event of the briefing that
// asks for a choice, and one of its options (with a did-you-mean hint for
// a misspelt one). Events are checked in the order of their ids, so the
// error reported does not depend on map order.
func (m *Model) ChoiceIndices(s *State, c Choices) ([]int, error) {
	out := make([]int, len(m.cEvents))
	for i := range out {
		out[i] = -1
	}
	var answers map[[2]int]int // partners' answers to joint decisions (sim/joint.go)
	for _, eid := range slices.Sorted(maps.Keys(c)) {
		if strings.Contains(eid, "/") {
			ei, ai, k, msg := m.partnerAnswer(s, eid, c[eid])
			if msg != "" {
				return nil, fmt.Errorf("sim: choices: %s", msg)
			}
			if answers == nil {
				answers = map[[2]int]int{}
			}
			answers[[2]int{ei, ai}] = k
			continue
		}
		ei, k, msg := m.choiceIndex(s, eid, c[eid])
		if msg != "" {
			return nil, fmt.Errorf("sim: choices: %s", msg)
		}
		out[ei] = k
	}
	m.agreed(s, out, answers)
	return out, nil
}

// choiceIndex returns the event and option indices of choosing option opt
// in event eid, or what is wrong with the choice.
func (m *Model) choiceIndex(s *State, eid, opt string) (ei, k int, msg string) {
	ei = m.EventIndex(eid)
	if ei < 0 {
		var ids []string
		for _, e := range m.Scenario.Events {
			if e.Choice != nil {
				ids = append(ids, e.ID)
			}
		}
		return -1, -1, fmt.Sprintf("unknown event %q%s", eid, suggest.Hint(eid, ids))
	}
	ch := m.Scenario.Events[ei].Choice
	if ch == nil {
		return -1, -1, fmt.Sprintf("event %q asks for no choice", eid)
	}
	if !slices.Contains(s.Briefing, ei) {
		return -1, -1, fmt.Sprintf("event %q is not in this turn's briefing", eid)
	}
	ids := make([]string, len(ch.Options))
	for k, o := range ch.Options {
		ids[k] = o.ID
	}
	if k = slices.Index(ids, opt); k < 0 {
		return -1, -1, fmt.Sprintf("event %q has no option %q%s", eid, opt, suggest.Hint(opt, ids))
	}
	return ei, k, ""
}

// BudgetTolerance is how far over its budget an actor's orders may cost
// and still count as affordable. Costs are sums of decimal fractions, which
// binary floating point cannot hold exactly (0.1 + 0.2 is a little more
// than 0.3), so orders that cost exactly the budget on paper must not be
// refused for a rounding error. Every check of a budget goes through
// Affordable, which applies it.
const BudgetTolerance = 1e-9

// Affordable reports whether actor ai can pay cost from its budget,
// within BudgetTolerance.
func (m *Model) Affordable(ai int, cost float64) bool {
	return cost <= m.Scenario.Actors[ai].Budget+BudgetTolerance
}

// CarryForward returns draft orders for the turn of state s, starting from
// levels (a level per lever: usually s.Levels, the orders last played):
// every lever at its level where state s still allows it, at 0 where the
// level is out of range or the lever not available, at the cap where a
// commitment caps it (MaxLevel), and every lever of an
// actor whose levers would then cost more than its budget at 0. The result
// is a new slice that CheckLevels accepts.
func (m *Model) CarryForward(s *State, levels []int) []int {
	return m.CarryForwardAt(s, s, levels)
}

// CarryForwardAt is CarryForward with the budgets and the costs read on
// priced rather than on s (a state of the same turn and orders): a
// computer player carries the other actors' orders forward at their costs
// as it believes them (a cost or a budget formula may read what its own
// actor alone sees exactly), while which levers the rules allow is read
// on s, as every orders screen shows it.
func (m *Model) CarryForwardAt(s, priced *State, levels []int) []int {
	out := make([]int, m.nl)
	copy(out, levels)
	var top []int
	for li, lvl := range out {
		if lvl < 0 || lvl >= len(m.cLevers[li].cost) {
			out[li] = 0
		} else if lvl > 0 {
			if top == nil {
				top = m.MaxLevels(s, nil)
			}
			out[li] = min(lvl, top[li])
		}
	}
	for ai := range m.Scenario.Actors {
		if !m.AffordableIn(priced, ai, m.OrdersCostIn(priced, ai, out)) {
			for _, li := range m.byActor[ai] {
				out[li] = 0
			}
		}
	}
	return out
}

// Drop is a part of orders, choices or a facilitator's adjustment that
// Sanitize or a lenient Replay left out because the scenario does not
// allow it: what it was, on which turn, and why.
type Drop struct {
	Turn int
	What string
	Why  string
}

// String says what was dropped: "turn 2: a: a.gone=1 dropped: no such
// lever of a".
func (d Drop) String() string {
	return fmt.Sprintf("turn %d: %s dropped: %s", d.Turn, d.What, d.Why)
}

// Sanitize returns the part of orders o and choices c that m allows in
// state s, which Levels and ChoiceIndices then accept, and what it
// dropped. A lever order is dropped when the actor or lever does not
// exist, the lever belongs to another actor, the level is out of range or
// the lever is not available; an actor's remaining orders are all dropped
// when they cost more than its budget; a choice is dropped when
// ChoiceIndices would refuse it. The drops come in a fixed order: orders
// by actor id then lever id, then choices by event id.
func (m *Model) Sanitize(s *State, o Orders, c Choices) (Orders, Choices, []Drop) {
	var drops []Drop
	drop := func(what, format string, args ...any) {
		drops = append(drops, Drop{Turn: s.Turn, What: what, Why: fmt.Sprintf(format, args...)})
	}
	out := Orders{}
	levels := make([]int, m.nl)
	for _, a := range slices.Sorted(maps.Keys(o)) {
		ai := m.ActorIndex(a)
		if ai < 0 {
			drop("orders of "+a, "no such actor%s", suggest.Hint(a, m.actorIDs()))
			continue
		}
		mine := map[string]int{}
		for _, l := range slices.Sorted(maps.Keys(o[a])) {
			lvl := o[a][l]
			what := fmt.Sprintf("%s: %s=%d", a, l, lvl)
			li := m.LeverIndex(l)
			switch {
			case li < 0 || m.LeverActor(li) != ai:
				drop(what, "no such lever of %s", a)
			case lvl < 0 || lvl >= len(m.Scenario.Levers[li].Levels):
				drop(what, "no level %d (the levels are 0..%d)", lvl, len(m.Scenario.Levers[li].Levels)-1)
			case lvl > 0 && !m.available(s, li):
				_, why := m.Available(s, li)
				drop(what, "not available: %s", why)
			case m.gated(s, li, lvl) != "":
				drop(what, "%s", m.gated(s, li, lvl))
			case lvl > m.MaxLevel(s, li):
				max, why, _ := m.bound(s, li)
				drop(what, "%s%s", above(&m.Scenario.Levers[li], max), why)
			default:
				mine[l] = lvl
			}
		}
		clear(levels)
		for l, lvl := range mine {
			levels[m.LeverIndex(l)] = lvl
		}
		if cost := m.OrdersCostIn(s, ai, levels); !m.AffordableIn(s, ai, cost) {
			drop("orders of "+a, "they cost %g, over the budget of %g", cost, m.BudgetIn(s, ai))
			continue
		}
		out[a] = mine
	}
	outC := Choices{}
	for _, e := range slices.Sorted(maps.Keys(c)) {
		msg := ""
		if strings.Contains(e, "/") {
			_, _, _, msg = m.partnerAnswer(s, e, c[e])
		} else {
			_, _, msg = m.choiceIndex(s, e, c[e])
		}
		if msg != "" {
			drop(fmt.Sprintf("choice %s=%s", e, c[e]), "%s", msg)
			continue
		}
		outC[e] = c[e]
	}
	return out, outC, drops
}

// available reports whether lever li may be set above level 0 in state s.
func (m *Model) available(s *State, li int) bool {
	ok, _ := m.Available(s, li)
	return ok
}
