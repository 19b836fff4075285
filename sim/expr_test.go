package sim

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/expr-lang/expr/parser"
)

// The slots the expression tests read.
var (
	exprSlots = []float64{4, -2, 0, 57.5, 3, 2}
	// The same values as variables, so that expected values written as Go
	// expressions over them are computed at run time, one rounding per
	// operation, as the engine computes, not exactly as Go constants are.
	vx, vy, vb = 4.0, -2.0, 57.5
	negZero    = math.Copysign(0, -1)
)

func exprScope() *scope {
	names := map[string]int{"x": 0, "a.y": 1, "z": 2, "b": 3, "turn": 4, "level": 5}
	return &scope{names: names, all: []string{"x", "a.y", "z", "b", "turn", "level"}, hasLevel: true}
}

// evalBoth compiles src with and without the fold stage and evaluates
// both with the same slots and generator. It fails the test if either
// does not compile.
func evalBoth(t *testing.T, src string, want exprType) (folded, unfolded exprResult) {
	t.Helper()
	for i, opts := range []compileOpts{{}, {noFold: true}} {
		var errs ErrorList
		c, ok := compileExprOpts(Expr{Src: src}, want, exprScope(), &errs, opts)
		if !ok {
			t.Fatalf("%s (noFold %v): %v", src, opts.noFold, errs)
		}
		r := evalCompiled(c, exprSlots, NewRNG(7))
		if i == 0 {
			folded = r
		} else {
			unfolded = r
		}
	}
	return folded, unfolded
}

// exprResult is the outcome of one evaluation of a compiled expression.
type exprResult struct {
	num   float64
	cond  bool
	fault fault
	rng   RNG // the generator after the evaluation
}

func (r exprResult) same(o exprResult) bool {
	return math.Float64bits(r.num) == math.Float64bits(o.num) && r.cond == o.cond && r.fault == o.fault && r.rng == o.rng
}

func (r exprResult) String() string {
	if r.fault.set {
		return fmt.Sprintf("fault %s: %s", r.fault.pos, r.fault.msg)
	}
	return fmt.Sprintf("%v/%v (rng %d)", r.num, r.cond, r.rng.State)
}

// evalCompiled evaluates c on slots: a number by its checked closure, and
// again as a turn does (evalFast with turnFns: the fast closure, or the
// mixed one for a number that draws), which must give the same value,
// fault and generator; a fault leaves the value unused, so then only the
// fault and the generator need agree. (A compiled value a test makes
// itself may have no turn closures.) It panics when the two differ, and
// so every test of the closures' values tests the fast ones too.
func evalCompiled(c compiled, slots []float64, rng RNG) exprResult {
	var r exprResult
	r.rng = rng
	e := env{s: slots, rng: &r.rng, fault: &r.fault}
	if c.num == nil {
		r.cond = c.cond(&e)
		return r
	}
	r.num = c.num(&e)
	if c.fast == nil && c.mixed == nil {
		return r // made by a test, with no turn closures
	}
	var t exprResult
	t.rng = rng
	fn, slow := c.turnFns()
	t.num = evalFast(fn, slow, &env{s: slots, rng: &t.rng, fault: &t.fault})
	if r.fault.set {
		t.num = r.num
	}
	if !t.same(r) {
		panic(fmt.Sprintf("the turn's closures give %v, the checked one %v", t, r))
	}
	return r
}

