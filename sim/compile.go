package sim

import (
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/sixparty/sixparty/internal/suggest"
)

// Model is a compiled scenario: names resolved to slots and every
// expression compiled, ready to resolve turns. A Model is immutable and
// safe to share between games and goroutines.
type Model struct {
	// Scenario is the definition the model was compiled from. It must not
	// be changed.
	Scenario *Scenario

	reads map[string][]string // what each expression compiled reads, by its source (ExprNames)

	nv, nl    int // variables and levers
	slotTurn  int
	slotLevel int
	nslots    int

	vars      map[string]int
	levers    map[string]int
	actors    map[string]int
	lo, hi    []float64
	visible   [][]bool  // [var][actor]
	seenBy    [][]numFn // [var][actor]: the sd of that actor's estimate, or nil for the variable's noise
	cLevers   []cLever
	byActor   [][]int // lever indices per actor
	cRules    []cRule
	cEvents   []cEvent
	cOutcomes []cOutcome
	limit     int // index of the turn-limit outcome
	cObj      [][]cObjective
	budgetFn  []numFn // per actor: its 'budget_formula', or nil (sim/budget.go)
	// fixedCosts is every lever's costs by level when none is an
	// expression, else nil (sim/budget.go).
	fixedCosts [][]float64
	payoff     [][]float64 // [outcome][actor], nil for an outcome without 'score'
	accIdx     [][]int     // [actor][objective]: index into State.Acc, or -1
	accOf      [][2]int    // per running total: actor and objective
	nacc       int
	cChecks    []compiled
	start      int // months since year 0 of turn 1
	step       int // months per turn

	params    map[string]int // parameter id -> index
	stated    []float64      // each parameter's stated value
	slotParam int            // slot of the first parameter
	known     [][]int        // by actor, the parameters only its objectives read (see known.go)
}

// cEffect is a compiled effect. The fields a turn reads come first, in one
// cache line.
type cEffect struct {
	target int
	delay  int
	lasts  int
	change numFn
	// slow is the checked closure of change when change is its fast
	// closure, for evalFast; nil when change is the checked one.
	slow numFn
	// byLevel holds, when change reads nothing but the level (levelOnly,
	// see compiled.levelOnly), its value at each level the effect can
	// apply at, computed once at load time (levelTables), where every one
	// of them is a finite number.
	byLevel   []float64
	levelOnly bool
	pos       Pos
}

type cLever struct {
	actor    int
	cost     []float64 // per level: its cost, where it is a number
	costFn   []numFn   // per level: its cost expression, or nil (sim/budget.go)
	requires boolFn
	levelReq []boolFn // per level: its own condition, or nil (sim/levels.go)
	effects  []cEffect
}

type cRule struct {
	target int
	fn     numFn
	slow   numFn // as cEffect's
	set    bool
	when   boolFn
	pos    Pos
}

type cEvent struct {
	turn    int  // the turn it is scheduled on, or 0
	repeat  bool // whether it may fire again
	when    boolFn
	chance  numFn
	effects []cEffect
	chooser int   // actor index, or -1
	with    []int // the actors who must agree (a joint decision)
	options [][]cEffect
	binds   [][]cBind   // per option, its commitments (commit.go)
	broken  [][]cEffect // per option, the effects of breaking them, in order
}

type cOutcome struct {
	when boolFn
}

type cObjective struct {
	score    numFn
	slow     numFn // as cEffect's
	weight   float64
	doctrine float64
}

