package sim

import (
	"fmt"
	"math"
	"testing"
)

// TestExprFast holds the turn's closures (evalFast over turnFns: the fast
// closure, or for a number that draws, the mixed one) to the checked ones
// on the shapes where a fast value could hide a fault: a fault inside a
// condition, a divisor, min, max, sign or a function emitted checked; an
// overflow on the way; a draw before or after a fault. evalCompiled
// compares the two on every evaluation; this test also wants some of each
// outcome, so that it cannot pass by never faulting.
func TestExprFast(t *testing.T) {
	srcs := []string{
		"(1 / z > 0 ? x : b) + 1", "(log(x) > 1 ? 1 : 2) * x", "x * 2 + (a.y / z < 1 ? 1 : 0)",
		"sqrt(x - 5) + 1", "(x % z) * 2", "2 ^ (x * 1e308) + 1", "exp(x * 300) - 1",
		"min(x * 1e308, 1) + 1", "max(x * 1e308, b) - 1", "min(1 / z, x)", "max(a.y, x / z)",
		"1 / (x * 1e308)", "b / (x * 1e308 + 1)", "b / (x * a.y)", "x / (a.y - a.y)",
		"abs(x * 1e308) - 1", "sign(x * 1e308)", "floor(x / z) + 1", "round(1e308 * x) * 0",
		"-(x * 1e308) + 1", "(x * 1e308 - x * 1e308) * 0", "x * 1e308 * 0 + 1",
		"x * 2 + noise(1) + 1 / z", "noise(1) + (1 / z > 0 ? 1 : 2)", "1 / z + noise(1) * x",
		"x * 1e308 + noise(1)", "(x + 1) * (noise(1) + a.y / 3)", "random() * (x / a.y)",
		"min(x - 1, 3) * (a.y + 1) - max(0, b / 25) / (x + 2)",
	}
	vals := []float64{0, 1, -1, 4, 0.5, -2.5, 1e308, -1e308, 1e-308, math.Copysign(0, -1)}
	var faults, values int
	for _, src := range srcs {
		for _, noFold := range []bool{false, true} {
			var errs ErrorList
			c, ok := compileExprOpts(Expr{Src: src, Pos: Pos{File: "f", Line: 1, Col: 1}}, tNum, exprScope(), &errs, compileOpts{noFold: noFold})
			if !ok {
				t.Fatalf("%s: %v", src, errs)
			}
			if c.fast == nil && c.mixed == nil {
				t.Fatalf("%s: no turn closures", src)
			}
			for _, v := range vals {
				for _, w := range vals {
					for _, z := range []float64{0, 2} {
						slots := []float64{v, w, z, exprSlots[3], exprSlots[4], exprSlots[5]}
						var r exprResult
						func() {
							defer func() {
								if p := recover(); p != nil {
									t.Errorf("%s (noFold %v) with x=%v a.y=%v z=%v: %v", src, noFold, v, w, z, p)
								}
							}()
							r = evalCompiled(c, slots, NewRNG(3))
						}()
						if r.fault.set {
							faults++
						} else {
							values++
						}
					}
				}
			}
		}
	}
	if faults < 100 || values < 100 {
		t.Errorf("%d faults and %d values: too few of one to test the fast path", faults, values)
	}
}

// TestExprFastFaultPosition wants the first fault at its own position
// whatever the fast closure computed: the overflow, not the division by
// zero inside the condition after it.
func TestExprFastFaultPosition(t *testing.T) {
	var errs ErrorList
	c, ok := compileExpr(Expr{Src: "x * 1e308 * 10 + (1 / z > 0 ? 1 : 2)", Pos: Pos{File: "f", Line: 1, Col: 1}}, tNum, exprScope(), &errs)
	if !ok {
		t.Fatal(errs)
	}
	slots := []float64{1, 1, 0, 0, 0, 0}
	var f fault
	fn, slow := c.turnFns()
	evalFast(fn, slow, &env{s: slots, fault: &f})
	if got, want := fmt.Sprintf("%s: %s", f.pos, f.msg), "f:1:11: arithmetic overflow"; got != want {
		t.Errorf("fault %q, want %q", got, want)
	}
}
