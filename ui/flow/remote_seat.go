package flow

import (
	"fmt"
	"maps"
	"strings"

	"github.com/sixparty/sixparty/sim"
)

// RemoteSeatScene is a team's screen at a served game: its briefing, its
// orders with the budget, the others' ready flags, its messages, and the
// last turn's revealed orders and changes.
type RemoteSeatScene struct {
	Rows
	chatBox
	// Levels is the draft: a level per lever of the seat, in SeatLevers'
	// order.
	Levels []int
	// Picks are the seat's answers to the events it decides this turn:
	// a choice key (an event's id, or sim.PartnerKey for a partner's
	// answer to a joint decision) to an option's id.
	Picks map[string]string
	turn  int
}

// SeatChoices returns the events of the briefing whose choice the seat's
// actor decides: as chooser or as a partner who must agree.
func (f *Flow) SeatChoices() []int {
	m := f.Model
	var out []int
	for _, ei := range f.remote.Table.Briefing() {
		if m.Scenario.Events[ei].Choice != nil && m.Decides(ei, f.Current) {
			out = append(out, ei)
		}
	}
	return out
}

// ChoiceKey returns the key the seat answers event ei under: its id for
// the chooser, sim.PartnerKey for a partner.
func (f *Flow) ChoiceKey(ei int) string {
	m := f.Model
	id := m.Scenario.Events[ei].ID
	if m.Chooser(ei) == f.Current {
		return id
	}
	return sim.PartnerKey(id, m.Scenario.Actors[f.Current].ID)
}

// Pick returns the option index the seat's draft takes in event ei (the
// first, the default, until one is chosen).
func (s *RemoteSeatScene) Pick(f *Flow, ei int) int {
	s.sync(f)
	opts := f.Model.Scenario.Events[ei].Choice.Options
	for k, o := range opts {
		if o.ID == s.Picks[f.ChoiceKey(ei)] {
			return k
		}
	}
	return 0
}

// Choices returns the scene's answers as the draft's choices: every event
// the seat decides, the default where none was picked.
func (s *RemoteSeatScene) Choices(f *Flow) sim.Choices {
	s.sync(f)
	var out sim.Choices
	for _, ei := range f.SeatChoices() {
		if out == nil {
			out = sim.Choices{}
		}
		out[f.ChoiceKey(ei)] = f.Model.Scenario.Events[ei].Choice.Options[s.Pick(f, ei)].ID
	}
	return out
}

// RemoteEnd is a remote seat's end view: the outcome and every actor's
// final score.
type RemoteEnd struct {
	// Headline and Text are the outcome's name and narrative.
	Headline, Text string
	// Scores are the final scores in the scenario's order (nil when the
	// server sent none); Mine is the seat's actor. ScoreError is the
	// server's reason for sending none (the scenario's objectives faulted
	// on the final state), "" otherwise.
	Scores     []float64
	Mine       int
	ScoreError string
}

// RemoteEnd returns the seat's end view, and false while the game goes on.
func (f *Flow) RemoteEnd() (RemoteEnd, bool) {
	t := f.remote.Table
	if !t.Over() {
		return RemoteEnd{}, false
	}
	e := RemoteEnd{Headline: "The game is over", Text: "The facilitator ended the game before any outcome was reached.", Mine: f.Current}
	e.Scores, e.ScoreError = t.RevealedScores()
	if o := t.Outcome(); o != nil {
		e.Headline, e.Text = o.Name, strings.TrimSpace(o.Text)
	}
	return e, true
}

// SeatLevers returns the lever indexes of the seat's actor.
func (f *Flow) SeatLevers() []int {
	m := f.Model
	var out []int
	for li, l := range m.Scenario.Levers {
		if m.ActorIndex(l.Actor) == f.Current {
			out = append(out, li)
		}
	}
	return out
}

// The seat scene's rows after its levers.
const (
	seatRowSubmit = iota
	seatRowChannel
	seatRowText
	seatRows
)

// ID implements Scene.
func (*RemoteSeatScene) ID() SceneID { return RemoteSeat }

