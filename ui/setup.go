package ui

import (
	"fmt"
	"math"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

func (g *Game) drawSetup(d *dc, b layout.Rect) {
	f := g.f
	st := flow.SceneOf[*flow.SetupScene](f)
	body := g.frame(d, b, "New game: scenario and seats", "")
	left, right := body.CutLeft(body.W * 0.58)
	left.X += 40
	left.W -= 80
	labelW := 380.0
	n := f.SetupRows()
	h := math.Min(64, (left.H-float64(n)*rowGap)/float64(n))
	g.rows(d, left, n, h, f.Cursor(), true, func(i int, row layout.Rect) {
		ty := row.Y + (row.H-sizeBody*1.2)/2
		sel := i == f.Cursor()
		val := func(s string, arrows bool) {
			x := row.X + labelW
			if arrows {
				d.text("◄", x, ty, sizeBody, colAccent, true)
				d.hit(layout.Rect{X: x - 10, Y: row.Y, W: 50, H: row.H}, flow.Input{Action: flow.Select, Item: i}, flow.Do(flow.Left))
				x += 46
			}
			w := d.text(s, x, ty, sizeBody, colText, sel)
			if arrows {
				d.text("►", x+w+16, ty, sizeBody, colAccent, true)
				d.hit(layout.Rect{X: x + w + 6, Y: row.Y, W: 50, H: row.H}, flow.Input{Action: flow.Select, Item: i}, flow.Do(flow.Right))
			}
		}
		switch {
		case i == flow.RowScenario:
			d.text("Scenario", row.X+20, ty, sizeBody, colMuted, false)
			val(st.ScenarioChoice(f), true)
		case i == flow.RowPath:
			d.text("Scenario file", row.X+20, ty, sizeBody, colMuted, false)
			s := st.Path
			if sel {
				s += "_"
			} else if s == "" {
				s = "(type a path, then Enter)"
			}
			d.fit(s, row.X+labelW, ty, row.W-labelW-20, sizeBody, colText, false)
		case i == flow.RowSeed:
			d.text("Seed", row.X+20, ty, sizeBody, colMuted, false)
			s := st.SeedText
			if sel {
				s += "_"
			}
			d.text(s, row.X+labelW, ty, sizeBody, colText, false)
		case i == f.StartRow():
			d.text("Start the game", row.X+20, ty, sizeBody, colText, true)
		default:
			a := i - flow.SeatRow(0)
			actor := f.Model.Scenario.Actors[a]
			d.swatch(row.X+20, row.Y+(row.H-28)/2, 28, parseColour(actor.Colour))
			d.fit(actor.Name, row.X+62, ty, labelW-70, sizeBody, colText, false)
			val(f.Seats[a].Label(), true)
		}
	})
	d.panel(right)
	in := right.Inset(28)
	if m := f.Model; m != nil {
		sc := m.Scenario
		y := in.Y
		y += d.para(sc.Meta.Title, layout.Rect{X: in.X, Y: y, W: in.W, H: 140}, sizeHead, colAccent, true) + 10
		y += d.para(fmt.Sprintf("%s of a %s from %s · %d actors", flow.TurnsText(sc.Meta.Turns), sc.Meta.Step, m.Date(1), len(sc.Actors)), layout.Rect{X: in.X, Y: y, W: in.W, H: 80}, sizeSmall, colMuted, false) + 16
		y += d.para(sc.Meta.Summary, layout.Rect{X: in.X, Y: y, W: in.W, H: in.Bottom() - y - 140}, sizeBody, colText, false) + 24
		d.para("Each person gives orders in turn on this machine; a hand-over screen keeps their orders private. The seed fixes every chance in the game, so the same seed and orders replay the same game.", layout.Rect{X: in.X, Y: y, W: in.W, H: in.Bottom() - y}, sizeSmall, colMuted, false)
	}
}
