package flow

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/sixparty/sixparty/sim"
)

// FacPage is a page of the facilitator's scene.
type FacPage int

// The facilitator's pages: the menu, the list of indicators to adjust,
// the new value and reason of one indicator, and the events to inject.
const (
	FacMenu FacPage = iota
	FacAdjust
	FacValue
	FacInject
)

// The facilitator menu's rows.
const (
	FacRowAdjust = iota
	FacRowInject
	FacRowBack
	facMenuRows
)

// The rows of the value page: the new value, the reason, and Apply.
const (
	FacRowValue = iota
	FacRowReason
	FacRowApply
	facValueRows
)

// Limits of the facilitator's text fields.
const (
	maxValueLen  = 24
	maxReasonLen = 160
)

// FacMenuLabels returns the facilitator menu's entries.
func FacMenuLabels() []string {
	return []string{"Adjust an indicator", "Inject an event", "Back to the game"}
}

// FacilitatorScene is the facilitator's controls: adjust an indicator
// with a reason, inject an event. It opens over the briefing or the
// hand-over, and nothing advances while it is open.
type FacilitatorScene struct {
	Rows
	// Panel is the page shown; Var the indicator being adjusted;
	// ValueText and ReasonText its new value and the reason, as typed.
	Panel                 FacPage
	Var                   int
	ValueText, ReasonText string
}

// ID implements Scene.
func (*FacilitatorScene) ID() SceneID { return Facilitator }

// fac returns the facilitator scene open, or a blank one.
func (f *Flow) fac() *FacilitatorScene {
	if s := SceneOf[*FacilitatorScene](f); s != nil {
		return s
	}
	return &FacilitatorScene{}
}

// FacPage returns the page of the facilitator's scene.
func (f *Flow) FacPage() FacPage { return f.fac().Panel }

// FacVar returns the indicator the facilitator is adjusting.
func (f *Flow) FacVar() int { return f.fac().Var }

// ValueText returns the facilitator's new value as typed.
func (f *Flow) ValueText() string { return f.fac().ValueText }

// ReasonText returns the facilitator's reason as typed.
func (f *Flow) ReasonText() string { return f.fac().ReasonText }

// CanFacilitate reports whether the facilitator's controls may open now:
// from the briefing and from the hand-over screen between two people's
// orders, so that no team's orders are on screen, and never once the game
// is over.
func (f *Flow) CanFacilitate() bool {
	return f.Game != nil && !f.Game.Over() && (f.Scene() == Briefing || f.Scene() == Handover && !f.SeatBriefing())
}

// openFacilitator shows the facilitator's menu over the current scene.
// Nothing advances while it is open: Back returns to the same scene.
func (f *Flow) openFacilitator() {
	if !f.CanFacilitate() || f.gatePIN() { // gatePIN: console_pin.go
		return
	}
	f.open(&FacilitatorScene{})
}

// FacVars returns every indicator in the dashboard's order (by group),
// whatever the players may see: the facilitator sees everything.
func (f *Flow) FacVars() []int {
	var out []int
	for _, g := range Groups(f.Game.Model) {
		out = append(out, g.Vars...)
	}
	return out
}

// InjectableEvents returns the scenario's events that are not in this
// turn's briefing yet, in the scenario's order.
func (f *Flow) InjectableEvents() []int {
	var out []int
	brief := f.Game.State().Briefing
	for ei := range f.Game.Model.Scenario.Events {
		if !slices.Contains(brief, ei) {
			out = append(out, ei)
		}
	}
	return out
}

// WantsText implements TextScene.
func (s *FacilitatorScene) WantsText(*Flow) bool {
	return s.Panel == FacValue && (s.Cursor == FacRowValue || s.Cursor == FacRowReason)
}

// Hints implements Scene.
func (*FacilitatorScene) Hints(*Flow) []Action { return []Action{Up, Down, Confirm, Back} }

