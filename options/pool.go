// Package options plays many seeded games of a scenario and measures them:
// it is the one home of "play many games and measure", shared by balance
// checks, validate's games, compare, sensitivity and the window's forecast.
//
// Every game runs on one worker pool (Pool) and through one game loop
// (PlayStrategy, and Play for balance checks); results never depend on
// the number of workers. A Strategy (ParseStrategy) says who plays each
// actor: an orders track, a computer player at a difficulty or with
// another doctrine. Compare plays strategies over the same seeds and tests
// their differences; Analyse sweeps the scenario's parameters. Tables,
// CSV and PNG charts (drawn into an image.RGBA, no display needed) are
// written to an io.Writer; the package reads only the files a strategy
// names.
package options

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Workers returns the number of goroutines a pool of n jobs uses when
// asked for j: j itself when it is positive, else one per CPU, and never
// more than n (nor fewer than one).
func Workers(j, n int) int {
	if j <= 0 {
		j = runtime.NumCPU()
	}
	return max(1, min(j, n))
}

// Pool runs job(w, i) for every i in [0, n) on Workers(j, n) goroutines and
// returns the results in order of i, so they never depend on scheduling. w
// is the index of the worker running the job, in [0, Workers(j, n)), so a
// job can reuse per-worker scratch (a planner, a buffer) without locks.
// Stop, if not nil, is asked before each job but the first is started;
// once it returns true no more jobs start, and Pool returns the results of
// the jobs that ran, in order, with ran[i] set for each. Progress, if not
// nil, is called after each job with the number done and n; its calls are
// serialised, with done increasing.
func Pool[T any](n, j int, job func(w, i int) T, stop func() bool, progress func(done, total int)) (out []T, ran []bool) {
	out = make([]T, n)
	ran = make([]bool, n)
	if n <= 0 {
		return out, ran
	}
	var next atomic.Int64
	var mu sync.Mutex
	done := 0
	var wg sync.WaitGroup
	for w := range Workers(j, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n || i > 0 && stop != nil && stop() {
					return
				}
				out[i] = job(w, i)
				ran[i] = true
				if progress != nil {
					mu.Lock()
					done++
					progress(done, n)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return out, ran
}
