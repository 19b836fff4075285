package sim

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/expr-lang/expr/parser"
)

// GoExpr returns expression x of m's scenario as a Go expression, compiled
// the way the engine compiles it (names resolved, constant subtrees folded)
// and written for a hand-made turn such as the benchmark fixture
// tools/turngen generates. effect says whether x is an effect's change,
// which may read 'level'; a number expression gives a float64, a
// condition a bool.
//
// The Go expression reads variable i as v[i], lever i's ordered level as
// float64(l[i]), the turn as turn, the effect's level as level and
// parameter i as p[i]. Addition, subtraction and multiplication are
// written in place, each result converted with float64() so that no two
// are fused into one rounding; the operations that can fault are methods
// of f, which the fixture provides: f.div, f.mod, f.pow, f.sqrt, f.exp,
// f.log, f.noise and f.random (the last two drawing from the game's
// generator); '? :' is a function literal called at once. The other
// functions are math's (math.Min, math.Max, math.Abs, ...) and clamp and
// sign, also the fixture's. An expression that does not compile gives its
// error.
func (m *Model) GoExpr(x Expr, effect bool) (string, error) {
	sc := &scope{names: map[string]int{"turn": m.slotTurn}, hasLevel: effect}
	for id, i := range m.vars {
		sc.names[id] = i
	}
	for id, i := range m.levers {
		sc.names[id] = m.nv + i
	}
	for id, i := range m.params {
		if _, taken := sc.names[id]; !taken {
			sc.names[id] = m.slotParam + i
		}
	}
	if effect {
		sc.names["level"] = m.slotLevel
	}
	tree, err := parser.Parse(x.Src)
	if err != nil {
		return "", fmt.Errorf("sim: %s: %v", x.Pos, err)
	}
	var errs ErrorList
	t := check(tree.Node, x, sc, &errs)
	if err := errs.Err(); err != nil {
		return "", err
	}
	if t, _ = fold(t, &errs); errs.Err() != nil {
		return "", errs.Err()
	}
	var b strings.Builder
	m.goNode(&b, t)
	return b.String(), nil
}

// goNode writes node t as Go.
func (m *Model) goNode(b *strings.Builder, t *tnode) {
	a := t.args
	bin := func(op string) {
		b.WriteString("(")
		m.goNode(b, a[0])
		b.WriteString(" " + op + " ")
		m.goNode(b, a[1])
		b.WriteString(")")
	}
	call := func(name string, args ...*tnode) {
		b.WriteString(name + "(")
		for i, x := range args {
			if i > 0 {
				b.WriteString(", ")
			}
			m.goNode(b, x)
		}
		b.WriteString(")")
	}
	// branch writes c ? x : y as a function literal called at once,
	// which the Go compiler inlines, so that only the branch taken is
	// evaluated.
	branch := func(typ string) {
		b.WriteString("func() " + typ + " {\nif ")
		m.goNode(b, a[0])
		b.WriteString(" {\nreturn ")
		m.goNode(b, a[1])
		b.WriteString("\n}\nreturn ")
		m.goNode(b, a[2])
		b.WriteString("\n}()")
	}
	switch t.op {
	case nNum:
		s := strconv.FormatFloat(t.val, 'g', -1, 64)
		if !strings.ContainsAny(s, ".e") {
			s += ".0"
		}
		if t.val < 0 || (t.val == 0 && 1/t.val < 0) {
			s = "(" + s + ")"
		}
		b.WriteString(s)
	case nBool:
		b.WriteString(strconv.FormatBool(t.b))
	case nSlot:
		switch s := t.slot; {
		case s < m.nv:
			fmt.Fprintf(b, "v[%d]", s)
		case s < m.slotTurn:
			fmt.Fprintf(b, "float64(l[%d])", s-m.nv)
		case s == m.slotTurn:
			b.WriteString("turn")
		case s == m.slotLevel:
			b.WriteString("level")
		default:
			fmt.Fprintf(b, "p[%d]", s-m.slotParam)
		}
	case nNeg:
		b.WriteString("(-")
		m.goNode(b, a[0])
		b.WriteString(")")
	case nNot:
		b.WriteString("(!")
		m.goNode(b, a[0])
		b.WriteString(")")
	case nAdd, nSub, nMul:
		b.WriteString("float64")
		bin(map[nodeOp]string{nAdd: "+", nSub: "-", nMul: "*"}[t.op])
	case nDiv:
		call("f.div", a...)
	case nMod:
		call("f.mod", a...)
	case nPow:
		call("f.pow", a...)
	case nLt, nLe, nGt, nGe, nEq, nNe:
		bin(map[nodeOp]string{nLt: "<", nLe: "<=", nGt: ">", nGe: ">=", nEq: "==", nNe: "!="}[t.op])
	case nAnd:
		bin("&&")
	case nOr:
		bin("||")
	case nCond:
		if t.typ == tBool {
			branch("bool")
		} else {
			branch("float64")
		}
	case nCall:
		switch t.fn {
		case fnMin, fnMax:
			name := "math.Max"
			if t.fn == fnMin {
				name = "math.Min"
			}
			if len(a) == 1 {
				m.goNode(b, a[0])
				return
			}
			// math.Min(math.Min(a, b), c): left to right, as the engine.
			for range len(a) - 1 {
				b.WriteString(name + "(")
			}
			m.goNode(b, a[0])
			for _, x := range a[1:] {
				b.WriteString(", ")
				m.goNode(b, x)
				b.WriteString(")")
			}
		default:
			name := map[funcID]string{
				fnAbs: "math.Abs", fnFloor: "math.Floor", fnCeil: "math.Ceil", fnRound: "math.Round",
				fnSign: "sign", fnClamp: "clamp", fnExp: "f.exp", fnSqrt: "f.sqrt", fnLog: "f.log",
				fnPow: "f.pow", fnNoise: "f.noise", fnRandom: "f.random",
			}[t.fn]
			call(name, a...)
		}
	}
}
