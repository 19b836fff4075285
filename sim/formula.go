package sim

import (
	"math"
	"strings"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"

	"github.com/sixparty/sixparty/internal/suggest"
)

// Expressions are parsed by expr-lang/expr and then compiled here, once, at
// load time, into Go closures over a flat []float64 of slots: the
// variables, then the levels ordered this turn for each lever, then the
// turn number and the level of the effect being evaluated. Evaluating a
// compiled expression costs a few nanoseconds per node and allocates
// nothing.

type (
	numFn  func(*env) float64
	boolFn func(*env) bool
)

// env is what compiled expressions read: the slots, the game's random
// generator and a place to report a fault such as a division by zero.
type env struct {
	s     []float64
	rng   *RNG
	fault *fault
}

// fault records the first evaluation fault of an expression.
type fault struct {
	set bool
	pos Pos
	msg string
}

func (e *env) fail(pos Pos, msg string) {
	if !e.fault.set {
		*e.fault = fault{set: true, pos: pos, msg: msg}
	}
}

// exprType is the static type of an expression: a number or a condition.
type exprType int

const (
	tNum exprType = iota
	tBool
)

func (t exprType) String() string {
	if t == tBool {
		return "condition"
	}
	return "number"
}

// scope says which names an expression may use.
type scope struct {
	names     map[string]int // name -> slot
	all       []string       // every name, for hints
	hasLevel  bool           // whether 'level' is meaningful here
	levelSlot int
}

// compiled is an expression compiled to a closure of one type.
type compiled struct {
	num  numFn
	cond boolFn
	// konst reports that the whole expression folded to the constant
	// number val at load time (filled by the fold stage).
	konst bool
	val   float64
}

// compileExpr parses src and compiles it to the wanted type. Mistakes are
// added to errs at their position in the file.
func compileExpr(x Expr, want exprType, sc *scope, errs *ErrorList) (compiled, bool) {
	tree, err := parser.Parse(x.Src)
	if err != nil {
		if fe, ok := err.(*file.Error); ok {
			errs.Add(x.PosAt(fe.From), "syntax error: %s", strings.TrimSpace(fe.Message))
		} else {
			errs.Add(x.Pos, "syntax error: %v", err)
		}
		return compiled{}, false
	}
	c := &exprCompiler{x: x, sc: sc, errs: errs}
	n := len(*errs)
	got, num, cond := c.node(tree.Node)
	if len(*errs) > n {
		return compiled{}, false
	}
	if got != want {
		errs.Add(x.Pos, "expression is a %s, want a %s", got, want)
		return compiled{}, false
	}
	return compiled{num: num, cond: cond}, true
}

type exprCompiler struct {
	x    Expr
	sc   *scope
	errs *ErrorList
}

func (c *exprCompiler) pos(n ast.Node) Pos { return c.x.PosAt(n.Location().From) }

func (c *exprCompiler) errorf(n ast.Node, format string, args ...any) (exprType, numFn, boolFn) {
	c.errs.Add(c.pos(n), format, args...)
	return tNum, func(*env) float64 { return 0 }, nil
}

// name returns the dotted name an identifier or member chain spells, if it
// is one.
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

// num compiles n and insists that it is a number.
func (c *exprCompiler) num(n ast.Node) numFn {
	t, f, _ := c.node(n)
	if t != tNum {
		c.errs.Add(c.pos(n), "expected a number, found a condition")
		return func(*env) float64 { return 0 }
	}
	return f
}

// cond compiles n and insists that it is a condition.
func (c *exprCompiler) cond(n ast.Node) boolFn {
	t, _, f := c.node(n)
	if t != tBool {
		c.errs.Add(c.pos(n), "expected a condition (true or false), found a number")
		return func(*env) bool { return false }
	}
	return f
}

