package sim

import (
	"math"
	"testing"
)

func testScope() *scope {
	return &scope{names: map[string]int{"x": 0, "a.y": 1, "turn": 2, "level": 3}, all: []string{"x", "a.y", "turn", "level"}, hasLevel: true}
}

func TestFormulaValues(t *testing.T) {
	slots := []float64{4, -2, 3, 2}
	tests := []struct {
		src  string
		want float64
	}{
		{"1 + 2 * 3", 7},
		{"x * 2", 8}, {"2 * x", 8}, {"x + 1", 5}, {"1 + x", 5}, {"x - 1", 3}, {"10 - x", 6}, {"x / 2", 2},
		{"(x + 1) * 2", 10}, {"2 * (x + 1)", 10}, {"(x + 1) - 1", 4}, {"1 - (x + 1)", -4}, {"(x + 4) / 2", 4},
		{"x * a.y", -8}, {"x - a.y", 6}, {"x / a.y", -2}, {"x % 3", 1}, {"x ** 2", 16}, {"x ^ 0.5", 2},
		{"-x", -4}, {"+x", 4}, {"-(x * 2)", -8},
		{"abs(a.y)", 2}, {"min(x, a.y)", -2}, {"max(x, a.y)", 4}, {"min(x, a.y, 1, -5)", -5}, {"max(1, 2, 3)", 3},
		{"clamp(x, 0, 3)", 3}, {"clamp(a.y, 0, 3)", 0}, {"floor(2.7)", 2}, {"ceil(2.1)", 3}, {"round(2.5)", 3},
		{"sqrt(x)", 2}, {"exp(0)", 1}, {"log(1)", 0}, {"pow(2, 3)", 8}, {"sign(a.y)", -1}, {"sign(0)", 0},
		{"x > 3 ? 1 : 0", 1}, {"x < 3 ? 1 : 0", 0}, {"x >= 4 ? 1 : 0", 1}, {"x <= 3 ? 1 : 0", 0},
		{"3 < x ? 1 : 0", 1}, {"x > a.y ? 1 : 0", 1}, {"x == 4 ? 1 : 0", 1}, {"x != 4 ? 1 : 0", 0},
		{"x > 3 and a.y > 0 ? 1 : 0", 0}, {"x > 3 or a.y > 0 ? 1 : 0", 1}, {"not (x > 3) ? 1 : 0", 0}, {"!(x > 3) ? 1 : 0", 0},
		{"if x > 3 { 5 } else { 6 }", 5}, {"(x > 3) == true ? 1 : 0", 1},
		{"turn * level", 6}, {"1e3", 1000}, {"0.5", 0.5},
	}
	for _, tt := range tests {
		var errs ErrorList
		c, ok := compileExpr(Expr{Src: tt.src}, tNum, testScope(), &errs)
		if !ok {
			t.Errorf("%s: %v", tt.src, errs)
			continue
		}
		var f fault
		got := c.num(&env{s: slots, rng: &RNG{}, fault: &f})
		if math.Abs(got-tt.want) > 1e-12 || f.set {
			t.Errorf("%s = %v (fault %v), want %v", tt.src, got, f.set, tt.want)
		}
	}
}

func TestFormulaFaults(t *testing.T) {
	for _, src := range []string{"1 / (x - 4)", "x % 0", "x / 0", "sqrt(a.y)", "log(a.y)", "log(x - 4)"} {
		var errs ErrorList
		c, ok := compileExpr(Expr{Src: src}, tNum, testScope(), &errs)
		if !ok {
			t.Fatalf("%s: %v", src, errs)
		}
		var f fault
		c.num(&env{s: []float64{4, -2, 3, 2}, rng: &RNG{}, fault: &f})
		if !f.set {
			t.Errorf("%s: no fault", src)
		}
	}
}

func TestFormulaErrors(t *testing.T) {
	tests := []struct {
		src  string
		want exprType
		err  string
	}{
		{"x +", tNum, "1:3: syntax error: unexpected token EOF"},
		{"y", tNum, `1:1: unknown name "y"; did you mean "a.y"?`},
		{"q", tNum, `1:1: unknown name "q"`},
		{"a.z", tNum, `1:1: unknown name "a.z"; did you mean "a.y"?`},
		{"x > 1", tNum, "1:1: expression is a condition, want a number"},
		{"x", tBool, "1:1: expression is a number, want a condition"},
		{"x and true", tBool, "1:1: expected a condition (true or false), found a number"},
		{"x > 1 ? 1 : true", tNum, "1:13: both branches must be of the same type: number and condition"},
		// A mistake in a whole sub-expression is reported where it begins,
		// not at its operator or at the last dot of a name.
		{"x > 1 or a.y * 2", tBool, "1:10: expected a condition (true or false), found a number"},
		{"a.y + 1 ? 1 : 2", tNum, "1:1: expected a condition (true or false), found a number"},
		{"x > 1 ? 1 : a.y > 2", tNum, "1:13: both branches must be of the same type: number and condition"},
		{"x > 1 ? 1 : x * 2 > a.y", tNum, "1:13: both branches must be of the same type: number and condition"},
		{"-(x > 1)", tNum, "1:3: expected a number, found a condition"},
		{"max(x, x > 1 and a.y > 0)", tNum, "1:8: expected a number, found a condition"},
		{"x == true", tBool, "1:3: cannot compare a number with a condition"},
		{`"text"`, tNum, `1:1: unsupported expression "\"text\""`},
		{"frobnicate(1)", tNum, `1:1: unknown function "frobnicate"`},
		{"sqr(1)", tNum, `1:1: unknown function "sqr"; did you mean "sqrt"?`},
		{"abs(1, 2)", tNum, "1:1: abs takes 1 argument, got 2"},
		{"x in [1]", tBool, `1:6: unsupported expression "[1]"`},
		{"x matches 1", tBool, `1:3: unsupported operator "matches"`},
	}
	for _, tt := range tests {
		var errs ErrorList
		_, ok := compileExpr(Expr{Src: tt.src, Pos: Pos{Line: 1, Col: 1}}, tt.want, testScope(), &errs)
		if ok || len(errs) == 0 {
			t.Errorf("%s: compiled, want error %s", tt.src, tt.err)
			continue
		}
		if got := errs[0].Error(); got != tt.err {
			t.Errorf("%s: error %q, want %q", tt.src, got, tt.err)
		}
	}
}

func TestLevelOnlyInEffects(t *testing.T) {
	sc := testScope()
	sc.hasLevel = false
	var errs ErrorList
	if _, ok := compileExpr(Expr{Src: "level + 1", Pos: Pos{Line: 1, Col: 1}}, tNum, sc, &errs); ok || errs[0].Msg != "'level' is only defined in lever and event effects" {
		t.Errorf("level outside effects: %v", errs)
	}
}
