package ui

import (
	"fmt"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

func init() { views[flow.TourView] = (*Game).drawTour }

// drawTour draws a page of the guided first turn.
func (g *Game) drawTour(d *dc, b layout.Rect) {
	s := flow.SceneOf[*flow.TourScene](g.f)
	pages := g.f.TourPages()
	p := pages[min(s.Page, len(pages)-1)]
	body := g.frame(d, b, "Guided first turn", fmt.Sprintf("page %d of %d · Esc skips", s.Page+1, len(pages)))
	w := min(body.W, 1400)
	box := layout.Rect{X: body.X + (body.W-w)/2, Y: body.Y, W: w, H: body.H - 10}
	d.panel(box)
	in := box.Inset(36)
	y := in.Y
	y += d.para(p.Title, layout.Rect{X: in.X, Y: y, W: in.W, H: sizeHead * 1.3 * 2}, sizeHead, colAccent, true) + 18
	for _, l := range p.Lines {
		h := paraHeight(l, in.W, sizeBody, false)
		if y+h > in.Bottom() {
			d.fit("… (T for the full text)", in.X, in.Bottom()-sizeSmall*1.3, in.W, sizeSmall, colMuted, false)
			for _, rest := range p.Lines {
				d.log.add(rest, false)
			}
			break
		}
		y += d.para(l, layout.Rect{X: in.X, Y: y, W: in.W, H: h}, sizeBody, colText, false) + 12
	}
	d.hit(box, flow.Do(flow.Confirm))
}
