// Package geo projects the map for the front end and derives from a
// scenario which actors' levers act on which other actors, so the map can
// draw the flows between them. It does not import the graphics library,
// and names no country: everything comes from the scenario.
package geo

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/ui/layout"
)

// Projection is an equirectangular projection scaled by the cosine of the
// central latitude, fitted into a rectangle.
type Projection struct {
	lon0, lat1 float64 // west edge and north edge of the view, degrees
	k, cos     float64 // canvas units per degree of latitude; cos(lat0)
	x0, y0     float64 // canvas position of (lon0, lat1)
}

// Fit returns the projection that shows the box (minLon, minLat, maxLon,
// maxLat) as large as possible inside r, centred.
func Fit(bbox [4]float64, r layout.Rect) Projection {
	latC := (bbox[1] + bbox[3]) / 2
	c := math.Cos(latC * math.Pi / 180)
	wDeg := (bbox[2] - bbox[0]) * c
	hDeg := bbox[3] - bbox[1]
	k := math.Min(r.W/math.Max(wDeg, 1e-9), r.H/math.Max(hDeg, 1e-9))
	p := Projection{lon0: bbox[0], lat1: bbox[3], k: k, cos: c}
	p.x0 = r.X + (r.W-wDeg*k)/2
	p.y0 = r.Y + (r.H-hDeg*k)/2
	return p
}

// Point returns the canvas position of a longitude and latitude.
func (p Projection) Point(lon, lat float64) (x, y float64) {
	return p.x0 + (lon-p.lon0)*p.cos*p.k, p.y0 + (p.lat1-lat)*p.k
}

// Link is a flow on the map: an actor's lever acting on another actor.
type Link struct {
	From, To int // actor indices
	Lever    int
	// Weight is the lever's level as a share of its highest level, in (0, 1].
	Weight float64
}

// Owner returns the actor a variable belongs to: its owner field, or else
// the actor whose id is the prefix of the variable's id (before the dot);
// -1 if none.
func Owner(m *sim.Model, vi int) int {
	v := m.Scenario.Vars[vi]
	if v.Owner != "" {
		return m.ActorIndex(v.Owner)
	}
	if i := strings.IndexByte(v.ID, '.'); i > 0 {
		return m.ActorIndex(v.ID[:i])
	}
	return -1
}

// Links returns the flows of the given lever levels: one per lever above
// level 0 and per other actor owning a variable its effects change, in the
// scenario's order.
func Links(m *sim.Model, levels []int) []Link {
	var out []Link
	for li, lvl := range levels {
		if lvl <= 0 {
			continue
		}
		l := &m.Scenario.Levers[li]
		from := m.LeverActor(li)
		w := float64(lvl) / float64(max(1, len(l.Levels)-1))
		seen := map[int]bool{}
		for _, e := range l.Effects {
			vi := m.VarIndex(e.Target)
			if vi < 0 {
				continue
			}
			to := Owner(m, vi)
			if to < 0 || to == from || seen[to] {
				continue
			}
			seen[to] = true
			out = append(out, Link{From: from, To: to, Lever: li, Weight: w})
		}
	}
	return out
}

// Pair is every flow from one actor to another: the levers, and the sum of
// their weights.
type Pair struct {
	From, To int
	Levers   []int
	Weight   float64
}

// Pairs merges links by their ordered pair of actors, in the order each
// pair first appears.
func Pairs(links []Link) []Pair {
	var out []Pair
	idx := map[[2]int]int{}
	for _, l := range links {
		k := [2]int{l.From, l.To}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, Pair{From: l.From, To: l.To})
		}
		out[i].Levers = append(out[i].Levers, l.Lever)
		out[i].Weight += l.Weight
	}
	return out
}

