package sim

import "testing"

// TestLevelOnly checks which expressions are known to read nothing but
// the level: constants and the level under any operator, not another
// slot, a parameter or a random draw.
func TestLevelOnly(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"2", true}, {"level", true}, {"2 * level", true}, {"level == 1 ? 95 : 100", true}, {"max(0, level - 1) / 3", true},
		{"x * level", false}, {"turn", false}, {"noise(level)", false}, {"random() * 0", false}, {"level > 1 ? x : 0", false},
	}
	for _, tt := range tests {
		var errs ErrorList
		c, ok := compileExpr(Expr{Src: tt.src}, tNum, exprScope(), &errs)
		if !ok {
			t.Fatalf("%s: %v", tt.src, errs)
		}
		if c.levelOnly != tt.want {
			t.Errorf("%s: levelOnly %v, want %v", tt.src, c.levelOnly, tt.want)
		}
	}
}
