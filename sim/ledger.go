package sim

// Ledger holds ledger entries compactly, 32 bytes each rather than Entry's
// 112: the turn and variable as int32, the amount, the cause's kind and
// index, and one more number each for what the model already knows. A
// lever's or an event's actor is the model's; a lever's level and an
// event's option are kept; an entry's position is found in the model from
// its cause and the index of the effect in its source (a rule's, or a
// variable's for the bounds); a facilitator's reason is kept in a side
// table of the ledger. Reading an entry (At, Entries, AppendTo) expands it
// into an Entry equal, field for field, to the one the engine would have
// written out.
//
// The zero Ledger is empty and ready to use. Stepper.StepLedger appends a
// turn's entries to one; a Game keeps its own. A Ledger must not be used
// by two goroutines at once, nor hold entries of two models.
type Ledger struct {
	m       *Model
	es      []entry
	reasons []string
}

// entry is one compact line of a Ledger.
type entry struct {
	amount float64
	turn   int32
	v      int32
	index  int32 // Cause.Index
	// at is the index of the effect in its lever's or event's effects
	// (counted as Pending.Effect counts them), or of the reason in the
	// ledger's reasons for the facilitator; unused otherwise.
	at int32
	// arg is the level of a lever, or the option chosen in an event (-1
	// for none).
	arg  int32
	kind CauseKind
}

// Len returns the number of entries.
func (l *Ledger) Len() int { return len(l.es) }

// Reset empties the ledger, keeping its storage for the entries to come.
func (l *Ledger) Reset() {
	l.es = l.es[:0]
	clear(l.reasons)
	l.reasons = l.reasons[:0]
}

// At returns entry i, expanded.
func (l *Ledger) At(i int) Entry { return l.expand(&l.es[i]) }

// Entries returns a copy of every entry, expanded, in order (nil for an
// empty ledger).
func (l *Ledger) Entries() []Entry { return l.AppendTo(nil) }

// AppendTo appends every entry, expanded, to dst and returns the result.
func (l *Ledger) AppendTo(dst []Entry) []Entry { return l.appendRange(dst, 0, len(l.es)) }

// appendRange appends entries i to j, expanded, to dst.
func (l *Ledger) appendRange(dst []Entry, i, j int) []Entry {
	if i >= j {
		return dst
	}
	dst = grow(dst, j-i)
	n := len(dst)
	dst = dst[:n+j-i]
	for k := i; k < j; k++ {
		l.fill(&dst[n+k-i], &l.es[k])
	}
	return dst
}

// grow makes room in dst for n more entries.
func grow(dst []Entry, n int) []Entry {
	if cap(dst)-len(dst) >= n {
		return dst
	}
	out := make([]Entry, len(dst), len(dst)+n)
	copy(out, dst)
	return out
}

// truncate drops the entries from n on (with the reasons only they use).
func (l *Ledger) truncate(n int) {
	for _, e := range l.es[n:] {
		if e.kind == ByFacilitator {
			clear(l.reasons[e.at:])
			l.reasons = l.reasons[:e.at]
			break
		}
	}
	l.es = l.es[:n]
}

// effect appends the change d to variable v made by effect k (counted as
// Pending.Effect counts) of cause c.
func (l *Ledger) effect(turn, v int, d float64, c *Cause, k int) {
	arg := c.Level
	if c.Kind == ByEvent {
		arg = c.Option
	}
	e := l.add()
	e.amount, e.turn, e.v, e.index, e.at, e.arg, e.kind = d, int32(turn), int32(v), int32(c.Index), int32(k), int32(arg), c.Kind
}

// rule appends the change d to variable v made by rule ri.
func (l *Ledger) rule(turn, v int, d float64, ri int) {
	e := l.add()
	e.amount, e.turn, e.v, e.index, e.at, e.arg, e.kind = d, int32(turn), int32(v), int32(ri), 0, 0, ByRule
}

// add appends an entry and returns it, for its fields to be written in
// place: an entry built apart and copied in, field by field into the stack
// and then as a whole into the slice, is read back before its parts are
// stored, which made a recorded turn about a fifth slower.
// (measured in BenchmarkTurn).
func (l *Ledger) add() *entry {
	n := len(l.es)
	if n == cap(l.es) {
		l.es = append(l.es, entry{})
	} else {
		l.es = l.es[:n+1]
	}
	return &l.es[n]
}

// bounds appends the correction d that variable v's bounds made.
func (l *Ledger) bounds(turn, v int, d float64) {
	l.es = append(l.es, entry{amount: d, turn: int32(turn), v: int32(v), index: int32(v), kind: ByBounds})
}

// facilitator appends the facilitator's change d to variable v, for the
// given reason.
func (l *Ledger) facilitator(turn, v int, d float64, reason string) {
	l.es = append(l.es, entry{amount: d, turn: int32(turn), v: int32(v), index: -1, at: int32(len(l.reasons)), kind: ByFacilitator})
	l.reasons = append(l.reasons, reason)
}

// expand returns e as an Entry.
func (l *Ledger) expand(e *entry) Entry {
	var out Entry
	l.fill(&out, e)
	return out
}

// fill writes e out into out, field by field (out is the zero Entry or one
// to overwrite).
func (l *Ledger) fill(out *Entry, e *entry) {
	out.Turn, out.Var, out.Amount = int(e.turn), int(e.v), e.amount
	c := &out.Cause
	c.Kind, c.Index, c.Actor, c.Level, c.Option = e.kind, int(e.index), -1, 0, -1
	out.Reason = ""
	m := l.m
	switch e.kind {
	case ByLever:
		cl := &m.cLevers[c.Index]
		c.Actor = cl.actor
		c.Level = int(e.arg)
		out.Pos = cl.effects[e.at].pos
	case ByEvent:
		c.Actor = m.cEvents[c.Index].chooser
		c.Level = 1
		c.Option = int(e.arg)
		out.Pos = m.effect(Pending{Cause: *c, Effect: int(e.at)}).pos
	case ByRule:
		out.Pos = m.cRules[c.Index].pos
	case ByBounds:
		out.Pos = m.Scenario.Vars[c.Index].Pos
	case ByFacilitator:
		out.Pos = Pos{}
		out.Reason = l.reasons[e.at]
	default:
		out.Pos = Pos{}
	}
}