// Label implements Scene.
func (s *FacilitatorScene) Label(_ *Flow, a Action) string {
	switch a {
	case Confirm:
		switch s.Panel {
		case FacMenu:
			return "choose"
		case FacAdjust:
			return "set a new value"
		case FacValue:
			if s.Cursor == FacRowApply {
				return "apply"
			}
			return "next"
		case FacInject:
			return "inject"
		}
	case Back:
		if s.Panel == FacMenu {
			return "back to the game"
		}
		return "back"
	}
	return ""
}

// ShotKey implements ShotScene.
func (s *FacilitatorScene) ShotKey(*Flow) string {
	return [...]string{FacMenu: "facilitator", FacAdjust: "facilitator-adjust", FacValue: "facilitator-value", FacInject: "facilitator-inject"}[s.Panel]
}

// Do implements Scene.
func (s *FacilitatorScene) Do(f *Flow, in Input) {
	switch s.Panel {
	case FacMenu:
		in, ok := f.pick(in, facMenuRows)
		if !ok {
			return
		}
		switch in.Action {
		case Confirm:
			switch s.Cursor {
			case FacRowAdjust:
				s.Panel, s.Cursor = FacAdjust, 0
			case FacRowInject:
				s.Panel, s.Cursor = FacInject, 0
			default:
				f.close()
			}
		case Back, Facilitate:
			f.close()
		}
	case FacAdjust:
		vars := f.FacVars()
		in, ok := f.pick(in, len(vars)) // a click opens the indicator
		if !ok {
			return
		}
		switch in.Action {
		case Confirm:
			if len(vars) > 0 {
				s.Var = vars[s.Cursor]
				s.Panel, s.Cursor = FacValue, FacRowValue
				s.ValueText, s.ReasonText = "", ""
			}
		case Back:
			s.Panel, s.Cursor = FacMenu, FacRowAdjust
		}
	case FacValue:
		if f.move(in, facValueRows) {
			if in.Action == Select && in.Item == FacRowApply {
				s.applyAdjust(f)
			}
			return
		}
		switch in.Action {
		case Type:
			s.typeFac(in.Rune)
		case Erase:
			switch s.Cursor {
			case FacRowValue:
				s.ValueText = dropLast(s.ValueText)
			case FacRowReason:
				s.ReasonText = dropLast(s.ReasonText)
			}
		case Confirm:
			if s.Cursor == FacRowApply {
				s.applyAdjust(f)
				return
			}
			s.Cursor++
		case Back:
			s.Panel = FacAdjust
			s.Cursor = max(0, slices.Index(f.FacVars(), s.Var))
		}
	case FacInject:
		evs := f.InjectableEvents()
		if f.move(in, len(evs)) {
			return
		}
		switch in.Action {
		case Confirm:
			if len(evs) > 0 {
				s.injectEvent(f, evs[s.Cursor])
			}
		case Back:
			s.Panel, s.Cursor = FacMenu, FacRowInject
		}
	}
}

// typeFac types r into the value or the reason field.
func (s *FacilitatorScene) typeFac(r rune) {
	switch s.Cursor {
	case FacRowValue:
		if r == ',' {
			r = '.' // a decimal comma
		}
		if (r >= '0' && r <= '9' || r == '.' || r == '-' || r == '+' || r == 'e' || r == 'E') && len(s.ValueText) < maxValueLen {
			s.ValueText += string(r)
		}
	case FacRowReason:
		if unicode.IsPrint(r) && len([]rune(s.ReasonText)) < maxReasonLen {
			s.ReasonText += string(r)
		}
	}
}

// BoundsText says which values variable vi may take, in words.
func BoundsText(m *sim.Model, vi int) string {
	lo, hi := m.Bounds(vi)
	switch {
	case math.IsInf(lo, -1) && math.IsInf(hi, 1):
		return "any value"
	case math.IsInf(lo, -1):
		return "at most " + m.Format(vi, hi)
	case math.IsInf(hi, 1):
		return "at least " + m.Format(vi, lo)
	}
	return "from " + m.Format(vi, lo) + " to " + m.Format(vi, hi)
}

