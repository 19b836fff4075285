package ui

import (
	"time"

	"github.com/sixparty/sixparty/ui/layout"
)

// drawProjector draws the room's projector in large type: until the first
// adjudication only what every actor sees exactly and who is ready; after
// each, the orders revealed and the turn's largest public changes.
func (g *Game) drawProjector(d *dc, b layout.Rect) {
	f := g.f
	t := f.Remote().Table
	m := t.Model()
	body := g.frame(d, b, m.Scenario.Meta.Title, f.RemoteStatus(time.Now()))
	y := body.Y
	y += d.para("Ready: "+f.ReadyLine(), layout.Rect{X: body.X, Y: y, W: body.W, H: sizeBody * 2.7}, sizeBody, colMuted, false) + 16
	left, right := body.CutLeft(body.W * 0.5)
	left.Y, left.H = y, body.Bottom()-y
	right.Y, right.H = y, body.Bottom()-y
	right.X += 30
	right.W -= 30
	orders, changes := f.LastTurnLines(6)
	ly := left.Y
	if t.Played() == 0 {
		d.fit("Waiting for the first adjudication", left.X, ly, left.W, sizeHead, colText, true)
		ly += sizeHead * 1.5
		for _, ei := range t.Briefing() {
			ly += d.para(m.Scenario.Events[ei].Name, layout.Rect{X: left.X, Y: ly, W: left.W, H: sizeBody * 2.7}, sizeBody, colYellow, false) + 8
		}
	} else {
		d.fit("What moved on the turn", left.X, ly, left.W, sizeHead, colText, true)
		ly += sizeHead * 1.5
		for _, c := range changes {
			ly += d.para(c, layout.Rect{X: left.X, Y: ly, W: left.W, H: sizeBody * 2.7}, sizeBody, colText, false) + 10
		}
		ly += 12
		d.fit("Orders revealed", left.X, ly, left.W, sizeBody, colMuted, true)
		ly += sizeBody * 1.4
		for _, o := range orders {
			if ly > left.Bottom()-sizeSmall*1.3 {
				break
			}
			d.fit(o, left.X, ly, left.W, sizeSmall, colMuted, false)
			ly += sizeSmall * 1.3
		}
	}
	// Public indicators in large type.
	ry := right.Y
	d.fit("Public indicators", right.X, ry, right.W, sizeHead, colText, true)
	ry += sizeHead * 1.5
	for _, v := range f.RemoteValues() {
		if ry > right.Bottom()-sizeBody*1.3 {
			break
		}
		d.fit(v.Name, right.X, ry, right.W*0.7, sizeBody, colMuted, false)
		d.textRight(v.Value, right.Right(), ry, sizeBody, colText, true)
		ry += sizeBody * 1.4
	}
}
