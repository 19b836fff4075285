package ui

import (
	"github.com/sixparty/sixparty/ui/layout"
)

// drawProjector draws the room's projector in large type: until the first
// adjudication only what every actor sees exactly and who is ready; after
// each, the orders revealed and the turn's largest public changes.
func (g *Game) drawProjector(d *dc, b layout.Rect) {
	f := g.f
	t := f.Remote().Table
	m := t.Model()
	body := g.frame(d, b, m.Scenario.Meta.Title, f.RemoteStatus(g.now))
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
		// The map with the flows of the orders revealed, then what moved.
		mr := layout.Rect{X: left.X, Y: ly, W: left.W, H: left.H * 0.48}
		g.drawMap(d, mr, m, t.Levels(t.Played()), nil)
		ly = mr.Bottom() + 16
		d.fit("What moved on the turn", left.X, ly, left.W, sizeHead, colText, true)
		ly += sizeHead * 1.4
		for _, c := range changes {
			if ly > left.Bottom()-sizeBody*1.3 {
				break
			}
			ly += d.para(c, layout.Rect{X: left.X, Y: ly, W: left.W, H: sizeBody * 2.7}, sizeBody, colText, false) + 8
		}
	}
	// Public indicators in large type.
	ry := right.Y
	d.fit("Public indicators", right.X, ry, right.W, sizeHead, colText, true)
	ry += sizeHead * 1.5
	vals := f.RemoteValues()
	bottom := right.Bottom()
	if len(orders) > 0 {
		bottom -= sizeBody*1.4 + float64(min(len(orders), 8))*sizeSmall*1.3
	}
	for _, v := range vals {
		if !v.Seen {
			continue // the server sent no value: nothing to show, not 0
		}
		if ry > bottom-sizeBody*1.3 {
			break
		}
		d.fit(v.Name, right.X, ry, right.W*0.7, sizeBody, colMuted, false)
		d.textRight(v.Value, right.Right(), ry, sizeBody, colText, true)
		ry += sizeBody * 1.4
	}
	if len(orders) > 0 {
		oy := bottom + 8
		d.fit("Orders revealed", right.X, oy, right.W, sizeBody, colMuted, true)
		oy += sizeBody * 1.4
		for _, o := range orders[:min(len(orders), 8)] {
			d.fit(o, right.X, oy, right.W, sizeSmall, colMuted, false)
			oy += sizeSmall * 1.3
		}
	}
}
