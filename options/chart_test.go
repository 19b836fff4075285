package options

import (
	"bytes"
	"image/png"
	"testing"
)

// TestCompareCharts draws a comparison's charts and checks that each is
// a PNG of the chart's size in which every strategy's colour appears.
func TestCompareCharts(t *testing.T) {
	m := load(t, tiny)
	a, _ := ParseStrategy(m, "a=computer:easy")
	b, _ := ParseStrategy(m, "a=computer:hard")
	c, err := Compare(m, []Strategy{a, b}, CompareOptions{Games: 30, Seed: 1, Indicators: []int{0}})
	if err != nil {
		t.Fatal(err)
	}
	charts := CompareCharts(m, c)
	if len(charts) != 2 || charts[0].File != "fan-x" || charts[1].File != "outcomes" {
		t.Fatalf("charts %+v", charts)
	}
	for _, ch := range charts {
		var buf bytes.Buffer
		if err := ch.WritePNG(&buf); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if r := img.Bounds(); r.Dx() != chartW || r.Dy() != chartH {
			t.Errorf("%s: %v", ch.File, r)
		}
		rgba := ch.Image()
		for i := range 2 {
			col, found := strategyColour(i), false
			for p := 0; p+3 < len(rgba.Pix) && !found; p += 4 {
				found = rgba.Pix[p] == col.R && rgba.Pix[p+1] == col.G && rgba.Pix[p+2] == col.B
			}
			if !found {
				t.Errorf("%s: no pixel of strategy %d's colour", ch.File, i)
			}
		}
	}
}
