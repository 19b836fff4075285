package ui

import (
	"strings"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

func (g *Game) drawHandover(d *dc, b layout.Rect) {
	f := g.f
	m := f.Game.Model
	a := m.Scenario.Actors[f.Current]
	if f.SeatBriefing() {
		g.drawSeatBriefing(d, b)
		return
	}
	c := parseColour(a.Colour)
	cy := b.H * 0.32
	d.textCentre("Pass the machine to the player of", b.W/2, cy, sizeHead, colMuted, false)
	nameW := measure(a.Name, sizeHuge, true)
	d.swatch(b.W/2-nameW/2-90, cy+100+20, 64, c)
	d.text(a.Name, b.W/2-nameW/2, cy+90, sizeHuge, colText, true)
	d.textCentre(g.turnLabel(), b.W/2, cy+240, sizeHead, colMuted, false)
	d.textCentre("Everyone else, please look away.", b.W/2, cy+330, sizeBody, colText, false)
	d.textCentre("Press Enter (or click) when "+a.Name+" is ready.", b.W/2, cy+380, sizeBody, colText, false)
	if why := f.CalledBack(); why != "" {
		d.fit("You are asked again this turn: "+why+".", margin, cy+440, b.W-2*margin, sizeBody, colYellow, false)
	}
	d.hit(b, flow.Do(flow.Confirm))
	_, foot := b.CutBottom(footerH)
	g.hintBar(d, foot)
}

// drawSeatBriefing draws the current seat's own briefing, once the person
// taking the machine is ready: its brief on the left, what it is scored
// on and its score so far on the right (the seat's own view only).
func (g *Game) drawSeatBriefing(d *dc, b layout.Rect) {
	f := g.f
	a := f.Game.Model.Scenario.Actors[f.Current]
	body := g.frame(d, b, "Your own briefing — "+a.Name, g.turnLabel())
	lines := f.SeatBriefingLines()
	left, right := body.CutLeft(body.W * 0.5)
	left.W -= 36
	y := left.Y
	d.swatch(left.X, y+6, 30, parseColour(a.Colour))
	y += d.para(lines[0], layout.Rect{X: left.X + 44, Y: y, W: left.W - 44, H: sizeBody * 1.3 * 2}, sizeBody, colYellow, false) + 20
	if b := strings.TrimSpace(a.Brief); b != "" {
		d.para(b, layout.Rect{X: left.X, Y: y, W: left.W, H: left.Bottom() - y}, sizeBody, colText, false)
	}
	n := len(a.Objectives)
	h := min(right.H, scorePanelHeight(n)+sizeSmall*1.35)
	g.drawScorePanel(d, layout.Rect{X: right.X, Y: right.Y, W: right.W, H: h}, f.Current)
	d.para("Enter opens your orders. The shared briefing shows no one's score; each seat sees its own here.", layout.Rect{X: right.X, Y: right.Y + h + 24, W: right.W, H: right.Bottom() - right.Y - h - 24}, sizeSmall, colMuted, false)
}