var (
	idPattern     = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	varIDPattern  = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$`)
	colourPattern = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
	startPattern  = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	reserved      = map[string]bool{"turn": true, "level": true, "true": true, "false": true, "and": true, "or": true, "not": true, "in": true, "nil": true}
)

// MaxTurns is the most turns a scenario may have (meta.turns). It bounds
// the work of every tool that plays a scenario to its end, such as
// 'sixparty validate', and the memory a game's history takes.
const MaxTurns = 400

// MaxPending is the most lever and event effects a scenario may have
// pending at once, counted at the worst: every lever ordered every turn
// and every repeating event firing every turn, each effect pending for
// its delay and duration. A game keeps its queue in every turn's state,
// so this bounds a game's memory (at 64 bytes a pending effect, 1.3 MB a
// state). It lets a scenario 100 times the size of the default one load
// (the default has at most 140 pending).
const MaxPending = 20_000

// Compile checks a scenario and compiles it into a Model. It first gives
// the fields left out their defaults (ApplyDefaults), changing s. It
// reports every mistake it finds, sorted, as an ErrorList; it never
// returns a partial model.
func Compile(s *Scenario) (*Model, error) {
	ApplyDefaults(s)
	c := &compiler{s: s, m: &Model{Scenario: s, reads: map[string][]string{}}}
	c.compile()
	if err := c.errs.Err(); err != nil {
		return nil, err
	}
	return c.m, nil
}

type compiler struct {
	s    *Scenario
	m    *Model
	errs ErrorList

	actorIDs   []string // in the scenario's order
	sc         *scope   // the names every expression may read
	fx         *scope   // those and 'level', for effects
	outcomeIDs []string
}

func (c *compiler) add(pos Pos, format string, args ...any) { c.errs.Add(pos, format, args...) }

// compile runs the phases in the order their results are needed: names
// must be known before expressions that read them are compiled, and
// actors before the levers and objectives that belong to them.
func (c *compiler) compile() {
	c.meta()
	c.actors()
	c.names()
	c.intelligence()
	c.budgets()
	c.narratives()
	c.objectives()
	c.levers()
	c.rules()
	c.events()
	c.outcomes()
	c.payoffs()
	c.checks()
	c.strategies()
	c.pending()
	c.m.known = knownParams(c.s, c.m.params, c.m.ExprNames) // reads what the expressions compiled read
	if len(c.errs) == 0 {
		c.levelTables()
	}
}

// levelTables computes, once, the change of every effect that reads
// nothing but the level, at each level it can apply at: a lever's levels,
// and level 1 for an event's effects (a cause's Level). The stepper reads
// the table instead of evaluating the expression; an effect with a level
// at which it faults, or gives a number that is not finite, keeps no
// table, so that the fault is met, and reported, in play.
func (c *compiler) levelTables() {
	m := c.m
	slots := make([]float64, m.nslots)
	var f fault
	ev := env{s: slots, fault: &f}
	// The tables are cut from one array, next to each other in the order
	// a turn reads them.
	var all []float64
	table := func(list []cEffect, levels int) {
		for k := range list {
			e := &list[k]
			if !e.levelOnly {
				continue
			}
			if cap(all)-len(all) < levels {
				all = make([]float64, 0, max(1024, levels))
			}
			t := all[len(all) : len(all)+levels : len(all)+levels]
			for lvl := 1; lvl < levels; lvl++ {
				slots[m.slotLevel] = float64(lvl)
				f = fault{}
				v := evalFast(e.change, e.slow, &ev)
				if f.set || !finite(v) {
					t = nil
					break
				}
				t[lvl] = v
			}
			if t != nil {
				all = all[:len(all)+levels]
				e.byLevel = t
			}
		}
	}
	for li := range m.cLevers {
		table(m.cLevers[li].effects, len(c.s.Levers[li].Levels))
	}
	for ei := range m.cEvents {
		ce := &m.cEvents[ei]
		table(ce.effects, 2)
		for _, o := range ce.options {
			table(o, 2)
		}
		for _, b := range ce.broken {
			table(b, 2)
		}
	}
}

// actors checks the actors' ids, names, budgets and colours and gives each
// its index.
func (c *compiler) actors() {
	s, m := c.s, c.m
	m.actors = map[string]int{}
	c.actorIDs = make([]string, 0, len(s.Actors))
	if len(s.Actors) == 0 {
		c.add(fieldPos(s.FieldPos, "actors", s.Pos), "a scenario needs at least one actor")
	}
	for i := range s.Actors {
		a := &s.Actors[i]
		c.ident(a.ID, idPattern, "actor", a.FieldPos, a.Pos)
		if _, dup := m.actors[a.ID]; dup {
			c.add(fieldPos(a.FieldPos, "id", a.Pos), "actor %q is defined twice", a.ID)
		} else {
			m.actors[a.ID] = i
		}
		c.actorIDs = append(c.actorIDs, a.ID)
		if a.Name == "" {
			c.add(a.Pos, "actor %q needs a name", a.ID)
		}
		if a.Budget < 0 || math.IsInf(a.Budget, 0) || math.IsNaN(a.Budget) {
			c.add(fieldPos(a.FieldPos, "budget", a.Pos), "budget must be a number of at least 0")
		}
		if a.Colour != "" && !colourPattern.MatchString(a.Colour) {
			c.add(fieldPos(a.FieldPos, "colour", a.Pos), "colour must be #rrggbb, found %q", a.Colour)
		}
	}
}

// names declares the variables and levers, which share one namespace with
// 'turn' and 'level', gives each its slot and checks the variables.
func (c *compiler) names() {
	s, m := c.s, c.m
	sc := &scope{names: map[string]int{}}
	m.vars = map[string]int{}
	m.nv = len(s.Vars)
	m.lo = make([]float64, m.nv)
	m.hi = make([]float64, m.nv)
	m.visible = make([][]bool, m.nv)
	for i := range s.Vars {
		v := &s.Vars[i]
		c.ident(v.ID, varIDPattern, "variable", v.FieldPos, v.Pos)
		if _, dup := sc.names[v.ID]; dup || reserved[v.ID] {
			c.add(fieldPos(v.FieldPos, "id", v.Pos), "name %q is already used", v.ID)
		}
		sc.names[v.ID] = i
		m.vars[v.ID] = i
		c.variable(i, v)
	}
	m.levers = map[string]int{}
	m.nl = len(s.Levers)
	for i := range s.Levers {
		l := &s.Levers[i]
		c.ident(l.ID, varIDPattern, "lever", l.FieldPos, l.Pos)
		if _, dup := sc.names[l.ID]; dup || reserved[l.ID] {
			c.add(fieldPos(l.FieldPos, "id", l.Pos), "name %q is already used", l.ID)
		}
		sc.names[l.ID] = m.nv + i
		m.levers[l.ID] = i
	}
	m.slotTurn = m.nv + m.nl
	m.slotLevel = m.slotTurn + 1
	m.slotParam = m.slotLevel + 1
	m.nslots = m.slotParam + len(s.Params)
	sc.names["turn"] = m.slotTurn
	for _, v := range s.Vars {
		sc.all = append(sc.all, v.ID)
	}
	for _, l := range s.Levers {
		sc.all = append(sc.all, l.ID)
	}
	sc.all = append(sc.all, "turn")
	c.params(sc)
	fx := &scope{names: map[string]int{"level": m.slotLevel}, all: append(append([]string{}, sc.all...), "level"), hasLevel: true}
	for k, v := range sc.names {
		fx.names[k] = v
	}
	c.sc, c.fx = sc, fx
}

// objectives compiles each actor's objectives and its doctrine's weights.
func (c *compiler) objectives() {
	s, m := c.s, c.m
	m.cObj = make([][]cObjective, len(s.Actors))
	for i := range s.Actors {
		a := &s.Actors[i]
		seen := map[string]bool{}
		var ids []string
		for j := range a.Objectives {
			o := &a.Objectives[j]
			c.ident(o.ID, idPattern, "objective", o.FieldPos, o.Pos)
			if seen[o.ID] {
				c.add(fieldPos(o.FieldPos, "id", o.Pos), "objective %q is defined twice for actor %q", o.ID, a.ID)
			}
			seen[o.ID] = true
			ids = append(ids, o.ID)
			score := c.num(o.Score, c.sc, "score", o.FieldPos, o.Pos)
			fn, slow := score.turnFns()
			m.cObj[i] = append(m.cObj[i], cObjective{score: fn, slow: slow, weight: o.Weight, doctrine: o.Weight})
		}
		for _, k := range slices.Sorted(maps.Keys(a.Doctrine.Weights)) {
			j := slices.Index(ids, k)
			if j < 0 {
				c.add(fieldPos(a.Doctrine.FieldPos, "weights."+k, a.Doctrine.Pos), "unknown objective %q%s", k, suggest.Hint(k, ids))
				continue
			}
			m.cObj[i][j].doctrine = a.Doctrine.Weights[k]
		}
		if r := a.Doctrine.Risk; r < 0 || r > 1 {
			c.add(fieldPos(a.Doctrine.FieldPos, "risk", a.Doctrine.Pos), "risk must be between 0 and 1, found %g", r)
		}
	}
}

// levers checks each lever's owner, levels and costs, and compiles its
// precondition and effects.
func (c *compiler) levers() {
	s, m := c.s, c.m
	m.cLevers = make([]cLever, m.nl)
	m.byActor = make([][]int, len(s.Actors))
	for i := range s.Levers {
		l := &s.Levers[i]
		cl := &m.cLevers[i]
		cl.actor = c.actorRef(l.Actor, "actor", l.FieldPos, l.Pos)
		if cl.actor >= 0 {
			m.byActor[cl.actor] = append(m.byActor[cl.actor], i)
		}
		c.levels(l)
		c.costs(l, cl) // numbers, or expressions of the state (sim/budget.go)
		if !l.Requires.IsZero() {
			f := c.condOf(l.Requires, c.sc)
			c.noDraw(f, "the 'requires' of lever "+strconv.Quote(l.ID))
			cl.requires = f.cond
		}
		cl.levelReq = c.levelRequires(l)
		cl.effects = c.effects(l.Effects, c.fx)
	}
	m.fixedCosts = fixedCosts(m.cLevers) // sim/budget.go
}

// budgetKnown reports whether an actor's budget was given and is valid, so
// that costs can be checked against it.
func budgetKnown(a *Actor) bool {
	if b := a.Budget; b < 0 || math.IsInf(b, 0) || math.IsNaN(b) {
		return false
	}
	return !absent(a.FieldPos, "budget", false)
}

// levels checks that a lever has at least two levels, each with a name of
// its own, and that its labels, if given, name each level once.
func (c *compiler) levels(l *Lever) {
	if len(l.Levels) < 2 {
		c.add(fieldPos(l.FieldPos, "levels", l.Pos), "lever %q needs at least two levels", l.ID)
	}
	c.distinct(l, "levels", l.Levels, "level %d of lever %q needs a name", "level %q of lever %q is given twice")
	if absent(l.FieldPos, "labels", l.Labels == nil) {
		return
	}
	if len(l.Labels) != len(l.Levels) {
		c.add(fieldPos(l.FieldPos, "labels", l.Pos), "lever %q has %d levels but %d labels", l.ID, len(l.Levels), len(l.Labels))
		return
	}
	c.distinct(l, "labels", l.Labels, "label %d of lever %q is empty: give the level a name players can read", "label %q of lever %q is given twice: players could not tell the two levels apart")
}

// distinct checks that each of a lever's names in field is not blank
// (empty, given the index and the lever's id) and not given twice
// (twice, given the name and the lever's id).
func (c *compiler) distinct(l *Lever, field string, names []string, empty, twice string) {
	seen := map[string]bool{}
	for k, name := range names {
		at := fieldPos(l.FieldPos, fmt.Sprintf("%s[%d]", field, k), fieldPos(l.FieldPos, field, l.Pos))
		switch {
		case strings.TrimSpace(name) == "":
			c.add(at, empty, k, l.ID)
		case seen[name]:
			c.add(at, twice, name, l.ID)
		}
		seen[name] = true
	}
}

// rules compiles the per-turn rules.
func (c *compiler) rules() {
	s, m := c.s, c.m
	seen := map[string]bool{}
	for i := range s.Rules {
		r := &s.Rules[i]
		c.declare(seen, "rule", r.ID, r.FieldPos, r.Pos)
		cr := cRule{target: c.varRef(r.Target, "target", r.FieldPos, r.Pos), pos: r.Pos}
		switch {
		case r.Change.IsZero() == r.Set.IsZero():
			c.add(secondOf(r.FieldPos, "change", "set", r.Pos), "rule %q needs exactly one of 'change' and 'set'", r.ID)
		case !r.Set.IsZero():
			cr.set = true
			cr.fn, cr.slow = c.num(r.Set, c.sc, "set", r.FieldPos, r.Pos).turnFns()
			cr.pos = r.Set.Pos
		default:
			cr.fn, cr.slow = c.num(r.Change, c.sc, "change", r.FieldPos, r.Pos).turnFns()
			cr.pos = r.Change.Pos
		}
		if !r.When.IsZero() {
			cr.when = c.cond(r.When, c.sc)
		}
		m.cRules = append(m.cRules, cr)
	}
}

// events compiles the events: their schedule or condition, chance,
// effects and choice.
func (c *compiler) events() {
	s, m := c.s, c.m
	seen := map[string]bool{}
	for i := range s.Events {
		ev := &s.Events[i]
		c.declare(seen, "event", ev.ID, ev.FieldPos, ev.Pos)
		ce := cEvent{chooser: -1, turn: ev.Turn, repeat: ev.Repeat}
		_, turnGiven := ev.FieldPos["turn"]
		if ev.Turn < 0 || (turnGiven && ev.Turn == 0) || (s.Meta.Turns > 0 && ev.Turn > s.Meta.Turns) {
			c.add(fieldPos(ev.FieldPos, "turn", ev.Pos), "turn must be between 1 and %d, found %d", s.Meta.Turns, ev.Turn)
		}
		if ev.Turn == 0 && !turnGiven && ev.When.IsZero() {
			c.add(ev.Pos, "event %q needs a 'turn' or a 'when'", ev.ID)
		}
		if !ev.When.IsZero() {
			ce.when = c.cond(ev.When, c.sc)
		}
		if !ev.Chance.IsZero() {
			f := c.num(ev.Chance, c.sc, "chance", ev.FieldPos, ev.Pos)
			ce.chance = f.num
			if p, ok := constValue(ev.Chance, f); ok && !(p >= 0 && p <= 1) {
				c.add(ev.Chance.Pos, "chance must be between 0 and 1, found %g", p)
			}
		}
		c.expected(ev.Expected, ev.FieldPos, ev.Pos)
		ce.effects = c.effects(ev.Effects, c.fx)
		if ch := ev.Choice; ch != nil {
			ce.chooser = c.actorRef(ch.Actor, "actor", ch.FieldPos, ch.Pos)
			ce.with = c.partners(ch, ce.chooser)
			if len(ch.Options) < 2 {
				c.add(fieldPos(ch.FieldPos, "options", ch.Pos), "a choice needs at least two options")
			}
			ids := map[string]bool{}
			for j := range ch.Options {
				o := &ch.Options[j]
				c.declare(ids, "option", o.ID, o.FieldPos, o.Pos)
				if o.Weight < 0 {
					c.add(fieldPos(o.FieldPos, "weight", o.Pos), "weight must not be negative")
				}
				ce.options = append(ce.options, c.effects(o.Effects, c.fx))
				c.binds(&ce, o)
			}
		}
		m.cEvents = append(m.cEvents, ce)
	}
}

// pending checks that the queue of pending effects stays within
// MaxPending, and names the effect that takes the largest share.
func (c *compiler) pending() {
	s := c.s
	turns := max(min(s.Meta.Turns, MaxTurns), 1)
	total, most := 0, 0
	var worst *Effect
	count := func(list []Effect, every bool) int {
		n := 0
		for i := range list {
			e := &list[i]
			k := 1
			if every {
				k = min(min(max(e.Delay, 0), turns)+min(max(e.Lasts, 1), turns), turns)
			}
			if k > most {
				most, worst = k, e
			}
			n += k
		}
		return n
	}
	for i := range s.Levers {
		total += count(s.Levers[i].Effects, true)
	}
	for i := range s.Events {
		ev := &s.Events[i]
		total += count(ev.Effects, ev.Repeat)
		if ev.Choice != nil {
			largest := 0
			for j := range ev.Choice.Options {
				largest = max(largest, count(ev.Choice.Options[j].Effects, ev.Repeat))
			}
			total += largest
		}
	}
	if total > MaxPending && worst != nil {
		c.add(fieldPos(worst.FieldPos, "lasts", worst.Pos), "the effects can have up to %d changes pending at once; the limit is %d (this effect, pending %d turns at a time, takes the largest share: shorten its 'lasts' or 'delay')", total, MaxPending, most)
	}
}

// constValue returns the value of a number expression that is a constant:
// one the expression compiler folded, or a plain number literal.
func constValue(x Expr, f compiled) (float64, bool) {
	if f.konst {
		return f.val, true
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(x.Src), 64)
	return v, err == nil
}

// outcomes compiles the end conditions and finds the turn-limit outcome.
func (c *compiler) outcomes() {
	s, m := c.s, c.m
	seen := map[string]bool{}
	m.limit = -1
	for i := range s.Outcomes {
		o := &s.Outcomes[i]
		c.declare(seen, "outcome", o.ID, o.FieldPos, o.Pos)
		c.outcomeIDs = append(c.outcomeIDs, o.ID)
		c.expected(o.Expected, o.FieldPos, o.Pos)
		var co cOutcome
		if o.When.IsZero() {
			if m.limit >= 0 {
				c.add(o.Pos, "outcome %q has no 'when', but %q already ends the game at the turn limit", o.ID, s.Outcomes[m.limit].ID)
			}
			m.limit = i
		} else {
			co.when = c.cond(o.When, c.sc)
		}
		m.cOutcomes = append(m.cOutcomes, co)
	}
	if m.limit < 0 {
		c.add(fieldPos(s.FieldPos, "outcomes", s.Pos), "one outcome must have no 'when': it ends the game at the turn limit")
	}
}

// secondOf is where the second of two fields that exclude each other is
// written, when both are (the later in the file: the one too many), and
// pos, where the item is, when not both are. The field's name is where it
// is written when the decoder records it (under the key "name:"), else
// its value.
func secondOf(fields map[string]Pos, a, b string, pos Pos) Pos {
	pa, okA := fields[a]
	pb, okB := fields[b]
	if !okA || !okB {
		return pos
	}
	second := b
	if pb.Line < pa.Line || pb.Line == pa.Line && pb.Col < pa.Col {
		second = a
	}
	return fieldPos(fields, second+":", fields[second])
}

// checks compiles the balance checks.
func (c *compiler) checks() {
	s, m := c.s, c.m
	for i := range s.Checks {
		ck := &s.Checks[i]
		var cc compiled
		switch {
		case (ck.Outcome == "") == ck.Expect.IsZero():
			c.add(secondOf(ck.FieldPos, "outcome", "expect", ck.Pos), "check needs exactly one of 'outcome' and 'expect'")
		case ck.Outcome != "":
			if slices.Index(c.outcomeIDs, ck.Outcome) < 0 {
				c.add(fieldPos(ck.FieldPos, "outcome", ck.Pos), "unknown outcome %q%s", ck.Outcome, suggest.Hint(ck.Outcome, c.outcomeIDs))
			}
		default:
			cc.cond = c.cond(ck.Expect, c.sc)
		}
		if len(ck.Share) != 2 || ck.Share[0] < 0 || ck.Share[1] > 1 || ck.Share[0] > ck.Share[1] {
			c.add(fieldPos(ck.FieldPos, "share", ck.Pos), "share must be [low, high] with 0 <= low <= high <= 1")
		}
		switch ck.Difficulty {
		case "", "easy", "normal", "hard":
		default:
			c.add(fieldPos(ck.FieldPos, "difficulty", ck.Pos), "difficulty must be easy, normal or hard, found %q%s", ck.Difficulty, suggest.Hint(ck.Difficulty, []string{"easy", "normal", "hard"}))
		}
		if ck.Games < 1 {
			c.add(fieldPos(ck.FieldPos, "games", ck.Pos), "games must be at least 1, found %d", ck.Games)
		}
		if ck.Turn < 0 || ck.Turn > s.Meta.Turns {
			c.add(fieldPos(ck.FieldPos, "turn", ck.Pos), "turn must be between 0 and %d", s.Meta.Turns)
		}
		m.cChecks = append(m.cChecks, cc)
	}
}

// meta checks the format version and the meta block: id, title, turns,
// step and start date.
func (c *compiler) meta() {
	s, m := c.s, c.m
	if s.Format != FormatVersion {
		c.add(fieldPos(s.FieldPos, "format", s.Pos), "format must be %d, found %d", FormatVersion, s.Format)
	}
	mt := &s.Meta
	if mt.ID == "" {
		c.add(fieldPos(s.FieldPos, "meta", s.Pos), "meta needs an id")
	} else if !regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`).MatchString(mt.ID) {
		c.add(fieldPos(mt.FieldPos, "id", mt.Pos), "id must be lower-case letters, digits and dashes, found %q", mt.ID)
	}
	if mt.Title == "" {
		c.add(fieldPos(s.FieldPos, "meta", s.Pos), "meta needs a title")
	}
	switch turns := fieldPos(mt.FieldPos, "turns", fieldPos(s.FieldPos, "meta", s.Pos)); {
	case mt.Turns < 1:
		c.add(turns, "turns must be at least 1, found %d", mt.Turns)
	case mt.Turns > MaxTurns:
		c.add(turns, "turns must be at most %d, found %d", MaxTurns, mt.Turns)
	}
	switch mt.Step {
	case "month":
		m.step = 1
	case "quarter":
		m.step = 3
	case "year":
		m.step = 12
	default:
		c.add(fieldPos(mt.FieldPos, "step", mt.Pos), "step must be month, quarter or year, found %q%s", mt.Step, suggest.Hint(mt.Step, []string{"month", "quarter", "year"}))
	}
	if _, given := mt.FieldPos["map"]; given || mt.Map != nil {
		b := mt.Map
		at := fieldPos(mt.FieldPos, "map", mt.Pos)
		switch {
		case len(b) != 4:
			c.add(at, "map must be [west, south, east, north] in degrees, found %d numbers", len(b))
		case b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90:
			c.add(at, "map must lie within longitudes -180 to 180 and latitudes -90 to 90, found %v", b)
		case b[0] >= b[2] || b[1] >= b[3]:
			c.add(at, "map must be [west, south, east, north] with west below east and south below north, found %v", b)
		}
	}
	if mt.Start == "" {
		m.start = 0
	} else if g := startPattern.FindStringSubmatch(mt.Start); g == nil {
		c.add(fieldPos(mt.FieldPos, "start", mt.Pos), "start must be YYYY-MM, found %q", mt.Start)
	} else {
		y, _ := strconv.Atoi(g[1])
		mo, _ := strconv.Atoi(g[2])
		if mo < 1 || mo > 12 {
			c.add(fieldPos(mt.FieldPos, "start", mt.Pos), "start month must be 01 to 12, found %q", mt.Start)
		}
		m.start = y*12 + mo - 1
	}
}

