package ui

import (
	"fmt"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

func (g *Game) drawWhy(d *dc, b layout.Rect) {
	f := g.f
	m := f.Table().Model()
	w := flow.SceneOf[*flow.WhyScene](f)
	vi := w.Var
	// The change, its causes and the series were worked out when the
	// table or the indicator and turn asked about last changed
	// (flow.WhySheet): drawing reads them.
	sh := f.WhySheet()
	right := sh.Right
	if live := f.LiveStatus(g.now); live != "" {
		right += " · " + live // a served game's countdown
	}
	body := g.frame(d, b, sh.Title, right)
	if sh.Kind != flow.WhyCauses {
		g.drawWhyEstimate(d, body, w, sh)
		return
	}
	y := body.Y
	d.text(sh.Head, body.X, y, sizeHead, colText, true)
	y += sizeHead * 1.5
	if sh.Description != "" {
		y += d.para(sh.Description, layout.Rect{X: body.X, Y: y, W: body.W, H: sizeSmall * 1.3 * 2}, sizeSmall, colMuted, false) + 10
	}
	for _, line := range sh.Notes { // a served game revealed, not rebuilt here
		y += d.para(line, layout.Rect{X: body.X, Y: y, W: body.W, H: sizeSmall * 1.3 * 3}, sizeSmall, colYellow, false) + 8
	}
	reasons := sh.Causes
	if len(reasons) == 0 {
		d.text("Nothing changed it on this turn.", body.X, y, sizeBody, colMuted, false)
		y += sizeBody * 1.6
	}
	// Each cause, and under it the inputs of its formula that moved this
	// turn: selectable, to follow the chain of causes.
	const causeH, inputH = 52.0, 40.0
	limit := body.Y + body.H*0.6
	// The causes scroll: the first shown is the one that keeps the
	// selected input in view.
	need := func(r int) float64 { return causeH + float64(len(reasons[r].Inputs))*inputH + rowGap }
	// The cause holding the selected input, and the first cause shown so
	// that it is in view.
	target, n := 0, 0
	for r := range reasons {
		if n+len(reasons[r].Inputs) > f.Cursor() {
			target = r
			break
		}
		n += len(reasons[r].Inputs)
	}
	first := 0
	for {
		h := 0.0
		for k := first; k <= target && k < len(reasons); k++ {
			h += need(k)
		}
		if h <= limit-y || first >= target {
			break
		}
		first++
	}
	link := 0
	for r := range first {
		link += len(reasons[r].Inputs)
	}
	if first > 0 {
		d.textRight(fmt.Sprintf("▲ %d larger causes above", first), body.Right(), y-sizeSmall*1.3, sizeSmall, colMuted, false)
	}
	for k := first; k < len(reasons); k++ {
		r := reasons[k]
		if y+need(k)-rowGap > limit && k > first {
			more := "T for the full text"
			if sh.Links > 0 {
				more = "↓ scrolls to their inputs, T for the full text"
			}
			d.text(fmt.Sprintf("… and %d smaller causes (%s)", len(reasons)-k, more), body.X, y, sizeSmall, colMuted, false)
			for _, rest := range reasons[k:] {
				d.log.add(rest.Plain, false) // in the text view
			}
			y += sizeSmall * 1.5
			break
		}
		row := layout.Rect{X: body.X, Y: y, W: body.W, H: need(k) - rowGap}
		d.panel(row)
		ty := y + (causeH-sizeBody*1.2)/2
		d.text(r.Signed, row.X+20, ty, sizeBody, changeColour(r.Amount), true)
		pos := r.Pos
		pw := measure(pos, sizeSmall, false)
		d.fit(r.Text, row.X+240, ty, row.W-240-pw-50, sizeBody, colText, false)
		d.textRight(pos, row.Right()-20, ty+4, sizeSmall, colMuted, false)
		iy := y + causeH
		for _, in := range r.Inputs {
			ir := layout.Rect{X: row.X + 240, Y: iy, W: row.W - 260, H: inputH - 4}
			if link == f.Cursor() {
				d.selection(ir)
			}
			d.hit(ir, flow.Input{Action: flow.Select, Item: link}, flow.Do(flow.AskWhy))
			d.fit(in, ir.X+16, iy+(inputH-4-sizeSmall*1.2)/2, ir.W-32, sizeSmall, colText, link == f.Cursor())
			iy += inputH
			link++
		}
		y += need(k)
	}
	y += 10
	d.text(sh.ChartLabel, body.X, y, sizeSmall, colMuted, false)
	y += sizeSmall * 1.5
	g.drawChart(d, layout.Rect{X: body.X, Y: y, W: body.W, H: body.Bottom() - y}, m, vi, sh.Vals, sh.SD, w.Turn, true)
}

// drawWhyEstimate draws the why view of an indicator whose causes the
// viewer cannot see: one it sees only as an estimate (the estimate with
// its uncertainty, what it is based on and what moves it in the
// scenario), or, in a served game revealed but not rebuilt on this
// machine, one the seat did not see exactly (its estimates, its true
// value at the end, and that the causes were not rebuilt); then the
// chart of what the seat saw.
func (g *Game) drawWhyEstimate(d *dc, body layout.Rect, w *flow.WhyScene, sh *flow.WhySheet) {
	m := g.f.Table().Model()
	y := body.Y
	d.fit(sh.Head, body.X, y, body.W, sizeHead, colYellow, true)
	y += sizeHead * 1.5
	if sh.Description != "" {
		y += d.para(sh.Description, layout.Rect{X: body.X, Y: y, W: body.W, H: sizeSmall * 1.3 * 2}, sizeSmall, colMuted, false) + 10
	}
	for _, line := range sh.Notes {
		y += d.para(line, layout.Rect{X: body.X, Y: y, W: body.W, H: sizeSmall * 1.3 * 4}, sizeSmall, colText, false) + 8
	}
	y += 10
	d.text(sh.ChartLabel, body.X, y, sizeSmall, colMuted, false)
	y += sizeSmall * 1.5
	g.drawChart(d, layout.Rect{X: body.X, Y: y, W: body.W, H: body.Bottom() - y}, m, w.Var, sh.Vals, sh.SD, w.Turn, true)
}