// sync starts a new turn's draft from the one the server holds.
func (s *RemoteSeatScene) sync(f *Flow) {
	t := f.remote.Table
	if s.Levels != nil && s.turn == t.Turn() {
		return
	}
	s.turn = t.Turn()
	levers := f.SeatLevers()
	s.Levels = make([]int, len(levers))
	s.Picks = map[string]string{}
	if d := t.Draft(); d != nil {
		maps.Copy(s.Picks, d.Choices)
		for i, li := range levers {
			l := f.Model.Scenario.Levers[li]
			s.Levels[i] = max(0, min(len(l.Levels)-1, d.Orders[l.ID]))
		}
	}
}

// Draft returns the scene's draft as orders.
func (s *RemoteSeatScene) Draft(f *Flow) map[string]int {
	s.sync(f)
	o := map[string]int{}
	for i, li := range f.SeatLevers() {
		if s.Levels[i] > 0 {
			o[f.Model.Scenario.Levers[li].ID] = s.Levels[i]
		}
	}
	return o
}

// Cost returns what the draft costs and the seat's budget this turn: its
// 'budget', or what its 'budget_formula' gives read on what the seat knows
// (seatState), held between 0 and 'budget' (sim's Model.BudgetIn). A
// budget formula, like a cost, reads nothing else (sim/budget.go), so the
// seat's budget is the server's.
func (s *RemoteSeatScene) Cost(f *Flow) (cost, budget float64) {
	s.sync(f)
	st := f.seatState()
	for i, li := range f.SeatLevers() {
		cost += f.Model.CostIn(st, li, s.Levels[i])
	}
	return cost, f.Model.BudgetIn(st, f.Current)
}

// SeatCost returns what the seat's lever li costs at level lvl this turn:
// its number, or its cost expression read on what the seat knows
// (seatState). A cost expression reads nothing else (sim/budget.go), so
// the seat prices it as the server does.
func (f *Flow) SeatCost(li, lvl int) float64 {
	return f.Model.CostIn(f.seatState(), li, lvl)
}

// seatState is the state as the seat knows it at the start of the turn it
// orders: the values it sees exactly (an estimate for the others), the
// orders revealed last turn, the turn.
func (f *Flow) seatState() *sim.State {
	t := f.remote.Table
	played := t.Played()
	return &sim.State{Turn: t.Turn(), Vals: t.View(f.Current, played).Vals, Levels: t.Levels(played)}
}

// Row kinds of the seat scene.
func (s *RemoteSeatScene) extra(f *Flow, row int) int {
	return row - len(f.SeatLevers()) - len(f.SeatChoices())
}

// SubmitRow returns the row of the submit button, after the levers and
// the choices.
func (f *Flow) SubmitRow() int { return len(f.SeatLevers()) + len(f.SeatChoices()) }

// Do implements Scene.
func (s *RemoteSeatScene) Do(f *Flow, in Input) {
	s.sync(f)
	t := f.remote.Table
	levers := f.SeatLevers()
	chs := f.SeatChoices()
	n := len(levers) + len(chs) + seatRows
	switch in.Action {
	case OpenDashboard:
		// The seat's own view of every indicator, and from there why each
		// moved (the local scenes, over the remote table).
		f.open(&DashboardScene{})
		return
	}
	if moveRow(&s.Rows, in, n) {
		if s.extra(f, s.Cursor) == seatRowChannel || s.extra(f, s.Cursor) == seatRowText {
			t.MarkRead(s.ChannelOf(t))
		}
		return
	}
	if t.Over() && (in.Action == SetLevel || s.Cursor < len(levers)+len(chs) && in.Action != Confirm) {
		return // the orders are closed
	}
	if k := in.Item - len(levers); in.Action == SetLevel && k >= 0 && k < len(chs) {
		s.Cursor = in.Item // a click on a choice row's option
		s.setPick(f, chs[k], in.Value)
		return
	}
	over := t.Over()
	switch row := s.Cursor; {
	case row < len(levers):
		switch in.Action {
		case Left:
			s.setLevel(f, row, s.Levels[row]-1)
		case Right:
			s.setLevel(f, row, s.Levels[row]+1)
		case SetLevel:
			if in.Item < len(levers) {
				s.Cursor = in.Item
				s.setLevel(f, in.Item, in.Value)
			}
		case Confirm:
			s.Cursor = len(levers)
		}
	case row < len(levers)+len(chs):
		ei := chs[row-len(levers)]
		switch in.Action {
		case Left:
			s.setPick(f, ei, s.Pick(f, ei)-1)
		case Right:
			s.setPick(f, ei, s.Pick(f, ei)+1)
		case Confirm:
			s.Cursor = len(levers) + len(chs)
		}
	case s.extra(f, row) == seatRowSubmit:
		if in.Action == Confirm && !over {
			if c, b := s.Cost(f); c > b+1e-9 {
				f.Message = fmt.Sprintf("The orders cost %.0f, over the budget of %.0f.", c, b)
				return
			}
			if err := t.Submit(f.Current, s.Draft(f), s.Choices(f)); err != nil {
				f.Message = err.Error()
				return
			}
			f.remote.Kick()
			f.Message = "Orders submitted: waiting for the facilitator to adjudicate."
			if up, _ := f.remote.Connected(); !up {
				f.Message = "Orders kept on this machine: they reach the server when the connection is back."
			}
		}
	case s.extra(f, row) == seatRowChannel:
		switch in.Action {
		case Left:
			s.step(t, -1)
		case Right, Confirm:
			s.step(t, 1)
		}
		t.MarkRead(s.ChannelOf(t))
	case s.extra(f, row) == seatRowText:
		switch in.Action {
		case Type:
			s.typeRune(in.Rune)
		case Erase:
			s.Text = dropLast(s.Text)
		case Confirm:
			s.sendTo(f)
		case Left:
			s.step(t, -1)
		case Right:
			s.step(t, 1)
		}
	}
}

