package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

func (g *Game) drawDashboard(d *dc, b layout.Rect) {
	f := g.f
	m := f.Table().Model()
	who := "as everyone sees it"
	switch v := f.Viewer(); {
	case v >= 0:
		who = "as " + m.Scenario.Actors[v].Name + " sees it"
	case v == -2:
		who = "what every player sees exactly"
	}
	// The values are those after the last turn played, as the report
	// says it (it said 'Turn 2' here while the report said 'Turn 1').
	right := g.turnLabel()
	if f.Played > 0 {
		right = fmt.Sprintf("after turn %d · %s", f.Played, m.Date(f.Played))
		if live := f.LiveStatus(time.Now()); live != "" {
			right += " · " + live // a served game's countdown
		}
	}
	body := g.frame(d, b, "Dashboard — "+who, right)
	body, note := body.CutBottom(sizeSmall * 1.6)
	seat := f.ScoreSeat()
	var stakes []flow.Stake
	if seat >= 0 {
		var strip layout.Rect
		strip, body = body.CutTop(sizeSmall * 1.8)
		sc, trend := f.Score(seat)
		line := flow.ScoreLine(sc, trend, f.Played) + ". Cards marked ▲ or ▼ count for your score: the arrow says which way is good for you."
		d.fit(line, strip.X, strip.Y, strip.W, sizeSmall, colText, false)
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
		g.sparkline(d, layout.Rect{X: in.X, Y: top, W: in.W, H: in.Bottom() - top}, vals, sd)
	}
	hint := "Select an indicator and press W for why it moved."
	if rowsN > visRows {
		hint = fmt.Sprintf("Indicators %d–%d of %d (arrows, PgUp/PgDn, Home/End). ", first+1, min(len(vars), first+visRows*cols), len(vars)) + hint
	}
	switch f.Viewer() {
	case -2:
		hint += " Indicators some players see only as estimates are left out; see them from your own orders."
	case -1:
	default:
		hint += " Values with ≈ ± are estimates (one standard deviation)."
	}
	d.fit(hint, note.X, note.Y+8, note.W, sizeSmall, colMuted, false)
}
