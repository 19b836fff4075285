package server

import (
	"fmt"
	"time"

	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/sim/ai"
)

// Deadline policies: what happens to a person seat that is not ready when
// the turn's deadline passes.
const (
	PolicyHold     = "hold"     // its orders of the last turn are played again (what still fits)
	PolicyComputer = "computer" // the computer player (normal) gives its orders
	PolicyWait     = "wait"     // nothing: the facilitator decides
)

// clock is a game's per-turn deadline. Its settings are in the log (a
// "deadline" entry); the time left is not: a game rebuilt after a restart
// starts the current turn's deadline afresh.
type clock struct {
	every   time.Duration // the deadline of each turn, 0 for none
	policy  string
	due     time.Time     // when the current turn's deadline passes (zero: not running)
	left    time.Duration // what was left when the game was paused
	warned  bool
	overdue bool
	gen     int // the timers of older generations do nothing
}

// warnBefore is how long before the deadline the warning comes: a minute,
// or a fifth of a short deadline.
func (c *clock) warnBefore() time.Duration { return min(time.Minute, c.every/5) }

// startClock starts (or restarts) the current turn's deadline, with d left.
func (gm *game) startClock(d time.Duration) {
	c := &gm.clock
	c.gen++
	c.due, c.warned, c.overdue = time.Time{}, false, false
	if c.every <= 0 || gm.paused || gm.g.Over() || gm.broken != nil {
		return
	}
	c.due = time.Now().Add(d)
	gen := c.gen
	fire := func(f func()) {
		select {
		case gm.in <- func() {
			if gm.clock.gen == gen {
				f()
			}
		}:
		case <-gm.quit:
		}
	}
	if w := d - c.warnBefore(); w > 0 {
		time.AfterFunc(w, func() { fire(func() { gm.clock.warned = true; gm.broadcast() }) })
	} else {
		c.warned = true
	}
	time.AfterFunc(d, func() { fire(gm.expire) })
}

// stopClock keeps what is left of the deadline (on pause).
func (gm *game) stopClock() {
	c := &gm.clock
	if !c.due.IsZero() {
		c.left = max(time.Until(c.due), time.Second)
	}
	c.gen++
	c.due = time.Time{}
}

// expire applies the policy to the seats that are not ready, then plays
// the turn (under every policy but wait).
func (gm *game) expire() {
	c := &gm.clock
	if c.policy == PolicyWait {
		// The deadline stays as it passed, so that every client can say
		// how long ago; extend restarts it from now.
		c.overdue = true
		gm.broadcast()
		return
	}
	c.due = time.Time{}
	g, m := gm.g, gm.m
	s := g.State()
	held := m.CarryForward(s, s.Levels)
	for i, st := range gm.seats {
		if st.computer || gm.drafts[i].ready {
			continue
		}
		id := m.Scenario.Actors[i].ID
		e := entry{Type: "draft", Actor: id, Turn: g.Turn(), Orders: map[string]int{}, Reason: "deadline: " + c.policy}
		if c.policy == PolicyHold {
			for _, li := range m.ActorLevers(i) {
				if held[li] > 0 {
					e.Orders[m.Scenario.Levers[li].ID] = held[li]
				}
			}
		} else {
			dec := ai.Decide(g, i, ai.Normal)
			e.Orders, e.Choices = nonNil(dec.Orders), dec.Choices
		}
		if !gm.commit(nil, 0, e) || !gm.commit(nil, 0, entry{Type: "ready", Actor: id, Turn: g.Turn(), Ready: true}) {
			return
		}
	}
	if gm.commit(nil, 0, gm.adjudication()) {
		gm.startClock(c.every)
	}
	gm.broadcast()
}

// setDeadline handles the facilitator's "deadline" and "extend".
func (gm *game) setDeadline(cn *conn, msg proto.Msg) {
	if msg.Type == "extend" {
		if gm.clock.due.IsZero() {
			cn.refuse(msg.ID, proto.CodeRefused, "no deadline is running")
			return
		}
		if !gm.commit(cn, msg.ID, entry{Type: "extend", Value: float64(msg.Seconds)}) {
			return
		}
		// An overdue deadline is extended from now.
		gm.startClock(max(time.Until(gm.clock.due), 0) + time.Duration(msg.Seconds)*time.Second)
		return
	}
	switch msg.Policy {
	case PolicyHold, PolicyComputer, PolicyWait:
	default:
		cn.refuse(msg.ID, proto.CodeBad, fmt.Sprintf("deadline policy %q: want hold, computer or wait", msg.Policy))
		return
	}
	if gm.commit(cn, msg.ID, entry{Type: "deadline", Value: float64(msg.Seconds), Seat: msg.Policy}) {
		gm.startClock(gm.clock.every)
	}
}

// deadlineView is the clock as a view shows it.
func (gm *game) deadlineView() *proto.Deadline {
	c := &gm.clock
	if c.every <= 0 {
		return nil
	}
	d := &proto.Deadline{Seconds: int(c.every / time.Second), Policy: c.policy, Warning: c.warned, Overdue: c.overdue}
	if !c.due.IsZero() {
		d.Due = c.due.UnixMilli()
	}
	return d
}
