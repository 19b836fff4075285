package options

import (
	"slices"
	"testing"
)

func TestPoolOrderAndWorkers(t *testing.T) {
	for _, j := range []int{0, 1, 2, 7, 100} {
		seen := make([]int, Workers(j, 50))
		out, ran := Pool(50, j, func(w, i int) int { seen[w]++; return i * i }, nil, nil)
		for i, v := range out {
			if v != i*i || !ran[i] {
				t.Fatalf("j=%d: out[%d] = %d, ran %v; want %d, true", j, i, v, ran[i], i*i)
			}
		}
		total := 0
		for _, s := range seen {
			total += s
		}
		if total != 50 {
			t.Errorf("j=%d: workers ran %d jobs, want 50", j, total)
		}
	}
}

func TestPoolStopAndProgress(t *testing.T) {
	var dones []int
	calls := 0
	out, ran := Pool(10, 1, func(w, i int) int { return i + 1 }, func() bool { calls++; return calls > 3 },
		func(done, total int) {
			if total != 10 {
				t.Errorf("total = %d, want 10", total)
			}
			dones = append(dones, done)
		})
	if want := []bool{true, true, true, true, false, false, false, false, false, false}; !slices.Equal(ran, want) {
		t.Errorf("ran = %v, want %v", ran, want)
	}
	if out[3] != 4 || out[4] != 0 {
		t.Errorf("out = %v", out)
	}
	if !slices.Equal(dones, []int{1, 2, 3, 4}) {
		t.Errorf("progress = %v, want 1..4", dones)
	}
}

func TestWorkers(t *testing.T) {
	for _, c := range []struct{ j, n, want int }{{1, 5, 1}, {3, 2, 2}, {4, 0, 1}, {2, 9, 2}} {
		if got := Workers(c.j, c.n); got != c.want {
			t.Errorf("Workers(%d, %d) = %d, want %d", c.j, c.n, got, c.want)
		}
	}
}
