package sim

import (
	"math"
	"testing"

	"github.com/expr-lang/expr/parser"
)

// refNum evaluates number node t by walking the typed tree, one node at a
// time, with the functions of expr_ops.go: what an expression means,
// written without the emitter's specialised and fused closures. A fault is
// recorded at its node (the first one kept) and the node goes on as 0, as
// every closure does.
func refNum(t *tnode, e *env) float64 {
	a := t.args
	fail := func(f faultCode) float64 {
		e.fail(t.pos, faultMsgs[f])
		return 0
	}
	res := func(v float64, f faultCode) float64 {
		if f != noFault {
			return fail(f)
		}
		return v
	}
	switch t.op {
	case nNum:
		return t.val
	case nSlot:
		return e.s[t.slot]
	case nNeg:
		return -refNum(a[0], e)
	case nAdd, nSub, nMul, nDiv, nMod, nPow:
		x := refNum(a[0], e)
		y := refNum(a[1], e)
		switch t.op {
		case nAdd:
			return res(opAdd(x, y))
		case nSub:
			return res(opSub(x, y))
		case nMul:
			return res(opMul(x, y))
		case nDiv:
			return res(opDiv(x, y))
		case nMod:
			return res(opMod(x, y))
		}
		return res(opPow(x, y))
	case nCond:
		if refCond(a[0], e) {
			return refNum(a[1], e)
		}
		return refNum(a[2], e)
	case nCall:
		if t.fn == fnNoise {
			z := e.rng.NormFloat64()
			return res(opNoise(z, refNum(a[0], e)))
		}
		if t.fn == fnRandom {
			return e.rng.Float64()
		}
		xs := make([]float64, len(a))
		for i := range a {
			xs[i] = refNum(a[i], e)
		}
		switch t.fn {
		case fnAbs:
			return math.Abs(xs[0])
		case fnFloor:
			return math.Floor(xs[0])
		case fnCeil:
			return math.Ceil(xs[0])
		case fnRound:
			return math.Round(xs[0])
		case fnSign:
			return opSign(xs[0])
		case fnExp:
			return res(opExp(xs[0]))
		case fnSqrt:
			return res(opSqrt(xs[0]))
		case fnLog:
			return res(opLog(xs[0]))
		case fnPow:
			return res(opPow(xs[0], xs[1]))
		case fnClamp:
			return opClamp(xs[0], xs[1], xs[2])
		case fnMin, fnMax:
			v := xs[0]
			for _, x := range xs[1:] {
				if t.fn == fnMin {
					v = math.Min(v, x)
				} else {
					v = math.Max(v, x)
				}
			}
			return v
		}
	}
	panic("refNum: not a number node")
}

// refCond evaluates condition node t as refNum does numbers.
func refCond(t *tnode, e *env) bool {
	a := t.args
	switch t.op {
	case nBool:
		return t.b
	case nNot:
		return !refCond(a[0], e)
	case nAnd:
		return refCond(a[0], e) && refCond(a[1], e)
	case nOr:
		return refCond(a[0], e) || refCond(a[1], e)
	case nEq, nNe:
		var eq bool
		if a[0].typ == tBool {
			l := refCond(a[0], e)
			eq = l == refCond(a[1], e)
		} else {
			l := refNum(a[0], e)
			eq = l == refNum(a[1], e)
		}
		return eq == (t.op == nEq)
	case nLt, nLe, nGt, nGe:
		x := refNum(a[0], e)
		y := refNum(a[1], e)
		switch t.op {
		case nLt:
			return x < y
		case nLe:
			return x <= y
		case nGt:
			return x > y
		}
		return x >= y
	case nCond:
		if refCond(a[0], e) {
			return refCond(a[1], e)
		}
		return refCond(a[2], e)
	}
	panic("refCond: not a condition node")
}

// refEval evaluates src's typed tree, folded unless noFold, with refNum
// or refCond.
func refEval(t *testing.T, src string, typ exprType, noFold bool, slots []float64, rng RNG) exprResult {
	t.Helper()
	x := Expr{Src: src, Pos: Pos{File: "f", Line: 1, Col: 1}}
	tree, err := parser.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	var errs ErrorList
	n := check(tree.Node, x, exprScope(), &errs)
	if !noFold {
		n, _ = fold(n, &errs)
	}
	r := exprResult{rng: rng}
	e := env{s: slots, rng: &r.rng, fault: &r.fault}
	if typ == tNum {
		r.num = refNum(n, &e)
	} else {
		r.cond = refCond(n, &e)
	}
	return r
}

