package ui

import (
	"fmt"
	"image/color"
	"math"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

func (g *Game) drawEnd(d *dc, b layout.Rect) {
	f := g.f
	m := f.Game.Model
	// The outcome, scores, reviews and series were worked out when the
	// game shown last changed (flow.EndSheet): drawing reads them.
	sh := f.EndSheet()
	pages := sh.Pages
	kind, first := f.EndPage(f.Page())
	title := "The end: the indicators over the game"
	switch kind {
	case flow.EndSummary:
		title = "The end: outcome and scores"
	case flow.EndReview:
		title = "The end: what moved your score"
	case flow.EndTimeline:
		title = "The end: timeline"
	}
	right := fmt.Sprintf("page %d of %d · %s played", f.Page()+1, pages, flow.TurnsText(sh.Played))
	if sh.Name != "" {
		right = sh.Name + " · " + right
	}
	body := g.frame(d, b, title, right)
	switch kind {
	case flow.EndSummary:
		left, right := body.CutLeft(body.W * 0.5)
		left.W -= 40
		y := left.Y
		y += d.para(sh.Headline, layout.Rect{X: left.X, Y: y, W: left.W, H: 160}, sizeTitle, colAccent, true) + 16
		textH := sizeBody * 1.3 * 4
		if sh.Stopped {
			textH = 300
		}
		y += d.para(sh.Text, layout.Rect{X: left.X, Y: y, W: left.W, H: textH}, sizeBody, colText, false)
		y += 30
		y = g.drawReviewScore(d, layout.Rect{X: left.X, Y: y, W: left.W, H: left.Bottom() - y}, sh)
		if lines := sh.Branches; len(lines) > 0 {
			y += 24
			d.text("Games of this session (C compares them)", left.X, y, sizeSmall, colText, true)
			y += sizeSmall * 1.5
			for _, l := range lines {
				if y+sizeSmall*1.3 > left.Bottom() {
					break
				}
				y += d.para("• "+l, layout.Rect{X: left.X, Y: y, W: left.W, H: sizeSmall * 1.3 * 2}, sizeSmall, colText, false)
			}
		}
		g.drawScores(d, right, sh)
	case flow.EndReview:
		g.drawReview(d, body, sh)
	case flow.EndTimeline:
		g.drawTimeline(d, body, first)
	default:
		n := min(flow.ChartsPerPage, len(m.Scenario.Vars)-first)
		cells := body.Grid(flow.ChartsPerPage, 4, 16)
		for k := range n {
			vi := first + k
			c := cells[k]
			d.panel(c)
			in := c.Inset(12)
			v := m.Scenario.Vars[vi]
			d.fit(v.Name, in.X, in.Y, in.W, sizeSmall, colText, true)
			d.fit(v.Unit, in.X, in.Y+sizeSmall*1.3, in.W, 20, colMuted, false)
			top := in.Y + sizeSmall*1.3 + 26
			g.drawChart(d, layout.Rect{X: in.X, Y: top, W: in.W, H: in.Bottom() - top}, m, vi, sh.Series[vi], nil, -1, false)
		}
	}
}

func (g *Game) drawScores(d *dc, r layout.Rect, sh *flow.EndSheet) {
	m := g.f.Game.Model
	scores := sh.Scores
	if sh.ScoreError != "" {
		d.text("Scores: "+sh.ScoreError, r.X, r.Y, sizeBody, colText, false)
		return
	}
	lo, hi := 0.0, 0.0
	for _, s := range scores {
		lo, hi = math.Min(lo, s), math.Max(hi, s)
	}
	if hi-lo < 1e-9 {
		hi = lo + 1
	}
	d.text("Scores", r.X, r.Y, sizeHead, colText, true)
	list := layout.Rect{X: r.X, Y: r.Y + sizeHead*1.6, W: r.W, H: r.H - sizeHead*1.6}
	acts := m.Scenario.Actors
	h := math.Min(90, (list.H-float64(len(acts))*rowGap)/float64(len(acts)))
	g.rows(d, list, len(acts), h, -1, false, func(i int, row layout.Rect) {
		a := acts[i]
		d.swatch(row.X+16, row.Y+(row.H-26)/2, 26, parseColour(a.Colour))
		d.fit(a.Name, row.X+56, row.Y+(row.H-sizeBody*1.2)/2, 300, sizeBody, colText, false)
		bar := layout.Rect{X: row.X + 380, Y: row.Y + 14, W: row.W - 380 - 140, H: row.H - 28}
		zero := bar.X + bar.W*(0-lo)/(hi-lo)
		x := bar.X + bar.W*(scores[i]-lo)/(hi-lo)
		d.fill(layout.Rect{X: math.Min(zero, x), Y: bar.Y, W: math.Abs(x - zero), H: bar.H}, parseColour(a.Colour))
		d.line(zero, bar.Y-6, zero, bar.Bottom()+6, 2, colMuted)
		d.textRight(fmt.Sprintf("%.2f", scores[i]), row.Right()-16, row.Y+(row.H-sizeBody*1.2)/2, sizeBody, colText, true)
	})
}

// drawTimeline draws the timeline's turns from turn first on: two columns
// of two turns, each with its events, turning points and orders.
func (g *Game) drawTimeline(d *dc, body layout.Rect, first int) {
	tl := g.f.Timeline()
	var cells []layout.Rect
	if len(tl)-(first-1) <= 2 {
		// One or two turns on the page: each takes the whole width, so
		// that fewer of its lines are cut.
		cells = body.Rows(2, 20)
	} else {
		for _, c := range body.Columns(2, 40) {
			cells = append(cells, c.Rows(2, 20)...)
		}
	}
	const size = 22.0 // the densest page: every order of four turns
	lh := size * 1.3
	for k := 0; k < flow.TurnsPerPage && first-1+k < len(tl); k++ {
		t := tl[first-1+k]
		c := cells[k]
		d.panel(c)
		in := c.Inset(16)
		d.text(fmt.Sprintf("Turn %d · %s", t.Turn, t.Date), in.X, in.Y, sizeBody, colAccent, true)
		y := in.Y + sizeBody*1.4
		line := func(prefix, s string, col color.RGBA, maxLines float64) {
			if y+lh > in.Bottom() {
				return
			}
			y += d.para(prefix+s, layout.Rect{X: in.X, Y: y, W: in.W, H: math.Min(in.Bottom()-y, lh*maxLines)}, size, col, false)
		}
		for _, l := range t.Lines() {
			line(timelineLabel(l), l.Text, timelineColour(l.Kind), 1)
		}
	}
}

// drawReviewScore draws, from the top of r, the first reviewed seat's
// final score by objective and how it compares with the computer's on the
// same seed, and returns the bottom.
func (g *Game) drawReviewScore(d *dc, r layout.Rect, sh *flow.EndSheet) float64 {
	y := r.Y
	if len(sh.Reviews) == 0 || sh.Reviews[0] == nil {
		return y
	}
	rv := sh.Reviews[0]
	lineH := sizeSmall * 1.35
	d.fit(rv.Head, r.X, y, r.W, sizeBody, colText, true)
	y += sizeBody * 1.4
	for _, o := range rv.Objectives {
		if y+lineH > r.Bottom() {
			break
		}
		d.fit("• "+o, r.X, y, r.W, sizeSmall, colText, false)
		y += lineH
	}
	if line := rv.Baseline; line != "" && y+lineH < r.Bottom() {
		y += 8
		y += d.para(line, layout.Rect{X: r.X, Y: y, W: r.W, H: r.Bottom() - y}, sizeSmall, colAccent, false)
	}
	if len(sh.Reviews) > 1 && y+lineH < r.Bottom() {
		y += d.para("The next page reviews every person's seat.", layout.Rect{X: r.X, Y: y + 8, W: r.W, H: lineH}, sizeSmall, colMuted, false)
	}
	return y
}

// drawReview draws the review page: for each reviewed seat its turning
// points in sentences, how it did against the computer, and what the
// scenario's counterfactual strategy would have done.
func (g *Game) drawReview(d *dc, body layout.Rect, sh *flow.EndSheet) {
	y := body.Y
	for _, rv := range sh.Reviews {
		if rv == nil || y > body.Bottom()-sizeHead*2 {
			break
		}
		d.fit(rv.Title, body.X, y, body.W, sizeHead, colAccent, true)
		y += sizeHead * 1.4
		if line := rv.Baseline; line != "" {
			y += d.para(line, layout.Rect{X: body.X, Y: y, W: body.W, H: sizeSmall * 1.3 * 2}, sizeSmall, colText, false) + 10
		}
		if len(rv.TurningPoints) == 0 {
			y += d.para("No turn moved your score.", layout.Rect{X: body.X, Y: y, W: body.W, H: sizeSmall * 1.3}, sizeSmall, colMuted, false) + 10
		} else {
			d.text("The turns that moved your score most", body.X, y, sizeSmall, colText, true)
			y += sizeSmall * 1.4
		}
		for _, tp := range rv.TurningPoints {
			y += d.para("• "+tp, layout.Rect{X: body.X + 10, Y: y, W: body.W - 10, H: sizeSmall * 1.3 * 3}, sizeSmall, colText, false) + 8
		}
		if rv.Counterfactual != "" {
			y += 8
			y += d.para(rv.Counterfactual, layout.Rect{X: body.X, Y: y, W: body.W, H: sizeSmall * 1.3 * 4}, sizeSmall, colYellow, false) + 8
		}
		y += 24
	}
}

// timelineLabel is the label a timeline line opens with on screen: its
// own, or a bullet for an order.
func timelineLabel(l flow.TimelineLine) string {
	if l.Label == "" {
		return "• "
	}
	return l.Label
}

// timelineColour is the colour of a timeline line of kind k.
func timelineColour(k int) color.RGBA {
	switch k {
	case flow.TimeFacilitator:
		return colWarn
	case flow.TimeEvent:
		return colYellow
	case flow.TimeChange:
		return colAccent
	}
	return colText
}