// Frame returns the part of the map worth showing for m: the box around
// the actors' capitals, widened by a quarter of its size on every side
// (and to at least 24 by 14 degrees). When every capital lies inside bbox
// (the area the map data covers) the frame is kept inside it and covered
// is true; otherwise the map has no land to show for the scenario, and the
// frame is the capitals' own. With no capitals it returns bbox.
//
// A scenario's 'meta.map' box, when given, is the frame itself (covered
// when it lies inside bbox).
func Frame(m *sim.Model, bbox [4]float64) (frame [4]float64, covered bool) {
	if b := m.Scenario.Meta.Map; len(b) == 4 {
		frame = [4]float64{b[0], b[1], b[2], b[3]}
		return frame, b[0] >= bbox[0] && b[1] >= bbox[1] && b[2] <= bbox[2] && b[3] <= bbox[3]
	}
	lo := [2]float64{math.Inf(1), math.Inf(1)}
	hi := [2]float64{math.Inf(-1), math.Inf(-1)}
	covered = true
	for _, a := range m.Scenario.Actors {
		if a.Capital == nil {
			continue
		}
		c := a.Capital
		lo[0], lo[1] = math.Min(lo[0], c.Lon), math.Min(lo[1], c.Lat)
		hi[0], hi[1] = math.Max(hi[0], c.Lon), math.Max(hi[1], c.Lat)
		covered = covered && c.Lon >= bbox[0] && c.Lon <= bbox[2] && c.Lat >= bbox[1] && c.Lat <= bbox[3]
	}
	if math.IsInf(lo[0], 1) {
		return bbox, true
	}
	minSpan := [2]float64{24, 14}
	for k := range 2 {
		span := hi[k] - lo[k]
		pad := math.Max(span/4, (minSpan[k]-span)/2)
		a, b := lo[k]-pad, hi[k]+pad
		if covered {
			// Keep inside bbox, shifting before shrinking.
			if a < bbox[k] {
				b += bbox[k] - a
				a = bbox[k]
			}
			if b > bbox[k+2] {
				a -= b - bbox[k+2]
				b = bbox[k+2]
			}
			a = math.Max(a, bbox[k])
		}
		frame[k], frame[k+2] = a, b
	}
	return frame, covered
}

// Overlaps reports whether two boxes (minLon, minLat, maxLon, maxLat)
// share any point: the land layer skips the countries outside the frame.
func Overlaps(a, b [4]float64) bool {
	return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
}

// Label is a country's name placed on the map.
type Label struct {
	Name string
	X, Y float64 // canvas position of the label's centre
}

// Labels returns the names worth writing on a map drawn with projection p
// in rectangle r: those of the countries whose label point falls inside r
// with room around it, and whose outline is at least minW canvas units
// wide, largest first (so that a caller that drops labels which would
// overlap keeps the big countries'). Countries are given as their names,
// boxes and label points, in the same order.
func Labels(names []string, boxes [][4]float64, at [][2]float64, p Projection, r layout.Rect, minW float64) []Label {
	type cand struct {
		l Label
		w float64
	}
	var cs []cand
	for i, name := range names {
		b := boxes[i]
		x0, _ := p.Point(b[0], b[1])
		x1, _ := p.Point(b[2], b[1])
		w := x1 - x0
		if w < minW {
			continue
		}
		x, y := p.Point(at[i][0], at[i][1])
		if x < r.X+minW/2 || x > r.Right()-minW/2 || y < r.Y+20 || y > r.Bottom()-20 {
			continue
		}
		cs = append(cs, cand{Label{Name: name, X: x, Y: y}, w})
	}
	slices.SortStableFunc(cs, func(a, b cand) int { return cmp.Compare(b.w, a.w) })
	out := make([]Label, len(cs))
	for i, c := range cs {
		out[i] = c.l
	}
	return out
}

// Marker spacing: markers closer than MarkerGap are fanned out downwards
// by MarkerStep, and MarkerInset keeps them inside the map's rectangle.
const (
	MarkerGap   = 34
	MarkerStep  = 36
	MarkerInset = 20
)

