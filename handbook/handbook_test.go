package handbook

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/internal/golden"

	"github.com/sixparty/sixparty/scenarios"
)

// TestGolden compares the handbook of the tutorial's scenario with
// testdata/harbour.md (go test ./handbook -update rewrites it).
func TestGolden(t *testing.T) {
	m, err := scenarios.LoadFile("../docs/tutorial/harbour.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, m); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "harbour.md"), b.Bytes())
}

// TestBuiltins writes the handbook of every built-in scenario and checks
// that each actor, lever, variable, event and outcome is in it.
func TestBuiltins(t *testing.T) {
	for _, name := range scenarios.Builtin() {
		m, err := scenarios.LoadBuiltin(name)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := Write(&b, m); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		s := m.Scenario
		var want []string
		for _, a := range s.Actors {
			want = append(want, "### "+a.Name+"\n")
		}
		for _, l := range s.Levers {
			want = append(want, ": "+l.Name+"\n")
		}
		for _, v := range s.Vars {
			want = append(want, "(`"+v.ID+"`)")
		}
		for _, o := range s.Outcomes {
			want = append(want, "**"+o.Name+"**")
		}
		for _, p := range s.Params {
			want = append(want, "(`"+p.ID+"`) | "+num(p.Value)+" | "+num(p.Lo)+" to "+num(p.Hi))
		}
		for _, st := range s.Strategies {
			want = append(want, "(`"+st.ID+"`)")
		}
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: the handbook lacks %q", name, w)
			}
		}
	}
}

func TestPerLevel(t *testing.T) {
	tests := []struct {
		src string
		k   float64
		ok  bool
	}{
		{"level", 1, true},
		{"3 * level", 3, true},
		{"level * -0.5", -0.5, true},
		{"-15 * level", -15, true},
		{"x * level", 0, false},
		{"3 * level * 2", 0, false},
		{"level + 1", 0, false},
	}
	for _, tt := range tests {
		if k, ok := perLevel(tt.src); k != tt.k || ok != tt.ok {
			t.Errorf("perLevel(%q) = %g, %v; want %g, %v", tt.src, k, ok, tt.k, tt.ok)
		}
	}
}
