package sim

//go:generate go run ../tools/fastgen -o expr_fast_gen.go

import "math"

// The fast path of the emit stage: closures that compute a formula without
// testing each operation for a fault, for the formulas a turn evaluates
// (rules, effects and objectives, which the computer players' scoring reads
// too). Each compiled formula that draws no random number has two closures:
// the checked one (expr_emit.go, the meaning of the formula) and a fast one.
// The fast closure computes the same operations in the same order, so where
// the checked one meets no fault the two give the same bits; where the
// checked one would fault, the fast one gives a value that is not a finite
// number, or records the fault itself (in a part of it emitted checked).
// For a value that is not finite the caller (evalFast) evaluates the
// checked closure, which gives the fault and its position exactly as
// before. A formula that draws a random number must draw once: it is
// evaluated checked, with only its parts that draw none fast (emitMixed).
//
// Why a fault always shows in the fast value: the operands are finite (a
// slot holds a finite number, a constant is finite), and a fault of + - *
// or / is a result that is not finite (a division by zero gives ±Inf, or
// NaN for 0/0). A value that is not finite stays so through + - * and
// through the dividend of /, through negation, abs, floor, ceil and round:
// NaN gives NaN and ±Inf gives ±Inf or NaN. It would not through a divisor
// (x / Inf is 0) or min and max (min(Inf, 1) is 1): a divisor that is
// computed, and the operands of min and max, are tested, and give NaN when
// not finite. Everything else (conditions, clamp, sign, %, pow, exp, sqrt
// and log) is emitted checked, inside the fast closure.

// turnFns returns the closures a turn evaluates c's number with
// (evalFast): the fast one and the checked one; or, when c draws a random
// number, the mixed one and nil (or, for a compiled value made without
// them, the checked one and nil).
func (c compiled) turnFns() (fn, slow numFn) {
	switch {
	case c.fast != nil:
		return c.fast, c.num
	case c.mixed != nil:
		return c.mixed, nil
	}
	return c.num, nil
}

// evalFast evaluates a formula by fn, the closure turnFns gave first, and,
// when that does not give a finite number, by its checked closure slow,
// from a clear fault: the value and the fault are then the checked
// closure's. With slow nil, fn is the checked closure and its value is
// returned. The caller's fault must be clear.
//
// A finite value needs no second look even when fn recorded a fault (in a
// part emitted checked): that fault is then the first, at its position,
// since a fault fn did not record, before it, would have left the value
// not finite; and a turn that faulted does not use the value.
func evalFast(fn, slow numFn, e *env) float64 {
	v := fn(e)
	if v-v == 0 || slow == nil {
		return v
	}
	*e.fault = fault{}
	return slow(e)
}

// nan is the value a fast closure gives for a fault it does not compute.
var nan = math.NaN()

// emitFastNum returns the fast closure of number node t, or nil when t
// draws a random number: that is evaluated once, by emitMixed's closure.
func emitFastNum(t *tnode) numFn {
	if firstDraw(t) != nil {
		return nil
	}
	return emitFast(t)
}

// emitMixed returns the checked closure of number node t, which draws a
// random number, with each part of it that draws none and is worth it (an
// operation) computed by its fast closure, guarded: the operations on the
// way to a draw stay checked and are evaluated once, in their order, so the
// draws are the same; a guarded part is evaluated again, checked, only
// when its fast closure gives no finite number (guard).
// Its value and fault are exactly emitNum's.
func emitMixed(t *tnode) numFn {
	if firstDraw(t) == nil {
		if t.op == nNum || t.op == nSlot {
			return emitNum(t)
		}
		return guard(emitFast(t), emitNum(t))
	}
	switch t.op {
	case nAdd, nSub, nMul, nDiv:
		return fnFn(t.op, sitePos(t), emitMixed(t.args[0]), emitMixed(t.args[1]))
	}
	return emitNum(t)
}

// guard returns the closure that evaluates a part of a formula by its
// fast closure and, when that gives no finite number, again by its checked
// one, from a clear fault (a finite value is enough, as in evalFast).
// After an earlier fault the formula's value is not used and that fault is
// kept, so then the fast closure's value is enough too.
//
//go:noinline
func guard(fast, checked numFn) numFn {
	return func(e *env) float64 {
		if e.fault.set {
			return fast(e)
		}
		if v := fast(e); v-v == 0 {
			return v
		}
		*e.fault = fault{}
		return checked(e)
	}
}