func (c *exprCompiler) node(n ast.Node) (exprType, numFn, boolFn) {
	switch n := n.(type) {
	case *ast.IntegerNode:
		v := float64(n.Value)
		return tNum, func(*env) float64 { return v }, nil
	case *ast.FloatNode:
		v := n.Value
		return tNum, func(*env) float64 { return v }, nil
	case *ast.BoolNode:
		v := n.Value
		return tBool, nil, func(*env) bool { return v }
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
		return tNum, func(e *env) float64 { return e.s[slot] }, nil
	case *ast.UnaryNode:
		switch n.Operator {
		case "-":
			f := c.num(n.Node)
			return tNum, func(e *env) float64 { return -f(e) }, nil
		case "+":
			return tNum, c.num(n.Node), nil
		case "!", "not":
			f := c.cond(n.Node)
			return tBool, nil, func(e *env) bool { return !f(e) }
		}
		return c.errorf(n, "unsupported operator %q", n.Operator)
	case *ast.BinaryNode:
		return c.binary(n)
	case *ast.ConditionalNode:
		cond := c.cond(n.Cond)
		t1, a1, b1 := c.node(n.Exp1)
		t2, a2, b2 := c.node(n.Exp2)
		if t1 != t2 {
			return c.errorf(n.Exp2, "both branches must be of the same type: %s and %s", t1, t2)
		}
		if t1 == tBool {
			return tBool, nil, func(e *env) bool {
				if cond(e) {
					return b1(e)
				}
				return b2(e)
			}
		}
		return tNum, func(e *env) float64 {
			if cond(e) {
				return a1(e)
			}
			return a2(e)
		}, nil
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

func (c *exprCompiler) binary(n *ast.BinaryNode) (exprType, numFn, boolFn) {
	switch n.Operator {
	case "and", "&&", "or", "||":
		l, r := c.cond(n.Left), c.cond(n.Right)
		if n.Operator == "and" || n.Operator == "&&" {
			return tBool, nil, func(e *env) bool { return l(e) && r(e) }
		}
		return tBool, nil, func(e *env) bool { return l(e) || r(e) }
	case "==", "!=":
		tl, nl, bl := c.node(n.Left)
		tr, nr, br := c.node(n.Right)
		if tl != tr {
			return c.errorf(n, "cannot compare a %s with a %s", tl, tr)
		}
		eq := n.Operator == "=="
		if tl == tBool {
			return tBool, nil, func(e *env) bool { return (bl(e) == br(e)) == eq }
		}
		return tBool, nil, func(e *env) bool { return (nl(e) == nr(e)) == eq }
	}
	if f, ok := c.specialised(n); ok {
		return f()
	}
	l, r := c.num(n.Left), c.num(n.Right)
	pos := c.pos(n)
	switch n.Operator {
	case "+":
		return tNum, func(e *env) float64 { return l(e) + r(e) }, nil
	case "-":
		return tNum, func(e *env) float64 { return l(e) - r(e) }, nil
	case "*":
		return tNum, func(e *env) float64 { return l(e) * r(e) }, nil
	case "/":
		return tNum, func(e *env) float64 {
			d := r(e)
			if d == 0 {
				e.fail(pos, "division by zero")
				return 0
			}
			return l(e) / d
		}, nil
	case "%":
		return tNum, func(e *env) float64 {
			d := r(e)
			if d == 0 {
				e.fail(pos, "modulo by zero")
				return 0
			}
			return math.Mod(l(e), d)
		}, nil
	case "**", "^":
		return tNum, func(e *env) float64 { return math.Pow(l(e), r(e)) }, nil
	case "<":
		return tBool, nil, func(e *env) bool { return l(e) < r(e) }
	case "<=":
		return tBool, nil, func(e *env) bool { return l(e) <= r(e) }
	case ">":
		return tBool, nil, func(e *env) bool { return l(e) > r(e) }
	case ">=":
		return tBool, nil, func(e *env) bool { return l(e) >= r(e) }
	}
	return c.errorf(n, "unsupported operator %q", n.Operator)
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

func (c *exprCompiler) call(n ast.Node, name string, args []ast.Node) (exprType, numFn, boolFn) {
	fs := make([]numFn, len(args))
	for i, a := range args {
		fs[i] = c.num(a)
	}
	arity := func(want int) bool {
		if len(fs) != want {
			plural := "s"
			if want == 1 {
				plural = ""
			}
			c.errs.Add(c.pos(n), "%s takes %d argument%s, got %d", name, want, plural, len(fs))
			return false
		}
		return true
	}
	unary := func(op func(float64) float64) (exprType, numFn, boolFn) {
		if !arity(1) {
			return tNum, func(*env) float64 { return 0 }, nil
		}
		a := fs[0]
		return tNum, func(e *env) float64 { return op(a(e)) }, nil
	}
	pos := c.pos(n)
	switch name {
	case "abs":
		return unary(math.Abs)
	case "floor":
		return unary(math.Floor)
	case "ceil":
		return unary(math.Ceil)
	case "round":
		return unary(math.Round)
	case "exp":
		return unary(math.Exp)
	case "sign":
		return unary(func(x float64) float64 {
			switch {
			case x > 0:
				return 1
			case x < 0:
				return -1
			}
			return 0
		})
	case "sqrt":
		if !arity(1) {
			break
		}
		a := fs[0]
		return tNum, func(e *env) float64 {
			x := a(e)
			if x < 0 {
				e.fail(pos, "square root of a negative number")
				return 0
			}
			return math.Sqrt(x)
		}, nil
	case "log":
		if !arity(1) {
			break
		}
		a := fs[0]
		return tNum, func(e *env) float64 {
			x := a(e)
			if x <= 0 {
				e.fail(pos, "logarithm of a number that is not positive")
				return 0
			}
			return math.Log(x)
		}, nil
	case "pow":
		if !arity(2) {
			break
		}
		a, b := fs[0], fs[1]
		return tNum, func(e *env) float64 { return math.Pow(a(e), b(e)) }, nil
	case "clamp":
		if !arity(3) {
			break
		}
		x, lo, hi := fs[0], fs[1], fs[2]
		return tNum, func(e *env) float64 { return math.Max(lo(e), math.Min(hi(e), x(e))) }, nil
	case "min", "max":
		if len(fs) == 0 {
			c.errs.Add(pos, "%s needs at least one argument", name)
			break
		}
		if len(fs) == 2 {
			a, b := fs[0], fs[1]
			if name == "min" {
				return tNum, func(e *env) float64 { return math.Min(a(e), b(e)) }, nil
			}
			return tNum, func(e *env) float64 { return math.Max(a(e), b(e)) }, nil
		}
		pick := math.Max
		if name == "min" {
			pick = math.Min
		}
		return tNum, func(e *env) float64 {
			v := fs[0](e)
			for _, f := range fs[1:] {
				v = pick(v, f(e))
			}
			return v
		}, nil
	case "noise":
		if !arity(1) {
			break
		}
		sd := fs[0]
		return tNum, func(e *env) float64 { return e.rng.NormFloat64() * sd(e) }, nil
	case "random":
		if !arity(0) {
			break
		}
		return tNum, func(e *env) float64 { return e.rng.Float64() }, nil
	default:
		return c.errorf(n, "unknown function %q%s", name, suggest.Hint(name, funcNames()))
	}
	return tNum, func(*env) float64 { return 0 }, nil
}

// constOf folds a subtree made only of number literals and arithmetic.
func constOf(n ast.Node) (float64, bool) {
	switch n := n.(type) {
	case *ast.IntegerNode:
		return float64(n.Value), true
	case *ast.FloatNode:
		return n.Value, true
	case *ast.UnaryNode:
		if v, ok := constOf(n.Node); ok {
			switch n.Operator {
			case "-":
				return -v, true
			case "+":
				return v, true
			}
		}
	case *ast.BinaryNode:
		a, ok1 := constOf(n.Left)
		b, ok2 := constOf(n.Right)
		if ok1 && ok2 {
			switch n.Operator {
			case "+":
				return a + b, true
			case "-":
				return a - b, true
			case "*":
				return a * b, true
			case "/":
				if b != 0 {
					return a / b, true
				}
			}
		}
	}
	return 0, false
}

// slotOf returns the slot a name node reads, if it is one.
func (c *exprCompiler) slotOf(n ast.Node) (int, bool) {
	name, ok := dotted(n)
	if !ok || (name == "level" && !c.sc.hasLevel) {
		return 0, false
	}
	slot, ok := c.sc.names[name]
	return slot, ok
}

// specialised compiles the common shapes "operand op constant" and
// "constant op operand" into single closures, which roughly halves their
// cost; ok is false for any other shape.
func (c *exprCompiler) specialised(n *ast.BinaryNode) (func() (exprType, numFn, boolFn), bool) {
	if v, ok := constOf(n); ok {
		return func() (exprType, numFn, boolFn) { return tNum, func(*env) float64 { return v }, nil }, true
	}
	k, rightConst := constOf(n.Right)
	kl, leftConst := constOf(n.Left)
	if !rightConst && !leftConst {
		return nil, false
	}
	if leftConst {
		k = kl
	}
	switch n.Operator {
	case "+", "-", "*":
	case "/":
		if !rightConst || k == 0 {
			return nil, false
		}
	case "<", "<=", ">", ">=":
		if !rightConst {
			return nil, false
		}
	default:
		return nil, false
	}
	other := n.Left
	if leftConst {
		other = n.Right
	}
	return func() (exprType, numFn, boolFn) {
		if slot, isSlot := c.slotOf(other); isSlot {
			switch {
			case n.Operator == "*":
				return tNum, func(e *env) float64 { return e.s[slot] * k }, nil
			case n.Operator == "+":
				return tNum, func(e *env) float64 { return e.s[slot] + k }, nil
			case n.Operator == "-" && rightConst:
				return tNum, func(e *env) float64 { return e.s[slot] - k }, nil
			case n.Operator == "-":
				return tNum, func(e *env) float64 { return k - e.s[slot] }, nil
			case n.Operator == "/":
				inv := 1 / k
				return tNum, func(e *env) float64 { return e.s[slot] * inv }, nil
			case n.Operator == "<":
				return tBool, nil, func(e *env) bool { return e.s[slot] < k }
			case n.Operator == "<=":
				return tBool, nil, func(e *env) bool { return e.s[slot] <= k }
			case n.Operator == ">":
				return tBool, nil, func(e *env) bool { return e.s[slot] > k }
			case n.Operator == ">=":
				return tBool, nil, func(e *env) bool { return e.s[slot] >= k }
			}
		}
		f := c.num(other)
		switch {
		case n.Operator == "*":
			return tNum, func(e *env) float64 { return f(e) * k }, nil
		case n.Operator == "+":
			return tNum, func(e *env) float64 { return f(e) + k }, nil
		case n.Operator == "-" && rightConst:
			return tNum, func(e *env) float64 { return f(e) - k }, nil
		case n.Operator == "-":
			return tNum, func(e *env) float64 { return k - f(e) }, nil
		case n.Operator == "/":
			return tNum, func(e *env) float64 { return f(e) / k }, nil
		case n.Operator == "<":
			return tBool, nil, func(e *env) bool { return f(e) < k }
		case n.Operator == "<=":
			return tBool, nil, func(e *env) bool { return f(e) <= k }
		case n.Operator == ">":
			return tBool, nil, func(e *env) bool { return f(e) > k }
		}
		return tBool, nil, func(e *env) bool { return f(e) >= k }
	}, true
}
