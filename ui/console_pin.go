package ui

import (
	"strings"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

func init() { views[flow.PinGate] = (*Game).drawPin }

// drawPin asks for the facilitator's PIN, one star a character typed.
func (g *Game) drawPin(d *dc, b layout.Rect) {
	s := flow.SceneOf[*flow.PinScene](g.f)
	body := g.frame(d, b, "Facilitator", "")
	cy := body.Y + body.H*0.3
	d.textCentre("Type the facilitator's PIN and press Enter.", b.W/2, cy, sizeHead, colText, false)
	d.textCentre(strings.Repeat("* ", len([]rune(s.Typed)))+"|", b.W/2, cy+90, sizeHuge*0.6, colAccent, true)
	d.textCentre("Teams: press Esc to go back.", b.W/2, cy+200, sizeBody, colMuted, false)
}