// Markers returns where each actor's marker goes on the map drawn in r:
// its capital projected, kept MarkerInset inside r, and fanned out
// downwards from the markers before it when they (nearly) share a place,
// so that each marker and name stays readable. An actor with no capital
// gets NaN coordinates and no marker.
func Markers(m *sim.Model, proj Projection, r layout.Rect) [][2]float64 {
	acts := m.Scenario.Actors
	pos := make([][2]float64, len(acts))
	for i, a := range acts {
		pos[i] = [2]float64{math.NaN(), math.NaN()}
		if a.Capital != nil {
			x, y := proj.Point(a.Capital.Lon, a.Capital.Lat)
			pos[i] = [2]float64{math.Max(r.X+MarkerInset, math.Min(r.Right()-MarkerInset, x)), math.Max(r.Y+MarkerInset, math.Min(r.Bottom()-MarkerInset, y))}
		}
	}
	for i := range pos {
		for moved := true; moved; {
			moved = false
			for j := 0; j < i; j++ {
				if math.Hypot(pos[i][0]-pos[j][0], pos[i][1]-pos[j][1]) < MarkerGap {
					pos[i][1] += MarkerStep
					moved = true
				}
			}
		}
	}
	return pos
}

// Legend returns the map legend's line for flow n (from 1) of pair p at
// the lever levels given: "1. A → B: Lever (level); Other (level)".
func Legend(m *sim.Model, levels []int, p Pair, n int) string {
	acts := m.Scenario.Actors
	var parts []string
	for _, li := range p.Levers {
		lv := m.Scenario.Levers[li]
		parts = append(parts, fmt.Sprintf("%s (%s)", lv.Name, lv.LevelName(levels[li])))
	}
	return fmt.Sprintf("%d. %s → %s: %s", n, acts[p.From].Name, acts[p.To].Name, strings.Join(parts, "; "))
}

// CoverNote is the map's credit line, or the note that its data does not
// cover the scenario's region.
func CoverNote(covered bool) string {
	if covered {
		return "Map: Natural Earth (public domain)"
	}
	return "The map data does not cover this scenario's region: capitals placed by longitude and latitude only."
}

// Placed is a country's name where Place put it: its label with the
// centre it was moved to, and the box it covers.
type Placed struct {
	Label
	Box layout.Rect
}

// Place returns the country names of labels (in their order, largest
// first as Labels gives them) that can be written without covering one
// another or any box in avoid (the actors' markers and names, NameBoxes;
// the flows' curves and badges, Curve.Boxes and BadgeBox), each box
// given by size (its width and height, padding included). A name stays at
// its point when that is free; otherwise it moves one box height down,
// then up, then half its width to either side, staying inside r; a name
// with no free place is dropped, never written under another.
func Place(labels []Label, size func(string) (w, h float64), avoid []layout.Rect, r layout.Rect) []Placed {
	taken := slices.Clone(avoid)
	var out []Placed
	for _, l := range labels {
		w, h := size(l.Name)
		for _, d := range [][2]float64{{0, 0}, {0, h}, {0, -h}, {-w / 2, 0}, {w / 2, 0}} {
			x, y := l.X+d[0], l.Y+d[1]
			box := layout.Rect{X: x - w/2, Y: y - h/2, W: w, H: h}
			if box.X < r.X || box.Right() > r.Right() || box.Y < r.Y || box.Bottom() > r.Bottom() || covers(box, taken) {
				continue
			}
			taken = append(taken, box)
			out = append(out, Placed{Label{Name: l.Name, X: x, Y: y}, box})
			break
		}
	}
	return out
}

// covers reports whether box shares more than an edge with any of boxes
// (an empty box covers nothing).
func covers(box layout.Rect, boxes []layout.Rect) bool {
	for _, t := range boxes {
		if t.W > 0 && t.H > 0 && box.X < t.Right() && t.X < box.Right() && box.Y < t.Bottom() && t.Y < box.Bottom() {
			return true
		}
	}
	return false
}

// BadgeRadius is the radius of a flow's number badge.
const BadgeRadius = 17

