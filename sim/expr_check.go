package sim

import (
	"strings"
	"unicode/utf8"

	"github.com/expr-lang/expr/ast"

	"github.com/sixparty/sixparty/internal/suggest"
)

// The check stage: it walks the tree expr-lang/expr's parser produced,
// resolves every name to its slot, checks the types and the number of
// arguments of every call, and builds a typed tree of tnodes for the fold
// and emit stages. Every mistake is added to the error list at its
// position, with a did-you-mean hint for unknown names; checking goes on
// after a mistake so that all of them are listed together.

// nodeOp is what a node of the typed tree does.
type nodeOp uint8

const (
	nNum  nodeOp = iota // a number: val
	nBool               // a condition: b
	nSlot               // the number in slot slot
	nNeg                // -args[0]
	nNot                // not args[0]
	nAdd                // args[0] + args[1], and so on for the binary operators
	nSub
	nMul
	nDiv
	nMod
	nPow
	nLt
	nLe
	nGt
	nGe
	nEq // args[0] == args[1], two numbers or two conditions
	nNe
	nAnd
	nOr
	nCond // args[0] ? args[1] : args[2]
	nCall // fn(args...)
)

// funcID names a function of Functions.
type funcID uint8

const (
	fnAbs funcID = iota
	fnMin
	fnMax
	fnClamp
	fnFloor
	fnCeil
	fnRound
	fnSqrt
	fnExp
	fnLog
	fnPow
	fnSign
	fnNoise
	fnRandom
)

// funcIDs maps a function's name to its funcID.
var funcIDs = map[string]funcID{
	"abs": fnAbs, "min": fnMin, "max": fnMax, "clamp": fnClamp, "floor": fnFloor, "ceil": fnCeil,
	"round": fnRound, "sqrt": fnSqrt, "exp": fnExp, "log": fnLog, "pow": fnPow, "sign": fnSign,
	"noise": fnNoise, "random": fnRandom,
}

// arities gives the number of arguments of each function; -1 means one or
// more.
var arities = [...]int{
	fnAbs: 1, fnMin: -1, fnMax: -1, fnClamp: 3, fnFloor: 1, fnCeil: 1, fnRound: 1,
	fnSqrt: 1, fnExp: 1, fnLog: 1, fnPow: 2, fnSign: 1, fnNoise: 1, fnRandom: 0,
}

// binaryOps maps the arithmetic and ordering operators to their nodeOp.
var binaryOps = map[string]nodeOp{
	"+": nAdd, "-": nSub, "*": nMul, "/": nDiv, "%": nMod, "**": nPow, "^": nPow,
	"<": nLt, "<=": nLe, ">": nGt, ">=": nGe,
}

// tnode is a node of the typed tree.
type tnode struct {
	op   nodeOp
	typ  exprType
	fn   funcID // for nCall
	pos  Pos    // where a fault of this node is reported: its operator or call
	val  float64
	b    bool
	slot int
	args []*tnode
	// konst reports that the node reads neither a slot nor the random
	// generator, so that its value is known at load time.
	konst bool
}

func numNode(pos Pos, v float64) *tnode {
	return &tnode{op: nNum, typ: tNum, pos: pos, val: v, konst: true}
}

func boolNode(pos Pos, b bool) *tnode {
	return &tnode{op: nBool, typ: tBool, pos: pos, b: b, konst: true}
}

// newNode returns a node of op over args, constant when all args are.
func newNode(op nodeOp, typ exprType, pos Pos, args ...*tnode) *tnode {
	t := &tnode{op: op, typ: typ, pos: pos, args: args, konst: true}
	for _, a := range args {
		t.konst = t.konst && a.konst
	}
	return t
}

type checker struct {
	x    Expr
	sc   *scope
	errs *ErrorList
	// flat reports that x is written as it is on one line of ASCII, so
	// that the position of its rune at off is off columns on from x.Pos.
	flat bool
}

// check builds the typed tree of n, adding any mistakes to errs.
func check(n ast.Node, x Expr, sc *scope, errs *ErrorList) *tnode {
	c := &checker{x: x, sc: sc, errs: errs, flat: x.Pos.IsValid() && x.At == nil && flatASCII(x.Src)}
	return c.node(n)
}

