package sim

import "fmt"

// StepQueued resolves a turn the way Step did before it computed the
// effects due only this turn in place: every effect that starts this turn
// joins the queue first, and the whole queue is then applied in order. It
// is the reference the look-ahead test holds Step and Advance to.
func (st *Stepper) StepQueued(cur *State, levels []int, choices []int, next *State, led []Entry) ([]Entry, error) {
	l := &Ledger{m: st.m}
	err := st.stepQueued(cur, levels, choices, next, l)
	return l.AppendTo(led), err
}

func (st *Stepper) stepQueued(cur *State, levels []int, choices []int, next *State, led *Ledger) error {
	if cur.Over() {
		return fmt.Errorf("sim: the game is over")
	}
	m := st.m
	turn := cur.Turn
	cur.copyInto(next)
	copy(next.Levels, levels)
	st.load(st.start, next)
	st.env.rng = &next.RNG
	st.fault = fault{}

	for _, ei := range cur.Briefing {
		ev := &m.cEvents[ei]
		opt := -1
		if ev.chooser >= 0 {
			opt = 0
			if ei < len(choices) && choices[ei] >= 0 && choices[ei] < len(ev.options) {
				opt = choices[ei]
			}
		}
		cause := Cause{Kind: ByEvent, Index: ei, Actor: ev.chooser, Level: 1, Option: opt}
		for k, e := range ev.effects {
			next.Queue = append(next.Queue, Pending{Cause: cause, Effect: k, From: turn + e.delay, To: turn + e.delay + e.lasts - 1})
		}
		if opt >= 0 {
			for k, e := range ev.options[opt] {
				next.Queue = append(next.Queue, Pending{Cause: cause, Effect: len(ev.effects) + k, From: turn + e.delay, To: turn + e.delay + e.lasts - 1})
			}
		}
	}
	for li, lvl := range levels {
		if lvl <= 0 {
			continue
		}
		cl := &m.cLevers[li]
		cause := Cause{Kind: ByLever, Index: li, Actor: cl.actor, Level: lvl, Option: -1}
		for k, e := range cl.effects {
			next.Queue = append(next.Queue, Pending{Cause: cause, Effect: k, From: turn + e.delay, To: turn + e.delay + e.lasts - 1})
		}
	}
	// Commitments broken by these levels queue their costs last.
	next.Queue = append(next.Queue, st.commitments(cur, levels, choices, next)...)

	clear(st.deltas)
	st.env.s = st.start
	keep := next.Queue[:0]
	var err error
	for _, p := range next.Queue {
		if p.From > turn {
			keep = append(keep, p)
			continue
		}
		if err = st.apply(turn, &p, led); err != nil {
			return err
		}
		if p.To > turn {
			keep = append(keep, p)
		}
	}
	next.Queue = keep
	st.start[m.slotLevel] = 0
	copy(st.live, st.start)
	for i, d := range st.deltas {
		st.live[i] += d
		if v := st.live[i]; v-v != 0 {
			return st.notFinite(turn, i, st.last[i].pos)
		}
		st.bound(turn, i, led)
	}

	if err = st.rules(turn, led); err != nil {
		return err
	}
	copy(next.Vals, st.live[:m.nv])
	if err := st.outcomes(turn, next); err != nil {
		return err
	}
	next.Turn = turn + 1
	next.Briefing = next.Briefing[:0]
	if !next.Over() {
		if err := st.brief(next, st.live); err != nil {
			return err
		}
	}
	return nil
}
