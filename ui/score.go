package ui

import (
	"strings"

	"github.com/sixparty/sixparty/ui/layout"
)

// scorePanelHeight returns the height of the score panel of a seat with
// n objectives.
func scorePanelHeight(n int) float64 { return float64(n+2)*sizeSmall*1.35 + 34 }

// drawScorePanel draws what seat is scored on in r: its score as it sees
// it with the trend since last turn, then each objective with its weight
// and its part of the score.
func (g *Game) drawScorePanel(d *dc, r layout.Rect, seat int) {
	f := g.f
	d.panel(r)
	sc, trend := f.Score(seat)
	lineH := sizeSmall * 1.35
	x, w := r.X+18, r.W-36
	y := r.Y + 14
	col := colText
	switch {
	case trend > 5e-3 && f.Played > 0:
		col = colGood
	case trend < -5e-3 && f.Played > 0:
		col = colWarn
	}
	lines := f.ScoreLines(seat)
	d.fit(lines[0], x, y, w, sizeSmall, col, true)
	for k, o := range sc.Objectives {
		y += lineH
		c := colText
		if !o.Exact {
			c = colYellow
		}
		d.fit(lines[1+k], x, y, w, sizeSmall, c, false)
	}
	if !sc.Exact {
		y += lineH
		d.fit(strings.TrimSuffix(lines[len(lines)-1], ".")+" (yellow).", x, y, w, sizeSmall, colMuted, false)
	}
}
