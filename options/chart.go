package options

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/ui/chart"
)

// Charts are drawn by this package's own code into an image.RGBA, with
// the pixel-free scales and ticks of ui/chart and the Go font that
// golang.org/x/image already brings for the window: no display and no
// plotting library are needed.

// Chart is one chart, drawn on demand.
type Chart struct {
	// File is the chart's file name without extension.
	File string
	// Title is the chart's title.
	Title string
	draw  func(c *canvas)
}

// Chart sizes in pixels.
const (
	chartW = 900
	chartH = 500
)

// Image draws the chart.
func (ch Chart) Image() *image.RGBA {
	c := newCanvas(chartW, chartH)
	c.text(chartW/2, 28, ch.Title, ink, 16, alignCentre)
	ch.draw(c)
	return c.img
}

// WritePNG draws the chart and encodes it as PNG.
func (ch Chart) WritePNG(w io.Writer) error { return png.Encode(w, ch.Image()) }

// palette colours the strategies (Okabe and Ito's, safe for colour-blind
// readers), in order.
var palette = []color.RGBA{
	{0x00, 0x72, 0xB2, 0xff}, {0xD5, 0x5E, 0x00, 0xff}, {0x00, 0x9E, 0x73, 0xff},
	{0xCC, 0x79, 0xA7, 0xff}, {0xE6, 0x9F, 0x00, 0xff}, {0x56, 0xB4, 0xE9, 0xff},
}

func strategyColour(i int) color.RGBA { return palette[i%len(palette)] }

var (
	ink   = color.RGBA{0x22, 0x22, 0x22, 0xff}
	grey  = color.RGBA{0x88, 0x88, 0x88, 0xff}
	light = color.RGBA{0xe4, 0xe4, 0xe4, 0xff}
	white = color.RGBA{0xff, 0xff, 0xff, 0xff}
)

// CompareCharts returns the charts of a comparison: a fan chart per
// indicator (each strategy's median and 10–90% band by turn) and a bar
// chart of the outcome shares with their 95% intervals.
func CompareCharts(m *sim.Model, c *Comparison) []Chart {
	var out []Chart
	for k, id := range c.Indicators {
		vi := m.VarIndex(id)
		v := m.Scenario.Vars[vi]
		title := fmt.Sprintf("%s: median and 10–90%% band over %d games", v.Name, c.Games)
		if v.Unit != "" {
			title = fmt.Sprintf("%s (%s): median and 10–90%% band over %d games", v.Name, v.Unit, c.Games)
		}
		out = append(out, Chart{File: "fan-" + fileName(id), Title: title, draw: func(cv *canvas) {
			var bands []Band
			var labels []string
			for _, s := range c.Strategies {
				bands = append(bands, s.Indicators[k])
				labels = append(labels, s.Label)
			}
			cv.fan(m, bands, labels)
		}})
	}
	out = append(out, Chart{File: "outcomes", Title: fmt.Sprintf("Outcomes: share of %d games with 95%% Wilson interval", c.Games), draw: func(cv *canvas) {
		var labels []string
		shares := make([][]Share, len(c.Strategies))
		for i, s := range c.Strategies {
			labels = append(labels, s.Label)
			shares[i] = s.Outcomes
		}
		cv.bars(c.Outcomes, shares, labels)
	}})
	return out
}

// fileName makes an id safe as a file name.
func fileName(id string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '_'
	}, id)
}

// canvas is an image with drawing helpers.
type canvas struct {
	img *image.RGBA
}

func newCanvas(w, h int) *canvas {
	c := &canvas{img: image.NewRGBA(image.Rect(0, 0, w, h))}
	c.rect(0, 0, w, h, white)
	return c
}

// blend paints pixel (x, y) with colour col at opacity a in [0, 1].
func (c *canvas) blend(x, y int, col color.RGBA, a float64) {
	if !(image.Point{x, y}.In(c.img.Rect)) || a <= 0 {
		return
	}
	a = math.Min(a, 1)
	i := c.img.PixOffset(x, y)
	p := c.img.Pix[i : i+4 : i+4]
	p[0] = uint8(float64(p[0])*(1-a) + float64(col.R)*a + 0.5)
	p[1] = uint8(float64(p[1])*(1-a) + float64(col.G)*a + 0.5)
	p[2] = uint8(float64(p[2])*(1-a) + float64(col.B)*a + 0.5)
	p[3] = 0xff
}

