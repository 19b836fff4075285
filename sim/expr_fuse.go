package sim

// Fused closures (superinstructions) for the shapes the scenarios use most,
// part of the emit stage (expr_emit.go): a node whose operand is a pair, a
// slot and a constant under one operator ("0.3 * x", "x / 100", "1 - x",
// "-x"), computes the pair in place rather than calling a closure for it;
// and a conditional that picks between two constants on a slot compared
// with a constant ("level == 1 ? 95 : 100") is one closure, not four.
//
// Each fused closure computes exactly what the closures it replaces do, in
// the same order, with the functions of expr_ops.go: a pair that faults is
// reported at its own position (through env.failed) and goes on as 0, as
// its closure would have, and the other operand is still evaluated after
// it when it was after it. Only a pair (which reads a slot and draws no
// random number) is moved into its parent, so no random draw moves.

// pair is an operand computed in place: the slot and the constant under
// op (nAdd, nSub, nMul, nDiv; pRSub and pRDiv for the constant first; nNeg
// for the slot negated, k unused).
type pair struct {
	op   nodeOp
	slot int
	k    float64
	pos  *Pos
}

// The operators of a pair whose constant comes first (k - x, k / x), which
// arith computes with its operands the other way round.
const (
	pRSub nodeOp = 200 + iota
	pRDiv
)

// asPair reports whether t is a pair, and returns it.
func asPair(t *tnode) (pair, bool) {
	switch t.op {
	case nNeg:
		if t.args[0].op == nSlot {
			return pair{op: nNeg, slot: t.args[0].slot, pos: sitePos(t)}, true
		}
	case nAdd, nSub, nMul, nDiv:
		l, r := t.args[0], t.args[1]
		switch {
		case l.op == nSlot && r.op == nNum:
			return pair{op: t.op, slot: l.slot, k: r.val, pos: sitePos(t)}, true
		case l.op == nNum && r.op == nSlot:
			if t.op == nAdd || t.op == nMul {
				// k+x is x+k and k*x is x*k, bit for bit.
				return pair{op: t.op, slot: r.slot, k: l.val, pos: sitePos(t)}, true
			}
			op := pRSub
			if t.op == nDiv {
				op = pRDiv
			}
			return pair{op: op, slot: r.slot, k: l.val, pos: sitePos(t)}, true
		}
	}
	return pair{}, false
}

// value computes a pair's a op b as it stands, without a check: * - + and
// /, b - a and b / a for pRSub and pRDiv, and -a for nNeg. On finite
// operands the result is finite exactly when opMul, opSub, opAdd or opDiv
// would not fault; pairFault then says which fault they give.
func value(op nodeOp, a, b float64) float64 {
	switch op {
	case nMul:
		return float64(a * b)
	case nSub:
		return float64(a - b)
	case nAdd:
		return float64(a + b)
	case pRSub:
		return float64(b - a)
	case nNeg:
		return -a
	case pRDiv:
		return float64(b / a)
	}
	return float64(a / b)
}

// pairFault returns the fault of a pair whose value is not finite: a
// division by zero, or an overflow.
//
//go:noinline
func pairFault(op nodeOp, a, b float64) faultCode {
	if (op == nDiv && b == 0) || (op == pRDiv && a == 0) {
		return faultDivZero
	}
	return faultOverflow
}

// emitFused returns a fused closure for t when its shape has one.
func emitFused(t *tnode) (numFn, bool) {
	switch t.op {
	case nNeg:
		return nil, false // -x of a slot is already one closure
	case nAdd, nSub, nMul, nDiv:
		if _, ok := asPair(t); ok {
			return nil, false // slot op constant is already one closure
		}
		return fuseArith(t)
	case nCond:
		return fuseCond(t)
	case nCall:
		if (t.fn == fnMin || t.fn == fnMax) && len(t.args) == 2 {
			return fuseMinMax(t)
		}
	}
	return nil, false
}

// fuseArith fuses + - * or / over a pair and a slot, a constant, another
// pair or any expression, either way round.
func fuseArith(t *tnode) (numFn, bool) {
	op, pos := t.op, sitePos(t)
	l, r := t.args[0], t.args[1]
	lp, lok := asPair(l)
	rp, rok := asPair(r)
	switch {
	case lok && rok:
		return pairPair(op, pos, lp, rp), true
	case lok && r.op == nSlot:
		return pairSlot(op, pos, lp, r.slot), true
	case lok && r.op == nNum:
		return pairK(op, pos, lp, r.val), true
	case lok:
		return pairFn(op, pos, lp, emitNum(r)), true
	case rok && l.op == nSlot:
		return slotPair(op, pos, l.slot, rp), true
	case rok && l.op == nNum:
		return kPair(op, pos, l.val, rp), true
	case rok:
		return fnPair(op, pos, emitNum(l), rp), true
	}
	return nil, false
}

