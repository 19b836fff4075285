// Command mapgen turns Natural Earth country boundaries, as published in
// TopoJSON form by the world-atlas npm package, into the small map geometry
// asset that the game embeds (assets/map/world.json; see assets/map/README.md
// for the flags it was made with).
//
// Usage:
//
//	cd "$(mktemp -d)" && npm install world-atlas@2
//	go run ./tools/mapgen -in PATH/node_modules/world-atlas/countries-50m.json -out assets/map/world.json -bbox=-180,-58,180,84 -margin 0 -minarea 0.02
//
// The converter decodes the topology (quantized, delta-encoded arcs and the
// transform that maps them back to degrees), simplifies every arc with the
// Douglas–Peucker algorithm (so that borders shared by two countries stay
// identical on both sides), assembles each country's polygons, keeps the
// rings that touch the Northeast Asia box, clips them to that box widened
// by a margin, rounds coordinates to two decimals and drops rings whose area
// is too small to matter. Countries are written sorted by name so that the
// output is deterministic.
//
// Flags:
//
//	-in        input TopoJSON file (required)
//	-out       output JSON file (default: standard output)
//	-object    name of the topology object holding the countries (default "countries")
//	-bbox      focus box "minLon,minLat,maxLon,maxLat" (default "95,20,150,58")
//	-margin    degrees added on every side of the focus box for clipping (default 2)
//	-tolerance Douglas–Peucker tolerance in degrees (default 0.08)
//	-minarea   rings smaller than this many square degrees are dropped (default 0.05)
//
// If a package.json of the world-atlas package lies next to the input file,
// its version is recorded in the output's "source" field.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// point is a longitude/latitude pair in degrees.
type point [2]float64

// box is an axis-aligned rectangle: minLon, minLat, maxLon, maxLat.
type box [4]float64

func (b box) grow(d float64) box { return box{b[0] - d, b[1] - d, b[2] + d, b[3] + d} }

func (b box) intersects(o box) bool {
	return b[0] <= o[2] && o[0] <= b[2] && b[1] <= o[3] && o[1] <= b[3]
}

func (b box) contains(p point) bool {
	return p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3]
}

// bounds returns the bounding box of pts.
func bounds(pts []point) box {
	b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, p := range pts {
		b[0] = math.Min(b[0], p[0])
		b[1] = math.Min(b[1], p[1])
		b[2] = math.Max(b[2], p[0])
		b[3] = math.Max(b[3], p[1])
	}
	return b
}

// topology is the subset of a TopoJSON document that mapgen reads.
type topology struct {
	Type      string               `json:"type"`
	Transform *transform           `json:"transform"`
	Arcs      [][][]float64        `json:"arcs"`
	Objects   map[string]*geometry `json:"objects"`
}

type transform struct {
	Scale     [2]float64 `json:"scale"`
	Translate [2]float64 `json:"translate"`
}

// geometry is a TopoJSON geometry object. Arcs holds [][]int for a Polygon
// and [][][]int for a MultiPolygon, so it is decoded lazily.
type geometry struct {
	Type       string          `json:"type"`
	ID         json.RawMessage `json:"id"`
	Properties map[string]any  `json:"properties"`
	Arcs       json.RawMessage `json:"arcs"`
	Geometries []*geometry     `json:"geometries"`
}

// decodeArcs turns the topology's arcs into absolute coordinates in degrees.
// When a transform is present, positions are quantized and delta-encoded:
// each position after the first is an offset from the previous one.
func decodeArcs(t *topology) ([][]point, error) {
	out := make([][]point, len(t.Arcs))
	for i, arc := range t.Arcs {
		pts := make([]point, 0, len(arc))
		var x, y float64
		for j, pos := range arc {
			if len(pos) < 2 {
				return nil, fmt.Errorf("arc %d position %d has %d coordinates", i, j, len(pos))
			}
			if t.Transform == nil {
				pts = append(pts, point{pos[0], pos[1]})
				continue
			}
			x += pos[0]
			y += pos[1]
			pts = append(pts, point{
				x*t.Transform.Scale[0] + t.Transform.Translate[0],
				y*t.Transform.Scale[1] + t.Transform.Translate[1],
			})
		}
		out[i] = pts
	}
	return out, nil
}

