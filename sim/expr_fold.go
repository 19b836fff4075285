package sim

import "math"

// The fold stage: every constant subtree of the typed tree (one that reads
// neither a slot nor the random generator) is evaluated once, at load
// time, with the same functions the emitted closures call (expr_ops.go),
// and replaced by its value. A constant condition of ?: picks its branch,
// and a constant left operand of and/or decides or drops it, exactly as
// evaluation would. random() and noise() are never folded.
//
// A constant that faults, such as 7/0 or log(-1), is a mistake in the file
// whether or not the game ever reaches it, so it is an error at the
// position of the faulting operator or call, with the message a run-time
// fault of the same operation has. A subtree containing a fault is left
// as it is, so that one mistake is reported once.

// fold returns t with its constant subtrees replaced by their values. ok
// is false when a constant faulted; the fault is then in errs.
func fold(t *tnode, errs *ErrorList) (folded *tnode, ok bool) {
	if len(t.args) == 0 {
		return t, true
	}
	args := make([]*tnode, len(t.args))
	ok = true
	for i, a := range t.args {
		var aok bool
		args[i], aok = fold(a, errs)
		ok = ok && aok
	}
	u := *t
	u.args = args
	if !ok {
		return &u, false
	}
	switch {
	case t.op == nCond && args[0].op == nBool:
		if args[0].b {
			return args[1], true
		}
		return args[2], true
	case (t.op == nAnd || t.op == nOr) && args[0].op == nBool:
		// false and x, true or x: decided; true and x, false or x: x.
		if args[0].b == (t.op == nOr) {
			return boolNode(t.pos, args[0].b), true
		}
		return args[1], true
	}
	if !u.konst {
		return &u, true
	}
	for _, a := range args {
		if a.op != nNum && a.op != nBool {
			return &u, true
		}
	}
	if u.typ == tBool {
		return boolNode(t.pos, evalConstCond(&u)), true
	}
	v, f := evalConstNum(&u)
	if f != noFault {
		errs.Add(t.pos, "%s", f)
		return &u, false
	}
	return numNode(t.pos, v), true
}

// evalConstNum evaluates a number node whose operands are all literals.
func evalConstNum(t *tnode) (float64, faultCode) {
	a := t.args
	x := a[0].val
	switch t.op {
	case nNeg:
		return -x, noFault
	case nAdd:
		return opAdd(x, a[1].val)
	case nSub:
		return opSub(x, a[1].val)
	case nMul:
		return opMul(x, a[1].val)
	case nDiv:
		return opDiv(x, a[1].val)
	case nMod:
		return opMod(x, a[1].val)
	case nPow:
		return opPow(x, a[1].val)
	case nCond:
		if a[0].b {
			return a[1].val, noFault
		}
		return a[2].val, noFault
	case nCall:
		switch t.fn {
		case fnAbs:
			return math.Abs(x), noFault
		case fnMin, fnMax:
			pick := opMax
			if t.fn == fnMin {
				pick = opMin
			}
			v := x
			for _, b := range a[1:] {
				v = pick(v, b.val)
			}
			return v, noFault
		case fnClamp:
			return opClamp(x, a[1].val, a[2].val), noFault
		case fnFloor:
			return math.Floor(x), noFault
		case fnCeil:
			return math.Ceil(x), noFault
		case fnRound:
			return math.Round(x), noFault
		case fnSqrt:
			return opSqrt(x)
		case fnExp:
			return opExp(x)
		case fnLog:
			return opLog(x)
		case fnPow:
			return opPow(x, a[1].val)
		case fnSign:
			return opSign(x), noFault
		}
	}
	panic("sim: fold: not a constant number node")
}

// evalConstCond evaluates a condition node whose operands are all
// literals.
func evalConstCond(t *tnode) bool {
	a := t.args
	switch t.op {
	case nNot:
		return !a[0].b
	case nLt:
		return a[0].val < a[1].val
	case nLe:
		return a[0].val <= a[1].val
	case nGt:
		return a[0].val > a[1].val
	case nGe:
		return a[0].val >= a[1].val
	case nEq, nNe:
		eq := a[0].val == a[1].val
		if a[0].typ == tBool {
			eq = a[0].b == a[1].b
		}
		return eq == (t.op == nEq)
	case nAnd:
		return a[0].b && a[1].b
	case nOr:
		return a[0].b || a[1].b
	case nCond:
		if a[0].b {
			return a[1].b
		}
		return a[2].b
	}
	panic("sim: fold: not a constant condition node")
}