// pos is x.PosAt of where n is written, found without going over the
// text when it is flat.
func (c *checker) pos(n ast.Node) Pos {
	off := n.Location().From
	if !c.flat {
		return c.x.PosAt(off)
	}
	p := c.x.Pos
	if off < 0 || off > len(c.x.Src) {
		off = len(c.x.Src) // PosAt goes over the whole text
	}
	p.Col += off
	return p
}

// flatASCII reports whether s is ASCII with no line break.
func flatASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] == '\n' {
			return false
		}
	}
	return true
}

// start is where the text of n begins: the position of its leftmost part.
// (expr-lang places a binary operation at its operator and a dotted name
// at its last dot; a mistake in a whole sub-expression is reported where
// the reader sees it begin.)
func (c *checker) start(n ast.Node) Pos {
	for {
		switch m := n.(type) {
		case *ast.BinaryNode:
			n = m.Left
		case *ast.MemberNode:
			n = m.Node
		case *ast.ConditionalNode:
			n = m.Cond
		case *ast.CallNode:
			n = m.Callee
		default:
			return c.pos(n)
		}
	}
}

// errorf adds a mistake at n and returns a placeholder number.
func (c *checker) errorf(n ast.Node, format string, args ...any) *tnode {
	c.errs.Add(c.pos(n), format, args...)
	return numNode(c.pos(n), 0)
}

// dotted returns the dotted name an identifier or member chain spells, if
// it is one.
func dotted(n ast.Node) (string, bool) {
	switch n := n.(type) {
	case *ast.IdentifierNode:
		return n.Value, true
	case *ast.MemberNode:
		prop, ok := n.Property.(*ast.StringNode)
		if !ok || n.Optional || n.Method {
			return "", false
		}
		base, ok := dotted(n.Node)
		if !ok {
			return "", false
		}
		return base + "." + prop.Value, true
	}
	return "", false
}

// num checks n and insists that it is a number.
func (c *checker) num(n ast.Node) *tnode {
	t := c.node(n)
	if t.typ != tNum {
		c.errs.Add(c.start(n), "expected a number, found a condition")
		return numNode(t.pos, 0)
	}
	return t
}

// cond checks n and insists that it is a condition.
func (c *checker) cond(n ast.Node) *tnode {
	t := c.node(n)
	if t.typ != tBool {
		c.errs.Add(c.start(n), "expected a condition (true or false), found a number")
		return boolNode(t.pos, false)
	}
	return t
}

func (c *checker) node(n ast.Node) *tnode {
	switch n := n.(type) {
	case *ast.IntegerNode:
		return numNode(c.pos(n), float64(n.Value))
	case *ast.FloatNode:
		return numNode(c.pos(n), n.Value)
	case *ast.BoolNode:
		return boolNode(c.pos(n), n.Value)
	case *ast.IdentifierNode, *ast.MemberNode:
		name, ok := dotted(n)
		if !ok {
			return c.errorf(n, "unsupported expression")
		}
		if name == "level" && !c.sc.hasLevel {
			return c.errorf(n, "'level' is only defined in lever and event effects")
		}
		slot, ok := c.sc.names[name]
		if !ok {
			// Point at the start of the whole dotted name.
			root := ast.Node(n)
			for mn, ok := root.(*ast.MemberNode); ok; mn, ok = root.(*ast.MemberNode) {
				root = mn.Node
			}
			return c.errorf(root, "unknown name %q%s", name, suggest.Hint(name, c.sc.all))
		}
		return &tnode{op: nSlot, typ: tNum, pos: c.pos(n), slot: slot}
	case *ast.UnaryNode:
		switch n.Operator {
		case "-":
			return newNode(nNeg, tNum, c.pos(n), c.num(n.Node))
		case "+":
			return c.num(n.Node)
		case "!", "not":
			return newNode(nNot, tBool, c.pos(n), c.cond(n.Node))
		}
		return c.errorf(n, "unsupported operator %q", n.Operator)
	case *ast.BinaryNode:
		return c.binary(n)
	case *ast.ConditionalNode:
		cond := c.cond(n.Cond)
		a, b := c.node(n.Exp1), c.node(n.Exp2)
		if a.typ != b.typ {
			c.errs.Add(c.start(n.Exp2), "both branches must be of the same type: %s and %s", a.typ, b.typ)
			return numNode(c.pos(n), 0)
		}
		return newNode(nCond, a.typ, c.pos(n), cond, a, b)
	case *ast.BuiltinNode:
		return c.call(n, n.Name, n.Arguments)
	case *ast.CallNode:
		name, ok := dotted(n.Callee)
		if !ok {
			return c.errorf(n, "unsupported call")
		}
		return c.call(n, name, n.Arguments)
	}
	return c.errorf(n, "unsupported expression %q", n.String())
}