// TestExprValues evaluates every operator and function on constants,
// variables and mixtures of both, with and without folding, and wants the
// exact value from both.
func TestExprValues(t *testing.T) {
	tests := []struct {
		src  string
		want float64
	}{
		// + - * / with every shape the emitter specialises.
		{"1 + 2", 3}, {"x + 1", 5}, {"1 + x", 5}, {"x + a.y", 2}, {"(x + 1) + 2", 7}, {"2 + (x + 1)", 7}, {"(x + 1) + (a.y + 1)", 4},
		{"5 - 2", 3}, {"2 - 5", -3}, {"x - 1", 3}, {"10 - x", 6}, {"x - a.y", 6}, {"(x + 1) - 1", 4}, {"1 - (x + 1)", -4},
		{"2 * 3", 6}, {"x * 2", 8}, {"2 * x", 8}, {"x * a.y", -8}, {"(x + 1) * 2", 10}, {"2 * (x + 1)", 10}, {"x * 0.1", vx * 0.1},
		{"7 / 2", 3.5}, {"1 / 3", 1.0 / 3}, {"x / 2", 2}, {"8 / x", 2}, {"x / a.y", -2}, {"(x + 4) / 2", 4}, {"6 / (x - 1)", 2},
		{"x / 3", vx / 3}, {"b / 100", 0.575}, {"a.y / 10", -0.2}, {"57.5 / 100", 0.575}, {"1 / (x + 1)", 1 / (vx + 1)},
		{"7 % 3", 1}, {"-7 % 3", -1}, {"x % 3", 1}, {"x % 2.5", 1.5}, {"b % x", 1.5}, {"7.5 % a.y", 1.5}, {"(x + 3) % (x - 1)", 1},
		{"2 ** 3", 8}, {"x ** 2", 16}, {"2 ** x", 16}, {"x ^ 0.5", 2}, {"2 ^ -1", 0.5}, {"a.y ** 2", 4}, {"a.y ** 3", -8}, {"2 ** 0.5", math.Sqrt2},
		{"-x", -4}, {"-(x * 2)", -8}, {"+x", 4}, {"- -x", 4}, {"-3", -3}, {"-(2 - 5)", 3}, {"-z", negZero},
		// Conditionals, with constant and variable conditions.
		{"2 > 1 ? 1 : 0", 1}, {"1 < 2 ? 1 : 0", 1}, {"2 - 1 > 0 ? 1 : 0", 1}, {"1 > 2 ? 1 : 0", 0},
		{"true ? 1 : 2", 1}, {"false ? 1 : 2", 2}, {"x > 3 ? x : a.y", 4}, {"x < 3 ? x : a.y", -2},
		{"if x > 3 { 5 } else { 6 }", 5}, {"if 1 > 2 { 5 } else { 6 }", 6}, {"x > 0 ? 1 : 1 / (x - 4)", 1},
		// Every function.
		{"abs(-3)", 3}, {"abs(a.y)", 2}, {"abs(x)", 4}, {"abs(2 - 5)", 3},
		{"min(3, 2)", 2}, {"min(x, a.y)", -2}, {"min(x, a.y, 1, -5)", -5}, {"min(x)", 4}, {"min(7)", 7}, {"min(1, 2, 3)", 1},
		{"max(1, 2, 3)", 3}, {"max(x, a.y)", 4}, {"max(x, 1, b)", 57.5}, {"max(x)", 4}, {"max(a.y, -5)", -2},
		{"clamp(x, 0, 3)", 3}, {"clamp(a.y, 0, 3)", 0}, {"clamp(1.5, 0, 3)", 1.5}, {"clamp(x, a.y, 10)", 4}, {"clamp(9, 0, 3)", 3},
		{"floor(2.7)", 2}, {"floor(-2.5)", -3}, {"floor(x / 3)", 1}, {"floor(a.y)", -2},
		{"ceil(2.1)", 3}, {"ceil(-2.5)", -2}, {"ceil(a.y / 3)", negZero}, {"ceil(x / 3)", 2},
		{"round(2.5)", 3}, {"round(-2.5)", -3}, {"round(x / 3)", 1}, {"round(b)", 58},
		{"sqrt(16)", 4}, {"sqrt(x)", 2}, {"sqrt(2)", math.Sqrt2}, {"sqrt(z)", 0},
		{"exp(0)", 1}, {"exp(1)", math.Exp(1)}, {"exp(a.y)", math.Exp(-2)}, {"exp(-1000)", 0},
		{"log(1)", 0}, {"log(x)", math.Log(4)}, {"log(b)", math.Log(57.5)}, {"log(exp(2))", math.Log(math.Exp(2))},
		{"pow(2, 3)", 8}, {"pow(x, 0.5)", 2}, {"pow(a.y, 2)", 4}, {"pow(2, a.y)", 0.25}, {"pow(0, 0)", 1},
		{"sign(a.y)", -1}, {"sign(0)", 0}, {"sign(x)", 1}, {"sign(-3.5)", -1}, {"sign(z)", 0},
		// Mixtures.
		{"1 + 2 * 3", 7}, {"(1 + 2) * 3", 9}, {"2 * x + 3 * a.y", 2}, {"(x - a.y) / (turn + level)", 1.2},
		{"max(0, 1 - b / 60)", 1 - vb/60}, {"-0.5 * max(0, 1 - b / 60)", -0.5 * (1 - vb/60)},
		{"turn * level", 6}, {"level * 4", 8}, {"1e3", 1000}, {"0.5", 0.5}, {"x * (2 + 3)", 20}, {"(2 + 3) * x", 20},
	}
	for _, tt := range tests {
		f, u := evalBoth(t, tt.src, tNum)
		if f.fault.set || math.Float64bits(f.num) != math.Float64bits(tt.want) {
			t.Errorf("%s = %v folded, want %v", tt.src, f, tt.want)
		}
		if !f.same(u) {
			t.Errorf("%s: folded %v, unfolded %v", tt.src, f, u)
		}
	}
}