// applyAdjust sets the indicator being adjusted to the typed value with
// the typed reason, logs it in the game's ledger and record, and
// autosaves. A value that is not a number or is out of bounds, or a
// missing reason, changes nothing and says why.
func (s *FacilitatorScene) applyAdjust(f *Flow) {
	g := f.Game
	m := g.Model
	vi := s.Var
	v := &m.Scenario.Vars[vi]
	x, err := strconv.ParseFloat(strings.TrimSpace(s.ValueText), 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		f.Message = "Type the new value of " + v.Name + " as a number, such as 42 or -1.5; nothing was changed."
		s.Cursor = FacRowValue
		return
	}
	reason := strings.Join(strings.Fields(s.ReasonText), " ")
	if reason == "" {
		f.Message = "Give a reason: it is logged with the change and shown in the reports; nothing was changed."
		s.Cursor = FacRowReason
		return
	}
	if lo, hi := m.Bounds(vi); x < lo || x > hi {
		f.Message = fmt.Sprintf("%s is outside the bounds of %s (%s); nothing was changed.", m.Format(vi, x), v.Name, BoundsText(m, vi))
		s.Cursor = FacRowValue
		return
	}
	before := g.State().Vals[vi]
	if err := g.Adjust(v.ID, x, reason); err != nil {
		f.Message = "Nothing was changed: " + err.Error()
		return
	}
	f.Message = fmt.Sprintf("%s set from %s to %s, logged with the reason.", v.Name, m.Format(vi, before), FormatValue(m, vi, x, 0, false))
	for _, ai := range f.recheckOrders() {
		f.Message += " " + m.Scenario.Actors[ai].Name + "'s orders are no longer all allowed; they will be asked to order again after the others."
	}
	f.Message += f.autosaveNote()
	s.Panel = FacAdjust
	s.Cursor = max(0, slices.Index(f.FacVars(), vi))
	s.ValueText, s.ReasonText = "", ""
}

// injectEvent adds event ei to this turn's briefing and autosaves. When
// the event asks a person who has already given this turn's orders for a
// choice, that person is handed the machine once more after the others.
func (s *FacilitatorScene) injectEvent(f *Flow, ei int) {
	g := f.Game
	m := g.Model
	ev := &m.Scenario.Events[ei]
	if err := g.Inject(ev.ID); err != nil {
		f.Message = "Nothing was injected: " + err.Error()
		return
	}
	f.Message = "Injected " + ev.Name + " into this turn's briefing."
	var deciders []int // the chooser, then the partners of a joint decision
	if ev.Choice != nil {
		deciders = append([]int{m.Chooser(ei)}, m.Partners(ei)...)
	}
	for _, c := range deciders {
		a := m.Scenario.Actors[c]
		switch {
		case !f.Seats[c].Human:
			f.Message += " The computer will choose for " + a.Name + "."
		case f.ordered(c):
			f.queue = append(f.queue, c)
			f.callBack(c, "the facilitator injected "+ev.Name+", which asks you to choose")
			f.Message += " " + a.Name + " has already ordered and will be asked to choose after the others."
		default:
			f.Message += " " + a.Name + " will be asked to choose."
		}
	}
	f.Message += f.autosaveNote()
	// Back to the menu, so that a second Enter cannot inject another.
	s.Panel, s.Cursor = FacMenu, FacRowInject
}

// recheckOrders queues again every person who has given this turn's
// orders when one of their levers is no longer available in the adjusted
// state (its precondition now fails), so that the turn can still be
// played; it returns those actors.
func (f *Flow) recheckOrders() []int {
	m := f.Game.Model
	s := f.Game.State()
	var out []int
	for _, ai := range f.Humans() {
		if !f.ordered(ai) {
			continue
		}
		given, _ := f.table.Given(ai)
		for _, li := range m.ActorLevers(ai) {
			if given[m.Scenario.Levers[li].ID] > 0 {
				if ok, why := m.Available(s, li); !ok {
					f.queue = append(f.queue, ai)
					f.callBack(ai, "the facilitator changed the situation: "+m.Scenario.Levers[li].Name+" is no longer available ("+why+")")
					out = append(out, ai)
					break
				}
			}
		}
	}
	return out
}

