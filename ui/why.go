package ui

import (
	"fmt"
	"time"

	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

func (g *Game) drawWhy(d *dc, b layout.Rect) {
	f := g.f
	m := f.Table().Model()
	w := flow.SceneOf[*flow.WhyScene](f)
	vi := w.Var
	v := m.Scenario.Vars[vi]
	right := fmt.Sprintf("Turn %d · %s", w.Turn, m.Date(w.Turn))
	if live := f.LiveStatus(time.Now()); live != "" {
		right += " · " + live // a served game's countdown
	}
	body := g.frame(d, b, "Why did "+v.Name+" move?", right)
	if w.Hidden {
		g.drawWhyEstimate(d, body, w)
		return
	}
	before, after := f.WhyChange()
	y := body.Y
	d.text(fmt.Sprintf("%s → %s   (%s)", m.Format(vi, before), sim.WithUnit(m.Format(vi, after), v.Unit), flow.Signed(m, vi, after-before)), body.X, y, sizeHead, colText, true)
	y += sizeHead * 1.5
	if v.Description != "" {
		y += d.para(v.Description, layout.Rect{X: body.X, Y: y, W: body.W, H: sizeSmall * 1.3 * 2}, sizeSmall, colMuted, false) + 10
	}
	reasons := f.WhyReasons()
	if len(reasons) == 0 {
		d.text("Nothing changed it on this turn.", body.X, y, sizeBody, colMuted, false)
		y += sizeBody * 1.6
	}
	// Each cause, and under it the inputs of its formula that moved this
	// turn: selectable, to follow the chain of causes.
	const causeH, inputH = 52.0, 40.0
	limit := body.Y + body.H*0.6
	net := after - before
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
		e := r.Entry
		if y+need(k)-rowGap > limit && k > first {
			more := "T for the full text"
			if len(f.WhyLinks()) > 0 {
				more = "↓ scrolls to their inputs, T for the full text"
			}
			d.text(fmt.Sprintf("… and %d smaller causes (%s)", len(reasons)-k, more), body.X, y, sizeSmall, colMuted, false)
			for _, rest := range reasons[k:] {
				d.log.add(flow.Signed(m, vi, rest.Entry.Amount)+" "+flow.CauseText(m, rest.Entry), false) // in the text view
			}
			y += sizeSmall * 1.5
			break
		}
		row := layout.Rect{X: body.X, Y: y, W: body.W, H: need(k) - rowGap}
		d.panel(row)
		ty := y + (causeH-sizeBody*1.2)/2
		d.text(flow.Signed(m, vi, e.Amount), row.X+20, ty, sizeBody, changeColour(e.Amount), true)
		cause := flow.CauseText(m, e)
		if e.Amount*net < 0 {
			cause += " — against the turn's change"
		}
		pos := ""
		if e.Pos.IsValid() {
			pos = "scenario line " + e.Pos.String()
		}
		pw := measure(pos, sizeSmall, false)
		d.fit(cause, row.X+240, ty, row.W-240-pw-50, sizeBody, colText, false)
		d.textRight(pos, row.Right()-20, ty+4, sizeSmall, colMuted, false)
		iy := y + causeH
		for _, in := range r.Inputs {
			ir := layout.Rect{X: row.X + 240, Y: iy, W: row.W - 260, H: inputH - 4}
			if link == f.Cursor() {
				d.selection(ir)
			}
			d.hit(ir, flow.Input{Action: flow.Select, Item: link}, flow.Do(flow.AskWhy))
			iv := m.Scenario.Vars[in.Var]
			txt := fmt.Sprintf("because %s moved %s: %s", iv.Name, flow.Signed(m, in.Var, in.Change), flow.CauseText(m, in.Top))
			d.fit(txt, ir.X+16, iy+(inputH-4-sizeSmall*1.2)/2, ir.W-32, sizeSmall, colText, link == f.Cursor())
			iy += inputH
			link++
		}
		y += need(k)
	}
	y += 10
	d.text(v.Name+" at the start of each turn (the shaded turn is the one explained)", body.X, y, sizeSmall, colMuted, false)
	y += sizeSmall * 1.5
	vals, sd := f.Series(vi)
	g.drawChart(d, layout.Rect{X: body.X, Y: y, W: body.W, H: body.Bottom() - y}, m, vi, vals, sd, w.Turn, true)
}

// drawWhyEstimate draws the why view of an indicator the viewer sees only
// as an estimate: the estimate with its uncertainty, what it is based on
// and what moves it in the scenario, and the estimates' chart.
func (g *Game) drawWhyEstimate(d *dc, body layout.Rect, w *flow.WhyScene) {
	f := g.f
	m := f.Table().Model()
	vi := w.Var
	v := m.Scenario.Vars[vi]
	vals, sd := f.Series(vi)
	y := body.Y
	now := flow.FormatValue(m, vi, vals[w.Turn], sd[w.Turn], true)
	d.fit(fmt.Sprintf("Your estimate: %s → %s (hidden from you)", flow.FormatValue(m, vi, vals[w.Turn-1], sd[w.Turn-1], true), now), body.X, y, body.W, sizeHead, colYellow, true)
	y += sizeHead * 1.5
	if v.Description != "" {
		y += d.para(v.Description, layout.Rect{X: body.X, Y: y, W: body.W, H: sizeSmall * 1.3 * 2}, sizeSmall, colMuted, false) + 10
	}
	for _, line := range f.EstimateBasis(vi) {
		y += d.para(line, layout.Rect{X: body.X, Y: y, W: body.W, H: sizeSmall * 1.3 * 4}, sizeSmall, colText, false) + 8
	}
	y += 10
	d.text(v.Name+" as you estimated it each turn, with its uncertainty (the shaded turn is the one asked about)", body.X, y, sizeSmall, colMuted, false)
	y += sizeSmall * 1.5
	g.drawChart(d, layout.Rect{X: body.X, Y: y, W: body.W, H: body.Bottom() - y}, m, vi, vals, sd, w.Turn, true)
}
