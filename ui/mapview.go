package ui

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/ui/geo"
	"github.com/sixparty/sixparty/ui/layout"
)

// mapCache keeps the land layer of the map, which is costly to fill, for
// the last rectangle and scale it was drawn at.
type mapCache struct {
	img  *ebiten.Image
	key  [9]float64
	proj geo.Projection
	// names are the country names worth writing (geo.Labels), with
	// centres relative to the rectangle's corner: drawMap places them
	// clear of the actors' names (geo.Place).
	names []geo.Label
}

// land returns the projection and an image of the land for rectangle r.
func (g *Game) land(d *dc, r layout.Rect, frame [4]float64) (geo.Projection, *ebiten.Image) {
	c := &g.mapCache
	key := [9]float64{r.X, r.Y, r.W, r.H, d.s, frame[0], frame[1], frame[2], frame[3]}
	proj := geo.Fit(frame, r)
	if c.img != nil && c.key == key {
		return c.proj, c.img
	}
	if c.img != nil {
		c.img.Deallocate()
	}
	w, h := int(math.Ceil(r.W*d.s)), int(math.Ceil(r.H*d.s))
	img := ebiten.NewImage(max(1, w), max(1, h))
	// Draw in canvas units shifted so that r's corner is the origin.
	sub := &dc{dst: img, s: d.s, hits: d.hits, aa: true}
	local := geo.Fit(frame, layout.Rect{W: r.W, H: r.H})
	var names []string
	var boxes [][4]float64
	var at [][2]float64
	for _, country := range g.geo.Countries {
		if !geo.Overlaps(country.Box, frame) {
			continue // off the frame: nothing to fill (the world map has ~200)
		}
		names, boxes, at = append(names, country.Name), append(boxes, country.Box), append(at, country.Label)
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
	c.names = geo.Labels(names, boxes, at, local, layout.Rect{W: r.W, H: r.H}, 90)
	c.img, c.key, c.proj = img, key, proj
	return proj, img
}

// drawMap draws the map in r: land, the actors at their capitals, and the
// flows of the lever levels given (nil for none), merged per pair of
// actors. If legend is not nil it receives a numbered line per flow.
func (g *Game) drawMap(d *dc, r layout.Rect, m *sim.Model, levels []int, legend *[]string) {
	d.fill(r, rgb(0x0d, 0x1a, 0x26))
	frame, covered := geo.Frame(m, g.geo.BBox)
	proj := geo.Fit(frame, r)
	if covered {
		var img *ebiten.Image
		proj, img = g.land(d, r, frame)
		op := &ebiten.DrawImageOptions{}
		op.GeoM.Translate(r.X*d.s, r.Y*d.s)
		d.dst.DrawImage(img, op)
	}
	d.stroke(r, 2, colLine)
	acts := m.Scenario.Actors
	pos := geo.Markers(m, proj, r)
	// Where each actor's name goes: flows' number badges keep clear of
	// them.
	labels := geo.NameBoxes(m, pos, r, func(s string) float64 { return measure(s, sizeSmall, true) }, sizeSmall)
	// The flows, merged per pair of actors: their curves, and their number
	// badges clear of the actors' names and of one another.
	type flow struct {
		c      geo.Curve
		bx, by float64
		n      int
		col    color.RGBA
	}
	var flows []flow
	taken := slices.Clone(labels)
	if levels != nil {
		for n, p := range geo.Pairs(geo.Links(m, levels)) {
			a, b := pos[p.From], pos[p.To]
			if math.IsNaN(a[0]) || math.IsNaN(b[0]) {
				continue
			}
			c, ok := geo.CurveOf(a, b, p.Weight)
			if !ok {
				continue
			}
			bx, by := c.Badge(taken)
			taken = append(taken, geo.BadgeBox(bx, by))
			flows = append(flows, flow{c, bx, by, n + 1, parseColour(acts[p.From].Colour)})
			if legend != nil {
				*legend = append(*legend, geo.Legend(m, levels, p, n+1))
			}
		}
	}
	if covered {
		// Country names keep clear of the actors' markers and names, and
		// of the flows' curves and badges, which are drawn over them.
		avoid := slices.Clone(taken)
		for _, p := range pos {
			if !math.IsNaN(p[0]) {
				avoid = append(avoid, layout.Rect{X: p[0] - 17, Y: p[1] - 17, W: 34, H: 34})
			}
		}
		for _, f := range flows {
			avoid = append(avoid, f.c.Boxes()...)
		}
		g.countryNames(d, r, avoid)
	}
	for _, f := range flows {
		g.drawFlow(d, f.c, f.bx, f.by, f.n, f.col)
	}
	// Actors on top, with their names: colour is never the only label.
	for i, a := range acts {
		p := pos[i]
		if math.IsNaN(p[0]) {
			continue
		}
		d.circle(p[0], p[1], 14, parseColour(a.Colour))
		d.ring(p[0], p[1], 14, 3, colText)
		lb := labels[i]
		d.fill(lb, alpha(colBG, 0.75))
		d.text(a.Name, lb.X+geo.NamePad, lb.Y+2, sizeSmall, colText, true)
	}
	if covered {
		d.text(geo.CoverNote(true), r.X+10, r.Y+8, 18, colMuted, false)
	} else {
		d.fit(geo.CoverNote(false), r.X+10, r.Y+8, r.W-20, 18, colMuted, false)
	}
}

// countryNames writes the country names on the land of the map drawn in
// r, largest first, each moved or dropped where it would cover another or
// an actor's marker or name (avoid).
func (g *Game) countryNames(d *dc, r layout.Rect, avoid []layout.Rect) {
	defer d.log.hush()() // the land's names, as before, are not the screen's text
	cands := slices.Clone(g.mapCache.names)
	for i := range cands {
		cands[i].X += r.X
		cands[i].Y += r.Y
	}
	size := func(name string) (float64, float64) { return measure(name, 18, false) + 8, 24 }
	for _, p := range geo.Place(cands, size, avoid, r) {
		d.textCentre(p.Name, p.X, p.Y-9, 18, alpha(colMuted, 0.8), false)
	}
}

// drawFlow draws one flow's curve c (geo.CurveOf), its arrowhead and its
// number badge n at (bx, by).
func (g *Game) drawFlow(d *dc, c geo.Curve, bx, by float64, n int, col color.RGBA) {
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
	d.circle(bx, by, geo.BadgeRadius, colBG)
	d.ring(bx, by, geo.BadgeRadius, 3, col)
	if d.log != nil {
		d.log.badge = true
		defer func() { d.log.badge = false }()
	}
	d.textCentre(fmt.Sprint(n), bx, by-13, 21, colText, true)
}
