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
	if covered {
		// Country names keep clear of the actors' markers and names.
		avoid := slices.Clone(labels)
		for _, p := range pos {
			if !math.IsNaN(p[0]) {
				avoid = append(avoid, layout.Rect{X: p[0] - 17, Y: p[1] - 17, W: 34, H: 34})
			}
		}
		g.countryNames(d, r, avoid)
	}
	taken := slices.Clone(labels)
	if levels != nil {
		for n, p := range geo.Pairs(geo.Links(m, levels)) {
			a, b := pos[p.From], pos[p.To]
			if math.IsNaN(a[0]) || math.IsNaN(b[0]) {
				continue
			}
			g.drawFlow(d, a, b, p, n+1, parseColour(acts[p.From].Colour), &taken)
			if legend != nil {
				*legend = append(*legend, geo.Legend(m, levels, p, n+1))
			}
		}
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

// drawFlow draws one flow from a to b: a curve (bending to the left of its
// direction, so opposite flows part), an arrowhead and a number badge.
func (g *Game) drawFlow(d *dc, a, b [2]float64, p geo.Pair, n int, col color.RGBA, taken *[]layout.Rect) {
	dx, dy := b[0]-a[0], b[1]-a[1]
	length := math.Hypot(dx, dy)
	if length < 1 {
		return
	}
	px, py := dy/length, -dx/length
	bend := 0.14 * length
	mx, my := (a[0]+b[0])/2+px*bend, (a[1]+b[1])/2+py*bend
	w := 3 + 3*math.Min(p.Weight, 3)
	// Stop short of the target's marker.
	tx, ty := b[0]-mx, b[1]-my
	tl := math.Hypot(tx, ty)
	tx, ty = tx/tl, ty/tl
	ex, ey := b[0]-tx*18, b[1]-ty*18
	var path vector.Path
	path.MoveTo(d.scaled(a[0], a[1]))
	path.QuadTo(float32(mx*d.s), float32(my*d.s), float32(ex*d.s), float32(ey*d.s))
	d.strokePath(&path, w+4, colBG)
	d.strokePath(&path, w, col)
	var ah vector.Path
	ah.MoveTo(d.scaled(ex+tx*4, ey+ty*4))
	ah.LineTo(d.scaled(ex-tx*22-ty*12, ey-ty*22+tx*12))
	ah.LineTo(d.scaled(ex-tx*22+ty*12, ey-ty*22-tx*12))
	ah.Close()
	d.fillPath(&ah, col)
	// The badge sits mid-curve, or slides along it clear of the names.
	at := func(t float64) (float64, float64) {
		u := 1 - t
		return u*u*a[0] + 2*u*t*mx + t*t*b[0], u*u*a[1] + 2*u*t*my + t*t*b[1]
	}
	bx, by := at(0.5)
	for _, t := range []float64{0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.15, 0.85, 0.1, 0.9} {
		x, y := at(t)
		clear := true
		for _, lb := range *taken {
			if x+17 > lb.X && x-17 < lb.Right() && y+17 > lb.Y && y-17 < lb.Bottom() {
				clear = false
				break
			}
		}
		if clear {
			bx, by = x, y
			break
		}
	}
	*taken = append(*taken, layout.Rect{X: bx - 17, Y: by - 17, W: 34, H: 34})
	d.circle(bx, by, 17, colBG)
	d.ring(bx, by, 17, 3, col)
	if d.log != nil {
		d.log.badge = true
		defer func() { d.log.badge = false }()
	}
	d.textCentre(fmt.Sprint(n), bx, by-13, 21, colText, true)
}
