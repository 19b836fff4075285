package geo

import (
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/sixparty/sixparty/assets"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/ui/layout"
)

func TestFit(t *testing.T) {
	// At the equator degrees are square: a 20x10 degree box fills a 200x100 rect.
	p := Fit([4]float64{-10, -5, 10, 5}, layout.Rect{X: 0, Y: 0, W: 200, H: 100})
	for _, tc := range []struct{ lon, lat, x, y float64 }{
		{-10, 5, 0, 0}, {10, -5, 200, 100}, {0, 0, 100, 50},
	} {
		x, y := p.Point(tc.lon, tc.lat)
		if math.Abs(x-tc.x) > 1e-9 || math.Abs(y-tc.y) > 1e-9 {
			t.Errorf("Point(%v,%v) = %v,%v, want %v,%v", tc.lon, tc.lat, x, y, tc.x, tc.y)
		}
	}
	// At 60 degrees north a degree of longitude is half as wide: the box is
	// centred horizontally in a square rect.
	p = Fit([4]float64{0, 55, 20, 65}, layout.Rect{W: 100, H: 100})
	x0, y0 := p.Point(0, 65)
	x1, y1 := p.Point(20, 55)
	if math.Abs((x1-x0)-(y1-y0)) > 1e-6 || math.Abs(x0+x1-100) > 1e-6 {
		t.Errorf("box at 60N maps to (%v,%v)-(%v,%v), want a centred square", x0, y0, x1, y1)
	}
}

func TestLinks(t *testing.T) {
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	if got := Links(m, make([]int, m.NumLevers())); len(got) != 0 {
		t.Errorf("no levers pulled gave links %v", got)
	}
	// Every lever at its top level: each link must go from the lever's
	// actor to an actor owning one of its targets, never to itself.
	levels := make([]int, m.NumLevers())
	for li := range levels {
		levels[li] = len(m.Scenario.Levers[li].Levels) - 1
	}
	links := Links(m, levels)
	if len(links) == 0 {
		t.Fatal("no links with every lever pulled")
	}
	for _, l := range links {
		if l.From == l.To || l.From != m.LeverActor(l.Lever) || l.Weight != 1 {
			t.Errorf("bad link %+v", l)
		}
		owns := false
		for _, e := range m.Scenario.Levers[l.Lever].Effects {
			owns = owns || Owner(m, m.VarIndex(e.Target)) == l.To
		}
		if !owns {
			t.Errorf("link %+v goes to an actor owning none of the lever's targets", l)
		}
	}
	if !reflect.DeepEqual(links, Links(m, levels)) {
		t.Error("Links is not deterministic")
	}
}

func TestOwner(t *testing.T) {
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	for vi, v := range m.Scenario.Vars {
		o := Owner(m, vi)
		if v.Owner != "" && o != m.ActorIndex(v.Owner) {
			t.Errorf("%s: owner %d, want %s", v.ID, o, v.Owner)
		}
		if o >= 0 && v.Owner == "" && m.Scenario.Actors[o].ID+"." != v.ID[:len(m.Scenario.Actors[o].ID)+1] {
			t.Errorf("%s: owner %s does not prefix the id", v.ID, m.Scenario.Actors[o].ID)
		}
	}
}

func TestPairs(t *testing.T) {
	links := []Link{{From: 0, To: 1, Lever: 3, Weight: 0.5}, {From: 1, To: 0, Lever: 4, Weight: 1}, {From: 0, To: 1, Lever: 5, Weight: 1}}
	want := []Pair{{From: 0, To: 1, Levers: []int{3, 5}, Weight: 1.5}, {From: 1, To: 0, Levers: []int{4}, Weight: 1}}
	if got := Pairs(links); !reflect.DeepEqual(got, want) {
		t.Errorf("Pairs = %+v, want %+v", got, want)
	}
}