//go:noinline
func pairPair(op nodeOp, pos *Pos, x, y pair) numFn {
	switch op {
	case nAdd:
		return func(e *env) float64 {
			a := value(x.op, e.s[x.slot], x.k)
			if a-a != 0 {
				a = e.failed(x.pos, pairFault(x.op, e.s[x.slot], x.k))
			}
			b := value(y.op, e.s[y.slot], y.k)
			if b-b != 0 {
				b = e.failed(y.pos, pairFault(y.op, e.s[y.slot], y.k))
			}
			if v := float64(a + b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nSub:
		return func(e *env) float64 {
			a := value(x.op, e.s[x.slot], x.k)
			if a-a != 0 {
				a = e.failed(x.pos, pairFault(x.op, e.s[x.slot], x.k))
			}
			b := value(y.op, e.s[y.slot], y.k)
			if b-b != 0 {
				b = e.failed(y.pos, pairFault(y.op, e.s[y.slot], y.k))
			}
			if v := float64(a - b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nMul:
		return func(e *env) float64 {
			a := value(x.op, e.s[x.slot], x.k)
			if a-a != 0 {
				a = e.failed(x.pos, pairFault(x.op, e.s[x.slot], x.k))
			}
			b := value(y.op, e.s[y.slot], y.k)
			if b-b != 0 {
				b = e.failed(y.pos, pairFault(y.op, e.s[y.slot], y.k))
			}
			if v := float64(a * b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	}
	return func(e *env) float64 {
		a := value(x.op, e.s[x.slot], x.k)
		if a-a != 0 {
			a = e.failed(x.pos, pairFault(x.op, e.s[x.slot], x.k))
		}
		b := value(y.op, e.s[y.slot], y.k)
		if b-b != 0 {
			b = e.failed(y.pos, pairFault(y.op, e.s[y.slot], y.k))
		}
		if b != 0 {
			if v := float64(a / b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
		return e.failed(pos, faultDivZero)
	}
}

//go:noinline
func pairSlot(op nodeOp, pos *Pos, x pair, slot int) numFn {
	switch op {
	case nAdd:
		return func(e *env) float64 {
			a := value(x.op, e.s[x.slot], x.k)
			if a-a != 0 {
				a = e.failed(x.pos, pairFault(x.op, e.s[x.slot], x.k))
			}
			if v := float64(a + e.s[slot]); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nSub:
		return func(e *env) float64 {
			a := value(x.op, e.s[x.slot], x.k)
			if a-a != 0 {
				a = e.failed(x.pos, pairFault(x.op, e.s[x.slot], x.k))
			}
			if v := float64(a - e.s[slot]); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nMul:
		return func(e *env) float64 {
			a := value(x.op, e.s[x.slot], x.k)
			if a-a != 0 {
				a = e.failed(x.pos, pairFault(x.op, e.s[x.slot], x.k))
			}
			if v := float64(a * e.s[slot]); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	}
	return func(e *env) float64 {
		a := value(x.op, e.s[x.slot], x.k)
		if a-a != 0 {
			a = e.failed(x.pos, pairFault(x.op, e.s[x.slot], x.k))
		}
		if a, b := a, e.s[slot]; b != 0 {
			if v := float64(a / b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
		return e.failed(pos, faultDivZero)
	}
}

//go:noinline
func slotPair(op nodeOp, pos *Pos, slot int, y pair) numFn {
	switch op {
	case nAdd:
		return func(e *env) float64 {
			b := value(y.op, e.s[y.slot], y.k)
			if b-b != 0 {
				b = e.failed(y.pos, pairFault(y.op, e.s[y.slot], y.k))
			}
			if v := float64(e.s[slot] + b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nSub:
		return func(e *env) float64 {
			b := value(y.op, e.s[y.slot], y.k)
			if b-b != 0 {
				b = e.failed(y.pos, pairFault(y.op, e.s[y.slot], y.k))
			}
			if v := float64(e.s[slot] - b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nMul:
		return func(e *env) float64 {
			b := value(y.op, e.s[y.slot], y.k)
			if b-b != 0 {
				b = e.failed(y.pos, pairFault(y.op, e.s[y.slot], y.k))
			}
			if v := float64(e.s[slot] * b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	}
	return func(e *env) float64 {
		b := value(y.op, e.s[y.slot], y.k)
		if b-b != 0 {
			b = e.failed(y.pos, pairFault(y.op, e.s[y.slot], y.k))
		}
		if a, b := e.s[slot], b; b != 0 {
			if v := float64(a / b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
		return e.failed(pos, faultDivZero)
	}
}

//go:noinline
func pairK(op nodeOp, pos *Pos, x pair, k float64) numFn {
	switch op {
	case nAdd:
		return func(e *env) float64 {
			a := value(x.op, e.s[x.slot], x.k)
			if a-a != 0 {
				a = e.failed(x.pos, pairFault(x.op, e.s[x.slot], x.k))
			}
			if v := float64(a + k); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nSub:
		return func(e *env) float64 {
			a := value(x.op, e.s[x.slot], x.k)
			if a-a != 0 {
				a = e.failed(x.pos, pairFault(x.op, e.s[x.slot], x.k))
			}
			if v := float64(a - k); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nMul:
		return func(e *env) float64 {
			a := value(x.op, e.s[x.slot], x.k)
			if a-a != 0 {
				a = e.failed(x.pos, pairFault(x.op, e.s[x.slot], x.k))
			}
			if v := float64(a * k); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	}
	return func(e *env) float64 {
		a := value(x.op, e.s[x.slot], x.k)
		if a-a != 0 {
			a = e.failed(x.pos, pairFault(x.op, e.s[x.slot], x.k))
		}
		if a, b := a, k; b != 0 {
			if v := float64(a / b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
		return e.failed(pos, faultDivZero)
	}
}

//go:noinline
func kPair(op nodeOp, pos *Pos, k float64, y pair) numFn {
	switch op {
	case nAdd:
		return func(e *env) float64 {
			b := value(y.op, e.s[y.slot], y.k)
			if b-b != 0 {
				b = e.failed(y.pos, pairFault(y.op, e.s[y.slot], y.k))
			}
			if v := float64(k + b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nSub:
		return func(e *env) float64 {
			b := value(y.op, e.s[y.slot], y.k)
			if b-b != 0 {
				b = e.failed(y.pos, pairFault(y.op, e.s[y.slot], y.k))
			}
			if v := float64(k - b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nMul:
		return func(e *env) float64 {
			b := value(y.op, e.s[y.slot], y.k)
			if b-b != 0 {
				b = e.failed(y.pos, pairFault(y.op, e.s[y.slot], y.k))
			}
			if v := float64(k * b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	}
	return func(e *env) float64 {
		b := value(y.op, e.s[y.slot], y.k)
		if b-b != 0 {
			b = e.failed(y.pos, pairFault(y.op, e.s[y.slot], y.k))
		}
		if a, b := k, b; b != 0 {
			if v := float64(a / b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
		return e.failed(pos, faultDivZero)
	}
}

//go:noinline
func pairFn(op nodeOp, pos *Pos, x pair, g numFn) numFn {
	switch op {
	case nAdd:
		return func(e *env) float64 {
			a := value(x.op, e.s[x.slot], x.k)
			if a-a != 0 {
				a = e.failed(x.pos, pairFault(x.op, e.s[x.slot], x.k))
			}
			if v := float64(a + g(e)); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nSub:
		return func(e *env) float64 {
			a := value(x.op, e.s[x.slot], x.k)
			if a-a != 0 {
				a = e.failed(x.pos, pairFault(x.op, e.s[x.slot], x.k))
			}
			if v := float64(a - g(e)); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nMul:
		return func(e *env) float64 {
			a := value(x.op, e.s[x.slot], x.k)
			if a-a != 0 {
				a = e.failed(x.pos, pairFault(x.op, e.s[x.slot], x.k))
			}
			if v := float64(a * g(e)); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	}
	return func(e *env) float64 {
		a := value(x.op, e.s[x.slot], x.k)
		if a-a != 0 {
			a = e.failed(x.pos, pairFault(x.op, e.s[x.slot], x.k))
		}
		if a, b := a, g(e); b != 0 {
			if v := float64(a / b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
		return e.failed(pos, faultDivZero)
	}
}

//go:noinline
func fnPair(op nodeOp, pos *Pos, g numFn, y pair) numFn {
	switch op {
	case nAdd:
		return func(e *env) float64 {
			a := g(e)
			b := value(y.op, e.s[y.slot], y.k)
			if b-b != 0 {
				b = e.failed(y.pos, pairFault(y.op, e.s[y.slot], y.k))
			}
			if v := float64(a + b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nSub:
		return func(e *env) float64 {
			a := g(e)
			b := value(y.op, e.s[y.slot], y.k)
			if b-b != 0 {
				b = e.failed(y.pos, pairFault(y.op, e.s[y.slot], y.k))
			}
			if v := float64(a - b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	case nMul:
		return func(e *env) float64 {
			a := g(e)
			b := value(y.op, e.s[y.slot], y.k)
			if b-b != 0 {
				b = e.failed(y.pos, pairFault(y.op, e.s[y.slot], y.k))
			}
			if v := float64(a * b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
	}
	return func(e *env) float64 {
		a := g(e)
		b := value(y.op, e.s[y.slot], y.k)
		if b-b != 0 {
			b = e.failed(y.pos, pairFault(y.op, e.s[y.slot], y.k))
		}
		if b != 0 {
			if v := float64(a / b); finite(v) {
				return v
			}
			return e.failed(pos, faultOverflow)
		}
		return e.failed(pos, faultDivZero)
	}
}

// fuseMinMax fuses min or max of a constant and a pair, or of a pair and
// any expression, either way round.
func fuseMinMax(t *tnode) (numFn, bool) {
	isMax := t.fn == fnMax
	l, r := t.args[0], t.args[1]
	if l.op == nNum && r.op != nNum {
		// min and max are symmetric and a constant has nothing to
		// evaluate: max(0, x) is max(x, 0).
		l, r = r, l
	}
	lp, lok := asPair(l)
	if !lok {
		return nil, false
	}
	if r.op == nNum {
		return minMaxPairK(isMax, lp, r.val), true
	}
	if _, rok := asPair(r); rok || r.op == nSlot {
		return nil, false // rare: left to the general closures
	}
	return minMaxPairFn(isMax, lp, emitNum(r)), true
}

//go:noinline
func minMaxPairK(isMax bool, x pair, k float64) numFn {
	if isMax {
		return func(e *env) float64 {
			a := value(x.op, e.s[x.slot], x.k)
			if a-a != 0 {
				a = e.failed(x.pos, pairFault(x.op, e.s[x.slot], x.k))
			}
			return opMax(a, k)
		}
	}
	return func(e *env) float64 {
		a := value(x.op, e.s[x.slot], x.k)
		if a-a != 0 {
			a = e.failed(x.pos, pairFault(x.op, e.s[x.slot], x.k))
		}
		return opMin(a, k)
	}
}

//go:noinline
func minMaxPairFn(isMax bool, x pair, g numFn) numFn {
	if isMax {
		return func(e *env) float64 {
			a := value(x.op, e.s[x.slot], x.k)
			if a-a != 0 {
				a = e.failed(x.pos, pairFault(x.op, e.s[x.slot], x.k))
			}
			return opMax(a, g(e))
		}
	}
	return func(e *env) float64 {
		a := value(x.op, e.s[x.slot], x.k)
		if a-a != 0 {
			a = e.failed(x.pos, pairFault(x.op, e.s[x.slot], x.k))
		}
		return opMin(a, g(e))
	}
}

// fuseCond fuses a conditional whose condition compares a slot with a
// constant and whose branches are both constants.
func fuseCond(t *tnode) (numFn, bool) {
	c, x, y := t.args[0], t.args[1], t.args[2]
	if x.op != nNum || y.op != nNum {
		return nil, false
	}
	op, slot, k, ok := slotCompare(c)
	if !ok {
		return nil, false
	}
	return condSlotK(op, slot, k, x.val, y.val), true
}

// slotCompare reports whether condition t compares a slot with a
// constant, and returns the comparison with the slot first.
func slotCompare(t *tnode) (op nodeOp, slot int, k float64, ok bool) {
	switch t.op {
	case nLt, nLe, nGt, nGe, nEq, nNe:
	default:
		return 0, 0, 0, false
	}
	l, r := t.args[0], t.args[1]
	if l.typ != tNum {
		return 0, 0, 0, false
	}
	op = t.op
	if l.op == nNum && r.op == nSlot {
		l, r = r, l
		if m, ok := mirrored[op]; ok {
			op = m
		}
	}
	if l.op != nSlot || r.op != nNum {
		return 0, 0, 0, false
	}
	return op, l.slot, r.val, true
}

//go:noinline
func condSlotK(op nodeOp, slot int, k, x, y float64) numFn {
	switch op {
	case nEq:
		return func(e *env) float64 {
			if e.s[slot] == k {
				return x
			}
			return y
		}
	case nNe:
		return func(e *env) float64 {
			if e.s[slot] != k {
				return x
			}
			return y
		}
	case nLt:
		return func(e *env) float64 {
			if e.s[slot] < k {
				return x
			}
			return y
		}
	case nLe:
		return func(e *env) float64 {
			if e.s[slot] <= k {
				return x
			}
			return y
		}
	case nGt:
		return func(e *env) float64 {
			if e.s[slot] > k {
				return x
			}
			return y
		}
	}
	return func(e *env) float64 {
		if e.s[slot] >= k {
			return x
		}
		return y
	}
}