func (s *RemoteSeatScene) setLevel(f *Flow, i, lvl int) {
	l := f.Model.Scenario.Levers[f.SeatLevers()[i]]
	lvl = max(0, min(len(l.Levels)-1, lvl))
	s.Levels[i] = lvl
	// The draft goes to the server at once (not ready): a dropped network
	// or a reloaded page finds it there.
	s.push(f)
}

// setPick takes option k (wrapping round) in event ei and sends the draft.
func (s *RemoteSeatScene) setPick(f *Flow, ei, k int) {
	opts := f.Model.Scenario.Events[ei].Choice.Options
	k = (k%len(opts) + len(opts)) % len(opts)
	s.Picks[f.ChoiceKey(ei)] = opts[k].ID
	s.push(f)
}

// push sends the draft to the server at once (not ready): a dropped
// network or a reloaded page finds it there.
func (s *RemoteSeatScene) push(f *Flow) {
	if err := f.remote.Table.SetDraft(f.Current, s.Draft(f), s.Choices(f)); err == nil {
		f.remote.Kick()
	}
}

// WantsText implements TextScene: on the message row.
func (s *RemoteSeatScene) WantsText(f *Flow) bool {
	return s.extra(f, s.Cursor) == seatRowText
}

// Hints implements Scene: only the keys that do something on the row
// the cursor is on; once the game is over, the orders are closed and
// neither the levers, the choices nor submit take a key.
func (s *RemoteSeatScene) Hints(f *Flow) []Action {
	h := []Action{Up, Down}
	over := f.remote.Table.Over()
	switch x := s.extra(f, s.Cursor); {
	case x < seatRowSubmit && !over:
		h = append(h, Left, Right, Confirm)
	case x == seatRowSubmit && !over:
		h = append(h, Confirm)
	case x == seatRowChannel, x == seatRowText:
		h = append(h, Left, Right, Confirm)
	}
	return append(h, OpenDashboard, Quit)
}

// Label implements Scene: what each key does on the row the cursor is on.
func (s *RemoteSeatScene) Label(f *Flow, a Action) string {
	nl := len(f.SeatLevers())
	switch x := s.extra(f, s.Cursor); {
	case s.Cursor < nl:
		switch a {
		case Left:
			return "lower level"
		case Right:
			return "raise level"
		case Confirm:
			return "go to submit"
		}
	case x < seatRowSubmit:
		switch a {
		case Left, Right:
			return "option"
		case Confirm:
			return "go to submit"
		}
	case x == seatRowSubmit:
		if a == Confirm {
			return "submit orders"
		}
	case x == seatRowChannel:
		switch a {
		case Left, Right:
			return "channel"
		case Confirm:
			return "next channel"
		}
	case x == seatRowText:
		switch a {
		case Left, Right:
			return "channel"
		case Confirm:
			return "send message"
		}
	}
	return ""
}