// variable checks variable i: its bounds, owner, visibility, noise and
// format.
func (c *compiler) variable(i int, v *Var) {
	m := c.m
	m.lo[i], m.hi[i] = math.Inf(-1), math.Inf(1)
	if v.Min != nil {
		m.lo[i] = *v.Min
	}
	if v.Max != nil {
		m.hi[i] = *v.Max
	}
	if m.lo[i] > m.hi[i] {
		c.add(fieldPos(v.FieldPos, "max", v.Pos), "max %g is below min %g", m.hi[i], m.lo[i])
	} else if v.Init < m.lo[i] {
		c.add(fieldPos(v.FieldPos, "init", v.Pos), "init %g is below min %g", v.Init, m.lo[i])
	} else if v.Init > m.hi[i] {
		c.add(fieldPos(v.FieldPos, "init", v.Pos), "init %g is above max %g", v.Init, m.hi[i])
	}
	if v.Name == "" {
		c.add(v.Pos, "variable %q needs a name", v.ID)
	}
	if v.Owner != "" {
		c.actorRef(v.Owner, "owner", v.FieldPos, v.Pos)
	}
	m.visible[i] = make([]bool, len(c.s.Actors))
	if _, given := v.FieldPos["visible"]; !given && v.Visible == nil {
		for a := range m.visible[i] {
			m.visible[i][a] = true
		}
	}
	for k, id := range v.Visible {
		if a := c.actorRef(id, fmt.Sprintf("visible[%d]", k), v.FieldPos, v.Pos); a >= 0 {
			m.visible[i][a] = true
		}
	}
	switch {
	case v.Noise < 0:
		c.add(fieldPos(v.FieldPos, "noise", v.Pos), "noise must not be negative")
	case v.Noise > 0 && !slices.Contains(m.visible[i], false):
		c.add(fieldPos(v.FieldPos, "noise", v.Pos), "noise has no effect: every actor sees %q exactly (drop 'noise', or leave out of 'visible' the actors who should see an estimate)", v.ID)
	}
	if v.Format != "" {
		if n := strings.Count(strings.ReplaceAll(v.Format, "%%", ""), "%"); n != 1 || strings.Contains(fmt.Sprintf(v.Format, 1.5), "%!") {
			c.add(fieldPos(v.FieldPos, "format", v.Pos), "format must hold one number verb such as %%.1f, found %q", v.Format)
		}
	}
}

