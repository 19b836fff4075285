package ui

import (
	"math"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

func (g *Game) drawDashboard(d *dc, b layout.Rect) {
	f := g.f
	// The cards' values, series and stakes were worked out when the table
	// or the view last changed (flow.DashSheet): drawing reads them.
	sh := f.DashSheet()
	title, right := sh.Title, sh.Right
	if right == "" {
		right = g.turnLabel()
	} else if live := f.LiveStatus(g.now); live != "" {
		right += " · " + live // a served game's countdown
	}
	body := g.frame(d, b, title, right)
	body, note := body.CutBottom(sizeSmall * 1.6)
	if sh.ScoreSeat >= 0 {
		var strip layout.Rect
		strip, body = body.CutTop(sizeSmall * 1.8)
		d.fit(sh.ScoreLine, strip.X, strip.Y, strip.W, sizeSmall, colText, false)
	}
	const cols, gap = flow.DashCols, 14.0
	visRows := max(1, int((body.H+gap)/(170+gap)))
	rowsN := (len(sh.Cards) + cols - 1) / cols
	first := layout.Window(rowsN, visRows, f.Cursor()/cols) * cols
	cells := body.Grid(visRows*cols, cols, gap)
	for k, c := range cells {
		i := first + k
		if i >= len(sh.Cards) {
			break
		}
		card := &sh.Cards[i]
		if i == f.Cursor() {
			d.fill(c, colPanelHi)
			d.stroke(c, 4, colAccent)
		} else {
			d.panel(c)
		}
		d.hit(c, flow.Input{Action: flow.Select, Item: i})
		in := c.Inset(14)
		if card.Stake.Counts {
			col := colGood
			if card.Stake.Up < 0 {
				col = colWarn
			}
			sw := measure(card.StakeText, 19, true)
			d.textRight(card.StakeText, in.Right(), in.Y, 19, col, true)
			d.fit(card.Group, in.X, in.Y, in.W-sw-10, 19, colMuted, false)
		} else {
			d.fit(card.Group, in.X, in.Y, in.W, 19, colMuted, false)
		}
		d.fitShrink(card.Name, in.X, in.Y+24, in.W, sizeSmall, 18, colText, true)
		valCol := colText
		if !card.Exact {
			valCol = colYellow
		}
		d.fitShrink(card.Value, in.X, in.Y+24+sizeSmall*1.3, in.W, sizeSmall, 18, valCol, false)
		top := in.Y + 24 + sizeSmall*2.7
		spark := layout.Rect{X: in.X, Y: top, W: in.W, H: in.Bottom() - top}
		// The small chart scales itself: its range, beside it, keeps a
		// tiny change from looking steep.
		if r := card.Range; r != "" {
			const size = 18.0
			w := math.Min(measure(r, size, false), in.W*0.55)
			d.fit(r, spark.Right()-w, spark.Y+(spark.H-size*1.2)/2, w, size, colMuted, false)
			spark.W -= w + 12
		}
		g.sparkline(d, spark, card.Vals, card.SD, card.Span)
	}
	hint := flow.DashHintOf(len(sh.Cards), sh.Viewer, first, visRows*cols)
	d.fit(hint, note.X, note.Y+8, note.W, sizeSmall, colMuted, false)
}
