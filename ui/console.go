package ui

import (
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

// drawConsole draws the facilitator's console at a served game: a row per
// seat (who plays it, connections, ready, draft) and the controls on the
// left; the true state, reissued links and every channel's messages on
// the right.
func (g *Game) drawConsole(d *dc, b layout.Rect) {
	f := g.f
	t := f.Remote().Table
	m := t.Model()
	s := flow.SceneOf[*flow.ConsoleScene](f)
	body := g.frame(d, b, "White cell — "+m.Scenario.Meta.Title, f.RemoteStatus(g.now))
	left, right := body.CutLeft(body.W * 0.56)
	left.W -= 30
	right.X += 10
	right.W -= 10
	na := len(m.Scenario.Actors)
	ctl := s.ConsoleRows(f)
	g.rows(d, left, na+len(ctl), 46, f.Cursor(), true, func(i int, row layout.Rect) {
		y := row.Y + (row.H-21*1.2)/2
		if i < na {
			d.swatch(row.X+10, row.Y+13, 20, parseColour(m.Scenario.Actors[i].Colour))
			col := colText
			if t.Ready(i) {
				col = colGood
			}
			d.fit(f.SeatLine(i), row.X+42, y, row.W-52, 21, col, false)
			return
		}
		txt := ctl[i-na]
		if f.Cursor() == i && f.WantsText() {
			txt += "|"
		}
		col := colText
		if i-na == flow.ConsoleDeadlineRow {
			switch warn, over := f.DeadlineAlert(); {
			case over:
				col = colBad
			case warn:
				col = colWarn
			}
		}
		d.fit(txt, row.X+14, y, row.W-28, 21, col, false)
	})

	// The true state.
	y := right.Y
	d.fit("True state (the facilitator sees every value)", right.X, y, right.W, sizeSmall, colText, true)
	y += sizeSmall * 1.4
	v := t.View(-1, t.Played())
	var vars []int
	for _, gr := range flow.Groups(m) {
		vars = append(vars, gr.Vars...)
	}
	lineH := 19 * 1.25
	rowsN := min((len(vars)+1)/2, int(right.H*0.45/lineH))
	half := right.W / 2
	for i, vi := range vars {
		r, c := i%max(1, rowsN), i/max(1, rowsN)
		if c > 1 {
			break
		}
		x := right.X + float64(c)*half
		d.fit(m.Scenario.Vars[vi].Name, x, y+float64(r)*lineH, half*0.62, 19, colMuted, false)
		d.fit(strconv.FormatFloat(v.Vals[vi], 'f', 1, 64), x+half*0.64, y+float64(r)*lineH, half*0.34, 19, colText, false)
	}
	y += float64(rowsN)*lineH + 12
	if links := f.Links(); len(links) > 0 {
		for _, role := range slices.Sorted(maps.Keys(links)) {
			d.fit("New link of "+role+": "+links[role], right.X, y, right.W, 19, colYellow, false)
			y += 19 * 1.3
		}
	}
	box := layout.Rect{X: right.X, Y: y, W: right.W, H: right.Bottom() - y}
	d.panel(box)
	d.fit("Every channel's messages", box.X+12, box.Y+8, box.W-24, sizeSmall, colText, true)
	msgs := f.ChannelMessages("")
	my := box.Bottom() - 8
	for i := len(msgs) - 1; i >= 0 && my > box.Y+sizeSmall*1.6+19*1.3; i-- {
		mm := msgs[i]
		my -= 19 * 1.3
		d.fit(fmt.Sprintf("T%d [%s] %s: %s", mm.Turn, flow.ChannelName(m, -1, mm.Channel), mm.From, mm.Text), box.X+12, my, box.W-24, 19, colText, false)
	}
}