// TestExprConditions evaluates every comparison and logical operator, with
// and without folding.
func TestExprConditions(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"2 > 1", true}, {"1 > 2", false}, {"1 < 2", true}, {"2 < 1", false}, {"2 - 1 > 0", true}, {"0 > 2 - 1", false},
		{"1 <= 1", true}, {"2 <= 1", false}, {"1 >= 2", false}, {"2 >= 2", true}, {"1 == 1", true}, {"1 != 1", false}, {"1 != 2", true},
		{"x > 3", true}, {"3 < x", true}, {"3 > x", false}, {"x < 4", false}, {"x <= 4", true}, {"4 >= x", true},
		{"4 <= x", true}, {"5 <= x", false}, {"5 > x", true}, {"x >= a.y", true}, {"a.y >= x", false}, {"x + 1 > 4", true}, {"4 > x + 1", false},
		{"x + 1 <= 5", true}, {"x + 1 >= 6", false}, {"6 <= x + 1", false}, {"6 >= x + 1", true}, {"x * 2 < x * 3", true},
		{"x == 4", true}, {"4 == x", true}, {"x != 4", false}, {"x == a.y", false}, {"a.y + 2 == 0", true}, {"z == -z", true},
		{"x > 3 and a.y > 0", false}, {"x > 3 or a.y > 0", true}, {"true and false", false}, {"true && true", true},
		{"false or true", true}, {"false || false", false}, {"x > 3 && x < 5", true}, {"x < 3 || x > 5", false},
		{"not (x > 3)", false}, {"!(x > 3)", false}, {"not false", true}, {"!true", false}, {"not (2 > 1)", false},
		{"(x > 3) == true", true}, {"(1 > 2) != false", false}, {"true == (2 > 1)", true}, {"(x > 3) == (a.y > 0)", false},
		{"x > 3 ? a.y < 0 : false", true}, {"1 > 2 ? true : 2 > 1", true}, {"x < 3 ? true : x < 3", false},
		// Short circuits and untaken branches do not evaluate what they skip.
		{"false and x / 0 > 1", false}, {"true or log(a.y) > 0", true}, {"x > 0 ? true : log(a.y) > 1", true},
		{"x < 0 and x / 0 > 1", false}, {"x > 0 or log(a.y) > 0", true},
	}
	for _, tt := range tests {
		f, u := evalBoth(t, tt.src, tBool)
		if f.fault.set || f.cond != tt.want {
			t.Errorf("%s = %v folded, want %v", tt.src, f, tt.want)
		}
		if !f.same(u) {
			t.Errorf("%s: folded %v, unfolded %v", tt.src, f, u)
		}
	}
}

