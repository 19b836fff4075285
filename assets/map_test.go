package assets

import (
	"fmt"
	"testing"
)

// margin is how far tools/mapgen lets outlines run past the bbox (its
// -margin flag, 0 for the world), plus a little for rounding.
const margin = 0.01

func TestMapDecodes(t *testing.T) {
	g, err := Map()
	if err != nil {
		t.Fatal(err)
	}
	if g.Source == "" || g.Licence == "" {
		t.Errorf("source %q, licence %q: both should be set", g.Source, g.Licence)
	}
	b := g.BBox
	if !(b[0] < b[2] && b[1] < b[3]) {
		t.Fatalf("bbox %v is not ordered min, max", b)
	}
	if b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90 {
		t.Fatalf("bbox %v is outside the globe", b)
	}
	// The map covers the world: Seoul, Tokyo, Tehran, Cairo, Addis Ababa,
	// Brussels and Washington must be inside.
	for _, p := range [][2]float64{{126.98, 37.57}, {139.69, 35.69}, {51.39, 35.69}, {31.24, 30.04}, {38.74, 9.03}, {4.35, 50.85}, {-77.04, 38.91}} {
		if p[0] < b[0] || p[0] > b[2] || p[1] < b[1] || p[1] > b[3] {
			t.Errorf("bbox %v does not contain %v", b, p)
		}
	}
}

func TestMapCountries(t *testing.T) {
	g, err := Map()
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Countries) < 6 {
		t.Fatalf("%d countries, want at least 6", len(g.Countries))
	}
	for _, name := range []string{"China", "Japan", "Mongolia", "North Korea", "Russia", "South Korea", "Taiwan",
		"Iran", "Oman", "United Arab Emirates", "Saudi Arabia", "Qatar", "Bahrain", "Egypt", "Sudan", "S. Sudan", "Ethiopia",
		"France", "Germany", "United Kingdom", "United States of America"} {
		if g.Country(name) == nil {
			t.Errorf("country %q missing", name)
		}
	}
	if g.Country("Atlantis") != nil {
		t.Error(`Country("Atlantis") should be nil`)
	}
	b := g.BBox
	for i, c := range g.Countries {
		if i > 0 && g.Countries[i-1].Name > c.Name {
			t.Errorf("countries not sorted: %q before %q", g.Countries[i-1].Name, c.Name)
		}
		// Some entities (Kosovo, Somaliland...) have no ISO code.
		if c.Name == "" {
			t.Errorf("country %d has id %q, name %q", i, c.ID, c.Name)
		}
		if len(c.Rings) == 0 {
			t.Errorf("%s has no rings", c.Name)
		}
		for j, r := range c.Rings {
			if len(r) < 3 {
				t.Errorf("%s ring %d has %d points", c.Name, j, len(r))
			}
			for _, p := range r {
				if p[0] < b[0]-margin || p[0] > b[2]+margin || p[1] < b[1]-margin || p[1] > b[3]+margin {
					t.Errorf("%s ring %d: point %v outside bbox %v", c.Name, j, p, b)
					break
				}
			}
		}
	}
}

// TestLabelsInsideBoxes checks that each country's label lies within its
// box, and its box within the map's.
func TestLabelsInsideBoxes(t *testing.T) {
	g, err := Map()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range g.Countries {
		b := c.Box
		if c.Label[0] < b[0] || c.Label[0] > b[2] || c.Label[1] < b[1] || c.Label[1] > b[3] {
			t.Errorf("%s: label %v outside its box %v", c.Name, c.Label, b)
		}
		if b[0] < g.BBox[0]-margin || b[2] > g.BBox[2]+margin || b[1] < g.BBox[1]-margin || b[3] > g.BBox[3]+margin {
			t.Errorf("%s: box %v outside the map's %v", c.Name, b, g.BBox)
		}
	}
}

func TestMapReturnsCopies(t *testing.T) {
	a, err := Map()
	if err != nil {
		t.Fatal(err)
	}
	a.Countries[0].Name = "changed"
	b, err := Map()
	if err != nil {
		t.Fatal(err)
	}
	if b.Countries[0].Name == "changed" {
		t.Error("Map returned shared data")
	}
}

func Example() {
	g, err := Map()
	if err != nil {
		panic(err)
	}
	korea := g.Country("South Korea")
	fmt.Println(korea.ID, korea.Name, len(korea.Rings) > 0)
	fmt.Println(g.BBox)
	fmt.Printf("%.1f\n", korea.Label)
	// Output:
	// 410 South Korea true
	// [-180 -58 180 84]
	// [127.9 36.5]
}
