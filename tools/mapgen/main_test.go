package main

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"testing"
)

// tiny is a hand-written topology. With the transform, the quantized arcs
// decode to (degrees):
//
//	arc 0: (100,30) (102,30) (102,31)
//	arc 1: (102,31) (100,31) (100,30)
//	arc 2: (100,30) (100,29) (104,29) (102,31)
//	arc 3: an island far away at longitude 0
//
// "Left" is arcs 0 and 1; "Right" shares arc 0 with it, walked backwards.
const tiny = `{
  "type": "Topology",
  "transform": {"scale": [0.5, 0.25], "translate": [100, 30]},
  "arcs": [
    [[0, 0], [4, 0], [0, 4]],
    [[4, 4], [-4, 0], [0, -4]],
    [[0, 0], [0, -4], [8, 0], [-4, 8]],
    [[-200, 0], [2, 0], [0, 4], [-2, -4]]
  ],
  "objects": {"countries": {"type": "GeometryCollection", "geometries": [
    {"type": "Polygon", "arcs": [[0, 1]], "id": "001", "properties": {"name": "Left"}},
    {"type": "MultiPolygon", "arcs": [[[-1, 2]]], "id": 2, "properties": {"name": "Right"}},
    {"type": "Polygon", "arcs": [[3]], "id": "003", "properties": {"name": "Faraway"}}
  ]}}
}`

func decodeTiny(t *testing.T) (*topology, [][]point) {
	t.Helper()
	var topo topology
	if err := json.Unmarshal([]byte(tiny), &topo); err != nil {
		t.Fatal(err)
	}
	arcs, err := decodeArcs(&topo)
	if err != nil {
		t.Fatal(err)
	}
	return &topo, arcs
}

func TestDecodeArcs(t *testing.T) {
	_, arcs := decodeTiny(t)
	want := [][]point{
		{{100, 30}, {102, 30}, {102, 31}},
		{{102, 31}, {100, 31}, {100, 30}},
		{{100, 30}, {100, 29}, {104, 29}, {102, 31}},
		{{0, 30}, {1, 30}, {1, 31}, {0, 30}},
	}
	if !reflect.DeepEqual(arcs, want) {
		t.Errorf("arcs = %v\nwant %v", arcs, want)
	}
}

func TestDecodeArcsWithoutTransform(t *testing.T) {
	topo := topology{Arcs: [][][]float64{{{1.5, 2.5}, {3, 4}}}}
	arcs, err := decodeArcs(&topo)
	if err != nil {
		t.Fatal(err)
	}
	if want := [][]point{{{1.5, 2.5}, {3, 4}}}; !reflect.DeepEqual(arcs, want) {
		t.Errorf("arcs = %v, want %v (absolute positions)", arcs, want)
	}
}

func TestRing(t *testing.T) {
	_, arcs := decodeTiny(t)
	got, err := ring(arcs, []int{0, 1})
	if err != nil {
		t.Fatal(err)
	}
	if want := []point{{100, 30}, {102, 30}, {102, 31}, {100, 31}}; !reflect.DeepEqual(got, want) {
		t.Errorf("ring(0, 1) = %v, want %v", got, want)
	}
	// -1 is arc 0 reversed.
	got, err = ring(arcs, []int{-1, 2})
	if err != nil {
		t.Fatal(err)
	}
	if want := []point{{102, 31}, {102, 30}, {100, 30}, {100, 29}, {104, 29}}; !reflect.DeepEqual(got, want) {
		t.Errorf("ring(-1, 2) = %v, want %v", got, want)
	}
	if _, err := ring(arcs, []int{7}); err == nil {
		t.Error("ring with arc index 7 of 4: no error")
	}
}

func TestSimplifyCollinear(t *testing.T) {
	line := []point{{0, 0}, {1, 0.001}, {2, 0}, {3, -0.002}, {4, 0}}
	got := simplifyLine(line, 0.01)
	if want := []point{{0, 0}, {4, 0}}; !reflect.DeepEqual(got, want) {
		t.Errorf("simplifyLine = %v, want %v", got, want)
	}
	// A real corner survives.
	corner := []point{{0, 0}, {1, 0}, {2, 0}, {2, 1}, {2, 2}}
	got = simplifyLine(corner, 0.01)
	if want := []point{{0, 0}, {2, 0}, {2, 2}}; !reflect.DeepEqual(got, want) {
		t.Errorf("simplifyLine = %v, want %v", got, want)
	}
}