func (c *checker) binary(n *ast.BinaryNode) *tnode {
	pos := c.pos(n)
	switch n.Operator {
	case "and", "&&":
		return newNode(nAnd, tBool, pos, c.cond(n.Left), c.cond(n.Right))
	case "or", "||":
		return newNode(nOr, tBool, pos, c.cond(n.Left), c.cond(n.Right))
	case "==", "!=":
		l, r := c.node(n.Left), c.node(n.Right)
		if l.typ != r.typ {
			return c.errorf(n, "cannot compare a %s with a %s", l.typ, r.typ)
		}
		op := nEq
		if n.Operator == "!=" {
			op = nNe
		}
		return newNode(op, tBool, pos, l, r)
	}
	op, ok := binaryOps[n.Operator]
	if !ok {
		// Check the operands anyway, so that their mistakes are listed too.
		c.num(n.Left)
		c.num(n.Right)
		return c.errorf(n, "unsupported operator %q", n.Operator)
	}
	l, r := c.num(n.Left), c.num(n.Right)
	typ := tNum
	if op >= nLt {
		typ = tBool
	}
	return newNode(op, typ, pos, l, r)
}

// Functions lists the functions expressions may call, with a description
// of each, for the format reference.
var Functions = []struct{ Name, Doc string }{
	{"abs(x)", "absolute value"},
	{"min(a, b, ...)", "smallest of the arguments"},
	{"max(a, b, ...)", "largest of the arguments"},
	{"clamp(x, lo, hi)", "x limited to the range lo..hi"},
	{"floor(x)", "largest whole number not above x"},
	{"ceil(x)", "smallest whole number not below x"},
	{"round(x)", "x rounded to the nearest whole number"},
	{"sqrt(x)", "square root (x must not be negative)"},
	{"exp(x)", "e raised to x"},
	{"log(x)", "natural logarithm (x must be positive)"},
	{"pow(x, y)", "x raised to y (also written x ** y)"},
	{"sign(x)", "-1, 0 or 1"},
	{"noise(sd)", "a random number from a normal distribution with mean 0 and standard deviation sd, drawn from the game's seeded generator"},
	{"random()", "a random number from 0 up to 1, drawn from the game's seeded generator"},
}

func funcNames() []string {
	names := make([]string, len(Functions))
	for i, f := range Functions {
		names[i], _, _ = strings.Cut(f.Name, "(")
	}
	return names
}

func (c *checker) call(n ast.Node, name string, args []ast.Node) *tnode {
	ts := make([]*tnode, len(args))
	for i, a := range args {
		ts[i] = c.num(a)
	}
	pos := c.pos(n)
	fn, ok := funcIDs[name]
	if !ok {
		return c.errorf(n, "unknown function %q%s", name, suggest.Hint(name, funcNames()))
	}
	switch want := arities[fn]; {
	case want < 0 && len(ts) == 0:
		c.errs.Add(pos, "%s needs at least one argument", name)
		return numNode(pos, 0)
	case want >= 0 && len(ts) != want:
		plural := "s"
		if want == 1 {
			plural = ""
		}
		c.errs.Add(pos, "%s takes %d argument%s, got %d", name, want, plural, len(ts))
		return numNode(pos, 0)
	}
	t := newNode(nCall, tNum, pos, ts...)
	t.fn = fn
	if fn == fnNoise || fn == fnRandom {
		t.konst = false // never folded: each evaluation draws anew
	}
	return t
}
