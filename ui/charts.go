package ui

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2/vector"

	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/ui/chart"
	"github.com/sixparty/sixparty/ui/layout"
)

// drawChart draws a variable's values at the start of each turn (vals[0]
// is the start of turn 1) with an uncertainty band where sd is non-zero,
// y ticks, the first and last dates, and a marker on turn mark (-1 none).
func (g *Game) drawChart(d *dc, r layout.Rect, m *sim.Model, vi int, vals, sd []float64, mark int, large bool) {
	size := float64(sizeSmall)
	if !large {
		size = 20
	}
	n := len(vals)
	plot, xs, ys := d.axes(r, [][]float64{vals}, [][]float64{sd}, n, size)
	if n == 0 {
		return
	}
	d.text(m.Date(1), plot.X, plot.Bottom()+6, size, colMuted, false)
	if n > 1 {
		d.textRight(m.Date(n), plot.Right(), plot.Bottom()+6, size, colMuted, false)
	}
	if mark >= 1 && mark < n {
		// The turn's change runs from the start of turn mark to the
		// start of the next.
		x0, x1 := xs.At(float64(mark-1)), xs.At(float64(mark))
		d.fill(layout.Rect{X: x0, Y: plot.Y, W: x1 - x0, H: plot.H}, alpha(colAccent, 0.18))
	}
	// Uncertainty band.
	band := false
	for _, s := range sd {
		band = band || s > 0
	}
	if band && n > 1 {
		var p vector.Path
		for i := range n {
			x, y := xs.At(float64(i)), ys.At(vals[i]+sd[i])
			if i == 0 {
				p.MoveTo(d.scaled(x, y))
			} else {
				p.LineTo(d.scaled(x, y))
			}
		}
		for i := n - 1; i >= 0; i-- {
			p.LineTo(d.scaled(xs.At(float64(i)), ys.At(vals[i]-sd[i])))
		}
		p.Close()
		d.fillPath(&p, alpha(colYellow, 0.25))
	}
	for i := 1; i < n; i++ {
		d.line(xs.At(float64(i-1)), ys.At(vals[i-1]), xs.At(float64(i)), ys.At(vals[i]), 4, colAccent)
	}
	for i := range n {
		d.circle(xs.At(float64(i)), ys.At(vals[i]), 6, colAccent)
	}
}

// axes draws a chart's y axis in r, its labels in text of the given size:
// the range of series (widened by sd, as chart.Range does) on round
// ticks, each a grid line across the plot. It returns the plot area and
// the scales of values (ys) and of n points over turns (xs), shared by
// drawChart and fanChart.
func (d *dc) axes(r layout.Rect, series, sd [][]float64, n int, size float64) (plot layout.Rect, xs, ys chart.Scale) {
	lo, hi := chart.Range(series, sd)
	ticks, lo, hi := chart.Ticks(lo, hi, 4)
	step := 1.0
	if len(ticks) > 1 {
		step = ticks[1] - ticks[0]
	}
	labelW := 0.0
	for _, t := range ticks {
		labelW = math.Max(labelW, measure(chart.Label(t, step), size, false))
	}
	plot = layout.Rect{X: r.X + labelW + 14, Y: r.Y + size*0.7, W: r.W - labelW - 30, H: r.H - size*2.6}
	ys = chart.Scale{Min: lo, Max: hi, From: plot.Bottom(), To: plot.Y}
	xs = chart.Scale{Min: 0, Max: float64(max(1, n-1)), From: plot.X + 10, To: plot.Right() - 10}
	for _, t := range ticks {
		y := ys.At(t)
		d.line(plot.X, y, plot.Right(), y, 1, colLine)
		d.textRight(chart.Label(t, step), plot.X-8, y-size*0.65, size, colMuted, false)
	}
	return plot, xs, ys
}

// sparkline draws a small chart without axes: the line, the band of an
// estimate and the last point, its height spanning at least minSpan.
func (g *Game) sparkline(d *dc, r layout.Rect, vals, sd []float64, minSpan float64) {
	lo, hi := chart.Range([][]float64{vals}, [][]float64{sd})
	if span := hi - lo; span < minSpan {
		// A change far below the indicator's scale stays a small slope.
		lo, hi = lo-(minSpan-span)/2, hi+(minSpan-span)/2
	}
	ys := chart.Scale{Min: lo, Max: hi, From: r.Bottom() - 4, To: r.Y + 4}
	n := len(vals)
	xs := chart.Scale{Min: 0, Max: float64(max(1, n-1)), From: r.X + 6, To: r.Right() - 6}
	d.line(r.X, r.Bottom(), r.Right(), r.Bottom(), 1, colLine)
	for i := 0; i < n; i++ {
		if sd[i] > 0 {
			x := xs.At(float64(i))
			d.line(x, ys.At(vals[i]-sd[i]), x, ys.At(vals[i]+sd[i]), 6, alpha(colYellow, 0.45))
		}
	}
	for i := 1; i < n; i++ {
		d.line(xs.At(float64(i-1)), ys.At(vals[i-1]), xs.At(float64(i)), ys.At(vals[i]), 3, colAccent)
	}
	if n > 0 {
		d.circle(xs.At(float64(n-1)), ys.At(vals[n-1]), 6, colAccent)
	}
}
