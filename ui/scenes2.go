package ui

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

func (g *Game) drawBriefing(d *dc, b layout.Rect) {
	f := g.f
	gm := f.Game
	m := gm.Model
	body := g.frame(d, b, "Briefing", g.turnLabel())
	if f.ShowBriefs {
		g.drawBriefs(d, body)
		return
	}
	left, right := body.CutLeft(body.W * 0.56)
	left.W -= 36
	y := left.Y
	evs := gm.Briefing()
	if gm.Turn() == 1 {
		d.text(m.Scenario.Meta.Title, left.X, y, sizeHead, colAccent, true)
		y += sizeHead * 1.5
		// The summary gives way when the events (an injected one among
		// them) would not fit beside it.
		summaryH := sizeSmall*1.3*4 + 26
		if eventsHeight(evs, left.W-24, sizeSmall) <= left.Bottom()-y-summaryH-sizeHead*1.5 {
			y += d.para(m.Scenario.Meta.Summary, layout.Rect{X: left.X, Y: y, W: left.W, H: sizeSmall * 1.3 * 4}, sizeSmall, colMuted, false) + 26
		}
	}
	d.text("Events this turn", left.X, y, sizeHead, colText, true)
	y += sizeHead * 1.5
	if len(evs) == 0 {
		d.text("Nothing new: no event fires this turn.", left.X, y, sizeBody, colMuted, false)
	}
	// The events at the body size if they fit, else smaller.
	size := float64(sizeBody)
	if eventsHeight(evs, left.W-24, size) > left.Bottom()-y {
		size = sizeSmall
	}
	for k, ev := range evs {
		if y > left.Bottom()-size*2.6 {
			d.text(fmt.Sprintf("… and %d more (see the turn report)", len(evs)-k), left.X, y, size, colMuted, false)
			break
		}
		x, w := left.X+24, left.W-24
		d.fill(layout.Rect{X: left.X, Y: y + 2, W: 8, H: size * 1.2}, colAccent)
		y += d.para(ev.Name, layout.Rect{X: x, Y: y, W: w, H: left.Bottom() - y}, size, colText, true)
		y += d.para(strings.TrimSpace(ev.Text), layout.Rect{X: x, Y: y, W: w, H: left.Bottom() - y}, size, colText, false)
		if ev.Choice != nil {
			who := m.Scenario.Actors[m.Chooser(m.EventIndex(ev.ID))].Name
			y += d.para(who+" must choose: "+ev.Choice.Prompt, layout.Rect{X: x, Y: y, W: w, H: left.Bottom() - y}, size, colYellow, false)
		}
		y += 20
	}
	var levels []int
	if len(gm.Reports()) > 0 {
		levels = gm.State().Levels
	}
	g.drawMap(d, right, m, levels, nil)
	note := "Flows: last turn's orders (M for the key)."
	if levels == nil {
		note = "No levers pulled yet."
	}
	mapNote(d, right, note)
}

// eventsHeight returns the height the briefing's events take in width w
// at a text size.
func eventsHeight(evs []*sim.Event, w, size float64) float64 {
	h := 0.0
	for _, ev := range evs {
		h += paraHeight(ev.Name, w, size, true) + paraHeight(strings.TrimSpace(ev.Text), w, size, false) + 20
		if ev.Choice != nil {
			h += size * 1.3
		}
	}
	return h
}

// mapNote writes a caption in the bottom-left corner of a map, on a dark
// band so that it stays readable over land.
func mapNote(d *dc, r layout.Rect, note string) {
	nw := measure(note, sizeSmall, false)
	d.fill(layout.Rect{X: r.X + 2, Y: r.Bottom() - sizeSmall*1.7, W: nw + 28, H: sizeSmall*1.7 - 2}, alpha(colBG, 0.85))
	d.text(note, r.X+14, r.Bottom()-sizeSmall*1.45, sizeSmall, colText, false)
}

