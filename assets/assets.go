// Package assets holds the game's embedded data files and the code that
// decodes them. It depends on the standard library only, so that the
// simulation and the tools can use it without pulling in a graphics library.
package assets

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
)

//go:embed map/neasia.json
var mapJSON []byte

// Geo is the map geometry of Northeast Asia: country outlines taken from
// Natural Earth and simplified by tools/mapgen.
type Geo struct {
	// Source names the data the geometry was made from.
	Source string `json:"source"`
	// Licence states the terms under which the data may be used.
	Licence string `json:"licence"`
	// BBox is the area the map is about, as minLon, minLat, maxLon, maxLat
	// in degrees. The outlines run up to two degrees beyond it on every
	// side, so that a view framed on BBox shows no clipped edges.
	BBox [4]float64 `json:"bbox"`
	// Countries lists the countries that reach into BBox, sorted by name.
	Countries []Country `json:"countries"`
}

// Country is the outline of one country, or of the part of it near BBox.
type Country struct {
	// ID is the country's ISO 3166-1 numeric code, such as "410" for
	// South Korea.
	ID string `json:"id"`
	// Name is the country's short English name, such as "South Korea".
	Name string `json:"name"`
	// Rings holds the country's polygons, one per island or landmass. Each
	// ring is a list of [longitude, latitude] points in degrees; the ring
	// closes from its last point back to its first, which is not repeated.
	Rings [][][2]float64 `json:"rings"`
}

// Map decodes the embedded map of Northeast Asia. Each call returns a new
// copy that the caller may change freely.
func Map() (*Geo, error) {
	var g Geo
	if err := json.Unmarshal(mapJSON, &g); err != nil {
		return nil, fmt.Errorf("assets: decode map/neasia.json: %w", err)
	}
	if len(g.Countries) == 0 {
		return nil, errors.New("assets: map/neasia.json has no countries")
	}
	return &g, nil
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