func TestFrame(t *testing.T) {
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	bbox := [4]float64{95, 20, 150, 58}
	f, covered := Frame(m, bbox)
	if !covered {
		t.Errorf("the default scenario's capitals are not all on the map")
	}
	for _, a := range m.Scenario.Actors {
		if a.Capital == nil {
			continue
		}
		if a.Capital.Lon < f[0] || a.Capital.Lon > f[2] || a.Capital.Lat < f[1] || a.Capital.Lat > f[3] {
			t.Errorf("%s's capital (%v, %v) is outside the frame %v", a.ID, a.Capital.Lon, a.Capital.Lat, f)
		}
	}
	if f[0] < bbox[0] || f[1] < bbox[1] || f[2] > bbox[2] || f[3] > bbox[3] {
		t.Errorf("frame %v leaves the map %v", f, bbox)
	}
	if f[2]-f[0] < 24 || f[3]-f[1] < 14 {
		t.Errorf("frame %v is smaller than 24x14 degrees", f)
	}
}

func TestFrameOffMap(t *testing.T) {
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	// A map of somewhere else covers none of the capitals: the frame is
	// the capitals' own, not clamped to the map.
	f, covered := Frame(m, [4]float64{0, 0, 10, 10})
	if covered {
		t.Error("a map far away reported as covering the capitals")
	}
	for _, a := range m.Scenario.Actors {
		if c := a.Capital; c != nil && (c.Lon < f[0] || c.Lon > f[2] || c.Lat < f[1] || c.Lat > f[3]) {
			t.Errorf("%s's capital is outside the frame %v", a.ID, f)
		}
	}
}

// TestFrameFromScenario: a scenario's meta.map box is the frame.
func TestFrameFromScenario(t *testing.T) {
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	s := *m.Scenario
	s.Meta.Map = []float64{30, 10, 65, 38}
	mm := *m
	mm.Scenario = &s
	world := [4]float64{-180, -58, 180, 84}
	if f, covered := Frame(&mm, world); f != [4]float64{30, 10, 65, 38} || !covered {
		t.Errorf("Frame = %v, %v; want the scenario's box, covered", f, covered)
	}
	if _, covered := Frame(&mm, [4]float64{95, 20, 150, 58}); covered {
		t.Error("a box outside the map data counts as covered")
	}
}

