package geo

import (
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"

	"github.com/sixparty/sixparty/assets"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/ui/layout"
)

// goMetrics measures the map's texts in the Go fonts the window draws
// them in, at the sizes it uses (names in bold 25, country names and the
// credit line in regular 18): the widths agree with the window's own to
// the 1/64 unit (checked for "Republic of Korea", "DPRK", "Saudi Arabia",
// "United Arab Emirates").
func goMetrics(t testing.TB) Metrics {
	t.Helper()
	face := func(ttf []byte, size float64) font.Face {
		f, err := opentype.Parse(ttf)
		if err != nil {
			t.Fatal(err)
		}
		fc, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			t.Fatal(err)
		}
		return fc
	}
	bold, regular := face(gobold.TTF, 25), face(goregular.TTF, 18)
	width := func(f font.Face) func(string) float64 {
		return func(s string) float64 { return float64(font.MeasureString(f, s)) / 64 }
	}
	return Metrics{
		NameWidth:   width(bold),
		NameHeight:  25,
		CountrySize: func(s string) (float64, float64) { return width(regular)(s) + 8, 24 },
		NoteWidth:   width(regular),
		NoteHeight:  18,
	}
}

// mapRects are the rectangles the window draws the map in (canvas units),
// as TestMapNamesApart and TestProjectorMapNamesApart (ui, under a
// display) log them. 1280x720 and 1920x1080 share one canvas, so one
// rectangle per screen serves both; the projector's map depends on the
// height of its 'Ready' line, and the browser window of the seminar
// pictures (1280x577) widens the canvas.
var mapRects = []struct {
	name string
	r    layout.Rect
}{
	{"title", layout.Rect{X: 897.68, Y: 66, W: 956.32, H: 872}},
	{"briefing", layout.Rect{X: 1068.48, Y: 138, W: 795.52, H: 557.5}},
	{"briefing, shorter", layout.Rect{X: 1068.48, Y: 138, W: 795.52, H: 591.25}},
	{"adjudication", layout.Rect{X: 1068.48, Y: 138, W: 795.52, H: 810}},
	{"map", layout.Rect{X: 56, Y: 138, W: 1157.12, H: 810}},
	{"projector, one ready line", layout.Rect{X: 56, Y: 193, W: 904, H: 362.4}},
	{"projector, two ready lines", layout.Rect{X: 56, Y: 232, W: 904, H: 343.68}},
	{"projector 1280x577, one ready line", layout.Rect{X: 56, Y: 193, W: 1141.92, H: 362.4}},
	{"projector 1280x577, two ready lines", layout.Rect{X: 56, Y: 232, W: 1141.92, H: 343.68}},
}

// topLevels returns every lever of m at its highest level: the most flows
// a turn can draw.
func topLevels(m *sim.Model) []int {
	levels := make([]int, m.NumLevers())
	for li := range levels {
		levels[li] = len(m.Scenario.Levers[li].Levels) - 1
	}
	return levels
}