// effects compiles a list of effects. The compiled delay and duration
// are capped at the number of turns, which changes nothing in play (the
// game ends first) and keeps the turn arithmetic from overflowing.
func (c *compiler) effects(list []Effect, sc *scope) []cEffect {
	turns := max(c.s.Meta.Turns, 1)
	out := make([]cEffect, 0, len(list))
	for i := range list {
		e := &list[i]
		ce := cEffect{target: c.varRef(e.Target, "target", e.FieldPos, e.Pos), delay: min(e.Delay, turns), lasts: min(e.Lasts, turns), pos: e.Pos}
		if e.Change.IsZero() {
			c.add(e.Pos, "effect needs a 'change'")
		} else {
			f := c.num(e.Change, sc, "change", e.FieldPos, e.Pos)
			ce.change, ce.slow = f.turnFns()
			ce.levelOnly = f.levelOnly
			ce.pos = e.Change.Pos
		}
		if e.Delay < 0 {
			c.add(fieldPos(e.FieldPos, "delay", e.Pos), "delay must not be negative")
		}
		if e.Lasts < 1 {
			c.add(fieldPos(e.FieldPos, "lasts", e.Pos), "lasts must be at least 1")
		}
		out = append(out, ce)
	}
	return out
}

// declare checks the id of a rule, event, option or outcome: its form,
// and that seen (the ids of its kind so far) does not hold it already.
func (c *compiler) declare(seen map[string]bool, what, id string, fields map[string]Pos, pos Pos) {
	c.ident(id, idPattern, what, fields, pos)
	if seen[id] {
		c.add(fieldPos(fields, "id", pos), "%s %q is defined twice", what, id)
	}
	seen[id] = true
}

