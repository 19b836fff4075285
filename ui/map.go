package ui

import (
	"cmp"

	"github.com/sixparty/sixparty/ui/layout"
)

func (g *Game) drawMapScene(d *dc, b layout.Rect) {
	f := g.f
	gm := f.Game
	m := gm.Model
	body := g.frame(d, b, "Map: the actors and the flows between them", cmp.Or(f.AfterLabel(), g.turnLabel()))
	levels := f.MapLevels()
	left, right := body.CutLeft(body.W * 0.64)
	var legend []string
	g.drawMap(d, left, m, levels, &legend)
	d.panel(right)
	in := right.Inset(24)
	y := in.Y
	d.text("Flows", in.X, y, sizeHead, colText, true)
	y += sizeHead * 1.5
	y += d.para(f.MapNote(len(legend)), layout.Rect{X: in.X, Y: y, W: in.W, H: 300}, sizeSmall, colMuted, false) + 12
	for k, l := range legend {
		if y > in.Bottom()-sizeSmall*1.3 {
			d.text("…", in.X, y, sizeSmall, colMuted, false)
			for _, l := range legend[k:] {
				d.log.add(l, true) // not drawn: in the text view (T)
			}
			break
		}
		y += d.para(l, layout.Rect{X: in.X, Y: y, W: in.W, H: in.Bottom() - y}, sizeSmall, colText, false) + 6
	}
}
