package ui

import (
	"strings"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

// drawChoiceScene draws the orders behind the choice's pop-up; they take
// no clicks.
func (g *Game) drawChoiceScene(d *dc, b layout.Rect) {
	g.drawOrders(d, b)
	g.hits.Reset()
	g.drawChoice(d, b)
	_, foot := b.CutBottom(footerH)
	g.hintBar(d, foot)
}

func (g *Game) drawChoice(d *dc, b layout.Rect) {
	f := g.f
	m := f.Game.Model
	ei := flow.SceneOf[*flow.ChoiceScene](f).Pending[0]
	ev := m.Scenario.Events[ei]
	heading, note := f.ChoiceHeading(ei) // a joint decision says who must agree
	d.fill(b, alpha(colBG, 0.8))
	box := layout.Rect{X: b.W/2 - 620, Y: b.H/2 - 360, W: 1240, H: 720}
	d.fill(box, colPanel)
	d.stroke(box, 4, colAccent)
	in := box.Inset(40)
	y := in.Y
	d.text(heading, in.X, y, sizeSmall, colMuted, false)
	y += sizeSmall * 1.6
	y += d.para(ev.Name, layout.Rect{X: in.X, Y: y, W: in.W, H: 120}, sizeTitle, colText, true) + 8
	y += d.para(f.Game.Narrate(ev.Text, f.Current), layout.Rect{X: in.X, Y: y, W: in.W, H: 140}, sizeBody, colText, false) + 16
	y += d.para(f.Game.Narrate(ev.Choice.Prompt, f.Current), layout.Rect{X: in.X, Y: y, W: in.W, H: 100}, sizeHead, colAccent, true) + 12
	if note != "" {
		y += d.para(note, layout.Rect{X: in.X, Y: y, W: in.W, H: 80}, sizeSmall, colYellow, false) + 12
	}
	y += 8
	opts := ev.Choice.Options
	if f.Message != "" {
		// Above the dimmed screen: the guard's word after a double Enter.
		d.fit("» "+f.Message, in.X, in.Bottom()-sizeBody*1.2, in.W, sizeBody, colYellow, false)
		in.H -= sizeBody * 1.6
	}
	g.rows(d, layout.Rect{X: in.X + 40, Y: y, W: in.W - 40, H: in.Bottom() - y}, len(opts), 100, f.Cursor(), true, func(i int, row layout.Rect) {
		d.fit(opts[i].Text, row.X+20, row.Y+12, row.W-40, sizeBody, colText, i == f.Cursor())
		var fx []string
		for _, e := range opts[i].Effects {
			fx = append(fx, flow.EffectText(m, e))
		}
		if len(fx) == 0 {
			fx = []string{"No direct effect."}
		}
		d.fit(strings.Join(fx, "; "), row.X+20, row.Y+18+sizeBody*1.3, row.W-40, sizeSmall, colMuted, false)
	})
}