func TestSimplifyClosedArc(t *testing.T) {
	// A square with extra points on its sides, closed on itself.
	sq := []point{{0, 0}, {1, 0}, {2, 0}, {2, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}, {0, 0}}
	got := simplifyArc(sq, 0.01)
	want := []point{{0, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 0}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("simplifyArc = %v, want %v", got, want)
	}
}

func TestClip(t *testing.T) {
	// A square from 0 to 4 clipped to the box 1..3 × -1..2.
	sq := []point{{0, 0}, {4, 0}, {4, 4}, {0, 4}}
	got := tidy(clip(sq, box{1, -1, 3, 2}))
	if a := area(got); math.Abs(a-4) > 1e-9 {
		t.Errorf("clipped area %v, want 4 (ring %v)", a, got)
	}
	if len(got) != 4 {
		t.Errorf("clipped ring %v, want 4 corners", got)
	}
	for _, p := range got {
		if !(box{1, -1, 3, 2}).contains(p) {
			t.Errorf("point %v outside clip box", p)
		}
	}
}

func TestTidy(t *testing.T) {
	in := []point{{0, 0}, {0.001, 0.002}, {1, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 1}, {0, 0}}
	got := tidy(in)
	if want := []point{{0, 0}, {2, 0}, {2, 2}, {0, 2}}; !reflect.DeepEqual(got, want) {
		t.Errorf("tidy = %v, want %v", got, want)
	}
	if r := round2(-0.001); math.Signbit(r) {
		t.Errorf("round2(-0.001) = %v, want positive zero", r)
	}
}

func TestConvert(t *testing.T) {
	opts := options{
		Object:    "countries",
		Focus:     box{99, 28, 105, 32},
		Margin:    1,
		Tolerance: 0.01,
		Source:    "test",
		Licence:   "none",
	}
	cs, err := convert([]byte(tiny), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Fatalf("%d countries, want 2 (Faraway is outside the box): %+v", len(cs), cs)
	}
	if cs[0].Name != "Left" || cs[0].ID != "001" || cs[1].Name != "Right" || cs[1].ID != "2" {
		t.Errorf("countries = %+v, want Left (001) then Right (2)", cs)
	}
	// The shared border (arc 0) appears identically in both countries.
	if want := [][]point{{{100, 30}, {102, 30}, {102, 31}, {100, 31}}}; !reflect.DeepEqual(cs[0].Rings, want) {
		t.Errorf("Left rings = %v, want %v", cs[0].Rings, want)
	}

	// A narrower box clips Right at longitude 103 (focus 101..102 plus
	// the one-degree margin).
	opts.Focus = box{101, 28, 102, 32}
	cs, err = convert([]byte(tiny), opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		for _, r := range c.Rings {
			for _, p := range r {
				if p[0] > 103 {
					t.Errorf("%s: point %v beyond the clip box", c.Name, p)
				}
			}
		}
	}

	var buf bytes.Buffer
	if err := write(&buf, opts, cs); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Source, Licence string
		BBox            [4]float64
		Countries       []struct {
			ID, Name string
			Rings    [][][2]float64
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, buf.Bytes())
	}
	if doc.Source != "test" || doc.BBox != [4]float64{101, 28, 102, 32} || len(doc.Countries) != len(cs) {
		t.Errorf("decoded output %+v", doc)
	}
}

func TestConvertErrors(t *testing.T) {
	opts := options{Object: "countries", Focus: box{0, 0, 1, 1}, Tolerance: 0.1}
	for _, in := range []string{
		`not json`,
		`{"type": "FeatureCollection"}`,
		`{"type": "Topology", "arcs": [], "objects": {}}`,
		`{"type": "Topology", "arcs": [], "objects": {"countries": {"type": "Polygon", "arcs": [[5]]}}}`,
	} {
		if _, err := convert([]byte(in), opts); err == nil {
			t.Errorf("convert(%s): no error", in)
		}
	}
}

func TestParseBox(t *testing.T) {
	b, err := parseBox("95, 20,150,58")
	if err != nil || b != (box{95, 20, 150, 58}) {
		t.Errorf("parseBox = %v, %v", b, err)
	}
	for _, s := range []string{"1,2,3", "a,b,c,d", "10,0,5,1"} {
		if _, err := parseBox(s); err == nil {
			t.Errorf("parseBox(%q): no error", s)
		}
	}
}
