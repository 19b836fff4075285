package sim_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/sim"
)

func TestExprNames(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{"1 + 2", ""},
		{"econ.exports * level", "econ.exports level"},
		{"max(0, -a.b) + min(c, turn) ", "a.b c turn"},
		{"x > 1 ? y : z.w", "x y z.w"},
		{"a and not b or a", "a b"},
		{"pow(sqrt(q), 2) ** r", "q r"},
	}
	for _, tt := range tests {
		got, err := sim.ExprNames(tt.src)
		if err != nil {
			t.Errorf("ExprNames(%q): %v", tt.src, err)
			continue
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("ExprNames(%q) = %q, want %q", tt.src, s, tt.want)
		}
	}
	if _, err := sim.ExprNames("1 +"); err == nil || !strings.HasPrefix(err.Error(), "sim: ") {
		t.Errorf("ExprNames(\"1 +\") error = %v, want a sim: error", err)
	}
}

func ExampleExprNames() {
	names, _ := sim.ExprNames("0.8 * econ.growth + max(0, tension - 50) * level")
	fmt.Println(names)
	// Output: [econ.growth level tension]
}
