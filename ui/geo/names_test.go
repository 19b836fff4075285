package geo

import (
	"math"
	"reflect"
	"testing"

	"github.com/sixparty/sixparty/ui/layout"
)

// TestPlaceNames: an actor's name goes to the right of its marker, or at
// the first other side around it that stays inside the map and covers no
// other marker, no name placed before it and nothing to avoid; one ring
// farther out when every side of the first is taken.
func TestPlaceNames(t *testing.T) {
	const h = 20 // every name's box 29 high; a 40-wide text's box is 52 wide
	nan := [2]float64{math.NaN(), math.NaN()}
	right := func(x, y float64) layout.Rect { return layout.Rect{X: x + 16, Y: y - 15, W: 52, H: 29} }
	left := func(x, y float64) layout.Rect { return layout.Rect{X: x - 68, Y: y - 15, W: 52, H: 29} }
	below := func(x, y float64) layout.Rect { return layout.Rect{X: x - 26, Y: y + 16, W: 52, H: 29} }
	for _, tc := range []struct {
		name  string
		pos   [][2]float64
		r     layout.Rect
		avoid []layout.Rect
		want  []layout.Rect
	}{
		{"free: right of its marker", [][2]float64{{100, 100}}, layout.Rect{W: 400, H: 300}, nil,
			[]layout.Rect{right(100, 100)}},
		{"past the map's right edge: left", [][2]float64{{380, 100}}, layout.Rect{W: 400, H: 300}, nil,
			[]layout.Rect{left(380, 100)}},
		{"another marker on the right: left", [][2]float64{{100, 100}, {150, 100}}, layout.Rect{W: 400, H: 300}, nil,
			[]layout.Rect{left(100, 100), right(150, 100)}},
		// The third name's right side covers the first marker, its left
		// leaves the map and below it lies the first name: above.
		{"markers on both sides: below", [][2]float64{{100, 100}, {150, 100}, {50, 100}}, layout.Rect{W: 400, H: 300}, nil,
			[]layout.Rect{below(100, 100), right(150, 100), {X: 24, Y: 55, W: 52, H: 29}}},
		{"a name placed before: below", [][2]float64{{100, 100}, {190, 100}}, layout.Rect{W: 240, H: 300}, nil,
			[]layout.Rect{right(100, 100), below(190, 100)}},
		{"at the map's bottom right corner: above", [][2]float64{{370, 280}, {320, 280}}, layout.Rect{W: 400, H: 300}, nil,
			[]layout.Rect{{X: 344, Y: 235, W: 52, H: 29}, left(320, 280)}},
		{"the credit line: avoided", [][2]float64{{100, 100}}, layout.Rect{W: 400, H: 300}, []layout.Rect{{X: 110, Y: 90, W: 100, H: 20}},
			[]layout.Rect{left(100, 100)}},
		{"every side taken: the next ring out", [][2]float64{{100, 100}}, layout.Rect{W: 400, H: 300}, []layout.Rect{{X: 70, Y: 70, W: 60, H: 60}},
			[]layout.Rect{{X: 130.5, Y: 85, W: 52, H: 29}}},
		{"no free place: the first that covers no name", [][2]float64{{100, 100}}, layout.Rect{W: 400, H: 300}, []layout.Rect{{W: 400, H: 300}},
			[]layout.Rect{right(100, 100)}},
		{"no marker: no name", [][2]float64{nan, {100, 100}}, layout.Rect{W: 400, H: 300}, nil,
			[]layout.Rect{{}, right(100, 100)}},
	} {
		widths := make([]float64, len(tc.pos))
		for i := range widths {
			widths[i] = 40
		}
		got := PlaceNames(tc.pos, widths, h, tc.r, tc.avoid)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n got %v\nwant %v", tc.name, got, tc.want)
		}
	}
}

// TestNameAt: the candidate places around a marker, for a 40-wide text
// in type 20 high (a 52x29 box) at (100, 100).
func TestNameAt(t *testing.T) {
	p := [2]float64{100, 100}
	for _, tc := range []struct {
		s    Side
		k    int
		want layout.Rect
	}{
		{Right, 0, layout.Rect{X: 116, Y: 85, W: 52, H: 29}},
		{Left, 0, layout.Rect{X: 32, Y: 85, W: 52, H: 29}},
		{Below, 0, layout.Rect{X: 74, Y: 116, W: 52, H: 29}},
		{Above, 0, layout.Rect{X: 74, Y: 55, W: 52, H: 29}},
		{RightLower, 0, layout.Rect{X: 116, Y: 99.5, W: 52, H: 29}},
		{LeftHigher, 0, layout.Rect{X: 32, Y: 70.5, W: 52, H: 29}},
		{BelowRightward, 0, layout.Rect{X: 87, Y: 116, W: 52, H: 29}},
		{AboveLeftward, 0, layout.Rect{X: 61, Y: 55, W: 52, H: 29}},
		{BelowRight, 0, layout.Rect{X: 116, Y: 116, W: 52, H: 29}},
		{AboveLeft, 0, layout.Rect{X: 32, Y: 55, W: 52, H: 29}},
		{Right, 2, layout.Rect{X: 145, Y: 85, W: 52, H: 29}},
		{Above, 1, layout.Rect{X: 74, Y: 40.5, W: 52, H: 29}},
	} {
		if got := NameAt(p, 40, 20, tc.s, tc.k); got != tc.want {
			t.Errorf("%v, ring %d: %+v, want %+v", tc.s, tc.k, got, tc.want)
		}
	}
}

// TestLeader: a name beside its marker needs no line; one pushed a ring
// or more out is tied to it by a line from the marker's ring to the
// nearest point of the name's box.
func TestLeader(t *testing.T) {
	p := [2]float64{100, 100}
	if _, _, ok := Leader(p, NameAt(p, 40, 20, Right, 0)); ok {
		t.Error("a name beside its marker got a leader line")
	}
	if _, _, ok := Leader(p, NameAt(p, 40, 20, BelowRight, 0)); ok {
		t.Error("a name at its marker's corner got a leader line")
	}
	from, to, ok := Leader(p, NameAt(p, 40, 20, Right, 2))
	if !ok || from != [2]float64{116, 100} || to != [2]float64{145, 100} {
		t.Errorf("a name two rings out to the right: line %v-%v (%v), want (116,100)-(145,100)", from, to, ok)
	}
}