// TestExprRandom checks that random() and noise() draw from the game's
// generator every time, folded or not.
func TestExprRandom(t *testing.T) {
	r := NewRNG(7)
	u := r.Float64()
	r = NewRNG(7)
	n := r.NormFloat64()
	tests := []struct {
		src  string
		want float64
	}{
		{"random()", u}, {"random() * 0 + 1", 1}, {"noise(2)", float64(n * 2)}, {"noise(1 + 1)", float64(n * 2)},
		{"noise(x - 2)", float64(n * 2)}, {"noise(0)", float64(n * 0)}, {"true ? random() : 0", u},
	}
	for _, tt := range tests {
		f, un := evalBoth(t, tt.src, tNum)
		if f.fault.set || math.Float64bits(f.num) != math.Float64bits(tt.want) || f.rng == NewRNG(7) {
			t.Errorf("%s = %v folded, want %v and a draw", tt.src, f, tt.want)
		}
		if !f.same(un) {
			t.Errorf("%s: folded %v, unfolded %v", tt.src, f, un)
		}
	}
}

// TestExprKonst checks that a number expression that folds to a constant
// says so, and one that does not, or is compiled without folding, does
// not.
func TestExprKonst(t *testing.T) {
	tests := []struct {
		src   string
		konst bool
		val   float64
	}{
		{"2", true, 2}, {"-(2)", true, -2}, {"2 * 3 + 1", true, 7}, {"2 > 1 ? 5 : 6", true, 5}, {"true ? 3 : x", true, 3},
		{"min(1, 2) - max(3, 4)", true, -3}, {"1 < 2 and 2 < 3 ? 1 : 0", true, 1}, {"false and x > 1 ? 1 : 2", true, 2},
		{"x + 1", false, 0}, {"random()", false, 0}, {"noise(0)", false, 0}, {"x > 1 ? 2 : 2", false, 0}, {"level", false, 0},
	}
	for _, tt := range tests {
		var errs ErrorList
		c, ok := compileExpr(Expr{Src: tt.src}, tNum, exprScope(), &errs)
		if !ok {
			t.Fatalf("%s: %v", tt.src, errs)
		}
		if c.konst != tt.konst || (tt.konst && c.val != tt.val) {
			t.Errorf("%s: konst %v val %v, want %v %v", tt.src, c.konst, c.val, tt.konst, tt.val)
		}
		c, _ = compileExprOpts(Expr{Src: tt.src}, tNum, exprScope(), &errs, compileOpts{noFold: true})
		if c.konst {
			t.Errorf("%s: konst without folding", tt.src)
		}
	}
}

