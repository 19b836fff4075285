package sim_test

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// noisy adds a third actor, random rules and a conditional event with a
// chance to the small scenario, so that the generator matters.
var noisy = strings.Replace(small, "variables:", `  - {id: c, name: Gamma, budget: 1}
variables:`, 1)

func init() {
	noisy = strings.Replace(noisy, "outcomes:", `  - id: flare
    name: Flare-up
    when: "tension > 30"
    chance: "0.5"
    repeat: true
    effects: [{target: tension, change: "3 + noise(1)"}]
outcomes:`, 1)
	noisy = strings.Replace(noisy, "rules:", `  - id: c.spin
    actor: c
    name: Spin
    levels: [off, on]
    cost: [0, 1]
    effects: [{target: tension, change: "-2 * level + noise(0.5)"}]
rules:`, 1)
	noisy = strings.Replace(noisy, `change: "a.money * 0.1"`, `change: "a.money * 0.1 + noise(2)"`, 1)
}

var noisyOrders = []sim.Orders{
	{"a": {"a.tax": 2}, "b": {"b.wall": 1}, "c": {"c.spin": 1}},
	{"a": {"a.tax": 1}, "c": {"c.spin": 1}},
	{"a": {"a.tax": 2}},
	{"a": {"a.tax": 1}, "c": {"c.spin": 1}},
}

// fingerprint plays the orders and describes the result by names only, so
// that games of differently ordered scenarios can be compared.
func fingerprint(t *testing.T, m *sim.Model, seed uint64) string {
	t.Helper()
	g := sim.NewGame(m, seed)
	for _, o := range noisyOrders {
		if g.Over() {
			break
		}
		if _, err := g.Play(o, nil); err != nil {
			t.Fatal(err)
		}
	}
	s := m.Scenario
	var lines []string
	for i, v := range s.Vars {
		lines = append(lines, fmt.Sprintf("%s=%x", v.ID, math.Float64bits(g.State().Vals[i])))
	}
	for _, e := range g.Ledger() {
		lines = append(lines, fmt.Sprintf("%d %s %x %s", e.Turn, s.Vars[e.Var].ID, math.Float64bits(e.Amount), m.Describe(e.Cause)))
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

func permutations(n int) [][]int {
	if n == 1 {
		return [][]int{{0}}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for i := 0; i <= len(p); i++ {
			q := append(append(append([]int{}, p[:i]...), n-1), p[i:]...)
			out = append(out, q)
		}
	}
	return out
}

// TestActorOrderChangesNothing proves that the order in which actors are
// listed in the scenario cannot change the result: every permutation
// gives the same values, bit for bit, and the same ledger.
func TestActorOrderChangesNothing(t *testing.T) {
	want := fingerprint(t, load(t, noisy), 3)
	perms := permutations(3)
	if len(perms) != 6 {
		t.Fatalf("%d permutations", len(perms))
	}
	for _, p := range perms {
		s, err := scenarios.Parse("test.yaml", []byte(noisy))
		if err != nil {
			t.Fatal(err)
		}
		actors := slices.Clone(s.Actors)
		for i, j := range p {
			s.Actors[i] = actors[j]
		}
		m, err := sim.Compile(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := fingerprint(t, m, 3); got != want {
			t.Errorf("actors in order %v give another game", p)
		}
	}
}

func TestSeeds(t *testing.T) {
	m := load(t, noisy)
	a, b, c := fingerprint(t, m, 3), fingerprint(t, m, 3), fingerprint(t, m, 4)
	if a != b {
		t.Errorf("the same seed gave two games")
	}
	if a == c {
		t.Errorf("seeds 3 and 4 gave the same game")
	}
}

func TestRecordReplay(t *testing.T) {
	m := load(t, noisy)
	g := sim.NewGame(m, 5)
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	play := func(o sim.Orders, c sim.Choices) error { _, err := g.Play(o, c); return err }
	must("turn 1", play(noisyOrders[0], nil))
	must("adjust tension", g.Adjust("tension", 80, "inject"))
	must("turn 2", play(noisyOrders[1], sim.Choices{"summit": "stay"}))
	must("adjust money", g.Adjust("a.money", 1, "audit"))
	must("inject", g.Inject("summit"))
	if err := g.Inject("summit"); err == nil || err.Error() != `sim: inject: event "summit" is already in this turn's briefing` {
		t.Errorf("second inject: %v", err)
	}
	if err := g.Inject("sumit"); err == nil || err.Error() != `sim: inject: unknown event "sumit"; did you mean "summit"?` {
		t.Errorf("unknown inject: %v", err)
	}
	must("turn 3", play(noisyOrders[2], sim.Choices{"summit": "go"}))
	if g.Turn() != 4 || len(g.Record().Turns) != 3 {
		t.Fatalf("at turn %d with %d recorded turns, want turn 4 and 3", g.Turn(), len(g.Record().Turns))
	}

	b, err := json.Marshal(g.Record())
	if err != nil {
		t.Fatal(err)
	}
	var rec sim.Record
	if err := json.Unmarshal(b, &rec); err != nil {
		t.Fatal(err)
	}
	r, err := sim.Replay(m, rec)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r.History(), g.History()) {
		t.Errorf("replayed states differ")
	}
	if !reflect.DeepEqual(r.Ledger(), g.Ledger()) {
		t.Errorf("replayed ledger differs")
	}
	b2, err := json.Marshal(r.Record())
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != string(b2) {
		t.Errorf("record of the replay differs:\n%s\n%s", b, b2)
	}

	other := load(t, noisy+"\n# another version\n")
	if _, err := sim.Replay(other, rec); err == nil || !strings.HasPrefix(err.Error(), `sim: replay: the record was made with another version of scenario "small" (content hash `) {
		t.Errorf("replay on another version: %v", err)
	}
	rec.Scenario = "big"
	if _, err := sim.Replay(m, rec); err == nil || err.Error() != `sim: replay: the record is of scenario "big", not "small"` {
		t.Errorf("replay of another scenario: %v", err)
	}
}
