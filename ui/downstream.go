package ui

import (
	"fmt"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

func init() { views[flow.DownstreamView] = (*Game).drawDownstream }

// drawDownstream draws "what did my lever change?": turn by turn from the
// one scrolled to, the lever's own changes and, one step on, the changes
// whose formula read what it moved.
func (g *Game) drawDownstream(d *dc, b layout.Rect) {
	f := g.f
	m := f.Game.Model
	s := flow.SceneOf[*flow.DownstreamScene](f)
	li := s.LeverShown()
	body := g.frame(d, b, "What did my lever change?", fmt.Sprintf("lever %d of %d (←/→)", s.Lever+1, len(s.Levers)))
	y := body.Y
	d.fit(m.Scenario.Actors[m.LeverActor(li)].Name+": "+m.Scenario.Levers[li].Name, body.X, y, body.W, sizeHead, colAccent, true)
	y += sizeHead * 1.4
	y += d.para(flow.DownNote, layout.Rect{X: body.X, Y: y, W: body.W, H: sizeSmall * 1.3 * 2}, sizeSmall, colMuted, false) + 16
	turns := f.Downstream(li)
	if len(turns) == 0 {
		d.text("Nothing you can see, in the turns played.", body.X, y, sizeBody, colMuted, false)
		return
	}
	if s.Cursor > 0 {
		d.textRight(fmt.Sprintf("▲ %d earlier turns (↑)", s.Cursor), body.Right(), body.Y-sizeSmall*1.1, sizeSmall, colMuted, false)
	}
	for k := s.Cursor; k < len(turns); k++ {
		t := turns[k]
		lines := len(t.Direct) + len(t.Onward)
		if t.Hidden > 0 {
			lines++
		}
		need := sizeBody*1.5 + float64(lines)*sizeSmall*1.45 + 20
		if y+min(need, sizeBody*1.5+sizeSmall*1.45*3) > body.Bottom() {
			d.textRight(fmt.Sprintf("▼ %d later turns (↓, T for the full text)", len(turns)-k), body.Right(), body.Bottom()-sizeSmall*1.3, sizeSmall, colMuted, false)
			for _, rest := range turns[k:] {
				d.log.add(flow.DownTitle(m, li, rest), false) // in the text view
				for _, e := range rest.Direct {
					d.log.add("  "+flow.DirectText(m, e), false)
				}
				for _, o := range rest.Onward {
					d.log.add("  "+flow.OnwardText(m, o), false)
				}
			}
			break
		}
		d.fill(layout.Rect{X: body.X, Y: y + 4, W: 8, H: sizeBody * 1.1}, colAccent)
		d.text(flow.DownTitle(m, li, t), body.X+24, y, sizeBody, colText, true)
		y += sizeBody * 1.5
		x, w := body.X+48, body.W-48
		for _, e := range t.Direct {
			d.fit(flow.DirectText(m, e), x, y, w, sizeSmall, changeColour(e.Amount), true)
			y += sizeSmall * 1.45
		}
		for _, o := range t.Onward {
			if y > body.Bottom()-sizeSmall*1.45 {
				break
			}
			d.fit(flow.OnwardText(m, o), x+24, y, w-24, sizeSmall, colText, false)
			y += sizeSmall * 1.45
		}
		if t.Hidden > 0 {
			d.fit(fmt.Sprintf("and %d changes to indicators hidden from you", t.Hidden), x, y, w, sizeSmall, colMuted, false)
			y += sizeSmall * 1.45
		}
		y += 20
	}
}
