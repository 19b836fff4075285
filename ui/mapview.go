package ui

import (
	"fmt"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/ui/geo"
	"github.com/sixparty/sixparty/ui/layout"
)

// mapCache keeps the land layer of the map, which is costly to fill, for
// the last rectangle and scale it was drawn at, and the maps' layouts
// (geo.Cache): both are made when what the map shows changes, not every
// frame.
type mapCache struct {
	img     *ebiten.Image
	key     [9]float64
	layouts *geo.Cache
}

// mapMetrics measures the map's texts in the type drawMap writes them in.
var mapMetrics = geo.Metrics{
	NameWidth:   func(s string) float64 { return measure(s, sizeSmall, true) },
	NameHeight:  sizeSmall,
	CountrySize: func(name string) (float64, float64) { return measure(name, 18, false) + 8, 24 },
	NoteWidth:   func(s string) float64 { return measure(s, mapNoteSize, false) },
	NoteHeight:  mapNoteSize,
}

// mapNoteSize is the type size of the map's credit line.
const mapNoteSize = 18

// mapLayout returns the layout of the map of m drawn in r with the flows
// of levels (nil for none), computed when one of these changes.
func (g *Game) mapLayout(r layout.Rect, m *sim.Model, levels []int) *geo.Layout {
	c := &g.mapCache
	if c.layouts == nil {
		c.layouts = &geo.Cache{Metrics: mapMetrics}
	}
	return c.layouts.Layout(geo.Input{Model: m, Land: g.geo, Rect: r, Levels: levels})
}

// land returns an image of the land for rectangle r showing frame.
func (g *Game) land(d *dc, r layout.Rect, frame [4]float64) *ebiten.Image {
	c := &g.mapCache
	key := [9]float64{r.X, r.Y, r.W, r.H, d.s, frame[0], frame[1], frame[2], frame[3]}
	if c.img != nil && c.key == key {
		return c.img
	}
	if c.img != nil {
		c.img.Deallocate()
	}
	w, h := int(math.Ceil(r.W*d.s)), int(math.Ceil(r.H*d.s))
	img := ebiten.NewImage(max(1, w), max(1, h))
	// Draw in canvas units shifted so that r's corner is the origin.
	sub := &dc{dst: img, s: d.s, hits: d.hits, aa: true}
	local := geo.Fit(frame, layout.Rect{W: r.W, H: r.H})
	for _, country := range g.geo.Countries {
		if !geo.Overlaps(country.Box, frame) {
			continue // off the frame: nothing to fill (the world map has ~200)
		}
		var p vector.Path
		for _, ring := range country.Rings {
			for k, pt := range ring {
				x, y := local.Point(pt[0], pt[1])
				if k == 0 {
					p.MoveTo(sub.scaled(x, y))
				} else {
					p.LineTo(sub.scaled(x, y))
				}
			}
			p.Close()
		}
		sub.fillPath(&p, colLand)
		sub.strokePath(&p, 1.5, colBorder)
	}
	c.img, c.key = img, key
	return img
}

// drawMap draws the map in r: land, the actors at their capitals, and the
// flows of the lever levels given (nil for none), merged per pair of
// actors. If legend is not nil it receives a numbered line per flow. What
// goes where is the map's layout (mapLayout), computed when r, m or the
// levels change: drawMap only draws it.
func (g *Game) drawMap(d *dc, r layout.Rect, m *sim.Model, levels []int, legend *[]string) {
	l := g.mapLayout(r, m, levels)
	d.fill(r, rgb(0x0d, 0x1a, 0x26))
	if l.Covered {
		op := &ebiten.DrawImageOptions{}
		op.GeoM.Translate(r.X*d.s, r.Y*d.s)
		d.dst.DrawImage(g.land(d, r, l.Frame), op)
	}
	d.stroke(r, 2, colLine)
	acts := m.Scenario.Actors
	if legend != nil {
		*legend = append(*legend, l.Legend...)
	}
	if l.Covered {
		g.countryNames(d, l.Countries)
	}
	// Every curve, then every badge, so that no flow's line runs over
	// another's number.
	for _, f := range l.Flows {
		g.drawFlow(d, f.Curve, parseColour(acts[f.From].Colour))
	}
	for _, f := range l.Flows {
		g.drawBadge(d, f.BX, f.BY, f.N, parseColour(acts[f.From].Colour))
	}
	// Actors on top, with their names: colour is never the only label. A
	// name the crowd pushed away from its marker is tied to it by a line.
	for _, ln := range l.Leaders {
		if ln.Drawn {
			d.line(ln.From[0], ln.From[1], ln.To[0], ln.To[1], 4, colBG)
			d.line(ln.From[0], ln.From[1], ln.To[0], ln.To[1], 2, colText)
		}
	}
	for i, a := range acts {
		p := l.Markers[i]
		if math.IsNaN(p[0]) {
			continue
		}
		d.circle(p[0], p[1], 14, parseColour(a.Colour))
		d.ring(p[0], p[1], 14, 3, colText)
		lb := l.Names[i]
		d.fill(lb, alpha(colBG, 0.75))
		d.text(a.Name, lb.X+geo.NamePad, lb.Y+2, sizeSmall, colText, true)
	}
	if l.Covered {
		d.text(l.Note, l.NoteBox.X, l.NoteBox.Y, mapNoteSize, colMuted, false)
	} else {
		d.fit(l.Note, l.NoteBox.X, l.NoteBox.Y, r.W-20, mapNoteSize, colMuted, false)
	}
}

// countryNames writes the country names placed on the land (geo.Place).
func (g *Game) countryNames(d *dc, names []geo.Placed) {
	defer d.log.hush()() // the land's names, as before, are not the screen's text
	for _, p := range names {
		d.textCentre(p.Name, p.X, p.Y-9, 18, alpha(colMuted, 0.8), false)
	}
}

// drawFlow draws one flow's curve c (geo.CurveOf) and its arrowhead.
func (g *Game) drawFlow(d *dc, c geo.Curve, col color.RGBA) {
	var path vector.Path
	path.MoveTo(d.scaled(c.A[0], c.A[1]))
	path.QuadTo(float32(c.C[0]*d.s), float32(c.C[1]*d.s), float32(c.E[0]*d.s), float32(c.E[1]*d.s))
	d.strokePath(&path, c.Width+4, colBG)
	d.strokePath(&path, c.Width, col)
	ex, ey, tx, ty := c.E[0], c.E[1], c.TX, c.TY
	var ah vector.Path
	ah.MoveTo(d.scaled(ex+tx*4, ey+ty*4))
	ah.LineTo(d.scaled(ex-tx*22-ty*12, ey-ty*22+tx*12))
	ah.LineTo(d.scaled(ex-tx*22+ty*12, ey-ty*22-tx*12))
	ah.Close()
	d.fillPath(&ah, col)
}

// drawBadge draws a flow's number badge n at (bx, by).
func (g *Game) drawBadge(d *dc, bx, by float64, n int, col color.RGBA) {
	d.circle(bx, by, geo.BadgeRadius, colBG)
	d.ring(bx, by, geo.BadgeRadius, 3, col)
	if d.log != nil {
		d.log.badge = true
		defer func() { d.log.badge = false }()
	}
	d.textCentre(fmt.Sprint(n), bx, by-13, 21, colText, true)
}
