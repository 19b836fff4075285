package geo

import (
	"fmt"
	"math"
	"slices"

	"github.com/sixparty/sixparty/assets"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/ui/layout"
)

// Input is what a map's layout depends on: the scenario's model, the map
// data, the rectangle the map is drawn in, and the lever levels whose
// flows it shows (nil for none).
type Input struct {
	Model  *sim.Model
	Land   *assets.Geo
	Rect   layout.Rect
	Levels []int
}

// Metrics measures the map's texts, in canvas units.
type Metrics struct {
	// NameWidth measures an actor's name; NameHeight is its type's size.
	NameWidth  func(string) float64
	NameHeight float64
	// CountrySize returns the box a country's name covers, padding
	// included.
	CountrySize func(string) (w, h float64)
	// NoteWidth measures the map's credit line; NoteHeight is its type's
	// size.
	NoteWidth  func(string) float64
	NoteHeight float64
}

// Flow is a flow as the map draws it: its curve, its number badge's
// centre (BX, BY), its number N (from 1, as in its legend line) and the
// actor it comes from.
type Flow struct {
	Curve  Curve
	BX, BY float64
	N      int
	From   int
}

// Line is a leader line from a marker to its name, drawn when Drawn.
type Line struct {
	From, To [2]float64
	Drawn    bool
}

// Layout is everything a map draws, placed: computed once for an Input
// (Compute, Cache), so that drawing the map only draws.
type Layout struct {
	// Frame is the part of the world shown (Frame), Covered whether the
	// map data covers it, Proj the projection into the map's rectangle.
	Frame   [4]float64
	Covered bool
	Proj    Projection
	// Note is the credit line (CoverNote) and NoteBox where it is written.
	Note    string
	NoteBox layout.Rect
	// Markers and Names are, per actor, the marker's centre (NaN without
	// a capital) and its name's box (empty without a marker).
	Markers [][2]float64
	Names   []layout.Rect
	// Leaders are, per actor, the line from its marker to a name placed
	// away from it (Leader); none for a name beside its marker.
	Leaders []Line
	// Flows are the flows of the levels, merged per pair of actors, and
	// Legend their lines (Legend), in the same order.
	Flows  []Flow
	Legend []string
	// Countries are the country names written on the land (Place); none
	// when the map data does not cover the frame.
	Countries []Placed
}

// Compute lays out the map of in, measuring its texts with mt: the
// markers (Markers), the actors' names clear of one another, of the
// markers and of the credit line (NameBoxes), the flows with their badges
// clear of the names, of the markers and of one another, and the country names clear of
// all of these (Labels, Place).
func Compute(in Input, mt Metrics) *Layout {
	m, r := in.Model, in.Rect
	l := &Layout{}
	l.Frame, l.Covered = Frame(m, in.Land.BBox)
	l.Proj = Fit(l.Frame, r)
	l.Note = CoverNote(l.Covered)
	l.NoteBox = layout.Rect{X: r.X + 10, Y: r.Y + 8, W: math.Min(mt.NoteWidth(l.Note), r.W-20), H: mt.NoteHeight * 1.2}
	l.Markers = Markers(m, l.Proj, r)
	l.Names = NameBoxes(m, l.Markers, r, mt.NameWidth, mt.NameHeight, []layout.Rect{l.NoteBox})
	l.Leaders = make([]Line, len(l.Names))
	for i, b := range l.Names {
		if p := l.Markers[i]; !math.IsNaN(p[0]) {
			l.Leaders[i].From, l.Leaders[i].To, l.Leaders[i].Drawn = Leader(p, b)
		}
	}
	// Badges keep clear of the names and markers, drawn over them, and of
	// one another.
	taken := slices.Clone(l.Names)
	for _, p := range l.Markers {
		if !math.IsNaN(p[0]) {
			taken = append(taken, MarkerBox(p))
		}
	}
	if in.Levels != nil {
		for n, p := range Pairs(Links(m, in.Levels)) {
			a, b := l.Markers[p.From], l.Markers[p.To]
			if math.IsNaN(a[0]) || math.IsNaN(b[0]) {
				continue
			}
			c, ok := CurveOf(a, b, p.Weight)
			if !ok {
				continue
			}
			bx, by := c.Badge(taken)
			taken = append(taken, BadgeBox(bx, by))
			l.Flows = append(l.Flows, Flow{Curve: c, BX: bx, BY: by, N: n + 1, From: p.From})
			l.Legend = append(l.Legend, Legend(m, in.Levels, p, n+1))
		}
	}
	if !l.Covered {
		return l
	}
	// Country names keep clear of the actors' markers and names, of the
	// flows' curves and badges, which are drawn over them, and of the
	// credit line.
	avoid := append(taken, l.NoteBox)
	for _, f := range l.Flows {
		avoid = append(avoid, f.Curve.Boxes()...)
	}
	var names []string
	var boxes [][4]float64
	var at [][2]float64
	for _, c := range in.Land.Countries {
		if Overlaps(c.Box, l.Frame) {
			names, boxes, at = append(names, c.Name), append(boxes, c.Box), append(at, c.Label)
		}
	}
	l.Countries = Place(Labels(names, boxes, at, l.Proj, r, 90), mt.CountrySize, avoid, r)
	return l
}

