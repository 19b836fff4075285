package savegame

import (
	"bytes"
	"testing"

	"github.com/sixparty/sixparty/sim"
)

// TestBranchExact forks a game at turn 3, replays the fork and checks it
// stands exactly where the game stood at the start of turn 3; played on
// with other orders it differs, and the save keeps both, round trip and
// all.
func TestBranchExact(t *testing.T) {
	m, g := played(t, 4)
	b, err := NewBranch(g.Record(), 3, " Quiet ", nil)
	if err != nil {
		t.Fatal(err)
	}
	if b.Name != "Quiet" || b.From != 3 || len(b.Record.Turns) != 2 {
		t.Fatalf("branch %q from %d with %d turns, want Quiet, 3, 2", b.Name, b.From, len(b.Record.Turns))
	}
	bg, err := sim.Replay(m, b.Record)
	if err != nil {
		t.Fatal(err)
	}
	if bg.Turn() != 3 || !sameState(bg.State(), g.History()[2]) {
		t.Fatal("the replayed fork is not the game at the start of turn 3")
	}
	if _, err := bg.Play(sim.Orders{}, nil); err != nil {
		t.Fatal(err)
	}
	b.Record = bg.Record()
	f := New("pressure-2017", seats(len(m.Scenario.Actors)), g.Record())
	f.Branches = []Branch{b}
	data, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	if back.BranchIndex("Quiet") != 0 || back.BranchIndex("Loud") != -1 {
		t.Errorf("BranchIndex: %d %d", back.BranchIndex("Quiet"), back.BranchIndex("Loud"))
	}
	again, err := back.BranchGame(m, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !sameState(again.State(), bg.State()) || sameState(again.State(), g.History()[3]) {
		t.Error("the saved branch does not replay to where it was played, or does not differ from the game")
	}
	main, err := back.Game(m)
	if err != nil || !sameState(main.State(), g.State()) {
		t.Errorf("the game saved with a branch does not replay: %v", err)
	}
}

func sameState(a, b *sim.State) bool {
	return a.Turn == b.Turn && a.RNG == b.RNG && a.Outcome == b.Outcome && equalFloats(a.Vals, b.Vals)
}

func equalFloats(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestBranchErrors checks the refusals: a name missing or taken, a turn
// out of range, and saves whose branches were edited.
func TestBranchErrors(t *testing.T) {
	m, g := played(t, 2)
	r := g.Record()
	have := []Branch{{Name: "A", From: 1, Record: r}}
	for _, tc := range []struct {
		k    int
		name string
		want string
	}{
		{1, " ", "savegame: a branch needs a name"},
		{1, "A", `savegame: there is already a branch named "A"`},
		{0, "B", "savegame: no turn 0 to branch from (the game has played 2)"},
		{4, "B", "savegame: no turn 4 to branch from (the game has played 2)"},
	} {
		if _, err := NewBranch(r, tc.k, tc.name, have); err == nil || err.Error() != tc.want {
			t.Errorf("NewBranch(%d, %q) = %v, want %s", tc.k, tc.name, err, tc.want)
		}
	}
	_, other := played(t, 2)
	otherRec := other.Record()
	otherRec.Seed++
	ok, _ := NewBranch(r, 2, "B", nil)
	for _, tc := range []struct {
		name     string
		branches []Branch
		want     string
	}{
		{"unnamed", []Branch{{Name: "", From: 1, Record: r}}, "savegame: branch 1 has no name"},
		{"twice", []Branch{ok, ok}, `savegame: two branches are named "B"`},
		{"from", []Branch{{Name: "C", From: 5, Record: r}}, `savegame: branch "C" starts at turn 5 but holds 2 turns`},
		{"seed", []Branch{{Name: "D", From: 2, Record: otherRec}}, `savegame: branch "D" does not share its first 1 turns with the game saved (the file was edited or damaged)`},
	} {
		f := New("pressure-2017", seats(len(m.Scenario.Actors)), r)
		f.Branches = tc.branches
		data, err := f.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Unmarshal(data); err == nil || err.Error() != tc.want {
			t.Errorf("%s: %v, want %s", tc.name, err, tc.want)
		}
	}
	// A save without branches writes no "branches" field.
	data, _ := New("pressure-2017", seats(len(m.Scenario.Actors)), r).Marshal()
	if bytes.Contains(data, []byte(`"branches"`)) {
		t.Error("a save without branches writes a branches field")
	}
}
