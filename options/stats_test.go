package options

import (
	"math"
	"testing"
)

// TestWilson checks the interval against published values (Newcombe 1998,
// table I, and the textbook 5 of 10).
func TestWilson(t *testing.T) {
	for _, c := range []struct {
		k, n   int
		lo, hi float64
	}{
		{0, 10, 0, 0.2775},
		{10, 10, 0.7225, 1},
		{5, 10, 0.2366, 0.7634},
		{1, 20, 0.0089, 0.2361},
		{81, 263, 0.2553, 0.3662},
		{15, 148, 0.0624, 0.1605},
		{0, 0, 0, 1},
	} {
		lo, hi := Wilson(c.k, c.n)
		if math.Abs(lo-c.lo) > 1e-4 || math.Abs(hi-c.hi) > 1e-4 {
			t.Errorf("Wilson(%d, %d) = %.4f–%.4f, want %.4f–%.4f", c.k, c.n, lo, hi, c.lo, c.hi)
		}
	}
}

// TestSignTest checks the exact two-sided binomial test against sums
// worked by hand.
func TestSignTest(t *testing.T) {
	for _, c := range []struct {
		b, c int
		p    float64
	}{
		{0, 0, 1},
		{0, 5, 2.0 / 32},
		{5, 0, 2.0 / 32},
		{1, 9, 22.0 / 1024},
		{2, 8, 112.0 / 1024},
		{5, 5, 1},
		{4, 5, 1},
		{0, 1, 1},
		{3, 12, 2 * (1 + 15 + 105 + 455) / 32768.0},
	} {
		if got := SignTest(c.b, c.c); math.Abs(got-c.p) > 1e-12 {
			t.Errorf("SignTest(%d, %d) = %.12g, want %.12g", c.b, c.c, got, c.p)
		}
	}
	// Large counts stay finite and tiny.
	if p := SignTest(0, 1000); !(p > 0 && p < 1e-290) {
		t.Errorf("SignTest(0, 1000) = %g", p)
	}
}

func TestQuantile(t *testing.T) {
	xs := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	for _, c := range []struct{ q, want float64 }{{0, 1}, {0.1, 1.9}, {0.5, 5.5}, {0.9, 9.1}, {1, 10}} {
		if got := Quantile(xs, c.q); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("Quantile(%g) = %g, want %g", c.q, got, c.want)
		}
	}
	if got := Quantile([]float64{3}, 0.9); got != 3 {
		t.Errorf("Quantile of one = %g", got)
	}
}

func TestRanks(t *testing.T) {
	got := ranks([]float64{10, 30, 20, 20, 5})
	want := []float64{2, 5, 3.5, 3.5, 1}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("ranks = %v, want %v", got, want)
		}
	}
}