// TestExprFused evaluates the shapes the emitter fuses (a pair of a slot
// and a constant inside +, -, *, /, min and max; a conditional between
// constants on a slot compared with a constant), their faults among them,
// on every slot value of a small table, and wants what the reference
// evaluator gives, bit for bit: the value, the fault and its position.
func TestExprFused(t *testing.T) {
	srcs := []string{
		// A pair and a slot, a constant, a pair or any expression, each
		// way round, under each operator.
		"x * 0.3 + a.y", "x * 0.3 - a.y", "0.3 * x * a.y", "x / 3 / a.y", "a.y + x * 0.3", "a.y - 0.3 * x", "a.y * (x - 1)", "b / (x - 4)",
		"x * 2 + 1", "x * 2 - 1", "(x + 1) * 2.5", "(100 - x) / 3", "1 + 2 * x", "1 - x / 3", "2 * (1 - x)", "3 / (x - 4)", "1 / (1 / z)",
		"2 * x + 3 * a.y", "2 * x - a.y / 3", "(1 - x) * (b - 1)", "(x - 4) / (z + 0)", "-x / 10", "-x * a.y", "a.y * -x", "-x + -a.y",
		"x * 2 + b * b", "b * b + x * 2", "x * 2 * (b + b)", "(b + b) / (x * 2)", "(b * b) - 1 / z", "1 / z - b * 2", "(x - 4) * (8 / z)",
		"x * 1e308 + 1", "1e308 * x - a.y", "b * 1e307 * 2 + x", "x / 1e-308 * 0", "2 * (x / z)", "(8 / z) + x", "x + 8 / z",
		"noise(1) + x * 2", "x * 2 + noise(1)", "random() - 1 / z", "1 / z - random()", "(1 / z) * noise(x / z)",
		"max(0, x - 1)", "max(x - 1, 0)", "min(0.8, 0.2 * b)", "min(1 / z, 5)", "max(0, 1 - b / 60)", "max(x * 2, b + 1)",
		"max(x * 1e308, 1)", "min(x / z, log(a.y))", "max(-x, 1)", "min(1 - x, noise(1))",
		// Conditionals between constants.
		"level == 1 ? 95 : 100", "level == 2 ? 95 : 100", "x != 4 ? 1 : 2", "x < 4 ? 1 : 2", "x <= 4 ? 1 : 2", "x > 4 ? 1 : 2",
		"x >= 4 ? 1 : 2", "4 > x ? 1 : 2", "3 < x ? 1 : 2", "z == 0 ? -1 : 1", "b >= 57.5 ? 0.5 : 0.25", "a.y == -2 ? 1 : 1 / 3",
		"(level == 1 ? 1 : 2.5) * x", "x * (a.y > 0 ? 1 : 0)",
		// Multiplications and divisions by a constant that cannot
		// overflow, and those that can.
		"x * 0.3", "x * -1", "x * 0", "x / 100", "x / -1", "(x + b) * 0.5", "(x + b) / 4.2", "x * 1.5", "x / 0.5", "(x + b) / 0.25",
	}
	vals := []float64{0, 1, -1, 2, 4, 0.5, -2.5, 57.5, 1e308, -1e308, 1e-308, math.Copysign(0, -1)}
	for _, src := range srcs {
		for _, noFold := range []bool{false, true} {
			var errs ErrorList
			c, ok := compileExprOpts(Expr{Src: src, Pos: Pos{File: "f", Line: 1, Col: 1}}, tNum, exprScope(), &errs, compileOpts{noFold: noFold})
			if !ok {
				t.Fatalf("%s: %v", src, errs)
			}
			for _, v := range vals {
				for _, w := range vals[:6] {
					slots := []float64{v, w, exprSlots[2], exprSlots[3], exprSlots[4], exprSlots[5]}
					got := evalCompiled(c, slots, NewRNG(3))
					want := refEval(t, src, tNum, noFold, slots, NewRNG(3))
					if !got.same(want) {
						t.Errorf("%s (noFold %v) with x=%v a.y=%v: %v, want %v", src, noFold, v, w, got, want)
					}
				}
			}
		}
	}
}
