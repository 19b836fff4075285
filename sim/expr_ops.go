package sim

import "math"

// The meaning of every operator and function, in one place. The fold stage
// (expr_fold.go) evaluates constant subtrees with these functions at load
// time and the emit stage (expr_emit.go) calls them from its closures at
// run time, so a folded and an unfolded expression compute the same bits
// and fail with the same message. Each returns the result and a fault
// code; a non-zero code means the result must not be used.
//
// Inputs are always finite: slots hold finite numbers, literals are finite
// and every operation that could leave the finite numbers faults instead.
// That is why + - * / only need to look for an infinite result, and why
// abs, floor, ceil, round, sign, min, max, clamp, sqrt (of x >= 0), log (of
// x > 0) and % (by a non-zero number) need no check at all.

// faultCode names an evaluation fault; 0 means none.
type faultCode uint8

const (
	noFault faultCode = iota
	faultDivZero
	faultModZero
	faultSqrtNeg
	faultLogNonPos
	faultZeroNegPow
	faultNegFracPow
	faultOverflow
	faultPowOverflow
	faultExpOverflow
	faultNoiseOverflow
)

// faultMsgs holds the message of each fault code, used both for load-time
// errors (a constant that faults) and for run-time faults.
var faultMsgs = [...]string{
	noFault:            "",
	faultDivZero:       "division by zero",
	faultModZero:       "modulo by zero",
	faultSqrtNeg:       "square root of a negative number",
	faultLogNonPos:     "logarithm of a number that is not positive",
	faultZeroNegPow:    "zero to a negative power",
	faultNegFracPow:    "negative number to a fractional power",
	faultOverflow:      "arithmetic overflow",
	faultPowOverflow:   "power overflow",
	faultExpOverflow:   "exp overflow",
	faultNoiseOverflow: "noise overflow",
}

func (c faultCode) String() string { return faultMsgs[c] }

// finite reports whether v is neither infinite nor NaN.
func finite(v float64) bool { return v-v == 0 }

// The explicit float64 conversions round each result on its own, so that
// the compiler cannot fuse a multiplication and an addition inlined next
// to each other into one instruction that rounds once: fused or not, the
// folded and the unfolded paths would then differ.

// + - and * fault exactly when their result is not finite (an overflow),
// and / first when it divides by zero: the emitter's closures write them
// out in line, as float64(a + b) and finite(v), which is what opAdd,
// opSub, opMul and opDiv compute, only without a fault code to test (the
// tests hold both to a reference evaluator that calls these functions).

func opAdd(a, b float64) (float64, faultCode) {
	v := float64(a + b)
	if !finite(v) {
		return 0, faultOverflow
	}
	return v, noFault
}

func opSub(a, b float64) (float64, faultCode) {
	v := float64(a - b)
	if !finite(v) {
		return 0, faultOverflow
	}
	return v, noFault
}

func opMul(a, b float64) (float64, faultCode) {
	v := float64(a * b)
	if !finite(v) {
		return 0, faultOverflow
	}
	return v, noFault
}

func opDiv(a, b float64) (float64, faultCode) {
	if b == 0 {
		return 0, faultDivZero
	}
	v := float64(a / b)
	if !finite(v) {
		return 0, faultOverflow
	}
	return v, noFault
}

func opMod(a, b float64) (float64, faultCode) {
	if b == 0 {
		return 0, faultModZero
	}
	return math.Mod(a, b), noFault
}

func opPow(a, b float64) (float64, faultCode) {
	v := math.Pow(a, b)
	if finite(v) {
		return v, noFault
	}
	switch {
	case v != v:
		// With finite operands Pow gives NaN only for a negative base
		// and an exponent that is not a whole number.
		return 0, faultNegFracPow
	case a == 0:
		return 0, faultZeroNegPow
	}
	return 0, faultPowOverflow
}

func opExp(a float64) (float64, faultCode) {
	v := math.Exp(a)
	if !finite(v) {
		return 0, faultExpOverflow
	}
	return v, noFault
}

func opSqrt(a float64) (float64, faultCode) {
	if a < 0 {
		return 0, faultSqrtNeg
	}
	return math.Sqrt(a), noFault
}

func opLog(a float64) (float64, faultCode) {
	if a <= 0 {
		return 0, faultLogNonPos
	}
	return math.Log(a), noFault
}

// opNoise scales a standard normal draw z by the standard deviation sd.
func opNoise(z, sd float64) (float64, faultCode) {
	v := float64(z * sd)
	if !finite(v) {
		return 0, faultNoiseOverflow
	}
	return v, noFault
}

func opSign(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

// opMin and opMax are min and max: Go's built-in ones, which mean what
// math.Min and math.Max do (for zeros of both signs too) and compile to a
// few instructions in line rather than a call.
func opMin(a, b float64) float64 { return min(a, b) }

func opMax(a, b float64) float64 { return max(a, b) }

func opClamp(x, lo, hi float64) float64 { return opMax(lo, opMin(hi, x)) }