// ring joins the arcs named by indexes into one ring. A negative index ~i
// (that is, -i-1) means arc i traversed backwards. Consecutive arcs share
// their joining point, which is kept only once. The ring is returned without
// repeating its first point at the end.
func ring(arcs [][]point, indexes []int) ([]point, error) {
	var pts []point
	for _, idx := range indexes {
		rev := idx < 0
		if rev {
			idx = ^idx
		}
		if idx >= len(arcs) {
			return nil, fmt.Errorf("arc index %d out of range (%d arcs)", idx, len(arcs))
		}
		a := arcs[idx]
		seg := make([]point, len(a))
		for k := range a {
			if rev {
				seg[k] = a[len(a)-1-k]
			} else {
				seg[k] = a[k]
			}
		}
		if len(pts) > 0 && len(seg) > 0 && pts[len(pts)-1] == seg[0] {
			seg = seg[1:]
		}
		pts = append(pts, seg...)
	}
	if len(pts) > 1 && pts[0] == pts[len(pts)-1] {
		pts = pts[:len(pts)-1]
	}
	return pts, nil
}

// rings returns every ring (outer rings and holes alike) of a Polygon,
// MultiPolygon or GeometryCollection. Other geometry types have no rings.
func rings(g *geometry, arcs [][]point) ([][]point, error) {
	var polys [][][]int
	switch g.Type {
	case "Polygon":
		var p [][]int
		if err := json.Unmarshal(g.Arcs, &p); err != nil {
			return nil, fmt.Errorf("polygon arcs: %w", err)
		}
		polys = [][][]int{p}
	case "MultiPolygon":
		var mp [][][]int
		if err := json.Unmarshal(g.Arcs, &mp); err != nil {
			return nil, fmt.Errorf("multipolygon arcs: %w", err)
		}
		polys = mp
	case "GeometryCollection":
		var out [][]point
		for _, sub := range g.Geometries {
			rs, err := rings(sub, arcs)
			if err != nil {
				return nil, err
			}
			out = append(out, rs...)
		}
		return out, nil
	default:
		return nil, nil
	}
	var out [][]point
	for _, poly := range polys {
		for _, idx := range poly {
			r, err := ring(arcs, idx)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		}
	}
	return out, nil
}

// segDist returns the distance from p to the segment a–b.
func segDist(p, a, b point) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return math.Hypot(p[0]-a[0], p[1]-a[1])
	}
	t := ((p[0]-a[0])*dx + (p[1]-a[1])*dy) / l2
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(p[0]-(a[0]+t*dx), p[1]-(a[1]+t*dy))
}

// simplifyLine applies Douglas–Peucker to an open polyline, always keeping
// its two end points. Points closer than tol to the simplified line go.
func simplifyLine(pts []point, tol float64) []point {
	if len(pts) < 3 {
		return append([]point(nil), pts...)
	}
	keep := make([]bool, len(pts))
	keep[0], keep[len(pts)-1] = true, true
	type span struct{ lo, hi int }
	stack := []span{{0, len(pts) - 1}}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		worst, at := -1.0, -1
		for i := s.lo + 1; i < s.hi; i++ {
			if d := segDist(pts[i], pts[s.lo], pts[s.hi]); d > worst {
				worst, at = d, i
			}
		}
		if at >= 0 && worst > tol {
			keep[at] = true
			stack = append(stack, span{s.lo, at}, span{at, s.hi})
		}
	}
	out := make([]point, 0, len(pts))
	for i, k := range keep {
		if k {
			out = append(out, pts[i])
		}
	}
	return out
}

// simplifyArc simplifies one arc. A closed arc (first point equal to the
// last, as for an island drawn by a single arc) is split at the point
// farthest from its start so that the two halves can be simplified as open
// lines.
func simplifyArc(pts []point, tol float64) []point {
	n := len(pts)
	if n < 4 || pts[0] != pts[n-1] {
		return simplifyLine(pts, tol)
	}
	far, at := -1.0, 0
	for i, p := range pts {
		if d := math.Hypot(p[0]-pts[0][0], p[1]-pts[0][1]); d > far {
			far, at = d, i
		}
	}
	a := simplifyLine(pts[:at+1], tol)
	b := simplifyLine(pts[at:], tol)
	return append(a, b[1:]...)
}

