// Package layout holds the pixel-free geometry of the front end: a virtual
// canvas that scales to any window, rectangles that split into rows and
// columns, hit regions for the mouse, and text wrapping. It does not import
// the graphics library, so its tests need no display.
package layout

import (
	"math"
	"strings"
)

// The front end is designed on a virtual canvas of at least BaseW x BaseH
// units (a 1920x1080 projector). A window of another size scales the
// canvas uniformly and extends it along the longer side.
const (
	BaseW = 1920
	BaseH = 1080
)

// Rect is an axis-aligned rectangle in canvas units.
type Rect struct {
	X, Y, W, H float64
}

// Canvas maps the virtual canvas to a window of W x H device pixels.
type Canvas struct {
	// W and H are the window's size in device pixels.
	W, H float64
	// Scale is device pixels per canvas unit.
	Scale float64
}

// NewCanvas returns the canvas of a window of w x h device pixels: the
// largest uniform scale at which a BaseW x BaseH canvas fits.
func NewCanvas(w, h int) Canvas {
	fw, fh := math.Max(1, float64(w)), math.Max(1, float64(h))
	return Canvas{W: fw, H: fh, Scale: math.Min(fw/BaseW, fh/BaseH)}
}

// Bounds returns the whole canvas in canvas units: at least BaseW x BaseH,
// wider or taller where the window's shape allows.
func (c Canvas) Bounds() Rect {
	return Rect{W: c.W / c.Scale, H: c.H / c.Scale}
}

// ToCanvas converts a point in device pixels to canvas units.
func (c Canvas) ToCanvas(px, py float64) (float64, float64) {
	return px / c.Scale, py / c.Scale
}

// Contains reports whether the point lies inside r (left and top edges
// included, right and bottom excluded).
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// Inset returns r shrunk by d on every side (never below zero size).
func (r Rect) Inset(d float64) Rect {
	w, h := math.Max(0, r.W-2*d), math.Max(0, r.H-2*d)
	return Rect{X: r.X + d, Y: r.Y + d, W: w, H: h}
}

// Right returns the x coordinate of r's right edge.
func (r Rect) Right() float64 { return r.X + r.W }

// Bottom returns the y coordinate of r's bottom edge.
func (r Rect) Bottom() float64 { return r.Y + r.H }

// CutTop splits r into a top strip of height h and the rest.
func (r Rect) CutTop(h float64) (top, rest Rect) {
	h = math.Min(math.Max(0, h), r.H)
	return Rect{r.X, r.Y, r.W, h}, Rect{r.X, r.Y + h, r.W, r.H - h}
}

// CutBottom splits r into the rest and a bottom strip of height h.
func (r Rect) CutBottom(h float64) (rest, bottom Rect) {
	h = math.Min(math.Max(0, h), r.H)
	return Rect{r.X, r.Y, r.W, r.H - h}, Rect{r.X, r.Y + r.H - h, r.W, h}
}

// CutLeft splits r into a left strip of width w and the rest.
func (r Rect) CutLeft(w float64) (left, rest Rect) {
	w = math.Min(math.Max(0, w), r.W)
	return Rect{r.X, r.Y, w, r.H}, Rect{r.X + w, r.Y, r.W - w, r.H}
}

// Columns splits r into n columns of equal width separated by gap.
func (r Rect) Columns(n int, gap float64) []Rect {
	if n <= 0 {
		return nil
	}
	w := math.Max(0, (r.W-gap*float64(n-1))/float64(n))
	out := make([]Rect, n)
	for i := range out {
		out[i] = Rect{r.X + float64(i)*(w+gap), r.Y, w, r.H}
	}
	return out
}

// Rows splits r into n rows of equal height separated by gap.
func (r Rect) Rows(n int, gap float64) []Rect {
	if n <= 0 {
		return nil
	}
	h := math.Max(0, (r.H-gap*float64(n-1))/float64(n))
	out := make([]Rect, n)
	for i := range out {
		out[i] = Rect{r.X, r.Y + float64(i)*(h+gap), r.W, h}
	}
	return out
}

// Grid splits r into cells of a grid with the given number of columns,
// enough rows for n cells, in reading order.
func (r Rect) Grid(n, cols int, gap float64) []Rect {
	if n <= 0 || cols <= 0 {
		return nil
	}
	rows := (n + cols - 1) / cols
	var out []Rect
	for _, row := range r.Rows(rows, gap) {
		for _, c := range row.Columns(cols, gap) {
			if len(out) < n {
				out = append(out, c)
			}
		}
	}
	return out
}

// Hits is a list of clickable regions, each with a payload. Regions added
// later lie on top of earlier ones.
type Hits[T any] struct {
	regions []hit[T]
}

type hit[T any] struct {
	r Rect
	v T
}

// Reset removes every region.
func (h *Hits[T]) Reset() { h.regions = h.regions[:0] }

// Add adds a region with its payload.
func (h *Hits[T]) Add(r Rect, v T) { h.regions = append(h.regions, hit[T]{r, v}) }

// Len returns the number of regions.
func (h *Hits[T]) Len() int { return len(h.regions) }

// At returns the payload of the topmost region containing the point.
func (h *Hits[T]) At(x, y float64) (T, bool) {
	for i := len(h.regions) - 1; i >= 0; i-- {
		if h.regions[i].r.Contains(x, y) {
			return h.regions[i].v, true
		}
	}
	var zero T
	return zero, false
}

// Wrap breaks text into lines no wider than width as measured by measure,
// breaking at spaces; a word wider than width gets a line of its own.
// Newlines in text start new lines.
func Wrap(text string, width float64, measure func(string) float64) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			out = append(out, "")
			continue
		}
		line := words[0]
		for _, w := range words[1:] {
			if measure(line+" "+w) <= width {
				line += " " + w
				continue
			}
			out = append(out, line)
			line = w
		}
		out = append(out, line)
	}
	return out
}

// Ellipsis shortens s with a trailing "…" until measure says it fits in
// width.
func Ellipsis(s string, width float64, measure func(string) float64) string {
	if measure(s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 0 {
		r = r[:len(r)-1]
		t := strings.TrimRight(string(r), " ") + "…"
		if measure(t) <= width {
			return t
		}
	}
	return ""
}

// Window returns the first index of a scrolling list of n rows of which
// visible fit on screen, so that row cursor stays in view.
func Window(n, visible, cursor int) int {
	if visible <= 0 || n <= visible {
		return 0
	}
	first := cursor - visible/2
	return max(0, min(first, n-visible))
}
