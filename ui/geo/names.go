package geo

import (
	"math"

	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/ui/layout"
)

// Name label sizes: an actor's name box reaches NameGap from its marker's
// centre and is padded by NamePad around the text; MarkerHalf is half the
// side of the box a marker covers (its disc and ring).
const (
	NameGap    = 22
	NamePad    = 6
	MarkerHalf = 17
)

// NameInset keeps the actors' names this far inside the map's rectangle,
// clear of its border.
const NameInset = 2

// MarkerBox is the box the marker centred at p covers.
func MarkerBox(p [2]float64) layout.Rect {
	return layout.Rect{X: p[0] - MarkerHalf, Y: p[1] - MarkerHalf, W: 2 * MarkerHalf, H: 2 * MarkerHalf}
}

// Side is where a name sits around its marker.
type Side int

// The sides a name is tried at, in this order: beside its marker (right,
// then left), under it, over it; then beside it half a name's height
// lower or higher, under or over it a quarter of its width to either
// side; then at its four corners.
const (
	Right Side = iota
	Left
	Below
	Above
	RightLower
	RightHigher
	LeftLower
	LeftHigher
	BelowRightward
	BelowLeftward
	AboveRightward
	AboveLeftward
	BelowRight
	AboveRight
	BelowLeft
	AboveLeft
	numSides
)

// String names the side, for tests' messages.
func (s Side) String() string {
	return [...]string{"right", "left", "below", "above", "right-lower", "right-higher", "left-lower", "left-higher",
		"below-rightward", "below-leftward", "above-rightward", "above-leftward",
		"below-right", "above-right", "below-left", "above-left"}[s]
}

// NameRings is how many rings of candidate places NameAt offers around a
// marker: the first touches the marker's box, each further one lies half
// a name's height farther out.
const NameRings = 5

// NameAt returns the box of a name w units wide in type of height h (its
// text, before padding) at side s of the marker centred at p, ring k out
// (from 0). Beside the marker the text starts NameGap from the marker's
// centre, at the marker's height (or half the box's height lower or
// higher); under or over it the box is centred on the marker (or a
// quarter of its width to either side) and clears its ring; at a corner
// it clears the marker both ways.
func NameAt(p [2]float64, w, h float64, s Side, k int) layout.Rect {
	bw, bh := w+2*NamePad, h*1.25+4
	c := float64(NameGap-NamePad) + float64(k)*bh/2 // from the centre to the box's near edge
	// Beside the marker: the text's middle at the marker's height, as
	// the map has always written it.
	y := p[1] - h*0.65 - 2
	right, left := p[0]+c, p[0]-c-bw
	below, above := p[1]+c, p[1]-c-bh
	mid := p[0] - bw/2
	var x0, y0 float64
	switch s {
	case Right, RightLower, RightHigher:
		x0, y0 = right, y
	case Left, LeftLower, LeftHigher:
		x0, y0 = left, y
	case Below, BelowRightward, BelowLeftward:
		x0, y0 = mid, below
	case Above, AboveRightward, AboveLeftward:
		x0, y0 = mid, above
	case BelowRight:
		x0, y0 = right, below
	case AboveRight:
		x0, y0 = right, above
	case BelowLeft:
		x0, y0 = left, below
	default: // AboveLeft
		x0, y0 = left, above
	}
	switch s {
	case RightLower, LeftLower:
		y0 += bh / 2
	case RightHigher, LeftHigher:
		y0 -= bh / 2
	case BelowRightward, AboveRightward:
		x0 += bw / 4
	case BelowLeftward, AboveLeftward:
		x0 -= bw / 4
	}
	return layout.Rect{X: x0, Y: y0, W: bw, H: bh}
}