func (g *Game) drawDashboard(d *dc, b layout.Rect) {
	f := g.f
	gm := f.Game
	m := gm.Model
	who := "as everyone sees it"
	switch v := f.Viewer(); {
	case v >= 0:
		who = "as " + m.Scenario.Actors[v].Name + " sees it"
	case v == -2:
		who = "what every player sees exactly"
	}
	body := g.frame(d, b, "Dashboard — "+who, g.turnLabel())
	body, note := body.CutBottom(sizeSmall * 1.6)
	vars := f.DashVars()
	groupOf := map[int]string{}
	for _, gr := range f.DashGroups() {
		for _, vi := range gr.Vars {
			groupOf[vi] = gr.Name
		}
	}
	const cols, gap = 5, 14.0
	visRows := max(1, int((body.H+gap)/(170+gap)))
	rowsN := (len(vars) + cols - 1) / cols
	first := layout.Window(rowsN, visRows, f.Cursor/cols) * cols
	cells := body.Grid(visRows*cols, cols, gap)
	for k, c := range cells {
		i := first + k
		if i >= len(vars) {
			break
		}
		vi := vars[i]
		if i == f.Cursor {
			d.fill(c, colPanelHi)
			d.stroke(c, 4, colAccent)
		} else {
			d.panel(c)
		}
		d.hit(c, flow.Input{Action: flow.Select, Item: i})
		in := c.Inset(14)
		d.fit(strings.ToUpper(groupOf[vi]), in.X, in.Y, in.W, 19, colMuted, false)
		d.fit(m.Scenario.Vars[vi].Name, in.X, in.Y+24, in.W, sizeSmall, colText, true)
		exact := f.Known(vi)
		val := f.Value(vi)
		valCol := colText
		if !exact {
			valCol = colYellow
		}
		d.fit(val, in.X, in.Y+24+sizeSmall*1.3, in.W, sizeSmall, valCol, false)
		top := in.Y + 24 + sizeSmall*2.7
		vals, sd := f.Series(vi)
		g.sparkline(d, layout.Rect{X: in.X, Y: top, W: in.W, H: in.Bottom() - top}, vals, sd)
	}
	hint := "Select an indicator and press W for why it moved."
	if rowsN > visRows {
		hint = fmt.Sprintf("Indicators %d–%d of %d (↑↓ to scroll). ", first+1, min(len(vars), first+visRows*cols), len(vars)) + hint
	}
	switch f.Viewer() {
	case -2:
		hint += " Indicators some players see only as estimates are left out; see them from your own orders."
	case -1:
	default:
		hint += " Values with ≈ ± are estimates (one standard deviation)."
	}
	d.fit(hint, note.X, note.Y+8, note.W, sizeSmall, colMuted, false)
}

func (g *Game) drawEnd(d *dc, b layout.Rect) {
	f := g.f
	gm := f.Game
	m := gm.Model
	pages := f.EndPages()
	kind, first := f.EndPage(f.Page)
	title := "The end: the indicators over the game"
	switch kind {
	case flow.EndSummary:
		title = "The end: outcome and scores"
	case flow.EndTimeline:
		title = "The end: timeline"
	}
	right := fmt.Sprintf("page %d of %d · %d turns played", f.Page+1, pages, len(gm.Reports()))
	if f.OnBranch >= 0 {
		right = f.GameName() + " · " + right
	}
	body := g.frame(d, b, title, right)
	switch kind {
	case flow.EndSummary:
		left, right := body.CutLeft(body.W * 0.5)
		left.W -= 40
		y := left.Y
		if o := gm.Outcome(); o != nil {
			y += d.para(o.Name, layout.Rect{X: left.X, Y: y, W: left.W, H: 160}, sizeTitle, colAccent, true) + 16
			y += d.para(strings.TrimSpace(o.Text), layout.Rect{X: left.X, Y: y, W: left.W, H: 360}, sizeBody, colText, false)
		} else {
			y += d.para("Stopped before the end", layout.Rect{X: left.X, Y: y, W: left.W, H: 160}, sizeTitle, colAccent, true) + 16
			y += d.para(fmt.Sprintf("The game was ended after %d of %d turns, before any outcome was reached.", len(gm.Reports()), m.Scenario.Meta.Turns), layout.Rect{X: left.X, Y: y, W: left.W, H: 300}, sizeBody, colText, false)
		}
		y += 30
		y += d.para("Scores are each actor's objectives, weighted as the scenario says, in the final state. Higher is better for that actor; scores of different actors are on different scales.", layout.Rect{X: left.X, Y: y, W: left.W, H: left.Bottom() - y}, sizeSmall, colMuted, false)
		if lines := f.BranchLines(); len(lines) > 0 {
			y += 24
			d.text("Games of this session (C compares them)", left.X, y, sizeSmall, colText, true)
			y += sizeSmall * 1.5
			for _, l := range lines {
				if y+sizeSmall*1.3 > left.Bottom() {
					break
				}
				y += d.para("• "+l, layout.Rect{X: left.X, Y: y, W: left.W, H: sizeSmall * 1.3 * 2}, sizeSmall, colText, false)
			}
		}
		g.drawScores(d, right)
	case flow.EndTimeline:
		g.drawTimeline(d, body, first)
	default:
		n := min(flow.ChartsPerPage, len(m.Scenario.Vars)-first)
		cells := body.Grid(flow.ChartsPerPage, 4, 16)
		for k := range n {
			vi := first + k
			c := cells[k]
			d.panel(c)
			in := c.Inset(12)
			v := m.Scenario.Vars[vi]
			d.fit(v.Name, in.X, in.Y, in.W, sizeSmall, colText, true)
			d.fit(v.Unit, in.X, in.Y+sizeSmall*1.3, in.W, 20, colMuted, false)
			top := in.Y + sizeSmall*1.3 + 26
			g.drawChart(d, layout.Rect{X: in.X, Y: top, W: in.W, H: in.Bottom() - top}, m, vi, flow.TrueSeries(gm, vi), nil, -1, false)
		}
	}
}