func (c *compiler) ident(id string, re *regexp.Regexp, what string, fields map[string]Pos, pos Pos) {
	at := fieldPos(fields, "id", pos)
	if id == "" {
		c.add(pos, "%s needs an id", what)
	} else if !re.MatchString(id) {
		form := "lower-case letters, digits and underscores"
		if re == varIDPattern {
			form += ", optionally after a prefix and a dot (like gov.sanctions)"
		}
		c.add(at, "%s id %q must be %s", what, id, form)
	}
}

func (c *compiler) actorRef(id string, field string, fields map[string]Pos, pos Pos) int {
	at := fieldPos(fields, field, pos)
	if id == "" {
		c.add(pos, "missing %s", strings.TrimSuffix(field, "[0]"))
		return -1
	}
	if i, ok := c.m.actors[id]; ok {
		return i
	}
	c.add(at, "unknown actor %q%s", id, suggest.Hint(id, c.actorIDs))
	return -1
}

func (c *compiler) varRef(id, field string, fields map[string]Pos, pos Pos) int {
	if id == "" {
		c.add(pos, "missing %s", field)
		return 0
	}
	if i, ok := c.m.vars[id]; ok {
		return i
	}
	var ids []string
	for _, v := range c.s.Vars {
		ids = append(ids, v.ID)
	}
	hint := suggest.Hint(id, ids)
	if _, isLever := c.m.levers[id]; isLever {
		hint = " (it is a lever; effects change variables)"
	}
	c.add(fieldPos(fields, field, pos), "unknown variable %q%s", id, hint)
	return 0
}

// num compiles a number expression; a missing one is a mistake.
func (c *compiler) num(x Expr, sc *scope, field string, fields map[string]Pos, pos Pos) compiled {
	zero := compiled{num: func(*env) float64 { return 0 }}
	if x.IsZero() {
		c.add(pos, "missing %s", field)
		return zero
	}
	f, ok := compileExprOpts(x, tNum, sc, &c.errs, compileOpts{reads: c.m.reads})
	if !ok {
		return zero
	}
	return f
}

func (c *compiler) cond(x Expr, sc *scope) boolFn { return c.condOf(x, sc).cond }

// condOf is cond, returning the whole compiled condition.
func (c *compiler) condOf(x Expr, sc *scope) compiled {
	f, ok := compileExprOpts(x, tBool, sc, &c.errs, compileOpts{reads: c.m.reads})
	if !ok {
		return compiled{cond: func(*env) bool { return false }}
	}
	return f
}
