package ui

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

// The palette: a dark background for projectors, light text, and the
// Okabe–Ito colour-blind-safe colours for accents. Actors bring their own
// colours from the scenario. Nothing is told by colour alone: selections
// also get a marker and a border, changes an arrow, warnings words.
var (
	colBG       = rgb(0x12, 0x16, 0x1c)
	colPanel    = rgb(0x1d, 0x24, 0x2e)
	colPanelHi  = rgb(0x2a, 0x34, 0x42)
	colLine     = rgb(0x4a, 0x55, 0x66)
	colText     = rgb(0xf0, 0xf2, 0xf5)
	colMuted    = rgb(0xb4, 0xbc, 0xc8)
	colAccent   = rgb(0x56, 0xb4, 0xe9) // Okabe–Ito sky blue
	colWarn     = rgb(0xe6, 0x9f, 0x00) // Okabe–Ito orange
	colBad      = rgb(0xd5, 0x5e, 0x00) // Okabe–Ito vermillion
	colGood     = rgb(0x00, 0x9e, 0x73) // Okabe–Ito bluish green
	colYellow   = rgb(0xf0, 0xe4, 0x42) // Okabe–Ito yellow
	colLand     = rgb(0x2c, 0x35, 0x40)
	colBorder   = rgb(0x5a, 0x66, 0x76)
	colDisabled = rgb(0x7a, 0x82, 0x8e)
)

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xff} }

// alpha returns c with opacity a (premultiplied).
func alpha(c color.RGBA, a float64) color.RGBA {
	return color.RGBA{uint8(float64(c.R) * a), uint8(float64(c.G) * a), uint8(float64(c.B) * a), uint8(255 * a)}
}

// parseColour reads a scenario colour "#rrggbb"; anything else gives grey.
func parseColour(s string) color.RGBA {
	if len(s) == 7 && s[0] == '#' {
		if v, err := strconv.ParseUint(s[1:], 16, 32); err == nil {
			return rgb(uint8(v>>16), uint8(v>>8), uint8(v))
		}
	}
	return colMuted
}

// Text sizes in canvas units (a 1920x1080 canvas): large enough to read on
// a projector from the back of a room.
const (
	sizeHuge  = 96.0
	sizeTitle = 50
	sizeHead  = 38
	sizeBody  = 30
	sizeSmall = 25
)

var (
	fontRegular = mustFont(goregular.TTF)
	fontBold    = mustFont(gobold.TTF)
	white       = newWhite()
)

func mustFont(ttf []byte) *text.GoTextFaceSource {
	s, err := text.NewGoTextFaceSource(bytes.NewReader(ttf))
	if err != nil {
		panic(fmt.Sprintf("ui: the embedded Go font does not load: %v", err))
	}
	return s
}

func newWhite() *ebiten.Image {
	img := ebiten.NewImage(3, 3)
	img.Fill(color.White)
	return img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
}

// dc draws on the screen in canvas units and records the clickable
// regions it draws.
//
// Antialiasing is off except for the cached map layer: under a software
// renderer every antialiased draw call renders a double-size offscreen
// pass, which made a chart-heavy screen take seconds to draw.
type dc struct {
	dst  *ebiten.Image
	s    float64
	hits *layout.Hits[[]flow.Input]
	aa   bool
	log  *textLog
}

// textLog records the text a frame draws: every string in full, as it
// was before it was cut to fit, and those that were cut. The text view
// (FullText) shows the first; the layout test checks the second.
type textLog struct {
	lines []string
	cuts  []string
	quiet bool
	// keys is the help line's keys, shown last.
	keys string
	// boxes are where each string was drawn, for the layout test; badge
	// is set while a map's flow badges are drawn.
	boxes []textBox
	badge bool
}

// textBox is where a string was drawn, in canvas units.
type textBox struct {
	r   layout.Rect
	str string
	// badge marks a map flow's number badge: on a crowded map it may sit
	// under a name (the map's key lists every flow), so the layout test
	// lets it.
	badge bool
}

// all returns the lines, then the keys.
func (l *textLog) all() []string {
	if l.keys == "" {
		return l.lines
	}
	return append(slices.Clone(l.lines), l.keys)
}

