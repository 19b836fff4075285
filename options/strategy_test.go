package options

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
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
		{"a=robot", `options: a=robot: unknown seat setting "robot" (want computer, computer:LEVEL or doctrine:FILE)`},
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

func TestDoctrineOverride(t *testing.T) {
	m := load(t, tiny)
	dir := t.TempDir()
	write := func(name, src string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	good := write("good.yaml", "weights: {up: 2}\nrisk: 0.1\n")
	st, err := ParseStrategy(m, "a=doctrine:"+good)
	if err != nil {
		t.Fatal(err)
	}
	if st.model == nil || st.model == m || st.model.Scenario.Actors[0].Doctrine.Risk != 0.1 || m.Scenario.Actors[0].Doctrine.Risk != 0 {
		t.Fatalf("the override is not on a model of its own")
	}
	if _, err := PlayStrategy(m, st, 1, sim.Setup{}, nil); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ src, want string }{
		{"weights: {upp: 2}\n", `%s:1:11: unknown objective "upp"; did you mean "up"?`},
		{"risk: 3\n", `%s:1:7: risk must be between 0 and 1, found 3`},
		{"risc: 0.2\n", `%s:1:1: unknown field "risc" in a doctrine; did you mean "risk"? (want weights and risk)`},
		{"weights: {up: lots}\n", `%s:1:15: weight "up" must be a number, found "lots"`},
		{"- 1\n", `%s:1:1: a doctrine file holds a mapping with 'weights' and 'risk'`},
	} {
		path := write("bad.yaml", c.src)
		_, err := ParseStrategy(m, "a=doctrine:"+path)
		if want := fmt.Sprintf(c.want, path); err == nil || err.Error() != want {
			t.Errorf("%q: error %v, want %s", c.src, err, want)
		}
	}
}

// TestDeclaredStrategy resolves the default scenario's strategies by id.
func TestDeclaredStrategy(t *testing.T) {
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	st, err := ParseStrategy(m, "combined,china=computer:hard")
	if err != nil {
		t.Fatal(err)
	}
	if us := st.Seats[m.ActorIndex("us")]; us.Track == nil {
		t.Error("combined does not script the US")
	}
	if ch := st.Seats[m.ActorIndex("china")]; ch.Track != nil || !ch.Set || ch.Level != ai.Hard {
		t.Errorf("china: %+v, want computer-played at hard", ch)
	}
	if one, _ := ParseStrategy(m, "rely-on-beijing"); one.Label != "Relying on Beijing" {
		t.Errorf("label %q", one.Label)
	}
	const want = `options: no strategy "combind" in pressure-2017 and no such file; did you mean "combined"? (the scenario's strategies: combined, rely-on-beijing, max-squeeze, strike, cutoff)`
	if _, err := ParseStrategy(m, "combind"); err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// TestPlayStrategyLookahead shows that PlayStrategy's look-ahead games
// are the recorded games: replaying a game's record in recorded mode
// reaches the same states, scores and levels bit for bit, with a ledger
// the look-ahead game did not keep.
func TestPlayStrategyLookahead(t *testing.T) {
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	combined, err := ParseStrategy(m, "combined")
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []Strategy{{Name: "computer", Difficulty: ai.Easy}, combined} {
		for seed := range uint64(3) {
			g, err := PlayStrategy(m, st, seed, sim.Setup{Params: m.DrawParams(seed)}, nil)
			if err != nil {
				t.Fatalf("%s, seed %d: %v", st.Name, seed, err)
			}
			if len(g.Ledger()) != 0 {
				t.Errorf("%s, seed %d: the look-ahead game kept %d ledger entries", st.Name, seed, len(g.Ledger()))
			}
			r, err := sim.Replay(m, g.Record())
			if err != nil {
				t.Fatalf("%s, seed %d: replay: %v", st.Name, seed, err)
			}
			if len(r.Ledger()) == 0 {
				t.Errorf("%s, seed %d: the recorded replay kept no ledger", st.Name, seed)
			}
			if !reflect.DeepEqual(g.History(), r.History()) {
				t.Errorf("%s, seed %d: the look-ahead game's states differ from its recorded replay's", st.Name, seed)
			}
			gs, _ := g.Scores()
			rs, _ := r.Scores()
			if !reflect.DeepEqual(gs, rs) {
				t.Errorf("%s, seed %d: scores %v, recorded %v", st.Name, seed, gs, rs)
			}
			for i, rep := range g.Reports() {
				if want := r.Reports()[i]; !reflect.DeepEqual(rep.Levels, want.Levels) || !reflect.DeepEqual(rep.Choices, want.Choices) {
					t.Errorf("%s, seed %d, turn %d: levels or choices differ from the recorded replay's", st.Name, seed, rep.Turn)
				}
			}
		}
	}
}
