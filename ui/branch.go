package ui

import (
	"fmt"
	"math"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

// drawBranching draws the scene that branches the game from a turn: the
// turn, the branch's name and Start, beside the timeline of the turn
// chosen.
func (g *Game) drawBranching(d *dc, b layout.Rect) {
	f := g.f
	st := flow.SceneOf[*flow.BranchingScene](f)
	gm := f.Game
	m := gm.Model
	body := g.frame(d, b, "Branch "+f.GameName()+" from a turn", flow.TurnsText(len(gm.Reports()))+" played")
	left, right := body.CutLeft(body.W * 0.5)
	left.X += 40
	left.W -= 80
	labelW := 260.0
	g.rows(d, left, 3, 64, f.Cursor(), true, func(i int, row layout.Rect) {
		ty := row.Y + (row.H-sizeBody*1.2)/2
		switch i {
		case flow.BranchRowTurn:
			d.text("From turn", row.X+20, ty, sizeBody, colMuted, false)
			x := row.X + labelW
			d.text("◄", x, ty, sizeBody, colAccent, true)
			d.hit(layout.Rect{X: x - 10, Y: row.Y, W: 50, H: row.H}, flow.Input{Action: flow.Select, Item: i}, flow.Do(flow.Left))
			x += 46
			w := d.text(fmt.Sprintf("%d · %s", st.Turn, m.Date(st.Turn)), x, ty, sizeBody, colText, i == f.Cursor())
			d.text("►", x+w+16, ty, sizeBody, colAccent, true)
			d.hit(layout.Rect{X: x + w + 6, Y: row.Y, W: 50, H: row.H}, flow.Input{Action: flow.Select, Item: i}, flow.Do(flow.Right))
		case flow.BranchRowName:
			d.text("Name", row.X+20, ty, sizeBody, colMuted, false)
			s := st.Name
			if i == f.Cursor() {
				s += "_"
			}
			d.fit(s, row.X+labelW, ty, row.W-labelW-20, sizeBody, colText, false)
		default:
			d.text("Start the branch", row.X+20, ty, sizeBody, colText, true)
		}
	})
	y := left.Y + 3*(64+rowGap) + 30
	d.para(flow.BranchNote(st.Turn),
		layout.Rect{X: left.X, Y: y, W: left.W, H: left.Bottom() - y}, sizeBody, colText, false)
	// What the chosen turn did in the game, for reference.
	d.panel(right)
	in := right.Inset(24)
	tl := f.Timeline()
	t := tl[st.Turn-1]
	d.text(fmt.Sprintf("Turn %d as played · %s", t.Turn, t.Date), in.X, in.Y, sizeBody, colAccent, true)
	ly := in.Y + sizeBody*1.6
	const size = 24.0
	for _, l := range t.Lines() {
		if ly+size*1.3 > in.Bottom() {
			d.log.add(l.Label+l.Text, true) // no room: in the text view (T)
			continue
		}
		ly += d.para(timelineLabel(l)+l.Text, layout.Rect{X: in.X, Y: ly, W: in.W, H: math.Min(in.Bottom()-ly, size*1.3*2)}, size, timelineColour(l.Kind), false) + 4
	}
}
