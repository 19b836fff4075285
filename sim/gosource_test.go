package sim_test

import (
	"slices"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// TestGoExpr checks the Go that GoExpr writes for each kind of node, on
// the small scenario (variables a.money, tension, b.walls; levers a.tax,
// b.wall), and its errors.
func TestGoExpr(t *testing.T) {
	m := load(t, small)
	for _, tt := range []struct {
		src    string
		effect bool
		want   string
	}{
		{"a.money * 0.1", false, "float64(v[0] * 0.1)"},
		{"2 * level", true, "float64(2.0 * level)"},
		{"1 + a.tax", true, "float64(1.0 + float64(l[0]))"},
		{"-tension / (b.walls - 1)", false, "f.div((-v[1]), float64(v[2] - 1.0))"},
		{"2 * 3 + turn", false, "float64(6.0 + turn)"},
		{"tension > 40 and not (a.money < 5)", false, "((v[1] > 40.0) && (!(v[0] < 5.0)))"},
		{"tension > 40 ? 1 : -1", false, "func() float64 {\nif (v[1] > 40.0) {\nreturn 1.0\n}\nreturn (-1.0)\n}()"},
		{"max(a.money, tension, 3)", false, "math.Max(math.Max(v[0], v[1]), 3.0)"},
		{"clamp(a.money, 0, 10) + sqrt(tension) + noise(2)", false, "float64(float64(clamp(v[0], 0.0, 10.0) + f.sqrt(v[1])) + f.noise(2.0))"},
		{"a.money ** 2 % 3", false, "f.mod(f.pow(v[0], 2.0), 3.0)"},
	} {
		got, err := m.GoExpr(sim.Expr{Src: tt.src}, tt.effect)
		if err != nil || got != tt.want {
			t.Errorf("GoExpr(%q) = %q, %v; want %q", tt.src, got, err, tt.want)
		}
	}
	for _, tt := range []struct{ src, want string }{
		{"level + 1", "x.yaml:3:10: 'level' is only defined in lever and event effects"},
		{"2 * nope", `x.yaml:3:14: unknown name "nope"`},
	} {
		_, err := m.GoExpr(sim.Expr{Src: tt.src, Pos: sim.Pos{File: "x.yaml", Line: 3, Col: 10}}, false)
		if err == nil || err.Error() != tt.want {
			t.Errorf("GoExpr(%q) error = %v, want %s", tt.src, err, tt.want)
		}
	}
}

// TestAvailableLevers checks that AvailableLevers agrees with Available,
// lever by lever, in every state of a game of each built-in.
func TestAvailableLevers(t *testing.T) {
	for _, name := range scenarios.Builtin() {
		m, err := scenarios.LoadBuiltin(name)
		if err != nil {
			t.Fatal(err)
		}
		g := sim.NewGame(m, 1)
		var got []bool
		for {
			s := g.State()
			got = m.AvailableLevers(s, got)
			want := make([]bool, m.NumLevers())
			for li := range want {
				want[li], _ = m.Available(s, li)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%s turn %d: AvailableLevers %v, want %v", name, s.Turn, got, want)
			}
			if g.Over() {
				break
			}
			if _, err := g.Play(sim.Orders{}, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
}