// TestBuiltinNamesApart lays out the map of every built-in scenario in
// every rectangle the window draws it in, with every lever at its top
// level: no actor's name overlaps another's or covers another's marker
// or the credit line, each stays inside the map, and no country's name
// covers an actor's name.
func TestBuiltinNamesApart(t *testing.T) {
	land, err := assets.Map()
	if err != nil {
		t.Fatal(err)
	}
	mt := goMetrics(t)
	for _, name := range scenarios.Builtin() {
		m, err := scenarios.LoadBuiltin(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, mr := range mapRects {
			l := Compute(Input{Model: m, Land: land, Rect: mr.r, Levels: topLevels(m)}, mt)
			for _, e := range NameProblems(m, mr.r, l) {
				t.Errorf("%s, %s: %s", name, mr.name, e)
			}
			for _, c := range l.Countries {
				if covers(c.Box, l.Names) {
					t.Errorf("%s, %s: the country name %q at %v covers an actor's name", name, mr.name, c.Name, c.Box)
				}
			}
		}
	}
}

// TestBuiltinNamesApartAnySize lays the built-in scenarios' maps out in
// rectangles from 600x300 to 1400x900 canvas units (the projector's map
// is about 900x350): the names stay apart at every one.
func TestBuiltinNamesApartAnySize(t *testing.T) {
	land, err := assets.Map()
	if err != nil {
		t.Fatal(err)
	}
	mt := goMetrics(t)
	for _, name := range scenarios.Builtin() {
		m, err := scenarios.LoadBuiltin(name)
		if err != nil {
			t.Fatal(err)
		}
		for w := 600.0; w <= 1400; w += 50 {
			for h := 300.0; h <= 900; h += 25 {
				r := layout.Rect{X: 56, Y: 138, W: w, H: h}
				l := Compute(Input{Model: m, Land: land, Rect: r}, mt)
				if e := NameProblems(m, r, l); len(e) > 0 {
					t.Errorf("%s at %vx%v: %s", name, w, h, e[0])
				}
			}
		}
	}
}

// TestCache: the layout of an input is computed once and reused; another
// rectangle, other levels (another turn's orders), another model or
// another map data set is laid out anew, and a layout is kept for the
// CacheSize inputs last used.
func TestCache(t *testing.T) {
	land, err := assets.Map()
	if err != nil {
		t.Fatal(err)
	}
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	m2, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	c := &Cache{Metrics: goMetrics(t)}
	r := layout.Rect{X: 56, Y: 138, W: 1157.12, H: 810}
	turn1, turn2 := make([]int, m.NumLevers()), topLevels(m)
	turn1[0] = 1
	base := Input{Model: m, Land: land, Rect: r, Levels: turn1}
	first := c.Layout(base)
	levels := append([]int(nil), turn1...)
	for _, tc := range []struct {
		name     string
		in       Input
		computed int // layouts computed so far
		same     bool
	}{
		{"the same input", base, 1, true},
		{"equal levels in another slice", Input{Model: m, Land: land, Rect: r, Levels: levels}, 1, true},
		{"another size", Input{Model: m, Land: land, Rect: layout.Rect{X: 56, Y: 193, W: 904, H: 362.4}, Levels: turn1}, 2, false},
		{"another turn's levels", Input{Model: m, Land: land, Rect: r, Levels: turn2}, 3, false},
		{"no flows at all", Input{Model: m, Land: land, Rect: r}, 4, false},
		{"back to the first", base, 4, true},
		{"a reloaded model", Input{Model: m2, Land: land, Rect: r, Levels: turn1}, 5, false},
		{"other map data", Input{Model: m, Land: &assets.Geo{BBox: land.BBox}, Rect: r, Levels: turn1}, 6, false},
	} {
		l := c.Layout(tc.in)
		if c.Computed() != tc.computed || (l == first) != tc.same {
			t.Errorf("%s: %d layouts computed, reused the first: %v; want %d, %v", tc.name, c.Computed(), l == first, tc.computed, tc.same)
		}
	}
	// CacheSize other inputs since the first was last used: it is gone.
	for k := range CacheSize {
		c.Layout(Input{Model: m, Land: land, Rect: layout.Rect{W: 800 + float64(k), H: 600}})
	}
	if c.Layout(base) == first {
		t.Error("the cache kept more than CacheSize layouts")
	}
	// The cache keeps its own copy of the levels: a caller that reuses
	// its slice does not change what the cached layout is for.
	c = &Cache{Metrics: goMetrics(t)}
	l := c.Layout(Input{Model: m, Land: land, Rect: r, Levels: levels})
	levels[0] = 2
	if c.Layout(Input{Model: m, Land: land, Rect: r, Levels: levels}) == l || c.Computed() != 2 {
		t.Error("changing the caller's levels slice in place was taken for the same input")
	}
	if in, got, ok := c.Last(); !ok || got == l || in.Levels[0] != 2 {
		t.Errorf("Last: %v, %v; want the layout of the changed levels", in.Levels, ok)
	}
	if c.Uses() != 2 {
		t.Errorf("Uses = %d, want 2", c.Uses())
	}
}

// TestComputeFlows: the layout holds a flow, with its legend line, per
// pair of actors the levels act between, each badge clear of the names.
func TestComputeFlows(t *testing.T) {
	land, err := assets.Map()
	if err != nil {
		t.Fatal(err)
	}
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	levels := topLevels(m)
	r := layout.Rect{X: 56, Y: 138, W: 1157.12, H: 810}
	l := Compute(Input{Model: m, Land: land, Rect: r, Levels: levels}, goMetrics(t))
	pairs := Pairs(Links(m, levels))
	if len(l.Flows) != len(pairs) || len(l.Legend) != len(pairs) {
		t.Fatalf("%d flows and %d legend lines for %d pairs", len(l.Flows), len(l.Legend), len(pairs))
	}
	for i, f := range l.Flows {
		if f.N != i+1 || f.From != pairs[i].From || l.Legend[i] != Legend(m, levels, pairs[i], i+1) {
			t.Errorf("flow %d: %+v, legend %q", i, f, l.Legend[i])
		}
	}
	if none := Compute(Input{Model: m, Land: land, Rect: r}, goMetrics(t)); len(none.Flows) != 0 || len(none.Legend) != 0 {
		t.Errorf("no levels drew %d flows", len(none.Flows))
	}
	if none := Compute(Input{Model: m, Land: land, Rect: r}, goMetrics(t)); !none.Covered || none.Note != CoverNote(true) || len(none.Countries) == 0 {
		t.Errorf("without flows: covered %v, note %q, %d country names", none.Covered, none.Note, len(none.Countries))
	}
}

// BenchmarkCompute lays out the default scenario's map with every lever
// at its top level: what drawMap did every frame before the cache.
func BenchmarkCompute(b *testing.B) {
	land, m, mt := benchInputs(b)
	in := Input{Model: m, Land: land, Rect: layout.Rect{X: 56, Y: 138, W: 1157.12, H: 810}, Levels: topLevels(m)}
	for b.Loop() {
		Compute(in, mt)
	}
}

// BenchmarkCacheHit asks a Cache for a layout it holds: what drawMap
// does every frame now.
func BenchmarkCacheHit(b *testing.B) {
	land, m, mt := benchInputs(b)
	c := &Cache{Metrics: mt}
	in := Input{Model: m, Land: land, Rect: layout.Rect{X: 56, Y: 138, W: 1157.12, H: 810}, Levels: topLevels(m)}
	c.Layout(in)
	for b.Loop() {
		c.Layout(in)
	}
}

// benchInputs returns the map data, the default scenario and the Go
// fonts' metrics.
func benchInputs(b *testing.B) (*assets.Geo, *sim.Model, Metrics) {
	land, err := assets.Map()
	if err != nil {
		b.Fatal(err)
	}
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		b.Fatal(err)
	}
	return land, m, goMetrics(b)
}
