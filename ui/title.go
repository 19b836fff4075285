package ui

import (
	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

func (g *Game) drawTitle(d *dc, b layout.Rect) {
	body := layout.Rect{X: margin, Y: margin, W: b.W - 2*margin, H: b.H - 2*margin - footerH}
	left, right := body.CutLeft(body.W * 0.46)
	d.text("sixparty", left.X, left.Y+20, sizeHuge, colText, true)
	d.text("a turn-based policy-options wargame", left.X, left.Y+150, sizeHead, colMuted, false)
	y := left.Y + 240
	if m := g.f.Model; m != nil {
		d.text(m.Scenario.Meta.Title, left.X, y, sizeHead, colAccent, true)
		y += sizeHead * 1.6
		// The summary gives way to the menu: every row stays in view.
		labels := flow.MenuLabels()
		room := left.Bottom() - y - 40 - float64(len(labels))*(60+rowGap)
		y += d.para(m.Scenario.Meta.Summary, layout.Rect{X: left.X, Y: y, W: left.W - 40, H: max(0, min(200, room))}, sizeBody, colText, false)
	}
	y += 40
	menu := layout.Rect{X: left.X + 40, Y: y, W: 560, H: left.Bottom() - y}
	labels := flow.MenuLabels()
	g.rows(d, menu, len(labels), 60, g.f.Cursor(), true, func(i int, row layout.Rect) {
		d.text(labels[i], row.X+24, row.Y+(row.H-sizeBody*1.2)/2, sizeBody, colText, i == g.f.Cursor())
	})
	if m := g.f.Model; m != nil {
		g.drawMap(d, right.Inset(10), m, nil, nil)
	}
	_, foot := b.CutBottom(footerH)
	_, msg := b.CutBottom(footerH + msgH)
	if g.f.Message != "" {
		d.fit("» "+g.f.Message, margin, msg.Y+10, msg.W-2*margin, sizeBody, colYellow, false)
	}
	g.hintBar(d, foot)
}