// clip cuts a closed ring to the rectangle b (Sutherland–Hodgman). Parts of
// the ring outside b are replaced by runs along b's edges, which is what a
// filled polygon needs.
func clip(pts []point, b box) []point {
	type edge struct {
		inside func(point) bool
		cross  func(p, q point) point
	}
	atX := func(p, q point, x float64) point {
		t := (x - p[0]) / (q[0] - p[0])
		return point{x, p[1] + t*(q[1]-p[1])}
	}
	atY := func(p, q point, y float64) point {
		t := (y - p[1]) / (q[1] - p[1])
		return point{p[0] + t*(q[0]-p[0]), y}
	}
	edges := []edge{
		{func(p point) bool { return p[0] >= b[0] }, func(p, q point) point { return atX(p, q, b[0]) }},
		{func(p point) bool { return p[0] <= b[2] }, func(p, q point) point { return atX(p, q, b[2]) }},
		{func(p point) bool { return p[1] >= b[1] }, func(p, q point) point { return atY(p, q, b[1]) }},
		{func(p point) bool { return p[1] <= b[3] }, func(p, q point) point { return atY(p, q, b[3]) }},
	}
	out := pts
	for _, e := range edges {
		if len(out) == 0 {
			break
		}
		in := out
		out = make([]point, 0, len(in)+4)
		prev := in[len(in)-1]
		for _, cur := range in {
			switch ci, pi := e.inside(cur), e.inside(prev); {
			case ci && pi:
				out = append(out, cur)
			case ci && !pi:
				out = append(out, e.cross(prev, cur), cur)
			case !ci && pi:
				out = append(out, e.cross(prev, cur))
			}
			prev = cur
		}
	}
	return out
}

// area returns the absolute area of a ring in square degrees.
func area(pts []point) float64 {
	var s float64
	for i := range pts {
		p, q := pts[i], pts[(i+1)%len(pts)]
		s += p[0]*q[1] - q[0]*p[1]
	}
	return math.Abs(s) / 2
}

// round2 rounds to two decimals and normalises negative zero.
func round2(v float64) float64 {
	r := math.Round(v*100) / 100
	if r == 0 {
		return 0
	}
	return r
}

// collinear reports whether b lies on the line through a and c (this
// includes b equal to a or c, and spikes that double back).
func collinear(a, b, c point) bool {
	cross := (b[0]-a[0])*(c[1]-a[1]) - (b[1]-a[1])*(c[0]-a[0])
	return math.Abs(cross) < 1e-9
}

// tidy rounds a ring's coordinates to two decimals and removes repeated
// points and points lying on a straight line between their neighbours
// (clipping leaves many of those along the box's edges).
func tidy(pts []point) []point {
	out := make([]point, 0, len(pts))
	for _, p := range pts {
		q := point{round2(p[0]), round2(p[1])}
		for len(out) >= 2 && collinear(out[len(out)-2], out[len(out)-1], q) {
			out = out[:len(out)-1]
		}
		if len(out) == 1 && out[0] == q {
			continue
		}
		out = append(out, q)
	}
	// The ring is closed: check the points around the seam too.
	for len(out) >= 3 {
		n := len(out)
		switch {
		case collinear(out[n-2], out[n-1], out[0]):
			out = out[:n-1]
		case collinear(out[n-1], out[0], out[1]):
			out = out[1:]
		default:
			return out
		}
	}
	return out
}

// options controls a conversion.
type options struct {
	Object    string
	Focus     box
	Margin    float64
	Tolerance float64
	MinArea   float64
	Source    string
	Licence   string
}

// country is one entry of the output.
type country struct {
	ID    string
	Name  string
	Rings [][]point
}

