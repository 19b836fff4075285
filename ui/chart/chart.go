// Package chart computes what the front end's line charts need without
// drawing them: the value range of a series, "nice" tick marks, and the
// mapping from values and turns to positions. It does not import the
// graphics library.
package chart

import (
	"math"
	"strconv"
)

// Scale maps values in [Min, Max] onto a pixel span [From, To]; To may be
// less than From (a y axis grows upwards).
type Scale struct {
	Min, Max float64
	From, To float64
}

// At returns the position of value v. A degenerate range maps to the
// middle of the span.
func (s Scale) At(v float64) float64 {
	if s.Max <= s.Min {
		return (s.From + s.To) / 2
	}
	return s.From + (v-s.Min)/(s.Max-s.Min)*(s.To-s.From)
}

// Range returns the smallest and largest finite value among the series,
// widened by each point's uncertainty where sd is given (sd may be nil or
// shorter than a series). An empty input gives 0, 1; a flat one is
// widened to a visible range around its value.
func Range(series [][]float64, sd [][]float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for i, s := range series {
		for j, v := range s {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			d := 0.0
			if i < len(sd) && j < len(sd[i]) {
				d = sd[i][j]
			}
			lo, hi = math.Min(lo, v-d), math.Max(hi, v+d)
		}
	}
	if math.IsInf(lo, 1) {
		return 0, 1
	}
	if hi-lo < 1e-9 {
		pad := math.Max(1, math.Abs(lo)*0.1)
		return lo - pad, hi + pad
	}
	return lo, hi
}

// Ticks returns about n evenly spaced round values covering [lo, hi]
// (steps of 1, 2 or 5 times a power of ten), and the widened range that
// starts and ends on a tick.
func Ticks(lo, hi float64, n int) (ticks []float64, nlo, nhi float64) {
	if n < 2 {
		n = 2
	}
	if hi < lo {
		lo, hi = hi, lo
	}
	if hi-lo < 1e-12 {
		hi = lo + 1
	}
	step := niceStep((hi - lo) / float64(n-1))
	nlo = math.Floor(lo/step+1e-9) * step
	nhi = math.Ceil(hi/step-1e-9) * step
	for v := nlo; v <= nhi+step/2; v += step {
		t := math.Round(v/step) * step
		if t == 0 {
			t = 0 // no negative zero
		}
		ticks = append(ticks, t)
	}
	return ticks, nlo, nhi
}

func niceStep(raw float64) float64 {
	exp := math.Floor(math.Log10(raw))
	base := math.Pow(10, exp)
	f := raw / base
	switch {
	case f <= 1+1e-9:
		return base
	case f <= 2+1e-9:
		return 2 * base
	case f <= 5+1e-9:
		return 5 * base
	}
	return 10 * base
}

// Label formats a tick value with no more decimals than its step needs.
func Label(v, step float64) string {
	dec := 0
	if step > 0 && step < 1 {
		dec = int(math.Ceil(-math.Log10(step) - 1e-9))
	}
	return strconv.FormatFloat(v, 'f', dec, 64)
}

// Compact formats a number in at most about four significant figures with
// a k/M suffix for large magnitudes (12 345 -> "12.3k").
func Compact(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 1e6:
		return strconv.FormatFloat(v/1e6, 'f', 1, 64) + "M"
	case a >= 1e4:
		return strconv.FormatFloat(v/1e3, 'f', 1, 64) + "k"
	case a >= 100 || a == math.Trunc(a):
		return strconv.FormatFloat(v, 'f', 0, 64)
	case a >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}
