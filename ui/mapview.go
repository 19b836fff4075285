package ui

import (
	"fmt"
	"math"

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
	key  [5]float64
	proj geo.Projection
}

// land returns the projection and an image of the land for rectangle r.
func (g *Game) land(d *dc, r layout.Rect) (geo.Projection, *ebiten.Image) {
	c := &g.mapCache
	key := [5]float64{r.X, r.Y, r.W, r.H, d.s}
	proj := geo.Fit(g.geo.BBox, r)
	if c.img != nil && c.key == key {
		return c.proj, c.img
	}
	if c.img != nil {
		c.img.Deallocate()
	}
	w, h := int(math.Ceil(r.W*d.s)), int(math.Ceil(r.H*d.s))
	img := ebiten.NewImage(max(1, w), max(1, h))
	// Draw in canvas units shifted so that r's corner is the origin.
	sub := &dc{dst: img, s: d.s, hits: d.hits}
	local := geo.Fit(g.geo.BBox, layout.Rect{W: r.W, H: r.H})
	for _, country := range g.geo.Countries {
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
	c.img, c.key, c.proj = img, key, proj
	return proj, img
}

// drawMap draws the map in r: land, the actors at their capitals, and a
// flow for every lever above level 0 in levels (nil for none). If legend
// is not nil it receives a numbered line per flow.
func (g *Game) drawMap(d *dc, r layout.Rect, m *sim.Model, levels []int, legend *[]string) {
	d.fill(r, rgb(0x0d, 0x1a, 0x26))
	proj, img := g.land(d, r)
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Translate(r.X*d.s, r.Y*d.s)
	d.dst.DrawImage(img, op)
	d.stroke(r, 2, colLine)
	acts := m.Scenario.Actors
	pos := make([][2]float64, len(acts))
	for i, a := range acts {
		pos[i] = [2]float64{math.NaN(), math.NaN()}
		if a.Capital != nil {
			x, y := proj.Point(a.Capital.Lon, a.Capital.Lat)
			pos[i] = [2]float64{math.Max(r.X+20, math.Min(r.Right()-20, x)), math.Max(r.Y+20, math.Min(r.Bottom()-20, y))}
		}
	}
	// Flows: lines between capitals, fanned out where several join the
	// same pair, numbered to match the legend.
	if levels != nil {
		links := geo.Links(m, levels)
		pair := map[[2]int]int{}
		count := map[[2]int]int{}
		key := func(a, b int) [2]int {
			if a > b {
				a, b = b, a
			}
			return [2]int{a, b}
		}
		for _, l := range links {
			count[key(l.From, l.To)]++
		}
		for n, l := range links {
			a, b := pos[l.From], pos[l.To]
			if math.IsNaN(a[0]) || math.IsNaN(b[0]) {
				continue
			}
			k := key(l.From, l.To)
			idx := pair[k]
			pair[k]++
			dx, dy := b[0]-a[0], b[1]-a[1]
			length := math.Hypot(dx, dy)
			if length < 1 {
				continue
			}
			// Perpendicular of the pair's canonical direction.
			px, py := -dy/length, dx/length
			if l.From > l.To {
				px, py = -px, -py
			}
			off := (float64(idx) - float64(count[k]-1)/2) * 22
			// Curve the line a little so that opposite flows separate.
			bend := 30.0 + off
			mx, my := (a[0]+b[0])/2+px*bend, (a[1]+b[1])/2+py*bend
			col := parseColour(acts[l.From].Colour)
			w := 3 + 9*l.Weight
			var p vector.Path
			p.MoveTo(d.scaled(a[0], a[1]))
			p.QuadTo(float32(mx*d.s), float32(my*d.s), float32(b[0]*d.s), float32(b[1]*d.s))
			d.strokePath(&p, w+4, colBG)
			d.strokePath(&p, w, col)
			// Arrowhead near the target, along the curve's last tangent.
			tx, ty := b[0]-mx, b[1]-my
			tl := math.Hypot(tx, ty)
			tx, ty = tx/tl, ty/tl
			hx, hy := b[0]-tx*26, b[1]-ty*26
			var ah vector.Path
			ah.MoveTo(d.scaled(hx+tx*8, hy+ty*8))
			ah.LineTo(d.scaled(hx-tx*20-ty*12, hy-ty*20+tx*12))
			ah.LineTo(d.scaled(hx-tx*20+ty*12, hy-ty*20-tx*12))
			ah.Close()
			d.fillPath(&ah, col)
			// Number badge at the curve's middle.
			bx, by := (a[0]+2*mx+b[0])/4, (a[1]+2*my+b[1])/4
			d.circle(bx, by, 17, colBG)
			d.ring(bx, by, 17, 2, col)
			d.textCentre(fmt.Sprint(n+1), bx, by-sizeSmall*0.62, 22, colText, true)
			if legend != nil {
				lv := m.Scenario.Levers[l.Lever]
				*legend = append(*legend, fmt.Sprintf("%d. %s → %s: %s (%s)", n+1, acts[l.From].Name, acts[l.To].Name, lv.Name, lv.Levels[levels[l.Lever]]))
			}
		}
	}
	// Actors on top, with their names (colour is never the only label).
	for i, a := range acts {
		p := pos[i]
		if math.IsNaN(p[0]) {
			continue
		}
		c := parseColour(a.Colour)
		d.circle(p[0], p[1], 14, c)
		d.ring(p[0], p[1], 14, 3, colText)
		name := a.Name
		w := measure(name, sizeSmall, true)
		x := p[0] + 22
		if x+w > r.Right()-8 {
			x = p[0] - 22 - w
		}
		y := p[1] - sizeSmall*0.65
		d.fill(layout.Rect{X: x - 6, Y: y - 2, W: w + 12, H: sizeSmall*1.25 + 4}, alpha(colBG, 0.75))
		d.text(name, x, y, sizeSmall, colText, true)
	}
	d.text("Map: Natural Earth (public domain)", r.X+10, r.Y+8, 18, colMuted, false)
}