func (g *Game) drawBriefs(d *dc, body layout.Rect) {
	m := g.f.Game.Model
	acts := m.Scenario.Actors
	cols := 3
	if len(acts) <= 4 {
		cols = 2
	}
	cells := body.Grid(len(acts), cols, 20)
	for i, a := range acts {
		c := cells[i]
		d.panel(c)
		in := c.Inset(20)
		d.swatch(in.X, in.Y+4, 30, parseColour(a.Colour))
		d.fit(a.Name, in.X+44, in.Y, in.W-44, sizeHead, colText, true)
		y := in.Y + sizeHead*1.5
		seat := "computer"
		if g.f.Seats[i].Human {
			seat = "person"
		}
		d.text(fmt.Sprintf("Budget %g per turn · played by a %s", a.Budget, seat), in.X, y, sizeSmall, colMuted, false)
		y += sizeSmall * 1.6
		y += d.para(a.Brief, layout.Rect{X: in.X, Y: y, W: in.W, H: in.Bottom() - y}, sizeBody, colText, false) + 10
		for _, o := range a.Objectives {
			if y > in.Bottom()-sizeSmall {
				break
			}
			y += d.para("• "+o.Name, layout.Rect{X: in.X, Y: y, W: in.W, H: in.Bottom() - y}, sizeSmall, colMuted, false)
		}
	}
}

// drawTimeline draws the timeline's turns from turn first on: two columns
// of two turns, each with its events, turning points and orders.
func (g *Game) drawTimeline(d *dc, body layout.Rect, first int) {
	tl := flow.Timeline(g.f.Game)
	var cells []layout.Rect
	for _, c := range body.Columns(2, 40) {
		cells = append(cells, c.Rows(2, 20)...)
	}
	const size = 22.0 // the densest page: every order of four turns
	lh := size * 1.3
	for k := 0; k < flow.TurnsPerPage && first-1+k < len(tl); k++ {
		t := tl[first-1+k]
		c := cells[k]
		d.panel(c)
		in := c.Inset(16)
		d.text(fmt.Sprintf("Turn %d · %s", t.Turn, t.Date), in.X, in.Y, sizeBody, colAccent, true)
		y := in.Y + sizeBody*1.4
		line := func(prefix, s string, col color.RGBA, maxLines float64) {
			if y+lh > in.Bottom() {
				return
			}
			y += d.para(prefix+s, layout.Rect{X: in.X, Y: y, W: in.W, H: math.Min(in.Bottom()-y, lh*maxLines)}, size, col, false)
		}
		for _, e := range t.Facilitator {
			line("Facilitator: ", e, colWarn, 1)
		}
		for _, e := range t.Events {
			line("Event: ", e, colYellow, 1)
		}
		for _, ch := range t.Changes {
			line("Turning point: ", ch, colAccent, 1)
		}
		for _, o := range t.Orders {
			line("• ", o, colText, 1)
		}
	}
}

