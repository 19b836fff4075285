// Package assets holds the game's embedded data files and the code that
// decodes them. It depends on the standard library only, so that the
// simulation and the tools can use it without pulling in a graphics library.
package assets

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"math"
)

//go:embed map/world.json
var mapJSON []byte

// Geo is the map geometry of the world (from 58° S to 84° N): country
// outlines taken from Natural Earth and simplified by tools/mapgen.
type Geo struct {
	// Source names the data the geometry was made from.
	Source string `json:"source"`
	// Licence states the terms under which the data may be used.
	Licence string `json:"licence"`
	// BBox is the area the map covers, as minLon, minLat, maxLon, maxLat
	// in degrees.
	BBox [4]float64 `json:"bbox"`
	// Countries lists the countries that reach into BBox, sorted by name.
	Countries []Country `json:"countries"`
}

// Country is the outline of one country, or of the part of it near BBox.
type Country struct {
	// ID is the country's ISO 3166-1 numeric code, such as "410" for
	// South Korea; empty for the few entities that have none (Kosovo,
	// Somaliland...).
	ID string `json:"id"`
	// Name is the country's short English name, such as "South Korea".
	Name string `json:"name"`
	// Rings holds the country's polygons, one per island or landmass. Each
	// ring is a list of [longitude, latitude] points in degrees; the ring
	// closes from its last point back to its first, which is not repeated.
	Rings [][][2]float64 `json:"rings"`
	// Box is the bounding box of the rings (minLon, minLat, maxLon,
	// maxLat), computed when the map is decoded, so that a view can skip
	// the countries outside it.
	Box [4]float64 `json:"-"`
	// Label is where the country's name is written: the centre of its
	// largest ring's bounding box, computed when the map is decoded.
	Label [2]float64 `json:"-"`
}

// Map decodes the embedded map of the world. Each call returns a new
// copy that the caller may change freely.
func Map() (*Geo, error) {
	var g Geo
	if err := json.Unmarshal(mapJSON, &g); err != nil {
		return nil, fmt.Errorf("assets: decode map/world.json: %w", err)
	}
	if len(g.Countries) == 0 {
		return nil, errors.New("assets: map/world.json has no countries")
	}
	for i := range g.Countries {
		g.Countries[i].measure()
	}
	return &g, nil
}

// measure sets c's Box and Label from its rings.
func (c *Country) measure() {
	c.Box = [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	best := -1.0
	for _, r := range c.Rings {
		rb := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
		for _, p := range r {
			rb[0], rb[1] = math.Min(rb[0], p[0]), math.Min(rb[1], p[1])
			rb[2], rb[3] = math.Max(rb[2], p[0]), math.Max(rb[3], p[1])
		}
		c.Box[0], c.Box[1] = math.Min(c.Box[0], rb[0]), math.Min(c.Box[1], rb[1])
		c.Box[2], c.Box[3] = math.Max(c.Box[2], rb[2]), math.Max(c.Box[3], rb[3])
		if a := ringArea(r); a > best {
			best = a
			c.Label = [2]float64{(rb[0] + rb[2]) / 2, (rb[1] + rb[3]) / 2}
		}
	}
}

// ringArea returns the area of a ring in square degrees.
func ringArea(r [][2]float64) float64 {
	s := 0.0
	for i := range r {
		p, q := r[i], r[(i+1)%len(r)]
		s += p[0]*q[1] - q[0]*p[1]
	}
	return math.Abs(s) / 2
}

// Country returns the country with the given name, or nil when the map has
// no such country.
func (g *Geo) Country(name string) *Country {
	for i := range g.Countries {
		if g.Countries[i].Name == name {
			return &g.Countries[i]
		}
	}
	return nil
}