// rect fills [x0, x1) × [y0, y1).
func (c *canvas) rect(x0, y0, x1, y1 int, col color.RGBA) {
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			c.blend(x, y, col, 1)
		}
	}
}

// line draws an anti-aliased line of width w from (x0, y0) to (x1, y1):
// each pixel near the segment is painted by its distance to it.
func (c *canvas) line(x0, y0, x1, y1, w float64, col color.RGBA) {
	r := w / 2
	minX, maxX := int(math.Floor(math.Min(x0, x1)-r-1)), int(math.Ceil(math.Max(x0, x1)+r+1))
	minY, maxY := int(math.Floor(math.Min(y0, y1)-r-1)), int(math.Ceil(math.Max(y0, y1)+r+1))
	dx, dy := x1-x0, y1-y0
	l2 := dx*dx + dy*dy
	for y := minY; y <= maxY; y++ {
		for x := minX; x <= maxX; x++ {
			px, py := float64(x)+0.5, float64(y)+0.5
			t := 0.0
			if l2 > 0 {
				t = math.Max(0, math.Min(1, ((px-x0)*dx+(py-y0)*dy)/l2))
			}
			ex, ey := x0+t*dx-px, y0+t*dy-py
			d := math.Sqrt(ex*ex + ey*ey)
			c.blend(x, y, col, r+0.5-d)
		}
	}
}

// Text alignments.
const (
	alignLeft = iota
	alignCentre
	alignRight
)

var (
	faceMu sync.Mutex
	faces  = map[float64]font.Face{}
)

// face returns the Go regular font at a size in pixels.
func face(size float64) font.Face {
	faceMu.Lock()
	defer faceMu.Unlock()
	if f, ok := faces[size]; ok {
		return f
	}
	ft, err := opentype.Parse(goregular.TTF)
	if err != nil {
		panic(err) // the embedded font always parses
	}
	f, err := opentype.NewFace(ft, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic(err)
	}
	faces[size] = f
	return f
}

// text draws s with its baseline at y, aligned on x.
func (c *canvas) text(x, y int, s string, col color.RGBA, size float64, align int) int {
	f := face(size)
	d := &font.Drawer{Dst: c.img, Src: image.NewUniform(col), Face: f}
	w := d.MeasureString(s).Ceil()
	switch align {
	case alignCentre:
		x -= w / 2
	case alignRight:
		x -= w
	}
	d.Dot = fixed.P(x, y)
	d.DrawString(s)
	return w
}

// plot is the area of a chart inside its axes.
type plot struct{ x0, y0, x1, y1 int }

var plotArea = plot{x0: 80, y0: 70, x1: chartW - 30, y1: chartH - 60}

// yAxis draws horizontal grid lines and labels for the ticks of [lo, hi]
// and returns the scale.
func (c *canvas) yAxis(p plot, lo, hi float64, format func(v, step float64) string) chart.Scale {
	ticks, nlo, nhi := chart.Ticks(lo, hi, 6)
	sc := chart.Scale{Min: nlo, Max: nhi, From: float64(p.y1), To: float64(p.y0)}
	step := 0.0
	if len(ticks) > 1 {
		step = ticks[1] - ticks[0]
	}
	for _, t := range ticks {
		y := sc.At(t)
		c.line(float64(p.x0), y, float64(p.x1), y, 1, light)
		c.text(p.x0-8, int(y)+4, format(t, step), grey, 12, alignRight)
	}
	return sc
}

// legend draws a colour key of labels along the top of the plot.
func (c *canvas) legend(p plot, labels []string) {
	x := p.x0
	for i, l := range labels {
		col := strategyColour(i)
		c.rect(x, p.y0-26, x+14, p.y0-14, col)
		x += 20 + c.text(x+20, p.y0-15, l, ink, 13, alignLeft) + 24
	}
}