// emitFast returns the fast closure of t, which draws no random number.
func emitFast(t *tnode) numFn {
	a := t.args
	switch t.op {
	case nNeg:
		if a[0].op == nSlot {
			return emitNum(t) // -x of a slot: nothing to test
		}
		f := emitFast(a[0])
		return func(e *env) float64 { return -f(e) }
	case nAdd, nSub, nMul, nDiv:
		if a[0].op != nNum || a[1].op != nNum {
			return fastArith(t)
		}
	case nCond:
		if f, ok := fuseCond(t); ok {
			return f // between constants: it cannot fault
		}
		c, x, y := emitCond(a[0]), emitFast(a[1]), emitFast(a[2])
		return func(e *env) float64 {
			if c(e) {
				return x(e)
			}
			return y(e)
		}
	case nCall:
		switch t.fn {
		case fnAbs:
			return unaryFn(math.Abs, emitFast(a[0]))
		case fnFloor:
			return unaryFn(math.Floor, emitFast(a[0]))
		case fnCeil:
			return unaryFn(math.Ceil, emitFast(a[0]))
		case fnRound:
			return unaryFn(math.Round, emitFast(a[0]))
		case fnMin, fnMax:
			if len(a) == 2 {
				return fastMinMax(t)
			}
		}
	}
	return emitNum(t) // a slot or a constant (nothing to test), or what does not propagate: checked
}

// operand is an operand of a fast closure: a constant, a slot, a pair (a
// slot and a constant under one operator, see expr_fuse.go) computed in
// place, or a closure.
type operand struct {
	kind byte // 'k', 's', 'p' or 'f'
	k    float64
	slot int
	p    pair
	f    numFn
}

func operandOf(t *tnode) operand {
	switch t.op {
	case nNum:
		return operand{kind: 'k', k: t.val}
	case nSlot:
		return operand{kind: 's', slot: t.slot}
	}
	if p, ok := asPair(t); ok {
		return operand{kind: 'p', p: p}
	}
	return operand{kind: 'f', f: emitFast(t)}
}

// fastArith returns the fast closure of + - * or / (not of two constants).
func fastArith(t *tnode) numFn {
	op := t.op
	l, r := t.args[0], t.args[1]
	if (op == nAdd || op == nMul) && l.op == nNum {
		// k+x is x+k and k*x is x*k, bit for bit.
		l, r = r, l
	}
	return fastOp(op, operandOf(l), operandOf(r)) // expr_fast_gen.go
}

// fastMinMax returns the fast closure of min or max of two operands. It
// gives NaN for an operand that is not finite, which min or max could
// hide.
func fastMinMax(t *tnode) numFn {
	pick := opMax
	if t.fn == fnMin {
		pick = opMin
	}
	l, r := t.args[0], t.args[1]
	if l.op == nNum && r.op == nNum {
		return emitNum(t)
	}
	if l.op == nNum {
		// min and max are symmetric: max(0, x) is max(x, 0), bit for bit.
		l, r = r, l
	}
	if r.op == nNum {
		return fastPickK(t.fn == fnMin, operandOf(l), r.val)
	}
	x, y := emitFast(l), emitFast(r)
	return func(e *env) float64 {
		a, b := x(e), y(e)
		if (a-a)+(b-b) != 0 {
			return nan
		}
		return pick(a, b)
	}
}

// fastPickK returns the fast closure of min(x, k) (isMin) or max(x, k).
//
//go:noinline
func fastPickK(isMin bool, x operand, k float64) numFn {
	switch x.kind {
	case 's':
		s := x.slot
		if isMin {
			return func(e *env) float64 { return opMin(e.s[s], k) }
		}
		return func(e *env) float64 { return opMax(e.s[s], k) }
	case 'p':
		p := x.p
		if isMin {
			return func(e *env) float64 {
				if a := value(p.op, e.s[p.slot], p.k); a-a == 0 {
					return opMin(a, k)
				}
				return nan
			}
		}
		return func(e *env) float64 {
			if a := value(p.op, e.s[p.slot], p.k); a-a == 0 {
				return opMax(a, k)
			}
			return nan
		}
	}
	f := x.f
	if isMin {
		return func(e *env) float64 {
			if a := f(e); a-a == 0 {
				return opMin(a, k)
			}
			return nan
		}
	}
	return func(e *env) float64 {
		if a := f(e); a-a == 0 {
			return opMax(a, k)
		}
		return nan
	}
}

// emitMixedNum returns emitMixed's closure of t when t draws a random
// number, and nil otherwise.
func emitMixedNum(t *tnode) numFn {
	if firstDraw(t) == nil {
		return nil
	}
	return emitMixed(t)
}
