package sim

import "math"

// The emit stage: it turns the typed tree into Go closures over the flat
// slots. The common shapes "slot op constant", "constant op slot" and
// "expression op constant" get closures of their own, which saves a call
// per node; every closure computes with the functions of expr_ops.go and
// reports their faults through env.fail at the node's position, then
// carries on with 0 (the Stepper discards a turn that faulted). Evaluating
// a closure allocates nothing.
//
// The functions that build closures are marked go:noinline: inlined into
// their caller, their closures would be compiled within the caller's
// inlining budget and the op functions inside them would become calls.

// failed records fault f at pos and returns the 0 a faulting closure
// goes on with. It is kept out of line, off the closures' fast path.
//
//go:noinline
func (e *env) failed(pos *Pos, f faultCode) float64 {
	e.fail(*pos, faultMsgs[f])
	return 0
}

// sitePos returns a copy of t's position for a closure to capture. A
// pointer keeps the closures small (and so their fast path free of
// loads they do not need) and, being a copy, does not keep the typed tree
// alive.
func sitePos(t *tnode) *Pos {
	p := new(Pos)
	*p = t.pos
	return p
}

// emitNum returns the closure that computes number node t.
func emitNum(t *tnode) numFn {
	if f, ok := emitFused(t); ok {
		return f
	}
	a := t.args
	pos := sitePos(t)
	switch t.op {
	case nNum:
		v := t.val
		return func(*env) float64 { return v }
	case nSlot:
		slot := t.slot
		return func(e *env) float64 { return e.s[slot] }
	case nNeg:
		if a[0].op == nSlot {
			slot := a[0].slot
			return func(e *env) float64 { return -e.s[slot] }
		}
		f := emitNum(a[0])
		return func(e *env) float64 { return -f(e) }
	case nAdd, nSub, nMul, nDiv:
		return emitArith(t)
	case nMod:
		l, r := emitNum(a[0]), emitNum(a[1])
		return func(e *env) float64 {
			v, f := opMod(l(e), r(e))
			if f != noFault {
				return e.failed(pos, f)
			}
			return v
		}
	case nPow:
		return emitPow(pos, emitNum(a[0]), emitNum(a[1]))
	case nCond:
		c, x, y := emitCond(a[0]), emitNum(a[1]), emitNum(a[2])
		return func(e *env) float64 {
			if c(e) {
				return x(e)
			}
			return y(e)
		}
	case nCall:
		return emitCall(t)
	}
	panic("sim: emit: not a number node")
}

//go:noinline
func emitPow(pos *Pos, l, r numFn) numFn {
	return func(e *env) float64 {
		v, f := opPow(l(e), r(e))
		if f != noFault {
			return e.failed(pos, f)
		}
		return v
	}
}

// emitArith returns the closure for + - * or /, specialised to the shape
// of its operands.
func emitArith(t *tnode) numFn {
	op, pos := t.op, sitePos(t)
	l, r := t.args[0], t.args[1]
	if (op == nAdd || op == nMul) && l.op == nNum && r.op != nNum {
		// k+x is x+k and k*x is x*k, bit for bit; a constant has no
		// effects whose order could matter.
		l, r = r, l
	}
	switch {
	case l.op == nSlot && r.op == nNum:
		return slotK(op, pos, l.slot, r.val)
	case l.op == nNum && r.op == nSlot:
		return kSlot(op, pos, l.val, r.slot)
	case r.op == nNum:
		return fnK(op, pos, emitNum(l), r.val)
	case l.op == nNum:
		return kFn(op, pos, l.val, emitNum(r))
	case l.op == nSlot && r.op == nSlot:
		return slotSlot(op, pos, l.slot, r.slot)
	case l.op == nSlot:
		return slotFn(op, pos, l.slot, emitNum(r))
	case r.op == nSlot:
		return fnSlot(op, pos, emitNum(l), r.slot)
	}
	return fnFn(op, pos, emitNum(l), emitNum(r))
}

