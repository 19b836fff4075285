package ui

import (
	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

func (g *Game) drawHandover(d *dc, b layout.Rect) {
	f := g.f
	m := f.Game.Model
	a := m.Scenario.Actors[f.Current]
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
