package ui

import (
	"fmt"
	"image/color"
	"strings"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

const (
	margin  = 56
	headerH = 110
	footerH = 76
	msgH    = 56
	rowGap  = 12
)

// frame draws the header and the help line and returns the body.
func (g *Game) frame(d *dc, b layout.Rect, title, right string) layout.Rect {
	g.title = title
	if right != "" {
		d.log.add(title+" — "+right, false)
	} else {
		d.log.add(title, false)
	}
	speak := d.log.hush()
	head, rest := b.CutTop(headerH)
	d.fill(head, colPanel)
	d.fill(layout.Rect{X: head.X, Y: head.Bottom() - 4, W: head.W, H: 4}, colAccent)
	d.fit(title, margin, (headerH-sizeTitle*1.2)/2, head.W-2*margin-measure(right, sizeHead, false)-40, sizeTitle, colText, true)
	d.textRight(right, head.Right()-margin, (headerH-sizeHead*1.2)/2, sizeHead, colMuted, false)
	speak()
	rest, foot := rest.CutBottom(footerH)
	g.hintBar(d, foot)
	rest, msg := rest.CutBottom(msgH)
	switch {
	case g.f.Message != "":
		d.fit("» "+g.f.Message, margin, msg.Y+(msgH-sizeBody*1.2)/2, msg.W-2*margin, sizeBody, colYellow, false)
	case g.f.Forecasting():
		d.fit("» Forecasting… (playing the draft out from your estimates)", margin, msg.Y+(msgH-sizeBody*1.2)/2, msg.W-2*margin, sizeBody, colYellow, false)
	}
	if lines := g.f.ReloadLines(); len(lines) > 0 {
		rest = g.reloadErrors(d, rest, lines)
	}
	return layout.Rect{X: rest.X + margin, Y: rest.Y + 28, W: rest.W - 2*margin, H: rest.H - 28}
}

// maxReloadLines is how many of a watched file's mistakes are shown.
const maxReloadLines = 6

// reloadErrors draws the mistakes of a watched scenario file in a panel
// at the bottom of r and returns what is left above it.
func (g *Game) reloadErrors(d *dc, r layout.Rect, lines []string) layout.Rect {
	n := min(len(lines), maxReloadLines)
	lineH := sizeSmall * 1.3
	rest, box := r.CutBottom(float64(n+1)*lineH + 24)
	box = layout.Rect{X: box.X + margin, Y: box.Y, W: box.W - 2*margin, H: box.H - 8}
	d.fill(box, colPanel)
	d.stroke(box, 3, colBad)
	head := "The scenario file has mistakes (still playing the last good version):"
	if len(lines) > n {
		head = fmt.Sprintf("The scenario file has %d mistakes (still playing the last good version); the first %d:", len(lines), n)
	}
	y := box.Y + 10
	d.fit(head, box.X+16, y, box.W-32, sizeSmall, colWarn, true)
	for _, l := range lines[:n] {
		y += lineH
		d.fit(l, box.X+16, y, box.W-32, sizeSmall, colText, false)
	}
	return rest
}

// hintBar draws the help line: each action's key and name, clickable.
func (g *Game) hintBar(d *dc, r layout.Rect) {
	// The text view lists the keys on one line, after the screen.
	var keys []string
	for _, a := range g.f.Hints() {
		keys = append(keys, KeyName(a)+": "+g.f.Label(a))
	}
	d.log.keys = "Keys — " + strings.Join(keys, " · ")
	defer d.log.hush()()
	d.fill(r, colPanel)
	x := r.X + margin
	y := r.Y + (r.H-sizeSmall*1.2)/2
	hints := g.f.Hints()
	width := func(a flow.Action) float64 {
		return measure(KeyName(a), sizeSmall, true) + 12 + measure(g.f.Label(a), sizeSmall, false) + 28
	}
	right := r.Right() - margin
	// The full text view is always offered, at the right end.
	var last []flow.Action
	if n := len(hints); n > 0 && hints[n-1] == flow.FullText {
		hints, last = hints[:n-1], hints[n-1:]
		right -= width(flow.FullText) + 16
	}
	draw := func(a flow.Action, x float64) float64 {
		w := width(a)
		box := layout.Rect{X: x, Y: r.Y + 12, W: w, H: r.H - 24}
		d.stroke(box, 2, colLine)
		kx := d.text(KeyName(a), x+14, y, sizeSmall, colAccent, true)
		d.text(g.f.Label(a), x+14+kx+12, y, sizeSmall, colText, false)
		d.hit(box, flow.Do(a))
		return w
	}
	for _, a := range hints {
		if x+width(a) > right {
			break
		}
		x += draw(a, x) + 16
	}
	for _, a := range last {
		draw(a, r.Right()-margin-width(a))
	}
}

func (g *Game) turnLabel() string {
	if g.f.Remote() != nil {
		return g.f.RemoteStatus(g.now)
	}
	gm := g.f.Game
	m := gm.Model
	t := gm.Turn()
	if gm.Over() {
		t = len(gm.Reports())
	}
	return fmt.Sprintf("Turn %d of %d · %s", t, m.Scenario.Meta.Turns, m.Date(t))
}

// rows draws a selectable list of n rows of height h from the top of r;
// each row's content is drawn by draw. It scrolls to keep the cursor in
// view and returns the height used.
func (g *Game) rows(d *dc, r layout.Rect, n int, h float64, cursor int, selectable bool, draw func(i int, row layout.Rect)) float64 {
	visible := max(1, int((r.H+rowGap)/(h+rowGap)))
	first := layout.Window(n, visible, cursor)
	y := r.Y
	for i := first; i < n && i < first+visible; i++ {
		row := layout.Rect{X: r.X, Y: y, W: r.W, H: h}
		if selectable && i == cursor {
			d.selection(row)
		} else {
			d.panel(row)
		}
		if selectable {
			d.hit(row, flow.Input{Action: flow.Select, Item: i})
		}
		draw(i, row)
		y += h + rowGap
	}
	if first > 0 {
		d.textRight("▲ more", r.Right(), r.Y-sizeSmall*1.3, sizeSmall, colMuted, false)
	}
	if first+visible < n {
		d.textRight("▼ more", r.Right(), y, sizeSmall, colMuted, false)
	}
	return y - r.Y
}

func (g *Game) actorHeader(prefix string) string {
	a := g.f.Game.Model.Scenario.Actors[g.f.Current]
	return prefix + " — " + a.Name
}

func (g *Game) seatLabel(i int) string {
	if g.f.Seats[i].Human {
		return "person"
	}
	return "computer, " + g.f.Seats[i].Level.String()
}

// changeColour colours a change by its direction only (blue up, orange
// down, from the Okabe–Ito palette); the arrow and sign say the same in
// text, and neither colour means good or bad.
func changeColour(d float64) color.RGBA {
	switch {
	case d > 0:
		return colAccent
	case d < 0:
		return colWarn
	}
	return colMuted
}

// mapNote writes a caption in the bottom-left corner of a map, on a dark
// band so that it stays readable over land.
func mapNote(d *dc, r layout.Rect, note string) {
	nw := measure(note, sizeSmall, false)
	d.fill(layout.Rect{X: r.X + 2, Y: r.Bottom() - sizeSmall*1.7, W: nw + 28, H: sizeSmall*1.7 - 2}, alpha(colBG, 0.85))
	d.text(note, r.X+14, r.Bottom()-sizeSmall*1.45, sizeSmall, colText, false)
}
