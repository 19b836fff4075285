package ui

import (
	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

// drawConfirm draws a question before something that cannot be undone:
// what doing it means, and the two answers as buttons.
func (g *Game) drawConfirm(d *dc, b layout.Rect) {
	s := flow.SceneOf[*flow.ConfirmScene](g.f)
	body := g.frame(d, b, s.Question, "")
	w := min(body.W, 1200)
	box := layout.Rect{X: body.X + (body.W-w)/2, Y: body.Y + 40, W: w, H: body.H - 80}
	d.panel(box)
	in := box.Inset(40)
	y := in.Y
	y += d.para(s.Question, layout.Rect{X: in.X, Y: y, W: in.W, H: sizeHead * 1.3 * 2}, sizeHead, colText, true) + 20
	y += d.para(s.Detail, layout.Rect{X: in.X, Y: y, W: in.W, H: in.Bottom() - y - 120}, sizeBody, colText, false) + 40
	bw := (in.W - 40) / 2
	yes := layout.Rect{X: in.X, Y: y, W: bw, H: 80}
	no := layout.Rect{X: in.X + bw + 40, Y: y, W: bw, H: 80}
	d.selection(yes)
	d.textCentre("Enter: "+s.Yes, yes.X+yes.W/2, yes.Y+(yes.H-sizeBody*1.2)/2, sizeBody, colText, true)
	d.hit(yes, flow.Do(flow.Confirm))
	d.panel(no)
	d.stroke(no, 2, colLine)
	d.textCentre("Esc: no, go back", no.X+no.W/2, no.Y+(no.H-sizeBody*1.2)/2, sizeBody, colText, false)
	d.hit(no, flow.Do(flow.Back))
}
