package sim

import (
	"strings"

	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
)

// Expressions are parsed by expr-lang/expr and then compiled here, once, at
// load time, into Go closures over a flat []float64 of slots: the
// variables, then the levels ordered this turn for each lever, then the
// turn number and the level of the effect being evaluated. Evaluating a
// compiled expression costs a few nanoseconds per node and allocates
// nothing.
//
// The compiler runs in stages, each in a file of its own, like
// expr-lang/expr's own pipeline: check (expr_check.go) resolves names and
// checks types into a typed tree; fold (expr_fold.go) evaluates constant
// subtrees once and reports constants that fault; emit (expr_emit.go)
// turns the tree into closures. What each operator and function computes,
// and when it faults, is defined once, in expr_ops.go, for both fold and
// emit.

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
	// fast is num's fast closure (expr_fast.go), or nil when the number
	// draws a random number; mixed is then num with its parts that draw
	// none computed fast (emitMixed), and nil otherwise.
	fast, mixed numFn
	// konst reports that the whole expression folded to the constant
	// number val at load time (filled by the fold stage).
	konst bool
	val   float64
	// levelOnly reports that the number reads no slot but 'level' and
	// draws no random number: its value is a function of the level alone.
	levelOnly bool
	// draw is the position of the expression's first random() or
	// noise(), or nil when it draws no random number.
	draw *Pos
}

// compileExpr parses src and compiles it to the wanted type. Mistakes,
// and constants that fault, are added to errs at their position in the
// file.
func compileExpr(x Expr, want exprType, sc *scope, errs *ErrorList) (compiled, bool) {
	return compileExprOpts(x, want, sc, errs, compileOpts{})
}

// compileOpts changes how an expression is compiled, for tests.
type compileOpts struct {
	noFold bool // skip the fold stage: constants are computed at run time
	// reads, if not nil, receives what each expression parsed reads
	// (ExprNames), by its source, so that it need not be parsed again.
	reads map[string][]string
}

// compileExprOpts runs the stages of the compiler: parse (expr-lang/expr),
// check (expr_check.go), fold constants (expr_fold.go) and emit closures
// (expr_emit.go).
func compileExprOpts(x Expr, want exprType, sc *scope, errs *ErrorList, opts compileOpts) (compiled, bool) {
	tree, err := parser.Parse(x.Src)
	if err != nil {
		if fe, ok := err.(*file.Error); ok {
			errs.Add(x.PosAt(fe.From), "syntax error: %s", strings.TrimSpace(fe.Message))
		} else {
			errs.Add(x.Pos, "syntax error: %v", err)
		}
		return compiled{}, false
	}
	if _, ok := opts.reads[x.Src]; opts.reads != nil && !ok {
		opts.reads[x.Src] = treeNames(tree.Node)
	}
	n := len(*errs)
	t := check(tree.Node, x, sc, errs)
	if len(*errs) > n {
		return compiled{}, false
	}
	if t.typ != want {
		errs.Add(x.Pos, "expression is a %s, want a %s", t.typ, want)
		return compiled{}, false
	}
	if !opts.noFold {
		var ok bool
		if t, ok = fold(t, errs); !ok {
			return compiled{}, false
		}
	}
	if want == tBool {
		return compiled{cond: emitCond(t), draw: firstDraw(t)}, true
	}
	konst := !opts.noFold && t.op == nNum
	level := -1
	if sc.hasLevel {
		level = sc.names["level"]
	}
	return compiled{num: emitNum(t), fast: emitFastNum(t), mixed: emitMixedNum(t), konst: konst, val: t.val, levelOnly: readsOnly(t, level), draw: firstDraw(t)}, true
}

// firstDraw returns the position of the first random() or noise() in t,
// in the order of the source, or nil when there is none.
func firstDraw(t *tnode) *Pos {
	if t.op == nCall && (t.fn == fnNoise || t.fn == fnRandom) {
		return sitePos(t)
	}
	for _, a := range t.args {
		if p := firstDraw(a); p != nil {
			return p
		}
	}
	return nil
}

// noDraw reports an expression read on the state, rather than played
// (a cost, a budget formula, a lever's conditions), that draws a random number: it is read
// with no generator of the game's, so every reading would give the same
// number, whatever the seed. The subject names the expression.
func (c *compiler) noDraw(f compiled, subject string) {
	if f.draw != nil {
		c.add(*f.draw, "%s draws a random number, but it is read on the state, not played: it would come out the same in every game (draw the chance in a rule or an effect)", subject)
	}
}

// readsOnly reports whether t reads no slot but slot (none, for -1) and
// draws no random number.
func readsOnly(t *tnode, slot int) bool {
	switch {
	case t.op == nSlot && t.slot != slot:
		return false
	case t.op == nCall && (t.fn == fnNoise || t.fn == fnRandom):
		return false
	}
	for _, a := range t.args {
		if !readsOnly(a, slot) {
			return false
		}
	}
	return true
}
