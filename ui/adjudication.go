package ui

import (
	"fmt"
	"math"
	"strings"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

func (g *Game) drawAdjudication(d *dc, b layout.Rect) {
	f := g.f
	gm := f.Game
	m := gm.Model
	title := "Adjudication: the orders, revealed together"
	if f.Page() == 1 {
		title = "Adjudication: what changed"
	}
	body := g.frame(d, b, title, fmt.Sprintf("Turn %d · %s", f.Played, m.Date(f.Played)))
	left, right := body.CutLeft(body.W * 0.56)
	left.W -= 30
	rep := gm.Reports()[f.Played-1]
	if f.Page() == 0 {
		acts := m.Scenario.Actors
		h := math.Min(150, (left.H-float64(len(acts))*rowGap)/float64(len(acts)))
		g.rows(d, left, len(acts), h, -1, false, func(i int, row layout.Rect) {
			a := acts[i]
			d.swatch(row.X+16, row.Y+14, 28, parseColour(a.Colour))
			w := d.text(a.Name, row.X+56, row.Y+10, sizeBody, colText, true)
			d.text("("+g.seatLabel(i)+")", row.X+56+w+14, row.Y+14, sizeSmall, colMuted, false)
			var parts []string
			for _, li := range m.ActorLevers(i) {
				if lvl := rep.Levels[li]; lvl > 0 {
					parts = append(parts, m.Scenario.Levers[li].Name+": "+m.Scenario.Levers[li].LevelName(lvl))
				}
			}
			txt := "No lever pulled."
			if len(parts) > 0 {
				txt = strings.Join(parts, " · ")
			}
			d.para(txt, layout.Rect{X: row.X + 56, Y: row.Y + 10 + sizeBody*1.4, W: row.W - 76, H: row.H - 14 - sizeBody*1.4}, sizeSmall, colText, false)
		})
	} else {
		ch := f.NetChanges()
		if len(ch) == 0 {
			d.text("Nothing you can see changed.", left.X, left.Y, sizeBody, colMuted, false)
		}
		g.rows(d, left, len(ch), 64, -1, false, func(i int, row layout.Rect) {
			c := ch[i]
			v := m.Scenario.Vars[c.Var]
			ty := row.Y + (row.H-sizeBody*1.2)/2
			delta := flow.Signed(m, c.Var, c.After-c.Before)
			dw := measure(delta, sizeBody, true)
			vals := m.Format(c.Var, c.Before) + " → " + m.Format(c.Var, c.After)
			vw := measure(vals, sizeBody, false)
			nw := d.text(layout.Ellipsis(v.Name, row.W-dw-vw-120, func(s string) float64 { return measure(s, sizeBody, false) }), row.X+20, ty, sizeBody, colText, false)
			if v.Unit != "" {
				d.fit(v.Unit, row.X+20+nw+12, ty+4, row.W-dw-vw-nw-150, sizeSmall, colMuted, false)
			}
			d.textRight(vals, row.Right()-dw-60, ty, sizeBody, colText, false)
			d.textRight(delta, row.Right()-20, ty, sizeBody, changeColour(c.After-c.Before), true)
		})
	}
	g.drawMap(d, right, m, rep.Levels, nil)
	mapNote(d, right, "Flows: this turn's orders (M for the key).")
}