func (g *Game) drawWhy(d *dc, b layout.Rect) {
	f := g.f
	gm := f.Game
	m := gm.Model
	vi := f.WhyVar
	v := m.Scenario.Vars[vi]
	body := g.frame(d, b, "Why did "+v.Name+" move?", fmt.Sprintf("Turn %d · %s", f.WhyTurn, m.Date(f.WhyTurn)))
	h := gm.History()
	before, after := flow.TurnStart(gm, vi, f.WhyTurn), h[f.WhyTurn].Vals[vi]
	y := body.Y
	d.text(fmt.Sprintf("%s → %s %s   (%s)", m.Format(vi, before), m.Format(vi, after), v.Unit, flow.Signed(m, vi, after-before)), body.X, y, sizeHead, colText, true)
	y += sizeHead * 1.5
	if v.Description != "" {
		y += d.para(v.Description, layout.Rect{X: body.X, Y: y, W: body.W, H: sizeSmall * 1.3 * 2}, sizeSmall, colMuted, false) + 10
	}
	reasons := f.WhyReasons()
	if len(reasons) == 0 {
		d.text("Nothing changed it on this turn.", body.X, y, sizeBody, colMuted, false)
		y += sizeBody * 1.6
	}
	// Each cause, and under it the inputs of its formula that moved this
	// turn: selectable, to follow the chain of causes.
	const causeH, inputH = 52.0, 40.0
	limit := body.Y + body.H*0.6
	link := 0
	for k, r := range reasons {
		e := r.Entry
		need := causeH + float64(len(r.Inputs))*inputH
		if y+need > limit && k > 0 {
			d.text(fmt.Sprintf("… and %d smaller causes", len(reasons)-k), body.X, y, sizeSmall, colMuted, false)
			y += sizeSmall * 1.5
			break
		}
		row := layout.Rect{X: body.X, Y: y, W: body.W, H: need}
		d.panel(row)
		ty := y + (causeH-sizeBody*1.2)/2
		d.text(flow.Signed(m, vi, e.Amount), row.X+20, ty, sizeBody, changeColour(e.Amount), true)
		cause := flow.CauseText(m, e)
		pos := ""
		if e.Pos.IsValid() {
			pos = "scenario line " + e.Pos.String()
		}
		pw := measure(pos, sizeSmall, false)
		d.fit(cause, row.X+240, ty, row.W-240-pw-50, sizeBody, colText, false)
		d.textRight(pos, row.Right()-20, ty+4, sizeSmall, colMuted, false)
		iy := y + causeH
		for _, in := range r.Inputs {
			ir := layout.Rect{X: row.X + 240, Y: iy, W: row.W - 260, H: inputH - 4}
			if link == f.Cursor {
				d.selection(ir)
			}
			d.hit(ir, flow.Input{Action: flow.Select, Item: link}, flow.Do(flow.AskWhy))
			iv := m.Scenario.Vars[in.Var]
			txt := fmt.Sprintf("because %s moved %s: %s", iv.Name, flow.Signed(m, in.Var, in.Change), flow.CauseText(m, in.Top))
			d.fit(txt, ir.X+16, iy+(inputH-4-sizeSmall*1.2)/2, ir.W-32, sizeSmall, colText, link == f.Cursor)
			iy += inputH
			link++
		}
		y += need + rowGap
	}
	y += 10
	d.text(v.Name+" at the start of each turn (the shaded turn is the one explained)", body.X, y, sizeSmall, colMuted, false)
	y += sizeSmall * 1.5
	vals, sd := f.Series(vi)
	g.drawChart(d, layout.Rect{X: body.X, Y: y, W: body.W, H: body.Bottom() - y}, m, vi, vals, sd, f.WhyTurn, true)
}