// TestExprFaults checks every fault, at load when its operands are
// constant and at run time otherwise, with its message and the position
// of the faulting operator or call. Compiled without folding, a constant
// fault is the same fault at run time.
func TestExprFaults(t *testing.T) {
	const (
		divZero  = "division by zero"
		modZero  = "modulo by zero"
		sqrtNeg  = "square root of a negative number"
		logNeg   = "logarithm of a number that is not positive"
		zeroNeg  = "zero to a negative power"
		negFrac  = "negative number to a fractional power"
		overflow = "arithmetic overflow"
		powOver  = "power overflow"
		expOver  = "exp overflow"
	)
	tests := []struct {
		src  string
		typ  exprType
		load bool
		off  int // of the faulting operator or call in src
		msg  string
	}{
		{"7 / 0", tNum, true, 2, divZero},
		{"1 + 2 * 3 / (4 - 4)", tNum, true, 10, divZero},
		{"7 % 0", tNum, true, 2, modZero},
		{"log(-1)", tNum, true, 0, logNeg},
		{"log(0)", tNum, true, 0, logNeg},
		{"sqrt(-1)", tNum, true, 0, sqrtNeg},
		{"pow(-8, 1 / 3)", tNum, true, 0, negFrac},
		{"(-8) ** 0.5", tNum, true, 5, negFrac},
		{"0 ** -1", tNum, true, 2, zeroNeg},
		{"pow(0, -1)", tNum, true, 0, zeroNeg},
		{"10 ** 400", tNum, true, 3, powOver},
		{"2 ^ 1024", tNum, true, 2, powOver},
		{"exp(1000)", tNum, true, 0, expOver},
		{"1e308 * 10", tNum, true, 6, overflow},
		{"1e308 + 1e308", tNum, true, 6, overflow},
		{"-1e308 - 1e308", tNum, true, 7, overflow},
		{"1e308 / 0.1", tNum, true, 6, overflow},
		{"x + 7 / 0", tNum, true, 6, divZero},
		{"log(7 / 0)", tNum, true, 6, divZero},
		{"7 / 0 > 1", tBool, true, 2, divZero},
		// A constant fault is a mistake even where evaluation never
		// reaches it.
		{"x > 0 ? 1 : 7 / 0", tNum, true, 14, divZero},
		{"true ? 1 : log(0)", tNum, true, 11, logNeg},
		{"false and 1 % 0 > 1", tBool, true, 12, modZero},

		{"x / 0", tNum, false, 2, divZero},
		{"1 / (x - 4)", tNum, false, 2, divZero},
		{"x / z", tNum, false, 2, divZero},
		{"8 / z", tNum, false, 2, divZero},
		{"x % z", tNum, false, 2, modZero},
		{"x % 0", tNum, false, 2, modZero},
		{"log(a.y)", tNum, false, 0, logNeg},
		{"log(z)", tNum, false, 0, logNeg},
		{"log(x - 4)", tNum, false, 0, logNeg},
		{"sqrt(a.y)", tNum, false, 0, sqrtNeg},
		{"pow(a.y, 0.5)", tNum, false, 0, negFrac},
		{"a.y ** 0.5", tNum, false, 4, negFrac},
		{"a.y ^ 0.5", tNum, false, 4, negFrac},
		{"z ** -1", tNum, false, 2, zeroNeg},
		{"pow(z, a.y)", tNum, false, 0, zeroNeg},
		{"x ** 1000", tNum, false, 2, powOver},
		{"pow(10, x * 100)", tNum, false, 0, powOver},
		{"exp(x * 200)", tNum, false, 0, expOver},
		{"x * 1e308", tNum, false, 2, overflow},
		{"1e308 * x", tNum, false, 6, overflow},
		{"x * 1e308 * 0", tNum, false, 2, overflow},
		{"1e308 + b * 2e306", tNum, false, 6, overflow},
		{"-1e308 - x * 1e307 * 2", tNum, false, 7, overflow},
		{"x / 1e-308", tNum, false, 2, overflow},
		{"x > 3 ? 1 / z : 1", tNum, false, 10, divZero},
		{"x / z > 1", tBool, false, 2, divZero},
		{"x / z + log(a.y)", tNum, false, 2, divZero},
	}
	// Compiled without folding, these do not fault: evaluation does not
	// reach their constant fault.
	unreached := map[string]bool{"x > 0 ? 1 : 7 / 0": true, "true ? 1 : log(0)": true, "false and 1 % 0 > 1": true}
	at := Pos{File: "f.yaml", Line: 7, Col: 20}
	for _, tt := range tests {
		x := Expr{Src: tt.src, Pos: at}
		want := Pos{File: "f.yaml", Line: 7, Col: 20 + tt.off}
		var errs ErrorList
		c, ok := compileExpr(x, tt.typ, exprScope(), &errs)
		switch {
		case tt.load && (ok || len(errs) != 1 || errs[0].Error() != want.String()+": "+tt.msg):
			t.Errorf("%s: compiled %v, errors %v; want the load error %s: %s", tt.src, ok, errs, want, tt.msg)
		case !tt.load && !ok:
			t.Errorf("%s: %v; want a run-time fault", tt.src, errs)
		case !tt.load:
			r := evalCompiled(c, exprSlots, RNG{})
			if !r.fault.set || r.fault.pos != want || r.fault.msg != tt.msg {
				t.Errorf("%s: %v; want the fault %s: %s", tt.src, r, want, tt.msg)
			}
		}
		c, ok = compileExprOpts(x, tt.typ, exprScope(), &errs, compileOpts{noFold: true})
		if !ok {
			t.Errorf("%s: unfolded: %v", tt.src, errs)
			continue
		}
		r := evalCompiled(c, exprSlots, RNG{})
		if unreached[tt.src] {
			if r.fault.set {
				t.Errorf("%s: unfolded %v; want no fault where evaluation does not reach", tt.src, r)
			}
		} else if !r.fault.set || r.fault.pos != want || r.fault.msg != tt.msg {
			t.Errorf("%s: unfolded %v; want the fault %s: %s", tt.src, r, want, tt.msg)
		}
	}
}

