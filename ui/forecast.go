package ui

import (
	"fmt"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2/vector"

	"github.com/sixparty/sixparty/options"
	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

// drawForecast draws the what-if forecast of the draft orders: a fan chart
// per indicator the actor's objectives read and of its score, and the
// shares of the outcomes.
func (g *Game) drawForecast(d *dc, b layout.Rect) {
	f := g.f
	fc := f.Outlook
	m := f.Game.Model
	body := g.frame(d, b, f.OutlookTitle(), g.actorHeader("Forecast"))
	body, note := body.CutBottom(sizeSmall*1.3*3 + 16)
	d.para(f.OutlookNote(), layout.Rect{X: note.X, Y: note.Y + 12, W: note.W, H: note.H - 12}, sizeSmall, colMuted, false)
	left, right := body.CutLeft(body.W * 0.7)
	left.W -= 30
	bands := append(append([]options.ForecastBand(nil), fc.Indicators...), fc.Score)
	cols := 3
	if len(bands) <= 4 {
		cols = 2
	}
	cells := left.Grid(len(bands), cols, 16)
	rows := f.OutlookRows()
	for k, bd := range bands {
		c := cells[k]
		d.panel(c)
		in := c.Inset(12)
		name, sub := "Score of "+m.Scenario.Actors[fc.Seat].Name, fmt.Sprintf("now %.2f · median %s", bd.Now, flow.SignedScore(bd.Median[len(bd.Median)-1]-bd.Median[0]))
		if bd.Var >= 0 {
			name, sub = m.Scenario.Vars[bd.Var].Name, "now "+rows[k].Now+" · median "+rows[k].Change
		}
		d.fit(name, in.X, in.Y, in.W, sizeSmall, colText, true)
		d.fit(sub, in.X, in.Y+sizeSmall*1.3, in.W, 20, colMuted, false)
		top := in.Y + sizeSmall*1.3 + 28
		dates := []string{m.Date(fc.Turn), m.Date(fc.Turn + fc.Turns)}
		g.fanChart(d, layout.Rect{X: in.X, Y: top, W: in.W, H: in.Bottom() - top}, dates, []fan{{lo: bd.Lo, mid: bd.Median, hi: bd.Hi, col: colAccent}})
	}
	// The outcomes.
	d.panel(right)
	in := right.Inset(20)
	d.text("How the play-outs end", in.X, in.Y, sizeBody, colText, true)
	y := in.Y + sizeBody*1.6
	labels, shares := f.OutlookShares()
	for i, l := range labels {
		if y+sizeSmall*1.3+30 > in.Bottom() {
			break
		}
		y += d.para(l, layout.Rect{X: in.X, Y: y, W: in.W, H: sizeSmall * 1.3 * 2}, sizeSmall, colText, false) + 4
		bar := layout.Rect{X: in.X, Y: y, W: in.W, H: 22}
		d.stroke(bar, 2, colLine)
		d.fill(layout.Rect{X: bar.X, Y: bar.Y, W: bar.W * shares[i], H: bar.H}, colAccent)
		y += bar.H + 22
	}
	// Where the indicators end, in numbers.
	y += 10
	if y+sizeSmall*3 < in.Bottom() {
		d.fit(fmt.Sprintf("By %s: median (80%% band)", m.Date(fc.Turn+fc.Turns)), in.X, y, in.W, sizeSmall, colText, true)
		y += sizeSmall * 1.5
	}
	for _, r := range rows {
		if y+sizeSmall*2.6 > in.Bottom() {
			break
		}
		d.fit(r.Name, in.X, y, in.W, 22, colMuted, false)
		y += 22 * 1.25
		d.fit(r.End, in.X, y, in.W, sizeSmall, colText, false)
		y += sizeSmall*1.3 + 8
	}
}

// fan is one series of a fan chart: a band from lo to hi (nil for none)
// around the line mid.
type fan struct {
	lo, mid, hi []float64
	col         color.RGBA
}

// fanChart draws series over turns with y ticks and the first and last
// dates: each series' band filled, its line over it.
func (g *Game) fanChart(d *dc, r layout.Rect, dates []string, fans []fan) {
	const size = 20.0
	var all [][]float64
	n := 0
	for _, s := range fans {
		all = append(all, s.lo, s.mid, s.hi)
		n = max(n, len(s.mid))
	}
	plot, xs, ys := d.axes(r, all, nil, n, size)
	if len(dates) > 0 {
		d.text(dates[0], plot.X, plot.Bottom()+6, size, colMuted, false)
	}
	if len(dates) > 1 {
		d.textRight(dates[len(dates)-1], plot.Right(), plot.Bottom()+6, size, colMuted, false)
	}
	for _, s := range fans {
		if len(s.lo) == len(s.mid) && len(s.hi) == len(s.mid) && len(s.mid) > 1 {
			var p vector.Path
			for i, v := range s.hi {
				x, y := xs.At(float64(i)), ys.At(v)
				if i == 0 {
					p.MoveTo(d.scaled(x, y))
				} else {
					p.LineTo(d.scaled(x, y))
				}
			}
			for i := len(s.lo) - 1; i >= 0; i-- {
				p.LineTo(d.scaled(xs.At(float64(i)), ys.At(s.lo[i])))
			}
			p.Close()
			d.fillPath(&p, alpha(s.col, 0.45))
		}
	}
	for _, s := range fans {
		for i := 1; i < len(s.mid); i++ {
			d.line(xs.At(float64(i-1)), ys.At(s.mid[i-1]), xs.At(float64(i)), ys.At(s.mid[i]), 4, s.col)
		}
		for i, v := range s.mid {
			d.circle(xs.At(float64(i)), ys.At(v), 5, s.col)
		}
	}
}