// PlaceNames returns the box of each name, given by its text's width
// widths[i] in type of height h, written beside the marker at pos[i]: at
// the first candidate place (NameAt: every side of the nearest ring, then
// of the next ring out) that lies inside r (NameInset in) and covers no
// other marker, no name placed before it and no box in avoid. Names are
// placed in their order. A name with no free candidate goes at the first
// one inside r that covers no other name, else at the first inside r, else
// to the right of its marker: it may then cover something, and the caller
// can tell with NameProblems. A marker at NaN gets an empty box.
func PlaceNames(pos [][2]float64, widths []float64, h float64, r layout.Rect, avoid []layout.Rect) []layout.Rect {
	in := r.Inset(NameInset)
	out := make([]layout.Rect, len(pos))
	var markers []layout.Rect
	for _, p := range pos {
		if !math.IsNaN(p[0]) {
			markers = append(markers, MarkerBox(p))
		}
	}
	var names []layout.Rect
	for i, p := range pos {
		if math.IsNaN(p[0]) {
			continue
		}
		own := MarkerBox(p)
		var free, apart, inside *layout.Rect
	search:
		for k := range NameRings {
			for s := range numSides {
				b := NameAt(p, widths[i], h, s, k)
				if !within(b, in) {
					continue
				}
				if inside == nil {
					inside = &b
				}
				if covers(b, names) {
					continue
				}
				if apart == nil {
					apart = &b
				}
				if covers(b, avoid) || coversOther(b, markers, own) {
					continue
				}
				free = &b
				break search
			}
		}
		switch {
		case free != nil:
			out[i] = *free
		case apart != nil:
			out[i] = *apart
		case inside != nil:
			out[i] = *inside
		default:
			out[i] = NameAt(p, widths[i], h, Right, 0)
		}
		names = append(names, out[i])
	}
	return out
}

// LeaderGap is how far a name's box may lie from its marker's box before
// the map draws a leader line between them.
const LeaderGap = 4

// Leader returns the line from the ring of the marker at p to the
// nearest point of its name's box, and false when the box lies within
// LeaderGap of the marker's box (it then needs none).
func Leader(p [2]float64, box layout.Rect) (from, to [2]float64, ok bool) {
	nx, ny := math.Max(box.X, math.Min(p[0], box.Right())), math.Max(box.Y, math.Min(p[1], box.Bottom()))
	m := MarkerBox(p)
	gx := math.Max(0, math.Max(box.X-m.Right(), m.X-box.Right()))
	gy := math.Max(0, math.Max(box.Y-m.Bottom(), m.Y-box.Bottom()))
	if math.Max(gx, gy) <= LeaderGap {
		return from, to, false
	}
	d := math.Hypot(nx-p[0], ny-p[1])
	return [2]float64{p[0] + (nx-p[0])/d*(MarkerHalf-1), p[1] + (ny-p[1])/d*(MarkerHalf-1)}, [2]float64{nx, ny}, true
}

// within reports whether box lies inside r.
func within(box, r layout.Rect) bool {
	return box.X >= r.X && box.Y >= r.Y && box.Right() <= r.Right() && box.Bottom() <= r.Bottom()
}

// coversOther reports whether box covers any of the markers' boxes other
// than own (a name may touch its own marker's box, never cover another's).
func coversOther(box layout.Rect, markers []layout.Rect, own layout.Rect) bool {
	for _, t := range markers {
		if t != own && covers(box, []layout.Rect{t}) {
			return true
		}
	}
	return false
}

// NameBoxes returns where each actor's name is written beside its marker
// at pos (from Markers) on the map drawn in r, by PlaceNames: clear of the
// other markers, of the names before it and of avoid (the map's credit
// line). width measures a name's text, h is the text's height. An actor
// without a marker gets an empty box. The map keeps flows' badges and the
// countries' names (Place) clear of these boxes.
func NameBoxes(m *sim.Model, pos [][2]float64, r layout.Rect, width func(string) float64, h float64, avoid []layout.Rect) []layout.Rect {
	acts := m.Scenario.Actors
	widths := make([]float64, len(acts))
	for i, a := range acts {
		if !math.IsNaN(pos[i][0]) {
			widths[i] = width(a.Name)
		}
	}
	return PlaceNames(pos, widths, h, r, avoid)
}
