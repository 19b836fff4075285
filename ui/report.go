package ui

import (
	"fmt"
	"math"

	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

func (g *Game) drawReport(d *dc, b layout.Rect) {
	f := g.f
	gm := f.Game
	m := gm.Model
	body := g.frame(d, b, "Turn report: the largest changes and their causes", fmt.Sprintf("Turn %d · %s", f.Played, m.Date(f.Played)))
	left, right := body.CutLeft(body.W * 0.6)
	left.W -= 30
	rows := f.ReportRows()
	d.text("Select a change and press W to see why it moved.", left.X, left.Y, sizeSmall, colMuted, false)
	list := layout.Rect{X: left.X + 36, Y: left.Y + sizeSmall*1.8, W: left.W - 36, H: left.H - sizeSmall*1.8 - sizeSmall*1.6}
	g.rows(d, list, len(rows), 82, f.Cursor(), true, func(i int, row layout.Rect) {
		e := rows[i]
		v := m.Scenario.Vars[e.Var]
		col := changeColour(e.Amount)
		amt := sim.WithUnit(flow.Signed(m, e.Var, e.Amount), v.Unit)
		aw := measure(amt, sizeBody, true)
		d.fit(v.Name, row.X+16, row.Y+6, row.W-aw-60, sizeBody, colText, true)
		d.textRight(amt, row.Right()-16, row.Y+6, sizeBody, col, true)
		src := ""
		if e.Pos.IsValid() {
			src = "  (" + e.Pos.String() + ")"
		}
		d.fit(flow.CauseText(m, e)+src, row.X+16, row.Y+6+sizeBody*1.3, row.W-32, sizeSmall, colMuted, false)
	})
	if len(rows) == 0 {
		d.text("Nothing you can see changed.", list.X, list.Y, sizeBody, colMuted, false)
	}
	if note := f.HiddenNote(); note != "" {
		d.fit(note, left.X, left.Bottom()-sizeSmall*1.3, left.W, sizeSmall, colMuted, false)
	}
	// The selected indicator's chart and the computer players' reasons.
	d.panel(right)
	in := right.Inset(24)
	y := in.Y
	if len(rows) > 0 {
		vi := rows[min(f.Cursor(), len(rows)-1)].Var
		d.fit(m.Scenario.Vars[vi].Name+" over the turns", in.X, y, in.W, sizeBody, colText, true)
		y += sizeBody * 1.5
		vals, sd := f.Series(vi)
		g.drawChart(d, layout.Rect{X: in.X, Y: y, W: in.W, H: 300}, m, vi, vals, sd, f.Played, true)
		y += 330
	}
	if len(f.Explain()) > 0 {
		d.text("Why the computer players chose", in.X, y, sizeBody, colText, true)
		y += sizeBody * 1.5
		for _, a := range m.Scenario.Actors {
			ex, ok := f.Explain()[a.ID]
			if !ok {
				continue
			}
			if y > in.Bottom()-sizeSmall*1.3 {
				d.log.add(a.Name+": "+ex, true) // no room: in the text view (T)
				continue
			}
			d.swatch(in.X, y+6, 20, parseColour(a.Colour))
			lines := 3.0
			if len(f.Explain()) <= 2 {
				lines = 8
			}
			y += d.para(a.Name+": "+ex, layout.Rect{X: in.X + 32, Y: y, W: in.W - 32, H: math.Min(in.Bottom()-y, sizeSmall*1.3*lines)}, sizeSmall, colText, false) + 8
		}
	}
}
