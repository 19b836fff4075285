package chart

import (
	"reflect"
	"testing"
)

func TestScale(t *testing.T) {
	s := Scale{Min: 0, Max: 100, From: 500, To: 100}
	for _, tc := range []struct{ v, want float64 }{{0, 500}, {100, 100}, {50, 300}, {150, -100}} {
		if got := s.At(tc.v); got != tc.want {
			t.Errorf("At(%v) = %v, want %v", tc.v, got, tc.want)
		}
	}
	if got := (Scale{Min: 3, Max: 3, From: 0, To: 10}).At(3); got != 5 {
		t.Errorf("degenerate At = %v, want 5", got)
	}
}

func TestRange(t *testing.T) {
	for _, tc := range []struct {
		name   string
		series [][]float64
		sd     [][]float64
		lo, hi float64
	}{
		{"empty", nil, nil, 0, 1},
		{"plain", [][]float64{{3, 1, 4}, {2}}, nil, 1, 4},
		{"with sd", [][]float64{{3, 1, 4}}, [][]float64{{0, 0.5, 2}}, 0.5, 6},
		{"flat", [][]float64{{50, 50}}, nil, 45, 55},
		{"flat zero", [][]float64{{0}}, nil, -1, 1},
	} {
		lo, hi := Range(tc.series, tc.sd)
		if lo != tc.lo || hi != tc.hi {
			t.Errorf("%s: Range = %v,%v, want %v,%v", tc.name, lo, hi, tc.lo, tc.hi)
		}
	}
}

func TestTicks(t *testing.T) {
	for _, tc := range []struct {
		lo, hi   float64
		n        int
		want     []float64
		nlo, nhi float64
	}{
		{0, 100, 5, []float64{0, 25, 50, 75, 100}[:0], 0, 100},
		{0.3, 9.2, 4, []float64{0, 5, 10}, 0, 10},
		{-3.5, 2, 5, []float64{-4, -2, 0, 2}, -4, 2},
		{1.77, 1.79, 3, []float64{1.77, 1.78, 1.79}, 1.77, 1.79},
		{60, 60, 3, []float64{60, 60.5, 61}, 60, 61},
	} {
		ticks, nlo, nhi := Ticks(tc.lo, tc.hi, tc.n)
		if tc.lo == 0 && tc.hi == 100 {
			tc.want = []float64{0, 50, 100}
		}
		if !reflect.DeepEqual(ticks, tc.want) || nlo != tc.nlo || nhi != tc.nhi {
			t.Errorf("Ticks(%v,%v,%d) = %v [%v,%v], want %v [%v,%v]", tc.lo, tc.hi, tc.n, ticks, nlo, nhi, tc.want, tc.nlo, tc.nhi)
		}
	}
}

func TestLabels(t *testing.T) {
	for _, tc := range []struct {
		v, step float64
		want    string
	}{{50, 25, "50"}, {0.5, 0.5, "0.5"}, {1.78, 0.01, "1.78"}, {-2, 2, "-2"}} {
		if got := Label(tc.v, tc.step); got != tc.want {
			t.Errorf("Label(%v,%v) = %q, want %q", tc.v, tc.step, got, tc.want)
		}
	}
	for _, tc := range []struct {
		v    float64
		want string
	}{{12345, "12.3k"}, {8000, "8000"}, {2.5e6, "2.5M"}, {4.5, "4.50"}, {24.25, "24.2"}, {-3, "-3"}} {
		if got := Compact(tc.v); got != tc.want {
			t.Errorf("Compact(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}