// CacheSize is how many layouts a Cache keeps: enough for the maps of the
// screens a player goes back and forth between.
const CacheSize = 4

// Cache keeps the layouts of the last few inputs, so that a map is laid
// out when what it shows changes (its model, map data, rectangle or
// levels), not every frame.
type Cache struct {
	// Metrics measures the texts of every layout the cache computes.
	Metrics Metrics
	entries []cacheEntry // most recently used last
	// computed counts the layouts computed, uses the layouts returned.
	computed, uses int
}

type cacheEntry struct {
	in Input
	l  *Layout
}

// Layout returns the layout of in: the one computed before for the same
// model, map data, rectangle and levels, or a new one.
func (c *Cache) Layout(in Input) *Layout {
	c.uses++
	for i, e := range c.entries {
		if e.in.Model == in.Model && e.in.Land == in.Land && e.in.Rect == in.Rect && (e.in.Levels == nil) == (in.Levels == nil) && slices.Equal(e.in.Levels, in.Levels) {
			c.entries = append(slices.Delete(c.entries, i, i+1), e)
			return e.l
		}
	}
	in.Levels = slices.Clone(in.Levels) // the caller may reuse its slice
	l := Compute(in, c.Metrics)
	c.computed++
	if len(c.entries) == CacheSize {
		c.entries = slices.Delete(c.entries, 0, 1)
	}
	c.entries = append(c.entries, cacheEntry{in, l})
	return l
}

// Computed returns how many layouts the cache has computed.
func (c *Cache) Computed() int { return c.computed }

// Uses returns how many layouts the cache has been asked for.
func (c *Cache) Uses() int { return c.uses }

// Last returns the input and layout most recently asked for, and false
// when none has been.
func (c *Cache) Last() (Input, *Layout, bool) {
	if len(c.entries) == 0 {
		return Input{}, nil, false
	}
	e := c.entries[len(c.entries)-1]
	return e.in, e.l, true
}

// NameProblems describes what is wrong with the actors' names of l, the
// layout of m's map in r, one sentence each: two names that overlap, a
// name over another actor's marker or over the credit line, or a name
// not inside r (NameInset in). It returns nil when the names are as
// PlaceNames means them.
func NameProblems(m *sim.Model, r layout.Rect, l *Layout) []string {
	acts := m.Scenario.Actors
	in := r.Inset(NameInset)
	var out []string
	for i, b := range l.Names {
		if math.IsNaN(l.Markers[i][0]) {
			continue
		}
		if !within(b, in) {
			out = append(out, fmt.Sprintf("%s's name %v is not inside the map %v", acts[i].Name, b, r))
		}
		if covers(b, []layout.Rect{l.NoteBox}) {
			out = append(out, fmt.Sprintf("%s's name %v covers the credit line %v", acts[i].Name, b, l.NoteBox))
		}
		for j, p := range l.Markers {
			if j != i && !math.IsNaN(p[0]) && covers(b, []layout.Rect{MarkerBox(p)}) {
				out = append(out, fmt.Sprintf("%s's name %v covers %s's marker at %v", acts[i].Name, b, acts[j].Name, p))
			}
		}
		for j := range i {
			if !math.IsNaN(l.Markers[j][0]) && covers(b, l.Names[j:j+1]) {
				out = append(out, fmt.Sprintf("%s's name %v overlaps %s's %v", acts[i].Name, b, acts[j].Name, l.Names[j]))
			}
		}
	}
	return out
}