// fan draws each band's 10–90% range as a translucent area and its median
// as a line, by turn.
func (c *canvas) fan(m *sim.Model, bands []Band, labels []string) {
	p := plotArea
	var series [][]float64
	for _, b := range bands {
		series = append(series, b.P10, b.P90, b.Median)
	}
	lo, hi := chart.Range(series, nil)
	sc := c.yAxis(p, lo, hi, chart.Label)
	turns := 0
	if len(bands) > 0 {
		turns = len(bands[0].Median) - 1
	}
	xs := chart.Scale{Min: 0, Max: float64(max(turns, 1)), From: float64(p.x0), To: float64(p.x1)}
	every := max(1, (turns+7)/8)
	for t := 0; t <= turns; t++ {
		x := xs.At(float64(t))
		c.line(x, float64(p.y1), x, float64(p.y1+4), 1, grey)
		if t%every == 0 {
			label := "start"
			if t > 0 {
				label = m.Date(t)
			}
			c.text(int(x), p.y1+18, label, grey, 12, alignCentre)
		}
	}
	c.text((p.x0+p.x1)/2, p.y1+42, "state after each turn", grey, 12, alignCentre)
	c.line(float64(p.x0), float64(p.y1), float64(p.x1), float64(p.y1), 1, grey)
	for i, b := range bands {
		col := strategyColour(i)
		// The band, column by column: each pixel column between the
		// 10% and 90% lines, interpolated between turns.
		for x := p.x0; x <= p.x1; x++ {
			tf := (float64(x) + 0.5 - xs.From) / (xs.To - xs.From) * xs.Max
			t := min(int(tf), max(turns-1, 0))
			f := tf - float64(t)
			at := func(s []float64) float64 {
				if t+1 >= len(s) {
					return s[len(s)-1]
				}
				return s[t] + f*(s[t+1]-s[t])
			}
			ya, yb := sc.At(at(b.P90)), sc.At(at(b.P10))
			for y := int(math.Floor(ya)); y <= int(math.Ceil(yb)); y++ {
				cover := math.Min(float64(y+1), yb) - math.Max(float64(y), ya)
				c.blend(x, y, col, 0.18*math.Max(0, math.Min(1, cover)))
			}
		}
		for t := 0; t < turns; t++ {
			c.line(xs.At(float64(t)), sc.At(b.Median[t]), xs.At(float64(t+1)), sc.At(b.Median[t+1]), 2.5, col)
		}
	}
	c.legend(p, labels)
}

// bars draws, per outcome, a bar per strategy for its share with its
// interval as a whisker and the share written above.
func (c *canvas) bars(outcomes []string, shares [][]Share, labels []string) {
	p := plotArea
	hi := 0.0
	for _, ss := range shares {
		for _, s := range ss {
			hi = math.Max(hi, s.Hi)
		}
	}
	sc := c.yAxis(p, 0, math.Min(1, math.Max(hi*1.12, 0.05)), func(v, step float64) string {
		return chart.Label(100*v, 100*step) + "%"
	})
	c.line(float64(p.x0), float64(p.y1), float64(p.x1), float64(p.y1), 1, grey)
	group := float64(p.x1-p.x0) / float64(max(len(outcomes), 1))
	n := max(len(shares), 1)
	bw := math.Min(60, group*0.8/float64(n))
	for oi, id := range outcomes {
		gx := float64(p.x0) + group*float64(oi) + group/2
		c.text(int(gx), p.y1+20, id, ink, 13, alignCentre)
		for si, ss := range shares {
			s := ss[oi]
			col := strategyColour(si)
			x0 := gx - bw*float64(n)/2 + bw*float64(si)
			y := sc.At(s.Share)
			c.rect(int(math.Round(x0+2)), int(math.Round(y)), int(math.Round(x0+bw-2)), p.y1, col)
			mid := x0 + bw/2
			ylo, yhi := sc.At(s.Lo), sc.At(s.Hi)
			c.line(mid, ylo, mid, yhi, 1.5, ink)
			c.line(mid-5, ylo, mid+5, ylo, 1.5, ink)
			c.line(mid-5, yhi, mid+5, yhi, 1.5, ink)
			c.text(int(mid), int(yhi)-6, pct(s.Share), ink, 11, alignCentre)
		}
	}
	c.legend(p, labels)
}

