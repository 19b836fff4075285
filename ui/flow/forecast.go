package flow

import (
	"fmt"
	"maps"
	"strings"

	"github.com/sixparty/sixparty/options"
	"github.com/sixparty/sixparty/sim"
)

// forecastJob is a forecast running off the window's thread.
type forecastJob struct {
	done  chan struct{}
	res   options.ForecastResult
	err   error
	turn  int
	seat  int
	draft string
}

// ForecastOptions is how the window forecasts: the defaults of
// options.Forecast (50 play-outs of the next 4 turns; every actor
// computer-played at easy difficulty but the seat on the draft's turn).
var ForecastOptions = options.ForecastOptions{}

// DraftOrders returns the current actor's draft as orders.
func (f *Flow) DraftOrders() sim.Orders {
	m := f.Game.Model
	mine := map[string]int{}
	for _, li := range m.ActorLevers(f.Current) {
		if f.Levels[li] > 0 {
			mine[m.Scenario.Levers[li].ID] = f.Levels[li]
		}
	}
	return sim.Orders{m.Scenario.Actors[f.Current].ID: mine}
}

// DraftText returns the current actor's draft in words: "Talk: much,
// Spend: yes", or "no levers pulled".
func (f *Flow) DraftText() string {
	m := f.Game.Model
	var parts []string
	for _, li := range m.ActorLevers(f.Current) {
		if lvl := f.Levels[li]; lvl > 0 {
			l := &m.Scenario.Levers[li]
			parts = append(parts, l.Name+": "+l.LevelName(lvl))
		}
	}
	if len(parts) == 0 {
		return "no levers pulled"
	}
	return strings.Join(parts, ", ")
}

// startForecast starts forecasting the draft on a goroutine of its own;
// Poll picks the result up. The goroutine reads only values (the state,
// the view) taken here, so the game may go on meanwhile.
func (f *Flow) startForecast() {
	if f.job != nil {
		f.Message = "Already forecasting; the result shows when it is ready."
		return
	}
	g := f.Game
	m := g.Model
	seat := f.Current
	draft := f.DraftOrders()
	if _, err := m.Levels(g.State(), draft); err != nil {
		f.Message = "These orders cannot be forecast: " + err.Error()
		return
	}
	choices := sim.Choices{}
	for _, ei := range g.State().Briefing {
		if m.Scenario.Events[ei].Choice == nil || !m.Decides(ei, seat) {
			continue
		}
		key := f.ChoiceKey(ei) // the seat's own answer, as chooser or partner (ui/flow/choice.go)
		if o, ok := f.table.Picked(key); ok {
			choices[key] = o
		}
	}
	job := &forecastJob{done: make(chan struct{}), turn: g.Turn(), seat: seat, draft: f.DraftText()}
	f.job = job
	s, v, seed := g.State(), g.View(seat), g.Seed
	wake := f.cfg.Wake
	go func() {
		job.res, job.err = options.ForecastFrom(m, s, v, seed, seat, draft, maps.Clone(choices), ForecastOptions)
		close(job.done)
		if wake != nil {
			wake()
		}
	}()
}

// SetWake sets the function called, from another goroutine, when a
// forecast has finished (see Config.Wake).
func (f *Flow) SetWake(wake func()) { f.cfg.Wake = wake }

// Forecasting reports whether a forecast is running.
func (f *Flow) Forecasting() bool { return f.job != nil }

// Poll picks up the work done off the window's thread: the computer
// players' decisions (then the turn is played), or a finished forecast
// (when the orders it was made for are still on screen it opens the
// forecast scene, otherwise it drops it). It never waits, and reports
// whether anything changed.
func (f *Flow) Poll() bool {
	if f.pollThinking() {
		return true
	}
	if f.job == nil {
		return f.pollRemote()
	}
	select {
	case <-f.job.done:
	default:
		return false
	}
	job := f.job
	f.job = nil
	if f.Game == nil || f.Game.Over() || f.Game.Turn() != job.turn || f.Current != job.seat || f.Scene() != Orders {
		return true
	}
	if job.err != nil {
		f.Message = "The forecast failed: " + FirstLine(job.err)
		return true
	}
	f.Outlook = &job.res
	f.OutlookDraft = job.draft
	f.open(&ForecastScene{})
	return true
}