// TestExprFaultsListed checks that every constant fault of an expression
// is listed, each once.
func TestExprFaultsListed(t *testing.T) {
	var errs ErrorList
	if _, ok := compileExpr(Expr{Src: "7 / 0 + log(-1) + log(1 % 0)", Pos: Pos{Line: 1, Col: 1}}, tNum, exprScope(), &errs); ok {
		t.Fatal("compiled")
	}
	got := strings.TrimSpace(errs.Lines())
	want := "1:3: division by zero\n1:9: logarithm of a number that is not positive\n1:25: modulo by zero"
	if got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

// TestExprNoiseFault checks that noise(), never folded, faults at run time
// when its draw overflows.
func TestExprNoiseFault(t *testing.T) {
	seed := uint64(1)
	for ; ; seed++ {
		r := NewRNG(seed)
		if math.Abs(r.NormFloat64()) > 1.8 {
			break
		}
	}
	var errs ErrorList
	c, ok := compileExpr(Expr{Src: "1 + noise(1e308)", Pos: Pos{Line: 2, Col: 5}}, tNum, exprScope(), &errs)
	if !ok {
		t.Fatal(errs)
	}
	if r := evalCompiled(c, exprSlots, NewRNG(seed)); r.fault.pos.String() != "2:9" || r.fault.msg != "noise overflow" {
		t.Errorf("noise(1e308) with seed %d: %v, want the fault 2:9: noise overflow", seed, r)
	}
}

// TestExprAllocs checks that evaluating compiled expressions allocates
// nothing, on the fast shapes and on faults.
func TestExprAllocs(t *testing.T) {
	for _, src := range []string{"x * 2 + 1 / (a.y + 3) - min(x, b, 3) ** 2", "x / z", "noise(1) + random()", "clamp(log(x), 0, 1)"} {
		var errs ErrorList
		c, ok := compileExpr(Expr{Src: src, Pos: Pos{File: "f", Line: 1, Col: 1}}, tNum, exprScope(), &errs)
		if !ok {
			t.Fatal(errs)
		}
		var f fault
		rng := NewRNG(1)
		e := env{s: exprSlots, rng: &rng, fault: &f}
		if n := testing.AllocsPerRun(100, func() { f = fault{}; c.num(&e) }); n != 0 {
			t.Errorf("%s: %v allocations per evaluation", src, n)
		}
	}
}

// exprGen builds a random well-typed expression from fuzz bytes.
type exprGen struct {
	data []byte
	sb   strings.Builder
}

func (g *exprGen) next() int {
	if len(g.data) == 0 {
		return 0
	}
	b := g.data[0]
	g.data = g.data[1:]
	return int(b)
}

func (g *exprGen) pick(list []string) string { return list[g.next()%len(list)] }

var (
	genLits  = []string{"0", "1", "2", "3", "0.5", "0.1", "10", "100", "709", "710", "1e308", "1e-308", "1e300", "2.5", "1000", "-1", "-0.5"}
	genVars  = []string{"x", "a.y", "z", "b"}
	genArith = []string{"+", "-", "*", "/", "%", "**", "^"}
	genCmp   = []string{"<", "<=", ">", ">=", "==", "!="}
	genFuncs = []string{"abs", "min", "max", "clamp", "floor", "ceil", "round", "sqrt", "exp", "log", "pow", "sign", "noise", "random"}
	genVals  = []float64{0, 1, -1, 2, 0.5, -2.5, 3, 100, 1e308, -1e308, 1e-308, 700, 57.5, math.Copysign(0, -1), 0.1, 1e300}
)

const genDepth = 5

func (g *exprGen) w(s ...string) {
	for _, x := range s {
		g.sb.WriteString(x)
	}
}

func (g *exprGen) num(d int) {
	n := 2
	if d < genDepth {
		n = 9
	}
	switch g.next() % n {
	case 0:
		g.w(g.pick(genLits))
	case 1:
		g.w(g.pick(genVars))
	case 2:
		g.w(g.pick([]string{"-", "+"}), "(")
		g.num(d + 1)
		g.w(")")
	case 3, 4, 5:
		g.w("(")
		g.num(d + 1)
		g.w(") ", g.pick(genArith), " (")
		g.num(d + 1)
		g.w(")")
	case 6, 7:
		name := g.pick(genFuncs)
		args := map[string]int{"clamp": 3, "pow": 2, "random": 0}[name]
		if _, ok := funcIDs[name]; ok && args == 0 && name != "random" {
			args = 1
			if name == "min" || name == "max" {
				args = 1 + g.next()%3
			}
		}
		g.w(name, "(")
		for i := 0; i < args; i++ {
			if i > 0 {
				g.w(", ")
			}
			g.num(d + 1)
		}
		g.w(")")
	case 8:
		g.w("(")
		g.cond(d + 1)
		g.w(") ? (")
		g.num(d + 1)
		g.w(") : (")
		g.num(d + 1)
		g.w(")")
	}
}

func (g *exprGen) cond(d int) {
	n := 2
	if d < genDepth {
		n = 7
	}
	switch g.next() % n {
	case 0:
		g.w(g.pick([]string{"true", "false"}))
	case 1, 2:
		g.w("(")
		g.num(d + 1)
		g.w(") ", g.pick(genCmp), " (")
		g.num(d + 1)
		g.w(")")
	case 3:
		g.w("(")
		g.cond(d + 1)
		g.w(") ", g.pick([]string{"and", "or", "&&", "||", "==", "!="}), " (")
		g.cond(d + 1)
		g.w(")")
	case 4:
		g.w(g.pick([]string{"not ", "!"}), "(")
		g.cond(d + 1)
		g.w(")")
	case 5:
		g.w("(")
		g.cond(d + 1)
		g.w(") ? (")
		g.cond(d + 1)
		g.w(") : (")
		g.cond(d + 1)
		g.w(")")
	case 6:
		g.w("(")
		g.num(d + 1)
		g.w(") ", g.pick(genCmp[:4]), " ", g.pick(genLits))
	}
}

// innermostFaults returns the faults, as "pos: msg", of the constant nodes
// of t that fault on their own while every node below them does not: what
// the fold stage must report.
func innermostFaults(t *tnode) (faults []string, clean bool) {
	clean = true
	for _, a := range t.args {
		f, ok := innermostFaults(a)
		faults = append(faults, f...)
		clean = clean && ok
	}
	if !t.konst {
		return faults, false
	}
	var c compiled
	if t.typ == tNum {
		c.num = emitNum(t)
	} else {
		c.cond = emitCond(t)
	}
	r := evalCompiled(c, nil, RNG{})
	if !r.fault.set {
		return faults, clean
	}
	if clean {
		faults = append(faults, r.fault.pos.String()+": "+r.fault.msg)
	}
	return faults, false
}

// FuzzFold builds random well-typed expressions over a few variables and
// constants and checks that the folded and the unfolded compilations
// agree, with each other and with the reference evaluator (refNum, which
// walks the typed tree): the same value bit for bit, the same fault and
// the same draws from the generator; and that a constant fault reported at load is
// exactly what the unfolded closures of that constant give at run time.
func FuzzFold(f *testing.F) {
	f.Add([]byte{0}, []byte{0, 1, 2, 3}, uint64(1))
	f.Add([]byte{3, 0, 2, 3, 0, 5, 3, 0, 0}, []byte{1, 2, 3, 4}, uint64(2))
	f.Add([]byte{8, 1, 0, 0, 0, 0, 1, 1}, []byte{9, 8, 7, 6, 5}, uint64(3))
	f.Add([]byte{6, 9, 3, 0, 14, 5, 0, 1}, []byte{4, 4, 4, 4}, uint64(4))
	f.Add([]byte{4, 1, 2, 5, 0, 7, 6, 12, 0, 10, 2}, []byte{13, 0, 2, 11}, uint64(5))
	f.Fuzz(checkFold)
}

// checkFold is the body of FuzzFold.
func checkFold(t *testing.T, tree, vals []byte, seed uint64) {
	g := &exprGen{data: tree}
	typ := tNum
	if len(tree) > 0 && tree[0]&0x80 != 0 {
		typ = tBool
		g.cond(0)
	} else {
		g.num(0)
	}
	src := g.sb.String()
	x := Expr{Src: src, Pos: Pos{File: "f", Line: 1, Col: 1}}

	var uerrs, ferrs ErrorList
	u, ok := compileExprOpts(x, typ, exprScope(), &uerrs, compileOpts{noFold: true})
	if !ok {
		t.Fatalf("%s: does not compile: %v", src, uerrs)
	}
	fc, fok := compileExpr(x, typ, exprScope(), &ferrs)

	// The load errors are exactly the innermost constant faults.
	ast, err := parser.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	var cerrs ErrorList
	want, _ := innermostFaults(check(ast.Node, x, exprScope(), &cerrs))
	var got []string
	for _, e := range ferrs {
		got = append(got, e.Error())
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("%s: load errors %q, want the constant faults %q", src, got, want)
	}
	if fok != (len(want) == 0) {
		t.Fatalf("%s: compiled %v with load errors %q", src, fok, got)
	}

	// Both agree on a few states.
	for i := 0; i < 3; i++ {
		slots := make([]float64, len(exprSlots))
		copy(slots, exprSlots)
		for j := range 4 {
			k := 0
			if n := i*4 + j; n < len(vals) {
				k = int(vals[n])
			}
			slots[j] = genVals[k%len(genVals)]
		}
		ur := evalCompiled(u, slots, NewRNG(seed))
		if rr := refEval(t, src, typ, true, slots, NewRNG(seed)); !ur.same(rr) {
			t.Fatalf("%s with %v: unfolded %v, the reference evaluator %v", src, slots[:4], ur, rr)
		}
		if !fok {
			continue
		}
		fr := evalCompiled(fc, slots, NewRNG(seed))
		if rr := refEval(t, src, typ, false, slots, NewRNG(seed)); !fr.same(rr) {
			t.Fatalf("%s with %v: folded %v, the reference evaluator on the folded tree %v", src, slots[:4], fr, rr)
		}
		if !fr.same(ur) {
			t.Fatalf("%s with %v: folded %v, unfolded %v", src, slots[:4], fr, ur)
		}
		if fc.konst && (ur.fault.set || math.Float64bits(ur.num) != math.Float64bits(fc.val)) {
			t.Fatalf("%s with %v: folded to the constant %v, unfolded %v", src, slots[:4], fc.val, ur)
		}
	}
}