func TestOverlaps(t *testing.T) {
	tests := []struct {
		a, b [4]float64
		want bool
	}{
		{[4]float64{0, 0, 10, 10}, [4]float64{5, 5, 15, 15}, true},
		{[4]float64{0, 0, 10, 10}, [4]float64{10, 10, 15, 15}, true},
		{[4]float64{0, 0, 10, 10}, [4]float64{11, 0, 15, 10}, false},
		{[4]float64{0, 0, 10, 10}, [4]float64{0, -5, 10, -1}, false},
	}
	for _, tt := range tests {
		if got := Overlaps(tt.a, tt.b); got != tt.want {
			t.Errorf("Overlaps(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestLabels(t *testing.T) {
	p := Fit([4]float64{0, 0, 40, 20}, layout.Rect{W: 800, H: 400})
	r := layout.Rect{W: 800, H: 400}
	names := []string{"Small", "Big", "Outside", "Medium"}
	boxes := [][4]float64{{1, 1, 2, 2}, {5, 5, 30, 15}, {50, 5, 60, 15}, {20, 2, 26, 8}}
	at := [][2]float64{{1.5, 1.5}, {17, 10}, {55, 10}, {23, 5}}
	var got []string
	for _, l := range Labels(names, boxes, at, p, r, 90) {
		got = append(got, l.Name)
	}
	// Small is too small, Outside off the map; the rest largest first.
	if want := []string{"Big", "Medium"}; !slices.Equal(got, want) {
		t.Errorf("labels %v, want %v", got, want)
	}
}

// TestPlace: a country's name stays at its point when that is free, moves
// down, up, then sideways off an actor's name or a name placed before
// it, stays inside the map, and is dropped when no place is free.
func TestPlace(t *testing.T) {
	r := layout.Rect{W: 400, H: 300}
	size := func(string) (float64, float64) { return 80, 20 } // every name 80x20
	at := func(x, y float64) layout.Rect { return layout.Rect{X: x - 40, Y: y - 10, W: 80, H: 20} }
	for _, tc := range []struct {
		name   string
		labels []Label
		avoid  []layout.Rect
		want   []Placed
	}{
		{"free", []Label{{"A", 100, 100}}, nil, []Placed{{Label{"A", 100, 100}, at(100, 100)}}},
		{"under an actor's name: moves down", []Label{{"A", 100, 100}}, []layout.Rect{{X: 50, Y: 95, W: 100, H: 10}}, []Placed{{Label{"A", 100, 120}, at(100, 120)}}},
		{"down blocked too: moves up", []Label{{"A", 100, 100}}, []layout.Rect{{X: 50, Y: 95, W: 100, H: 30}}, []Placed{{Label{"A", 100, 80}, at(100, 80)}}},
		{"at the bottom edge: up", []Label{{"A", 100, 290}}, []layout.Rect{{X: 90, Y: 285, W: 10, H: 10}}, []Placed{{Label{"A", 100, 270}, at(100, 270)}}},
		{"down and up blocked: left", []Label{{"A", 100, 100}}, []layout.Rect{{X: 110, Y: 60, W: 10, H: 80}}, []Placed{{Label{"A", 60, 100}, at(60, 100)}}},
		{"a name placed before", []Label{{"Big", 100, 100}, {"Small", 110, 105}}, nil, []Placed{{Label{"Big", 100, 100}, at(100, 100)}, {Label{"Small", 110, 125}, at(110, 125)}}},
		{"no free place: dropped", []Label{{"A", 100, 100}, {"B", 300, 100}}, []layout.Rect{{X: 0, Y: 0, W: 200, H: 300}}, []Placed{{Label{"B", 300, 100}, at(300, 100)}}},
		{"an empty box avoids nothing", []Label{{"A", 100, 100}}, []layout.Rect{{}, {X: 100, Y: 100}}, []Placed{{Label{"A", 100, 100}, at(100, 100)}}},
	} {
		if got := Place(tc.labels, size, tc.avoid, r); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %v\nwant %v", tc.name, got, tc.want)
		}
	}
}

// TestPlaceHormuz: on the hormuz-2019 map at 1280x720 (the map's part of
// the screen), Saudi Arabia's name, which lay under the Saudi and Emirati
// actors' names, moves clear of them, and no country's name covers an
// actor's name or marker, or another country's.
func TestPlaceHormuz(t *testing.T) {
	m, err := scenarios.LoadBuiltin("hormuz-2019")
	if err != nil {
		t.Fatal(err)
	}
	g, err := assets.Map()
	if err != nil {
		t.Fatal(err)
	}
	r := layout.Rect{X: 36, Y: 92, W: 772, H: 540}
	frame, covered := Frame(m, g.BBox)
	if !covered {
		t.Fatal("the map does not cover hormuz-2019")
	}
	p := Fit(frame, r)
	var names []string
	var boxes [][4]float64
	var at [][2]float64
	for _, c := range g.Countries {
		if Overlaps(c.Box, frame) {
			names, boxes, at = append(names, c.Name), append(boxes, c.Box), append(at, c.Label)
		}
	}
	width := func(s string) float64 { return 9.5 * float64(len(s)) } // about the bold small type's
	pos := Markers(m, p, r)
	avoid := NameBoxes(m, pos, r, width, 22, nil)
	for _, q := range pos {
		avoid = append(avoid, layout.Rect{X: q[0] - 17, Y: q[1] - 17, W: 34, H: 34})
	}
	cands := Labels(names, boxes, at, p, r, 90)
	size := func(s string) (float64, float64) { return 8.5*float64(len(s)) + 8, 24 }
	placed := Place(cands, size, avoid, r)
	saudi := false
	for i, pl := range placed {
		if covers(pl.Box, avoid) || covers(pl.Box, boxesOf(placed[:i])) {
			t.Errorf("%s's name at %v covers another name or a marker", pl.Name, pl.Box)
		}
		saudi = saudi || pl.Name == "Saudi Arabia"
	}
	if !saudi {
		t.Errorf("Saudi Arabia's name was dropped: %v", placed)
	}
	// Before, it lay under an actor's name where Labels put it.
	for _, c := range cands {
		if c.Name == "Saudi Arabia" {
			w, h := size(c.Name)
			if !covers(layout.Rect{X: c.X - w/2, Y: c.Y - h/2, W: w, H: h}, avoid) {
				t.Errorf("Saudi Arabia's name at its point covers no actor's name: the test no longer shows the collision")
			}
		}
	}
}

// boxesOf returns the boxes of placed names.
func boxesOf(ps []Placed) []layout.Rect {
	var out []layout.Rect
	for _, p := range ps {
		out = append(out, p.Box)
	}
	return out
}

// TestCurve checks a flow's curve: it bends to the left of its direction,
// ends short of the target, its boxes cover every point of it, and its
// badge sits mid-curve or slides along it clear of what is taken, or to
// where it covers the least when nowhere is clear.
func TestCurve(t *testing.T) {
	if _, ok := CurveOf([2]float64{10, 10}, [2]float64{10.5, 10}, 1); ok {
		t.Error("a curve between markers in one place")
	}
	c, ok := CurveOf([2]float64{0, 100}, [2]float64{200, 100}, 1)
	if !ok {
		t.Fatal("no curve")
	}
	if c.C != [2]float64{100, 72} || c.Width != 6 {
		t.Errorf("control point %v, width %v: want (100, 72), 6", c.C, c.Width)
	}
	if d := math.Hypot(c.B[0]-c.E[0], c.B[1]-c.E[1]); math.Abs(d-18) > 1e-9 {
		t.Errorf("the curve ends %v from its target, want 18", d)
	}
	boxes := c.Boxes()
	for k := 0; k <= 100; k++ {
		x, y := c.At(float64(k) / 100)
		if !covers(layout.Rect{X: x - 0.5, Y: y - 0.5, W: 1, H: 1}, boxes) {
			t.Errorf("the curve's point at t=%v (%.1f, %.1f) is in none of its boxes", float64(k)/100, x, y)
		}
	}
	mx, my := c.At(0.5)
	if x, y := c.Badge(nil); x != mx || y != my {
		t.Errorf("a free badge at (%v, %v), want mid-curve (%v, %v)", x, y, mx, my)
	}
	// Another badge at mid-curve covers t=0.4 and 0.6 too: t=0.3 is
	// the nearest free place.
	wx, wy := c.At(0.3)
	if x, y := c.Badge([]layout.Rect{BadgeBox(mx, my)}); x != wx || y != wy {
		t.Errorf("a badge clear of another at mid-curve at (%v, %v), want t=0.3 (%v, %v)", x, y, wx, wy)
	}
	// No place clear: the one that covers the least, t=0.1, which a box
	// from x=30 on covers 7 units of (t=0.15 would be 17).
	lx, ly := c.At(0.1)
	if x, y := c.Badge([]layout.Rect{{X: 30, Y: 0, W: 400, H: 300}}); x != lx || y != ly {
		t.Errorf("a badge with no clear place at (%v, %v), want t=0.1 (%v, %v)", x, y, lx, ly)
	}
	// Everything covered alike: mid-curve.
	if x, y := c.Badge([]layout.Rect{{X: -100, Y: -100, W: 400, H: 400}}); x != mx || y != my {
		t.Errorf("a badge covered everywhere at (%v, %v), want mid-curve (%v, %v)", x, y, mx, my)
	}
}

// TestPlaceClearOfFlows checks that a country name whose point lies on a
// flow's curve or under its badge moves off both, and is dropped when it
// has no free place: never written half under a flow.
func TestPlaceClearOfFlows(t *testing.T) {
	r := layout.Rect{W: 400, H: 300}
	size := func(string) (float64, float64) { return 80, 20 }
	c, _ := CurveOf([2]float64{0, 150}, [2]float64{400, 150}, 0.5)
	mx, my := c.At(0.5)
	avoid := append(c.Boxes(), BadgeBox(mx, my))
	ax, ay := c.At(0.2)
	for _, tc := range []struct {
		name string
		at   Label
		want []Placed
	}{
		{"clear of the flow: stays", Label{"A", 200, 250}, []Placed{{Label{"A", 200, 250}, layout.Rect{X: 160, Y: 240, W: 80, H: 20}}}},
		{"half under the curve: moves below it", Label{"A", ax, ay + 12}, []Placed{{Label{"A", ax, ay + 32}, layout.Rect{X: ax - 40, Y: ay + 22, W: 80, H: 20}}}},
		{"on the badge: no free place near, dropped", Label{"A", mx, my}, nil},
	} {
		got := Place([]Label{tc.at}, size, avoid, r)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
		for _, p := range got {
			if covers(p.Box, avoid) {
				t.Errorf("%s: %q written over the flow at %+v", tc.name, p.Name, p.Box)
			}
		}
	}
}