// WaitForecast waits for a running forecast and polls it; tests and the
// scripted player's callers use it where blocking is fine.
func (f *Flow) WaitForecast() {
	if f.job != nil {
		<-f.job.done
		f.Poll()
	}
}

// ForecastScene shows the what-if forecast of the draft orders
// (Flow.Outlook) over the orders.
type ForecastScene struct {
	Rows
}

// ID implements Scene.
func (*ForecastScene) ID() SceneID { return Forecast }

// Do implements Scene.
func (*ForecastScene) Do(f *Flow, in Input) {
	switch in.Action {
	case Back, Confirm, WhatIf:
		f.close()
	}
}

// Hints implements Scene.
func (*ForecastScene) Hints(*Flow) []Action { return []Action{Back} }

// Label implements Scene.
func (*ForecastScene) Label(_ *Flow, a Action) string {
	if a == Back {
		return "back to the orders"
	}
	return ""
}

// OutlookRow is one line of the forecast's table, in words.
type OutlookRow struct {
	// Name is the indicator's name and unit.
	Name string
	// Now is the value the seat sees now; End the median at the end of
	// the forecast with its 10–90% band.
	Now, End string
	// Change is the median's change over the forecast, signed with an
	// arrow.
	Change string
}

// OutlookRows returns the forecast's indicators in words.
func (f *Flow) OutlookRows() []OutlookRow {
	fc := f.Outlook
	if fc == nil {
		return nil
	}
	m := f.Game.Model
	var out []OutlookRow
	for _, b := range fc.Indicators {
		t := len(b.Median) - 1
		r := OutlookRow{Name: m.Scenario.Vars[b.Var].Name}
		if u := m.Scenario.Vars[b.Var].Unit; u != "" {
			r.Name += " (" + u + ")"
		}
		r.Now = m.Format(b.Var, b.Now)
		if !b.Exact {
			r.Now = "≈ " + r.Now
		}

		r.End = fmt.Sprintf("%s (%s to %s)", m.Format(b.Var, b.Median[t]), m.Format(b.Var, b.Lo[t]), m.Format(b.Var, b.Hi[t]))
		r.Change = Signed(m, b.Var, b.Median[t]-b.Median[0])
		out = append(out, r)
	}
	return out
}

// OutlookTitle says what the forecast is of: "What if: 50 play-outs of
// 4 turns from 2017-Q4".
func (f *Flow) OutlookTitle() string {
	fc := f.Outlook
	if fc == nil {
		return ""
	}
	return fmt.Sprintf("What if: %d play-outs of %s from %s", fc.Playouts, TurnsText(fc.Turns), f.Game.Model.Date(fc.Turn))
}

// OutlookNote says how the forecast was made, for the panel's foot.
func (f *Flow) OutlookNote() string {
	fc := f.Outlook
	if fc == nil {
		return ""
	}
	m := f.Game.Model
	s := fmt.Sprintf("Your orders (%s) on the first turn, then the computer plays %s, and the others throughout, at easy difficulty. "+
		"Each play-out starts from your own estimates, redrawn within their uncertainty: it never sees the true hidden values. "+
		"The line is the median, the band holds 80%% of the play-outs.", f.OutlookDraft, m.Scenario.Actors[fc.Seat].Name)
	if fc.Failed > 0 {
		s += fmt.Sprintf(" %d play-outs stopped at a fault of the scenario (the first: %v).", fc.Failed, fc.Fault)
	}
	return s
}

// OutlookShares returns the forecast's outcome shares as labels and
// fractions: each outcome reached, then "still going after N turns".
func (f *Flow) OutlookShares() (labels []string, shares []float64) {
	fc := f.Outlook
	if fc == nil {
		return nil, nil
	}
	for _, s := range fc.Outcomes {
		name := s.Name
		if s.ID == "" {
			name = "Still going after " + TurnsText(fc.Turns)
		}
		labels = append(labels, fmt.Sprintf("%s: %.0f%%", name, 100*s.Share))
		shares = append(shares, s.Share)
	}
	return labels, shares
}
