package sim_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/sim"
)

// TestLedgerKeepsEverything plays the small scenario with facilitator
// adjustments between turns, a lever with a delayed effect, an event with
// a choice and a bound that corrects a value, and checks that the game's
// compact ledger reads back as every entry of the turn reports, with the
// facilitator's entries (and their reasons) before the turn they were
// made in, field for field.
func TestLedgerKeepsEverything(t *testing.T) {
	m := load(t, small)
	g := sim.NewGame(m, 1)
	var want []sim.Entry
	reasons := []string{"a border incident", "", "a second incident"}
	// The last, near tension's max of 100, has the levers' delayed
	// effects push it over, so that its bound corrects it.
	values := []float64{61, 62, 99}
	for turn := 1; !g.Over(); turn++ {
		if turn <= len(reasons) {
			if err := g.Adjust("tension", values[turn-1], reasons[turn-1]); err != nil {
				t.Fatal(err)
			}
			want = append(want, sim.Entry{Turn: turn, Var: m.VarIndex("tension"), Amount: g.Ledger()[len(g.Ledger())-1].Amount,
				Cause: sim.Cause{Kind: sim.ByFacilitator, Index: -1, Actor: -1, Option: -1}, Reason: reasons[turn-1]})
		}
		var c sim.Choices
		if turn == 2 {
			c = sim.Choices{"summit": "stay"}
		}
		rep, err := g.Play(sim.Orders{"a": {"a.tax": 2}, "b": {"b.wall": 1}}, c)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, rep.Entries...)
	}
	if got := g.Ledger(); !reflect.DeepEqual(got, want) {
		t.Fatalf("Ledger =\n%+v\nwant\n%+v", got, want)
	}
	kinds := map[sim.CauseKind]bool{}
	for _, e := range want {
		kinds[e.Cause.Kind] = true
	}
	for _, k := range []sim.CauseKind{sim.ByLever, sim.ByRule, sim.ByEvent, sim.ByFacilitator, sim.ByBounds} {
		if !kinds[k] {
			t.Errorf("no %s entry: the test does not cover it", k)
		}
	}
	// A ledger read twice is the same, and the copy handed out cannot
	// grow into the game's own.
	first := g.Ledger()
	_ = append(first, sim.Entry{})
	if got := g.Ledger(); !reflect.DeepEqual(got, want) {
		t.Errorf("Ledger changed after a caller appended to it")
	}
}

// TestStepLedger holds the compact ledger of Stepper.StepLedger to the
// entries Stepper.Step writes out, through Len, At and Entries, and both
// to the turn's entries as the scenario says they are.
func TestStepLedger(t *testing.T) {
	m := load(t, small)
	g := sim.NewGame(m, 1)
	st := m.NewStepper()
	levels := make([]int, m.NumLevers())
	levels[m.LeverIndex("a.tax")] = 2
	var a, b sim.State
	var led sim.Ledger
	if err := st.StepLedger(g.State(), levels, nil, &a, &led); err != nil {
		t.Fatal(err)
	}
	full, err := st.Step(g.State(), levels, nil, &b, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Both read the same compact ledger: hold them to the entries the
	// turn makes, written out by hand, too.
	at := func(line, col int) sim.Pos { return sim.Pos{File: "test.yaml", Line: line, Col: col} }
	money := 10.0 + 4 // after the tax: the interest rule reads it
	want := []sim.Entry{
		{Turn: 1, Var: m.VarIndex("a.money"), Amount: 4, Cause: sim.Cause{Kind: sim.ByLever, Index: m.LeverIndex("a.tax"), Actor: m.ActorIndex("a"), Level: 2, Option: -1}, Pos: at(18, 36)},
		{Turn: 1, Var: m.VarIndex("tension"), Amount: -1, Cause: sim.Cause{Kind: sim.ByRule, Index: 0, Actor: -1, Option: -1}, Pos: at(30, 43)},
		{Turn: 1, Var: m.VarIndex("a.money"), Amount: money * 0.1, Cause: sim.Cause{Kind: sim.ByRule, Index: 1, Actor: -1, Option: -1}, Pos: at(31, 46)},
	}
	if !reflect.DeepEqual(full, want) {
		t.Fatalf("Step wrote\n%+v\nwant\n%+v", full, want)
	}
	if led.Len() != len(full) {
		t.Fatalf("Len = %d, Step wrote %d entries", led.Len(), len(full))
	}
	for i, e := range full {
		if led.At(i) != e {
			t.Errorf("At(%d) = %+v, want %+v", i, led.At(i), e)
		}
	}
	if !reflect.DeepEqual(led.Entries(), full) {
		t.Errorf("Entries = %+v, want %+v", led.Entries(), full)
	}
	led.Reset()
	if led.Len() != 0 || led.Entries() != nil {
		t.Errorf("Reset left %d entries", led.Len())
	}
}

// TestLevelTables plays levers whose effects read nothing but the level,
// which the engine computes once per level at load time, and checks the
// values and ledger entries are those of the expressions, and that an
// effect that faults at one level still faults in play, at its position,
// while its other levels play.
func TestLevelTables(t *testing.T) {
	src := strings.Replace(small, `change: "2 * level"`, `change: "level == 1 ? 0.1 * 3 : 6 / (level - 1)"`, 1)
	m := load(t, src)
	tenth, three := 0.1, 3.0
	for _, tt := range []struct {
		level int
		want  float64
	}{
		{1, tenth * three},
		{2, 6},
	} {
		g := sim.NewGame(m, 1)
		rep, err := g.Play(sim.Orders{"a": {"a.tax": tt.level}}, nil)
		if err != nil {
			t.Fatalf("level %d: %v", tt.level, err)
		}
		if e := rep.Entries[0]; e.Amount != tt.want || e.Cause.Kind != sim.ByLever || e.Cause.Level != tt.level || e.Pos.String() != "test.yaml:18:36" {
			t.Errorf("level %d: first entry %+v, want %v from test.yaml:18:36", tt.level, e, tt.want)
		}
	}
	m = load(t, strings.Replace(small, `change: "2 * level"`, `change: "6 / (level - 1)"`, 1))
	g := sim.NewGame(m, 1)
	if _, err := g.Play(sim.Orders{"a": {"a.tax": 1}}, nil); err == nil || err.Error() != "sim: turn 1: test.yaml:18:38: division by zero" {
		t.Errorf("level 1: %v, want the division by zero", err)
	}
	if rep, err := g.Play(sim.Orders{"a": {"a.tax": 2}}, nil); err != nil || rep.Entries[0].Amount != 6 {
		t.Errorf("level 2: %v, %+v", err, rep)
	}
}
