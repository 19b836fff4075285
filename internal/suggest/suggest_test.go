package suggest

import (
	"fmt"
	"testing"
)

func TestHint(t *testing.T) {
	names := []string{"dprk.fx_reserves", "dprk.exports", "china.enforcement", "tension"}
	tests := []struct{ in, want string }{
		{"dprk.fx_reserve", `; did you mean "dprk.fx_reserves"?`},
		{"dprk.export", `; did you mean "dprk.exports"?`},
		{"tensoin", `; did you mean "tension"?`},
		{"exports", `; did you mean "dprk.exports"?`},
		{"gdp", ""},
		{"tension", ""},
	}
	for _, tt := range tests {
		if got := Hint(tt.in, names); got != tt.want {
			t.Errorf("Hint(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func ExampleHint() {
	fmt.Println(Hint("budjet", []string{"budget", "brief"}))
	// Output: ; did you mean "budget"?
}