// slotSlot, slotFn and fnSlot serve an operand that is a slot, read in
// place rather than through a closure of its own (a slot has nothing to
// evaluate, so reading it first or last is the same).
//
//go:noinline
func slotSlot(op nodeOp, pos *Pos, a, b int) numFn {
	switch op {
	case nAdd:
		return func(e *env) float64 {
			if v := float64(e.s[a] + e.s[b]); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nSub:
		return func(e *env) float64 {
			if v := float64(e.s[a] - e.s[b]); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nMul:
		return func(e *env) float64 {
			if v := float64(e.s[a] * e.s[b]); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	}
	return func(e *env) float64 {
		if a, b := e.s[a], e.s[b]; b != 0 {
			if v := float64(a / b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
		return e.failed(pos, faultDivZero)
	}
}

//go:noinline
func slotFn(op nodeOp, pos *Pos, slot int, y numFn) numFn {
	switch op {
	case nAdd:
		return func(e *env) float64 {
			if v := float64(e.s[slot] + y(e)); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nSub:
		return func(e *env) float64 {
			if v := float64(e.s[slot] - y(e)); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nMul:
		return func(e *env) float64 {
			if v := float64(e.s[slot] * y(e)); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	}
	return func(e *env) float64 {
		if a, b := e.s[slot], y(e); b != 0 {
			if v := float64(a / b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
		return e.failed(pos, faultDivZero)
	}
}

//go:noinline
func fnSlot(op nodeOp, pos *Pos, x numFn, slot int) numFn {
	switch op {
	case nAdd:
		return func(e *env) float64 {
			if v := float64(x(e) + e.s[slot]); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nSub:
		return func(e *env) float64 {
			if v := float64(x(e) - e.s[slot]); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nMul:
		return func(e *env) float64 {
			if v := float64(x(e) * e.s[slot]); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	}
	return func(e *env) float64 {
		if a, b := x(e), e.s[slot]; b != 0 {
			if v := float64(a / b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
		return e.failed(pos, faultDivZero)
	}
}

// shrinks reports whether x op k is never larger in magnitude than x, for
// every finite x: x * k for |k| <= 1 and x / k for |k| >= 1 (a k of NaN is
// neither; -0 and ±Inf are, and give a zero or x's sign of it). Such a
// result is finite, so its closure needs no check for an overflow. That
// x is finite is the engine's invariant, not this closure's check: a slot
// holds a finite number (the decoder refuses NaN and Inf, Game.Adjust
// refuses them, the stepper stops at a value that is not finite), and
// every other closure returns a finite number or faults and returns 0.
func shrinks(op nodeOp, k float64) bool {
	return (op == nMul && math.Abs(k) <= 1) || (op == nDiv && math.Abs(k) >= 1)
}

//go:noinline
func slotK(op nodeOp, pos *Pos, slot int, k float64) numFn {
	if shrinks(op, k) {
		if op == nMul {
			return func(e *env) float64 { return float64(e.s[slot] * k) }
		}
		return func(e *env) float64 { return float64(e.s[slot] / k) }
	}
	switch op {
	case nAdd:
		return func(e *env) float64 {
			if v := float64(e.s[slot] + k); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nSub:
		return func(e *env) float64 {
			if v := float64(e.s[slot] - k); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nMul:
		return func(e *env) float64 {
			if v := float64(e.s[slot] * k); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	}
	return func(e *env) float64 {
		if a, b := e.s[slot], k; b != 0 {
			if v := float64(a / b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
		return e.failed(pos, faultDivZero)
	}
}

// kSlot serves k-x and k/x (k+x and k*x were turned round).
//
//go:noinline
func kSlot(op nodeOp, pos *Pos, k float64, slot int) numFn {
	if op == nSub {
		return func(e *env) float64 {
			if v := float64(k - e.s[slot]); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	}
	return func(e *env) float64 {
		if a, b := k, e.s[slot]; b != 0 {
			if v := float64(a / b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
		return e.failed(pos, faultDivZero)
	}
}

//go:noinline
func fnK(op nodeOp, pos *Pos, x numFn, k float64) numFn {
	if shrinks(op, k) {
		if op == nMul {
			return func(e *env) float64 { return float64(x(e) * k) }
		}
		return func(e *env) float64 { return float64(x(e) / k) }
	}
	switch op {
	case nAdd:
		return func(e *env) float64 {
			if v := float64(x(e) + k); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nSub:
		return func(e *env) float64 {
			if v := float64(x(e) - k); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nMul:
		return func(e *env) float64 {
			if v := float64(x(e) * k); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	}
	return func(e *env) float64 {
		if a, b := x(e), k; b != 0 {
			if v := float64(a / b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
		return e.failed(pos, faultDivZero)
	}
}

// kFn serves k-x and k/x (k+x and k*x were turned round).
//
//go:noinline
func kFn(op nodeOp, pos *Pos, k float64, x numFn) numFn {
	if op == nSub {
		return func(e *env) float64 {
			if v := float64(k - x(e)); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	}
	return func(e *env) float64 {
		if a, b := k, x(e); b != 0 {
			if v := float64(a / b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
		return e.failed(pos, faultDivZero)
	}
}

//go:noinline
func fnFn(op nodeOp, pos *Pos, x, y numFn) numFn {
	switch op {
	case nAdd:
		return func(e *env) float64 {
			if v := float64(x(e) + y(e)); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nSub:
		return func(e *env) float64 {
			if v := float64(x(e) - y(e)); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nMul:
		return func(e *env) float64 {
			if v := float64(x(e) * y(e)); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	}
	return func(e *env) float64 {
		if a, b := x(e), y(e); b != 0 {
			if v := float64(a / b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
		return e.failed(pos, faultDivZero)
	}
}

// unaryFn applies op, which cannot fault, to x.
//
//go:noinline
func unaryFn(op func(float64) float64, x numFn) numFn {
	return func(e *env) float64 { return op(x(e)) }
}

// unaryFault applies op, which may fault, to x.
//
//go:noinline
func unaryFault(op func(float64) (float64, faultCode), pos *Pos, x numFn) numFn {
	return func(e *env) float64 {
		v, f := op(x(e))
		if f != noFault {
			return e.failed(pos, f)
		}
		return v
	}
}

func emitCall(t *tnode) numFn {
	pos := sitePos(t)
	fs := make([]numFn, len(t.args))
	for i, a := range t.args {
		fs[i] = emitNum(a)
	}
	switch t.fn {
	case fnAbs:
		return unaryFn(math.Abs, fs[0])
	case fnFloor:
		return unaryFn(math.Floor, fs[0])
	case fnCeil:
		return unaryFn(math.Ceil, fs[0])
	case fnRound:
		return unaryFn(math.Round, fs[0])
	case fnSign:
		return unaryFn(opSign, fs[0])
	case fnExp:
		return unaryFault(opExp, pos, fs[0])
	case fnSqrt:
		return unaryFault(opSqrt, pos, fs[0])
	case fnLog:
		return unaryFault(opLog, pos, fs[0])
	case fnPow:
		return emitPow(pos, fs[0], fs[1])
	case fnClamp:
		x, lo, hi := fs[0], fs[1], fs[2]
		return func(e *env) float64 { return opClamp(x(e), lo(e), hi(e)) }
	case fnMin, fnMax:
		pick := opMax
		if t.fn == fnMin {
			pick = opMin
		}
		switch len(fs) {
		case 1:
			return fs[0]
		case 2:
			if k, x, ok := constAndOther(t.args, fs); ok {
				// min and max are symmetric, and a constant has nothing
				// to evaluate: max(0, x) is max(x, 0), read in place.
				if t.fn == fnMin {
					return func(e *env) float64 { return opMin(x(e), k) }
				}
				return func(e *env) float64 { return opMax(x(e), k) }
			}
			a, b := fs[0], fs[1]
			if t.fn == fnMin {
				return func(e *env) float64 { return opMin(a(e), b(e)) }
			}
			return func(e *env) float64 { return opMax(a(e), b(e)) }
		}
		return func(e *env) float64 {
			v := fs[0](e)
			for _, f := range fs[1:] {
				v = pick(v, f(e))
			}
			return v
		}
	case fnNoise:
		sd := fs[0]
		return func(e *env) float64 {
			z := e.rng.NormFloat64()
			v, f := opNoise(z, sd(e))
			if f != noFault {
				return e.failed(pos, f)
			}
			return v
		}
	case fnRandom:
		return func(e *env) float64 { return e.rng.Float64() }
	}
	panic("sim: emit: unknown function")
}

// constAndOther reports whether exactly one of two number arguments is a
// constant, and returns it and the closure of the other.
func constAndOther(args []*tnode, fs []numFn) (float64, numFn, bool) {
	switch {
	case args[0].op == nNum && args[1].op != nNum:
		return args[0].val, fs[1], true
	case args[1].op == nNum && args[0].op != nNum:
		return args[1].val, fs[0], true
	}
	return 0, nil, false
}

// emitCond returns the closure that computes condition node t.
func emitCond(t *tnode) boolFn {
	a := t.args
	switch t.op {
	case nBool:
		b := t.b
		return func(*env) bool { return b }
	case nNot:
		f := emitCond(a[0])
		return func(e *env) bool { return !f(e) }
	case nAnd:
		l, r := emitCond(a[0]), emitCond(a[1])
		return func(e *env) bool { return l(e) && r(e) }
	case nOr:
		l, r := emitCond(a[0]), emitCond(a[1])
		return func(e *env) bool { return l(e) || r(e) }
	case nLt, nLe, nGt, nGe:
		return emitCompare(t)
	case nEq, nNe:
		eq := t.op == nEq
		if a[0].typ == tBool {
			l, r := emitCond(a[0]), emitCond(a[1])
			return func(e *env) bool { return (l(e) == r(e)) == eq }
		}
		if k, x, ok := constAndOther(a, []numFn{emitNum(a[0]), emitNum(a[1])}); ok {
			// x == k, the constant read in place (== is symmetric).
			if eq {
				return func(e *env) bool { return x(e) == k }
			}
			return func(e *env) bool { return x(e) != k }
		}
		l, r := emitNum(a[0]), emitNum(a[1])
		return func(e *env) bool { return (l(e) == r(e)) == eq }
	case nCond:
		c, x, y := emitCond(a[0]), emitCond(a[1]), emitCond(a[2])
		return func(e *env) bool {
			if c(e) {
				return x(e)
			}
			return y(e)
		}
	}
	panic("sim: emit: not a condition node")
}

// mirrored gives, for each ordering, the one that holds with its operands
// swapped: k < x is x > k.
var mirrored = map[nodeOp]nodeOp{nLt: nGt, nLe: nGe, nGt: nLt, nGe: nLe}

// emitCompare returns the closure for < <= > or >=, specialised to the
// shape of its operands.
func emitCompare(t *tnode) boolFn {
	op := t.op
	l, r := t.args[0], t.args[1]
	if l.op == nNum && r.op != nNum {
		l, r, op = r, l, mirrored[op]
	}
	if r.op == nNum {
		k := r.val
		if l.op == nSlot {
			slot := l.slot
			switch op {
			case nLt:
				return func(e *env) bool { return e.s[slot] < k }
			case nLe:
				return func(e *env) bool { return e.s[slot] <= k }
			case nGt:
				return func(e *env) bool { return e.s[slot] > k }
			}
			return func(e *env) bool { return e.s[slot] >= k }
		}
		f := emitNum(l)
		switch op {
		case nLt:
			return func(e *env) bool { return f(e) < k }
		case nLe:
			return func(e *env) bool { return f(e) <= k }
		case nGt:
			return func(e *env) bool { return f(e) > k }
		}
		return func(e *env) bool { return f(e) >= k }
	}
	x, y := emitNum(l), emitNum(r)
	switch op {
	case nLt:
		return func(e *env) bool { return x(e) < y(e) }
	case nLe:
		return func(e *env) bool { return x(e) <= y(e) }
	case nGt:
		return func(e *env) bool { return x(e) > y(e) }
	}
	return func(e *env) bool { return x(e) >= y(e) }
}