func (l *textLog) add(s string, cut bool) {
	if l == nil || l.quiet {
		return
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	if n := len(l.lines); n == 0 || l.lines[n-1] != s {
		l.lines = append(l.lines, s)
	}
	if cut {
		l.cuts = append(l.cuts, s)
	}
}

// hush stops recording until the function it returns is called.
func (l *textLog) hush() func() {
	if l == nil || l.quiet {
		return func() {}
	}
	l.quiet = true
	return func() { l.quiet = false }
}

func (d *dc) fill(r layout.Rect, c color.Color) {
	vector.DrawFilledRect(d.dst, float32(r.X*d.s), float32(r.Y*d.s), float32(r.W*d.s), float32(r.H*d.s), c, false)
}

func (d *dc) stroke(r layout.Rect, w float64, c color.Color) {
	vector.StrokeRect(d.dst, float32(r.X*d.s), float32(r.Y*d.s), float32(r.W*d.s), float32(r.H*d.s), float32(w*d.s), c, d.aa)
}

func (d *dc) line(x0, y0, x1, y1, w float64, c color.Color) {
	vector.StrokeLine(d.dst, float32(x0*d.s), float32(y0*d.s), float32(x1*d.s), float32(y1*d.s), float32(w*d.s), c, d.aa)
}

func (d *dc) circle(x, y, r float64, c color.Color) {
	vector.DrawFilledCircle(d.dst, float32(x*d.s), float32(y*d.s), float32(r*d.s), c, d.aa)
}

func (d *dc) ring(x, y, r, w float64, c color.Color) {
	vector.StrokeCircle(d.dst, float32(x*d.s), float32(y*d.s), float32(r*d.s), float32(w*d.s), c, d.aa)
}

// fillPath fills a closed path given in canvas units.
func (d *dc) fillPath(p *vector.Path, c color.RGBA) {
	vs, is := p.AppendVerticesAndIndicesForFilling(nil, nil)
	d.tris(vs, is, c)
}

// strokePath strokes a path given in canvas units.
func (d *dc) strokePath(p *vector.Path, w float64, c color.RGBA) {
	vs, is := p.AppendVerticesAndIndicesForStroke(nil, nil, &vector.StrokeOptions{Width: float32(w * d.s), LineJoin: vector.LineJoinRound})
	d.tris(vs, is, c)
}

func (d *dc) tris(vs []ebiten.Vertex, is []uint16, c color.RGBA) {
	for i := range vs {
		vs[i].SrcX, vs[i].SrcY = 1, 1
		vs[i].ColorR = float32(c.R) / 255
		vs[i].ColorG = float32(c.G) / 255
		vs[i].ColorB = float32(c.B) / 255
		vs[i].ColorA = float32(c.A) / 255
	}
	d.dst.DrawTriangles(vs, is, white, &ebiten.DrawTrianglesOptions{FillRule: ebiten.FillRuleNonZero, AntiAlias: d.aa})
}

// scaled converts a point in canvas units to device pixels, as vector
// paths take them.
func (d *dc) scaled(x, y float64) (float32, float32) { return float32(x * d.s), float32(y * d.s) }

func face(src *text.GoTextFaceSource, size float64) *text.GoTextFace {
	return &text.GoTextFace{Source: src, Size: size}
}

// measure returns the width of str in canvas units.
func measure(str string, size float64, bold bool) float64 {
	src := fontRegular
	if bold {
		src = fontBold
	}
	return text.Advance(str, face(src, size))
}

// text draws str with its top-left corner at x, y and returns its width.
func (d *dc) text(str string, x, y, size float64, c color.Color, bold bool) float64 {
	d.log.add(str, false)
	if d.log != nil && strings.TrimSpace(str) != "" {
		d.log.boxes = append(d.log.boxes, textBox{layout.Rect{X: x, Y: y, W: measure(str, size, bold), H: size * 1.2}, str, d.log.badge})
	}
	src := fontRegular
	if bold {
		src = fontBold
	}
	w := measure(str, size, bold)
	f := face(src, size*d.s)
	op := &text.DrawOptions{}
	// At a small scale the glyphs' advances, rounded to whole pixels,
	// add up to more than the width measured in canvas units (a line
	// then ran a few pixels into the next panel at 1280x577): draw such
	// a line a little smaller, so that it keeps to its measured width
	// (glyphs drawn at their size stay sharp, unlike a scaled line).
	// The factor is rounded down to a fiftieth, so that few sizes (and
	// few cached glyph images) are made.
	if drawn := text.Advance(str, f); drawn > w*d.s && drawn > 0 {
		f = face(src, size*d.s*math.Floor(w*d.s/drawn*50)/50)
	}
	op.GeoM.Translate(x*d.s, y*d.s)
	op.ColorScale.ScaleWithColor(c)
	text.Draw(d.dst, str, f, op)
	return w
}

// textRight draws str so that it ends at x.
func (d *dc) textRight(str string, x, y, size float64, c color.Color, bold bool) {
	d.text(str, x-measure(str, size, bold), y, size, c, bold)
}

// textCentre draws str centred on x.
func (d *dc) textCentre(str string, x, y, size float64, c color.Color, bold bool) {
	d.text(str, x-measure(str, size, bold)/2, y, size, c, bold)
}

// fit draws str on one line inside width, shortened with "…" if needed.
func (d *dc) fit(str string, x, y, width, size float64, c color.Color, bold bool) {
	short := layout.Ellipsis(str, width, func(s string) float64 { return measure(s, size, bold) })
	d.log.add(str, short != str)
	defer d.log.hush()()
	d.text(short, x, y, size, c, bold)
}

// fitShrink draws str on one line inside width at size, or smaller (down
// to minSize) when it would not fit, and only then shortened with "…".
func (d *dc) fitShrink(str string, x, y, width, size, minSize float64, c color.Color, bold bool) {
	for size > minSize && measure(str, size, bold) > width {
		size = max(minSize, size-1)
	}
	d.fit(str, x, y, width, size, c, bold)
}

// para draws wrapped text inside r from its top and returns the height
// used. Lines beyond r's bottom are dropped, the last shown one ending in
// "…".
func (d *dc) para(str string, r layout.Rect, size float64, c color.Color, bold bool) float64 {
	lh := size * 1.3
	lines := layout.Wrap(strings.TrimSpace(str), r.W, func(s string) float64 { return measure(s, size, bold) })
	maxLines := int(r.H/lh + 1e-9) // H = N lines exactly may divide to just under N
	d.log.add(str, len(lines) > maxLines)
	defer d.log.hush()()
	if len(lines) > maxLines {
		lines = lines[:max(0, maxLines)]
		if len(lines) > 0 {
			last := strings.TrimRight(lines[len(lines)-1], " ") + " …"
			lines[len(lines)-1] = layout.Ellipsis(last, r.W, func(s string) float64 { return measure(s, size, bold) })
		}
	}
	for i, l := range lines {
		d.text(l, r.X, r.Y+float64(i)*lh, size, c, bold)
	}
	return float64(len(lines)) * lh
}

// paraHeight returns the height para would use for str in width w.
func paraHeight(str string, w, size float64, bold bool) float64 {
	return float64(len(layout.Wrap(str, w, func(s string) float64 { return measure(s, size, bold) }))) * size * 1.3
}

// hit makes r clickable: a click applies the inputs in order.
func (d *dc) hit(r layout.Rect, in ...flow.Input) {
	d.hits.Add(r, in)
}

// panel draws a panel background.
func (d *dc) panel(r layout.Rect) {
	d.fill(r, colPanel)
}

// selection draws the marker of a selected row: a lighter background, an
// accent border and a "►" in the margin, so it never depends on colour.
func (d *dc) selection(r layout.Rect) {
	d.fill(r, colPanelHi)
	d.stroke(r, 3, colAccent)
	d.text("►", r.X-34, r.Y+(r.H-sizeBody*1.2)/2, sizeBody, colAccent, true)
}

// swatch draws an actor's colour chip with a dark outline.
func (d *dc) swatch(x, y, size float64, c color.Color) {
	d.fill(layout.Rect{X: x, Y: y, W: size, H: size}, c)
	d.stroke(layout.Rect{X: x, Y: y, W: size, H: size}, 2, colText)
}