// ordered reports whether actor ai has submitted this turn's orders.
func (f *Flow) ordered(ai int) bool {
	return f.table.Ready(ai) && !slices.Contains(f.queue, ai) && !(f.Under() == Handover && f.Current == ai)
}

// autosave writes the game to the autosave slot.
func (f *Flow) autosave() error {
	if f.cfg.Store == nil {
		return nil
	}
	return f.cfg.Store.Save(SlotAuto, f.saveFile())
}

// autosaveNote autosaves and says how it went, for the end of a message.
func (f *Flow) autosaveNote() string {
	if f.cfg.Store == nil {
		return ""
	}
	if err := f.autosave(); err != nil {
		return " Autosave failed: " + err.Error()
	}
	return " Autosaved."
}

// Intervention is one of the facilitator's actions on a turn, in words.
type Intervention struct {
	// Var is the indicator set, or -1 for an injected event.
	Var int
	// Text says what was done: "Tension set to 60.0 points: a border
	// incident", or "Injected event: Border incident".
	Text string
}

// Interventions returns the facilitator's actions on turn t (from 1; the
// current turn included), in the order made.
func Interventions(g *sim.Game, t int) []Intervention {
	r := g.Record()
	var adj []sim.Adjustment
	switch {
	case t >= 1 && t <= len(r.Turns):
		adj = r.Turns[t-1].Adjust
	case t == len(r.Turns)+1:
		adj = r.Pending
	}
	m := g.Model
	var out []Intervention
	for _, a := range adj {
		if a.Inject != "" {
			name := a.Inject
			if ei := m.EventIndex(a.Inject); ei >= 0 {
				name = m.Scenario.Events[ei].Name
			}
			out = append(out, Intervention{Var: -1, Text: "Injected event: " + name})
			continue
		}
		vi := m.VarIndex(a.Var)
		if vi < 0 {
			continue
		}
		out = append(out, Intervention{Var: vi, Text: fmt.Sprintf("%s set to %s: %s", m.Scenario.Vars[vi].Name, FormatValue(m, vi, a.Value, 0, false), a.Reason)})
	}
	return out
}

// facEntries returns the facilitator's ledger entries of turn t.
func facEntries(g *sim.Game, t int) []sim.Entry {
	var out []sim.Entry
	for _, e := range g.Ledger() {
		if e.Turn == t && e.Cause.Kind == sim.ByFacilitator {
			out = append(out, e)
		}
	}
	return out
}

// facAmounts returns the net amount of the facilitator's adjustments of
// variable vi on each turn, by turn.
func facAmounts(g *sim.Game, vi int) map[int]float64 {
	out := map[int]float64{}
	for _, e := range g.Ledger() {
		if e.Var == vi && e.Cause.Kind == sim.ByFacilitator {
			out[e.Turn] += e.Amount
		}
	}
	return out
}

// Recomputed returns the names of the rules that replace variable vi's
// value every turn (a rule with 'set'), which undo a facilitator's
// adjustment when the turn is played.
func Recomputed(m *sim.Model, vi int) []string {
	var out []string
	for _, r := range m.Scenario.Rules {
		if r.Target == m.Scenario.Vars[vi].ID && !r.Set.IsZero() {
			name := r.Name
			if name == "" {
				name = r.ID
			}
			out = append(out, name)
		}
	}
	return out
}

// TurnStart returns variable vi's value at the start of turn t, before the
// facilitator's adjustments of that turn (the history holds it after
// them), so that a turn's net change and its ledger entries add up.
func TurnStart(g *sim.Game, vi, t int) float64 {
	x := g.History()[t-1].Vals[vi]
	for _, e := range facEntries(g, t) {
		if e.Var == vi {
			x -= e.Amount
		}
	}
	return x
}

// CauseText names the cause of a ledger entry in words, with the
// facilitator's reason where one was given: "facilitator: a border
// incident".
func CauseText(m *sim.Model, e sim.Entry) string {
	s := m.Describe(e.Cause)
	if e.Reason != "" {
		s += ": " + e.Reason
	}
	return s
}
