package sim

import (
	"fmt"
	"slices"
	"strings"
)

// This file holds joint decisions: an event's choice that needs other
// actors to agree ('with:'). The chooser answers under the event's id, as
// for any choice; each partner answers under PartnerKey(event, actor). The
// option the chooser picks is taken only if every partner picks the same
// one; otherwise the first option, the default, is taken (no agreement).

// PartnerKey is the key of a partner's answer to a joint decision in
// Choices: the event's id, a slash, and the partner's actor id.
func PartnerKey(eventID, actorID string) string { return eventID + "/" + actorID }

// Partners returns the actors who must agree to the choice of event ei
// (nil for a choice of one actor, or an event without one).
func (m *Model) Partners(ei int) []int { return m.cEvents[ei].with }

// Decides reports whether actor ai answers the choice of event ei: as its
// chooser or as a partner who must agree.
func (m *Model) Decides(ei, ai int) bool {
	return m.cEvents[ei].chooser == ai && ai >= 0 || slices.Contains(m.cEvents[ei].with, ai)
}

// partners checks a choice's 'with' list and returns its actors' indices.
func (c *compiler) partners(ch *Choice, chooser int) []int {
	var out []int
	for k, id := range ch.With {
		field := fmt.Sprintf("with[%d]", k)
		ai := c.actorRef(id, field, ch.FieldPos, ch.Pos)
		switch {
		case ai < 0:
		case ai == chooser:
			c.add(fieldPos(ch.FieldPos, field, ch.Pos), "actor %q decides the choice: 'with' lists the other actors who must agree", id)
		case slices.Contains(out, ai):
			c.add(fieldPos(ch.FieldPos, field, ch.Pos), "actor %q is listed twice in 'with'", id)
		default:
			out = append(out, ai)
		}
	}
	return out
}

// partnerAnswer reads a choice key of the form event/actor: the event and
// partner indices and the option's, or what is wrong with it.
func (m *Model) partnerAnswer(s *State, key, opt string) (ei, ai, k int, msg string) {
	eid, aid, _ := strings.Cut(key, "/")
	ei, k, msg = m.choiceIndex(s, eid, opt)
	if msg != "" {
		return -1, -1, -1, msg
	}
	ai = m.ActorIndex(aid)
	if ai < 0 || !slices.Contains(m.cEvents[ei].with, ai) {
		var ids []string
		for _, p := range m.cEvents[ei].with {
			ids = append(ids, m.Scenario.Actors[p].ID)
		}
		if len(ids) == 0 {
			return -1, -1, -1, fmt.Sprintf("event %q is no joint decision: only %s answers it", eid, m.Scenario.Actors[m.cEvents[ei].chooser].ID)
		}
		return -1, -1, -1, fmt.Sprintf("%q is not asked to agree in event %q (%s are)", aid, eid, strings.Join(ids, ", "))
	}
	return ei, ai, k, ""
}

// agreed resolves the joint decisions in out (the chooser's option per
// event) with the partners' answers: an option stands only where every
// partner picked it too; elsewhere the default, option 0, is taken.
func (m *Model) agreed(s *State, out []int, answers map[[2]int]int) {
	for _, ei := range s.Briefing {
		with := m.cEvents[ei].with
		if len(with) == 0 {
			continue
		}
		pick := max(out[ei], 0)
		for _, ai := range with {
			a, ok := answers[[2]int{ei, ai}]
			if !ok || a != pick {
				pick = 0
				break
			}
		}
		if out[ei] >= 0 || pick == 0 {
			out[ei] = pick
		}
	}
}
