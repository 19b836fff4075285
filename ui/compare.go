package ui

import (
	"fmt"
	"image/color"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

// drawComparison draws the game first played side by side with a branch
// or the counterfactual: the summary, outcomes and scores, and charts of
// the indicators that differ most, both games on each.
func (g *Game) drawComparison(d *dc, b layout.Rect) {
	f := g.f
	c := flow.SceneOf[*flow.ComparisonScene](f).Compared
	m := f.Game.Model
	body := g.frame(d, b, f.CompareTitle(), "same seed")
	if c == nil {
		return
	}
	top, rest := body.CutTop(sizeBody*1.3*3 + 34)
	d.para(c.Summary, top, sizeBody, colText, false)
	left, right := rest.CutLeft(rest.W * 0.36)
	left.W -= 30
	// Legend, outcomes and scores.
	d.panel(left)
	in := left.Inset(18)
	y := in.Y
	for k, side := range []string{c.Base.Name, c.Other.Name} {
		col := sideColour(k)
		d.fill(layout.Rect{X: in.X, Y: y + 8, W: 34, H: 8}, col)
		out := c.Outcomes[k]
		if out == "" {
			out = "stopped before an outcome"
		}
		d.fit(side, in.X+46, y, in.W-46, sizeSmall, colText, true)
		y += sizeSmall * 1.25
		d.fit(out, in.X+46, y, in.W-46, sizeSmall, colMuted, false)
		y += sizeSmall*1.25 + 8
	}
	y += 8
	d.text("Scores", in.X, y, sizeSmall, colText, true)
	d.textRight("played", in.Right()-130, y, 20, colMuted, false)
	d.textRight("other", in.Right(), y, 20, colMuted, false)
	y += sizeSmall * 1.4
	for _, s := range c.Scores {
		if y+sizeSmall*1.3 > in.Bottom() {
			break
		}
		a := m.Scenario.Actors[s.Actor]
		d.swatch(in.X, y+4, 20, parseColour(a.Colour))
		d.fit(s.Name, in.X+30, y, in.W-30-270, sizeSmall, colText, false)
		d.textRight(fmt.Sprintf("%.2f", s.Base), in.Right()-130, y, sizeSmall, sideColour(0), false)
		d.textRight(fmt.Sprintf("%.2f", s.Other), in.Right(), y, sizeSmall, sideColour(1), true)
		y += sizeSmall * 1.35
	}
	// The indicators that differ most.
	if len(c.Indicators) == 0 {
		d.text("No indicator differs.", right.X, right.Y, sizeBody, colMuted, false)
		return
	}
	cells := right.Grid(len(c.Indicators), 3, 14)
	for k, p := range c.Indicators {
		cell := cells[k]
		d.panel(cell)
		ci := cell.Inset(10)
		v := m.Scenario.Vars[p.Var]
		d.fit(v.Name, ci.X, ci.Y, ci.W, 22, colText, true)
		end := fmt.Sprintf("end %s vs %s", m.Format(p.Var, p.Base[len(p.Base)-1]), m.Format(p.Var, p.Other[len(p.Other)-1]))
		d.fit(end, ci.X, ci.Y+27, ci.W, 19, colMuted, false)
		top := ci.Y + 52
		n := max(len(p.Base), len(p.Other))
		g.fanChart(d, layout.Rect{X: ci.X, Y: top, W: ci.W, H: ci.Bottom() - top}, []string{m.Date(1), m.Date(n)},
			[]fan{{mid: p.Base, col: sideColour(0)}, {mid: p.Other, col: sideColour(1)}})
	}
}

// sideColour is the colour of a comparison's game: sky blue for the game
// played, orange for the other (Okabe–Ito); the legend names both.
func sideColour(k int) color.RGBA {
	if k == 0 {
		return colAccent
	}
	return colWarn
}
