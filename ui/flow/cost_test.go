package flow

import (
	"math"
	"testing"
)

func TestCapital(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{2, "2"},
		{2.1000000000000001, "2.1"},
		{0.125, "0.13"},
		{1.0 / 3, "0.33"},
		{0, "0"},
		{math.Copysign(0, -1), "0"},
		{-0.001, "0"},
		{-1.5, "-1.5"},
	} {
		if got := Capital(tc.v); got != tc.want {
			t.Errorf("Capital(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}
