package ui

import (
	"fmt"

	"github.com/sixparty/sixparty/ui/layout"
)

func (g *Game) drawMapScene(d *dc, b layout.Rect) {
	f := g.f
	gm := f.Game
	m := gm.Model
	body := g.frame(d, b, "Map: the actors and the flows between them", g.turnLabel())
	var levels []int
	if f.Played > 0 {
		levels = gm.Reports()[f.Played-1].Levels
	}
	left, right := body.CutLeft(body.W * 0.64)
	var legend []string
	g.drawMap(d, left, m, levels, &legend)
	d.panel(right)
	in := right.Inset(24)
	y := in.Y
	d.text("Flows", in.X, y, sizeHead, colText, true)
	y += sizeHead * 1.5
	if len(legend) == 0 {
		y += d.para("No lever pulled last turn acts on another actor's indicators. Each lever that does is drawn from its actor to the actors whose indicators it changes; the thicker the line, the higher the level.", layout.Rect{X: in.X, Y: y, W: in.W, H: 300}, sizeSmall, colMuted, false)
	} else {
		y += d.para(fmt.Sprintf("The orders of turn %d (%s). Each line runs from the actor pulling a lever to the actor whose indicators it changes; thicker means a higher level. Numbers match the map.", f.Played, m.Date(f.Played)), layout.Rect{X: in.X, Y: y, W: in.W, H: 200}, sizeSmall, colMuted, false) + 12
	}
	for _, l := range legend {
		if y > in.Bottom()-sizeSmall*1.3 {
			d.text("…", in.X, y, sizeSmall, colMuted, false)
			break
		}
		y += d.para(l, layout.Rect{X: in.X, Y: y, W: in.W, H: in.Bottom() - y}, sizeSmall, colText, false) + 6
	}
}
