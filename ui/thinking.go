package ui

import (
	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

// drawThinking draws the wait while the computer players decide.
func (g *Game) drawThinking(d *dc, b layout.Rect) {
	s := flow.SceneOf[*flow.ThinkingScene](g.f)
	m := g.f.Game.Model
	body := g.frame(d, b, "The computer players are deciding…", g.turnLabel())
	y := body.Y + 40
	y += d.para("Every order is in; the computer players are choosing theirs. The turn is played as soon as they are done: on a busy machine it can take a few seconds.", layout.Rect{X: body.X, Y: y, W: body.W, H: sizeBody * 1.3 * 3}, sizeBody, colText, false) + 30
	for _, i := range s.Seats {
		a := m.Scenario.Actors[i]
		d.swatch(body.X, y+4, sizeBody, parseColour(a.Colour))
		d.text(a.Name+" is thinking…", body.X+sizeBody+16, y, sizeBody, colText, false)
		y += sizeBody * 1.6
	}
}
