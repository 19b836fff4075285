package ui

import (
	"fmt"
	"strings"

	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/ui/layout"
)

func (g *Game) drawBriefing(d *dc, b layout.Rect) {
	f := g.f
	gm := f.Game
	m := gm.Model
	body := g.frame(d, b, "Briefing", g.turnLabel())
	if f.ShowBriefs() {
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
			d.text(fmt.Sprintf("… and %d more (T for the full text)", len(evs)-k), left.X, y, size, colMuted, false)
			for _, ev := range evs[k:] { // not drawn: in the text view
				d.log.add(ev.Name, true)
				d.log.add(strings.TrimSpace(gm.Narrate(ev.Text, f.Current)), true)
				if ev.Choice != nil {
					d.log.add(m.Scenario.Actors[m.Chooser(m.EventIndex(ev.ID))].Name+" must choose: "+ev.Choice.Prompt, true)
				}
			}
			break
		}
		x, w := left.X+24, left.W-24
		d.fill(layout.Rect{X: left.X, Y: y + 2, W: 8, H: size * 1.2}, colAccent)
		y += d.para(ev.Name, layout.Rect{X: x, Y: y, W: w, H: left.Bottom() - y}, size, colText, true)
		y += d.para(strings.TrimSpace(gm.Narrate(ev.Text, f.Current)), layout.Rect{X: x, Y: y, W: w, H: left.Bottom() - y}, size, colText, false)
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
	if seat := f.ScoreSeat(); seat >= 0 {
		var panel layout.Rect
		right, panel = right.CutBottom(scorePanelHeight(len(m.Scenario.Actors[seat].Objectives)))
		right.H -= 16
		g.drawScorePanel(d, panel, seat)
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
		d.fit(g.f.BriefBudget(i)+" · played by a "+seat, in.X, y, in.W, sizeSmall, colMuted, false)
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