// SensitivityCharts returns the charts of a sensitivity analysis: a
// tornado chart of the one-at-a-time effects at each end of each range.
func SensitivityCharts(res *Sensitivity) []Chart {
	what := res.Measure
	if len(res.Strategies) == 2 {
		what = fmt.Sprintf("%s (%s − %s)", res.Measure, res.Strategies[0], res.Strategies[1])
	}
	title := fmt.Sprintf("Effect on %s at each end of each range (at the stated values: %s)", what, signedNum(res.Stated.Value))
	return []Chart{{File: "tornado", Title: title, draw: func(c *canvas) { c.tornado(res) }}}
}

// tornado draws a horizontal bar per parameter from the stated value's
// measure to its value at each end of the range, largest first.
func (c *canvas) tornado(res *Sensitivity) {
	sws := res.tornado()
	p := plot{x0: 260, y0: 70, x1: chartW - 40, y1: chartH - 60}
	lo, hi := 0.0, 0.0
	for _, sw := range sws {
		lo = math.Min(lo, math.Min(sw.AtLo, sw.AtHi))
		hi = math.Max(hi, math.Max(sw.AtLo, sw.AtHi))
	}
	if hi-lo < 1e-12 {
		lo, hi = -1, 1
	}
	ticks, nlo, nhi := chart.Ticks(lo, hi, 7)
	xs := chart.Scale{Min: nlo, Max: nhi, From: float64(p.x0), To: float64(p.x1)}
	step := 0.0
	if len(ticks) > 1 {
		step = ticks[1] - ticks[0]
	}
	for _, t := range ticks {
		x := xs.At(t)
		c.line(x, float64(p.y0), x, float64(p.y1), 1, light)
		c.text(int(x), p.y1+18, chart.Label(t, step), grey, 12, alignCentre)
	}
	c.text((p.x0+p.x1)/2, p.y1+42, "change from the value at the stated parameters", grey, 12, alignCentre)
	row := float64(p.y1-p.y0) / float64(max(len(sws), 1))
	bh := math.Min(28, row*0.7)
	lowCol, highCol := strategyColour(0), strategyColour(1)
	zero := xs.At(0)
	for i, sw := range sws {
		yc := float64(p.y0) + row*(float64(i)+0.5)
		c.text(p.x0-10, int(yc)+5, fmt.Sprintf("%s (%s–%s)", sw.Param, short(sw.Lo), short(sw.Hi)), ink, 13, alignRight)
		// The low end's bar above the high end's, so that both show
		// when they point the same way.
		for k, e := range []struct {
			v   float64
			col color.RGBA
		}{{sw.AtLo, lowCol}, {sw.AtHi, highCol}} {
			x0, x1 := math.Min(zero, xs.At(e.v)), math.Max(zero, xs.At(e.v))
			top := yc - bh/2 + float64(k)*bh/2
			c.rect(int(math.Round(x0)), int(math.Round(top)), int(math.Round(x1)), int(math.Round(top+bh/2)), blendOver(e.col, 0.85))
		}
	}
	c.line(zero, float64(p.y0), zero, float64(p.y1), 1.5, ink)
	c.rect(p.x0, p.y0-26, p.x0+14, p.y0-14, blendOver(lowCol, 0.85))
	w := c.text(p.x0+20, p.y0-15, "at the low end of the range", ink, 13, alignLeft)
	c.rect(p.x0+w+44, p.y0-26, p.x0+w+58, p.y0-14, blendOver(highCol, 0.85))
	c.text(p.x0+w+64, p.y0-15, "at the high end", ink, 13, alignLeft)
}

// blendOver returns col lightened towards white, as if painted at opacity
// a on white.
func blendOver(col color.RGBA, a float64) color.RGBA {
	f := func(v uint8) uint8 { return uint8(float64(v)*a + 255*(1-a) + 0.5) }
	return color.RGBA{f(col.R), f(col.G), f(col.B), 0xff}
}
