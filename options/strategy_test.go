package options

import (
	"reflect"
	"testing"

	"github.com/sixparty/sixparty/sim/ai"
)

func TestParseStrategy(t *testing.T) {
	m := load(t, tiny)
	st, err := ParseStrategy(m, "a=computer:hard, a=computer")
	if err != nil {
		t.Fatal(err)
	}
	if st.Seats[0].Set || st.Difficulty != ai.Normal {
		t.Errorf("a later part does not override an earlier one: %+v", st)
	}
	for _, c := range []struct{ arg, want string }{
		{"", "options: empty strategy (give a file, a strategy id, ACTOR=computer:LEVEL or computer)"},
		{"b=computer", `options: unknown actor "b" (the actors: a)`},
		{"a=robot", `options: a=robot: unknown seat setting "robot" (want computer or computer:LEVEL)`},
		{"a=computer:normall", `options: a=computer:normall: unknown difficulty "normall"; did you mean "normal"? (want easy, normal or hard)`},
		{"missing.yaml", "open missing.yaml: no such file or directory"},
	} {
		if _, err := ParseStrategy(m, c.arg); err == nil || err.Error() != c.want {
			t.Errorf("ParseStrategy(%q) = %v, want %s", c.arg, err, c.want)
		}
	}
}

// TestCompareDeterministic shows that Compare's result does not depend on
// the number of workers, and that game i has the same seed under every
// strategy: the same strategy twice gives identical games, so no pair
// differs.
func TestCompareDeterministic(t *testing.T) {
	m := load(t, tiny)
	st, err := ParseStrategy(m, "a=computer:easy")
	if err != nil {
		t.Fatal(err)
	}
	one, err := Compare(m, []Strategy{st, st}, CompareOptions{Games: 60, Seed: 3, Workers: 1, Indicators: []int{0}})
	if err != nil {
		t.Fatal(err)
	}
	two, err := Compare(m, []Strategy{st, st}, CompareOptions{Games: 60, Seed: 3, Workers: 2, Indicators: []int{0}})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(one, two) {
		t.Error("results differ between 1 and 2 workers")
	}
	for _, d := range one.Pairs[0].Outcomes {
		if d.OnlyA+d.OnlyB != 0 {
			t.Errorf("the same strategy differs from itself on outcome %s: %+v", d.ID, d)
		}
	}
}