// convert reads a TopoJSON document and returns the countries that fall in
// opts.Focus, clipped and simplified.
func convert(data []byte, opts options) ([]country, error) {
	var t topology
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("decode topojson: %w", err)
	}
	if t.Type != "Topology" {
		return nil, fmt.Errorf("not a TopoJSON topology (type %q)", t.Type)
	}
	obj, ok := t.Objects[opts.Object]
	if !ok || obj == nil {
		return nil, fmt.Errorf("topology has no object %q", opts.Object)
	}
	arcs, err := decodeArcs(&t)
	if err != nil {
		return nil, err
	}
	for i, a := range arcs {
		arcs[i] = simplifyArc(a, opts.Tolerance)
	}
	geoms := obj.Geometries
	if obj.Type != "GeometryCollection" {
		geoms = []*geometry{obj}
	}
	clipBox := opts.Focus.grow(opts.Margin)
	var out []country
	for _, g := range geoms {
		rs, err := rings(g, arcs)
		if err != nil {
			return nil, fmt.Errorf("geometry %s: %w", string(g.ID), err)
		}
		var kept [][]point
		for _, r := range rs {
			if len(r) < 3 || !bounds(r).intersects(opts.Focus) {
				continue
			}
			r = tidy(clip(r, clipBox))
			if len(r) < 3 || area(r) < opts.MinArea {
				continue
			}
			kept = append(kept, r)
		}
		if len(kept) == 0 {
			continue
		}
		c := country{ID: idString(g.ID), Rings: kept}
		if name, ok := g.Properties["name"].(string); ok {
			c.Name = name
		}
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// idString renders a TopoJSON id, which may be a string or a number.
func idString(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// write renders the output document: one country per line, so that a
// regenerated file gives a readable diff.
func write(w io.Writer, opts options, cs []country) error {
	var b bytes.Buffer
	str := func(s string) {
		enc, _ := json.Marshal(s)
		b.Write(enc)
	}
	b.WriteString(`{"source":`)
	str(opts.Source)
	b.WriteString(`,"licence":`)
	str(opts.Licence)
	fmt.Fprintf(&b, `,"bbox":[%s,%s,%s,%s],"countries":[`,
		num(opts.Focus[0]), num(opts.Focus[1]), num(opts.Focus[2]), num(opts.Focus[3]))
	for i, c := range cs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n{\"id\":")
		str(c.ID)
		b.WriteString(`,"name":`)
		str(c.Name)
		b.WriteString(`,"rings":[`)
		for j, r := range c.Rings {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('[')
			for k, p := range r {
				if k > 0 {
					b.WriteByte(',')
				}
				b.WriteString("[" + num(p[0]) + "," + num(p[1]) + "]")
			}
			b.WriteByte(']')
		}
		b.WriteString("]}")
	}
	b.WriteString("\n]}\n")
	_, err := w.Write(b.Bytes())
	return err
}

func parseBox(s string) (box, error) {
	var b box
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return b, errors.New("bbox needs four comma-separated numbers")
	}
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return b, fmt.Errorf("bbox: %w", err)
		}
		b[i] = v
	}
	if b[0] >= b[2] || b[1] >= b[3] {
		return b, errors.New("bbox minimum must be below maximum")
	}
	return b, nil
}

// describeSource names the input, with the world-atlas version when a
// package.json of that package sits next to it.
func describeSource(in string) string {
	base := filepath.Base(in)
	scale := ""
	switch {
	case strings.Contains(base, "110m"):
		scale = "1:110m "
	case strings.Contains(base, "50m"):
		scale = "1:50m "
	case strings.Contains(base, "10m"):
		scale = "1:10m "
	}
	pkg := "world-atlas"
	if data, err := os.ReadFile(filepath.Join(filepath.Dir(in), "package.json")); err == nil {
		var meta struct{ Name, Version string }
		if json.Unmarshal(data, &meta) == nil && meta.Name == "world-atlas" && meta.Version != "" {
			pkg += " " + meta.Version
		}
	}
	return fmt.Sprintf("Natural Earth %sAdmin 0 countries (naturalearthdata.com), from %s in the %s npm package", scale, base, pkg)
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "mapgen:", err)
		os.Exit(1)
	}
}

func run() error {
	in := flag.String("in", "", "input TopoJSON file, e.g. node_modules/world-atlas/countries-50m.json")
	outPath := flag.String("out", "", "output JSON file (default: standard output)")
	object := flag.String("object", "countries", "topology object holding the countries")
	bbox := flag.String("bbox", "95,20,150,58", "focus box minLon,minLat,maxLon,maxLat")
	margin := flag.Float64("margin", 2, "degrees added around the focus box for clipping")
	tol := flag.Float64("tolerance", 0.08, "Douglas–Peucker tolerance in degrees")
	minArea := flag.Float64("minarea", 0.05, "drop rings smaller than this many square degrees")
	flag.Parse()
	if *in == "" {
		flag.Usage()
		return errors.New("-in is required")
	}
	focus, err := parseBox(*bbox)
	if err != nil {
		return err
	}
	opts := options{
		Object:    *object,
		Focus:     focus,
		Margin:    *margin,
		Tolerance: *tol,
		MinArea:   *minArea,
		Source:    describeSource(*in),
		Licence:   "Natural Earth data is in the public domain. The world-atlas packaging is under the ISC licence (Copyright 2013-2019 Michael Bostock).",
	}
	data, err := os.ReadFile(*in)
	if err != nil {
		return err
	}
	cs, err := convert(data, opts)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := write(&buf, opts, cs); err != nil {
		return err
	}
	if *outPath == "" {
		_, err = os.Stdout.Write(buf.Bytes())
	} else {
		err = os.WriteFile(*outPath, buf.Bytes(), 0o644)
	}
	if err != nil {
		return err
	}
	points := 0
	for _, c := range cs {
		for _, r := range c.Rings {
			points += len(r)
		}
	}
	fmt.Fprintf(os.Stderr, "mapgen: %d countries, %d points, %d bytes\n", len(cs), points, buf.Len())
	return nil
}
