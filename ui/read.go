package ui

import (
	"fmt"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

// drawRead draws the text view: every line the screen under it drew, in
// full, wrapped, from the line scrolled to.
func (g *Game) drawRead(d *dc, b layout.Rect) {
	s := flow.SceneOf[*flow.ReadScene](g.f)
	body := g.frame(d, b, "Full text: "+s.Title, fmt.Sprintf("line %d of %d", min(s.Cursor+1, len(s.Lines)), len(s.Lines)))
	y := body.Y
	for i := s.Cursor; i < len(s.Lines); i++ {
		h := paraHeight(s.Lines[i], body.W, sizeSmall, false)
		if y+h > body.Bottom() {
			d.textRight("▼ more (↓, PgDn)", body.Right(), body.Bottom()-sizeSmall*1.3, sizeSmall, colMuted, false)
			break
		}
		y += d.para(s.Lines[i], layout.Rect{X: body.X, Y: y, W: body.W, H: h}, sizeSmall, colText, false) + 6
	}
}