// Curve is a flow's curve on the map from A to B: a quadratic curve
// through control point C, bent to the left of its direction (so that
// opposite flows part), ending at E, short of the target's marker, with
// its arrowhead there pointing along (TX, TY). Width is the line's width.
type Curve struct {
	A, B, C, E [2]float64
	TX, TY     float64
	Width      float64
}

// CurveOf returns the curve of a flow from a to b of the given weight
// (a Pair's), false when the two markers (nearly) coincide.
func CurveOf(a, b [2]float64, weight float64) (Curve, bool) {
	dx, dy := b[0]-a[0], b[1]-a[1]
	length := math.Hypot(dx, dy)
	if length < 1 {
		return Curve{}, false
	}
	px, py := dy/length, -dx/length
	bend := 0.14 * length
	c := Curve{A: a, B: b, C: [2]float64{(a[0]+b[0])/2 + px*bend, (a[1]+b[1])/2 + py*bend}, Width: 3 + 3*math.Min(weight, 3)}
	tx, ty := b[0]-c.C[0], b[1]-c.C[1]
	tl := math.Hypot(tx, ty)
	c.TX, c.TY = tx/tl, ty/tl
	c.E = [2]float64{b[0] - c.TX*18, b[1] - c.TY*18}
	return c, true
}

// At returns the point at t (0 at A, 1 at B) of the curve from A to B
// through C.
func (c Curve) At(t float64) (x, y float64) {
	u := 1 - t
	return u*u*c.A[0] + 2*u*t*c.C[0] + t*t*c.B[0], u*u*c.A[1] + 2*u*t*c.C[1] + t*t*c.B[1]
}

// Boxes returns small boxes that together cover the curve's line and its
// dark edge, from A to E, for the country names to keep clear of.
func (c Curve) Boxes() []layout.Rect {
	half := c.Width/2 + 4
	n := max(2, int(math.Ceil(math.Hypot(c.B[0]-c.A[0], c.B[1]-c.A[1])/half)))
	out := make([]layout.Rect, 0, n+1)
	for k := 0; k <= n; k++ {
		x, y := c.At(float64(k) / float64(n))
		out = append(out, layout.Rect{X: x - half, Y: y - half, W: 2 * half, H: 2 * half})
	}
	return out
}

// Badge returns where the curve's number badge goes: mid-curve, or slid
// along it (in steps of a twentieth of the curve, as far as a tenth from
// either end) to the nearest place clear of the boxes taken (the actors'
// markers and names, the badges before it); when none is clear, the place
// among these that covers the least of them, the nearest to mid-curve of
// equals.
func (c Curve) Badge(taken []layout.Rect) (x, y float64) {
	best, bx, by := math.Inf(1), 0.0, 0.0
	for k := 0; k <= 8; k++ {
		for _, t := range []float64{float64(10-k) / 20, float64(10+k) / 20} {
			x, y := c.At(t)
			a := coveredArea(BadgeBox(x, y), taken)
			if a == 0 {
				return x, y
			}
			if a < best {
				best, bx, by = a, x, y
			}
			if k == 0 {
				break
			}
		}
	}
	return bx, by
}

// coveredArea returns the sum of the areas box shares with each of boxes.
func coveredArea(box layout.Rect, boxes []layout.Rect) float64 {
	sum := 0.0
	for _, t := range boxes {
		if t.W <= 0 || t.H <= 0 {
			continue
		}
		w := math.Min(box.Right(), t.Right()) - math.Max(box.X, t.X)
		h := math.Min(box.Bottom(), t.Bottom()) - math.Max(box.Y, t.Y)
		if w > 0 && h > 0 {
			sum += w * h
		}
	}
	return sum
}

// BadgeBox is the box a badge centred at (x, y) covers.
func BadgeBox(x, y float64) layout.Rect {
	return layout.Rect{X: x - BadgeRadius, Y: y - BadgeRadius, W: 2 * BadgeRadius, H: 2 * BadgeRadius}
}
