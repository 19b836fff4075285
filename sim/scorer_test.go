package sim_test

import (
	"testing"

	"github.com/sixparty/sixparty/sim"
)

// TestScorerAgrees checks that a Scorer reads states exactly as
// ObjectiveValues and DoctrineScore do, turn after turn, and that it
// allocates nothing once its buffer has grown.
func TestScorerAgrees(t *testing.T) {
	m := defaultModel(t)
	s := m.InitialState(sim.NewRNG(3))
	st := m.NewStepper()
	sc := m.NewScorer()
	levels := busyOrders(m, s)
	var buf []float64
	for turn := 0; turn < 4 && !s.Over(); turn++ {
		for ai := range m.Scenario.Actors {
			var ok bool
			buf, ok = sc.Objectives(buf, s, ai)
			want := m.ObjectiveValues(s, ai)
			if !ok || len(buf) != len(want) {
				t.Fatalf("turn %d actor %d: ok %v, %d values, want %d", s.Turn, ai, ok, len(buf), len(want))
			}
			total := 0.0
			for k, w := range m.DoctrineWeights(ai) {
				if buf[k] != want[k] {
					t.Errorf("turn %d actor %d objective %d: %v, want %v", s.Turn, ai, k, buf[k], want[k])
				}
				total += w * buf[k]
			}
			if d := m.DoctrineScore(s, ai); total != d {
				t.Errorf("turn %d actor %d: doctrine-weighted sum %v, DoctrineScore %v", s.Turn, ai, total, d)
			}
		}
		next := &sim.State{}
		if _, err := st.Step(s, levels, nil, next, nil); err != nil {
			t.Fatal(err)
		}
		s = next
	}
	if n := testing.AllocsPerRun(100, func() { buf, _ = sc.Objectives(buf, s, 0) }); n != 0 {
		t.Errorf("Objectives allocates %v times per call", n)
	}
}
