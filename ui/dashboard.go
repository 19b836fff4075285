package ui

import (
	"math"
	"strings"
	"time"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

func (g *Game) drawDashboard(d *dc, b layout.Rect) {
	f := g.f
	m := f.Table().Model()
	title, right := f.DashTitle()
	if right == "" {
		right = g.turnLabel()
	} else if live := f.LiveStatus(time.Now()); live != "" {
		right += " · " + live // a served game's countdown
	}
	body := g.frame(d, b, title, right)
	body, note := body.CutBottom(sizeSmall * 1.6)
	seat := f.ScoreSeat()
	var stakes []flow.Stake
	if seat >= 0 {
		var strip layout.Rect
		strip, body = body.CutTop(sizeSmall * 1.8)
		d.fit(f.DashScoreLine(), strip.X, strip.Y, strip.W, sizeSmall, colText, false)
		stakes = flow.Stakes(f.Table(), seat, f.Played)
	}
	vars := f.DashVars()
	groupOf := map[int]string{}
	for _, gr := range f.DashGroups() {
		for _, vi := range gr.Vars {
			groupOf[vi] = gr.Name
		}
	}
	const cols, gap = flow.DashCols, 14.0
	visRows := max(1, int((body.H+gap)/(170+gap)))
	rowsN := (len(vars) + cols - 1) / cols
	first := layout.Window(rowsN, visRows, f.Cursor()/cols) * cols
	cells := body.Grid(visRows*cols, cols, gap)
	for k, c := range cells {
		i := first + k
		if i >= len(vars) {
			break
		}
		vi := vars[i]
		if i == f.Cursor() {
			d.fill(c, colPanelHi)
			d.stroke(c, 4, colAccent)
		} else {
			d.panel(c)
		}
		d.hit(c, flow.Input{Action: flow.Select, Item: i})
		in := c.Inset(14)
		label := strings.ToUpper(groupOf[vi])
		if stakes != nil && stakes[vi].Counts {
			st := flow.StakeText(stakes[vi])
			col := colGood
			if stakes[vi].Up < 0 {
				col = colWarn
			}
			sw := measure(st, 19, true)
			d.textRight(st, in.Right(), in.Y, 19, col, true)
			d.fit(label, in.X, in.Y, in.W-sw-10, 19, colMuted, false)
		} else {
			d.fit(label, in.X, in.Y, in.W, 19, colMuted, false)
		}
		d.fitShrink(m.Scenario.Vars[vi].Name, in.X, in.Y+24, in.W, sizeSmall, 18, colText, true)
		exact := f.Known(vi)
		val := f.Value(vi)
		valCol := colText
		if !exact {
			valCol = colYellow
		}
		d.fitShrink(val, in.X, in.Y+24+sizeSmall*1.3, in.W, sizeSmall, 18, valCol, false)
		top := in.Y + 24 + sizeSmall*2.7
		vals, sd := f.Series(vi)
		spark := layout.Rect{X: in.X, Y: top, W: in.W, H: in.Bottom() - top}
		// The small chart scales itself: its range, beside it, keeps a
		// tiny change from looking steep.
		if r := f.SeriesRange(vi); r != "" {
			const size = 18.0
			w := math.Min(measure(r, size, false), in.W*0.55)
			d.fit(r, spark.Right()-w, spark.Y+(spark.H-size*1.2)/2, w, size, colMuted, false)
			spark.W -= w + 12
		}
		g.sparkline(d, spark, vals, sd, f.SparkSpan(vi))
	}
	hint := f.DashHint(first, visRows*cols)
	d.fit(hint, note.X, note.Y+8, note.W, sizeSmall, colMuted, false)
}
