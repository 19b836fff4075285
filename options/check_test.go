package options

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

const tiny = `format: 1
meta: {id: tiny, title: Tiny, turns: 3, seed: 7}
actors:
  - {id: a, name: A, budget: 1, objectives: [{id: up, score: x}]}
variables:
  - {id: x, name: X, init: 0}
levers:
  - {id: a.push, actor: a, levels: [off, on], cost: [0, 1], effects: [{target: x, change: "1 + noise(1)"}]}
outcomes:
  - {id: high, when: "x >= 2.5"}
  - {id: limit}
checks:
  - {name: high often, outcome: high, share: [0.2, 0.9], games: 40}
  - {expect: "x > 0", turn: 1, share: [0, 1], games: 20}
  - {name: never, outcome: limit, share: [0.99, 1]}
`

func load(t testing.TB, src string) *sim.Model {
	t.Helper()
	m, err := scenarios.Load("tiny.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestDeterministic shows that results do not depend on the number of
// workers: game i always has seed i and lands in slot i.
func TestDeterministic(t *testing.T) {
	m := load(t, tiny)
	one := Play(m, 30, PlayOptions{Workers: 1})
	var calls []int
	two := Play(m, 30, PlayOptions{Workers: 2, Progress: func(done, total int) {
		if total != 30 {
			t.Errorf("total = %d, want 30", total)
		}
		calls = append(calls, done)
	}})
	if !reflect.DeepEqual(one, two) {
		t.Error("results differ between 1 and 2 workers")
	}
	if len(calls) != 30 || calls[29] != 30 {
		t.Errorf("progress calls %v, want 1..30", calls)
	}
	for i, g := range one {
		if g.Seed != 7+uint64(i) {
			t.Errorf("game %d has seed %d, want %d", i, g.Seed, 7+i)
		}
		if g.Err != nil {
			t.Errorf("game %d: %v", i, g.Err)
		}
	}
}

func TestMeasure(t *testing.T) {
	m := load(t, tiny)
	games := make([]Game, 50)
	for i := range games {
		// high in games 0-9, x > 0 in even games, never the limit.
		games[i] = Game{Checks: []bool{i < 10, i%2 == 0, false}}
	}
	if n := GamesNeeded(m); n != DefaultGames {
		t.Errorf("GamesNeeded = %d, want %d", n, DefaultGames)
	}
	var got []string
	for _, r := range Measure(m, games, false) {
		got = append(got, r.String())
	}
	want := []string{
		"PASS high often: 25.0% of 40 games (allowed 20.0%–90.0%)",
		"PASS x > 0 after turn 1: 50.0% of 20 games (allowed 0.0%–100.0%)",
		"FAIL never: 0.0% of 50 games (allowed 99.0%–100.0%)",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	r := Measure(m, games, true)[0]
	if r.Games != 50 || r.Hits != 10 || !r.Pass {
		t.Errorf("override: %+v", r)
	}
}

func ExampleMeasure() {
	m, _ := scenarios.Load("tiny.yaml", []byte(tiny))
	games := Play(m, GamesNeeded(m), PlayOptions{Workers: 2})
	for _, r := range Measure(m, games, false) {
		fmt.Println(r.Name(), r.Games)
	}
	// Output:
	// high often 40
	// x > 0 after turn 1 20
	// never 200
}

// BenchmarkPlayOne measures one computer-played game of each built-in
// scenario at each difficulty.
func BenchmarkPlayOne(b *testing.B) {
	for _, name := range scenarios.Builtin() {
		m, err := scenarios.LoadBuiltin(name)
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range ai.Difficulties[:2] {
			b.Run(name+"/"+d.String(), func(b *testing.B) {
				for i := 0; b.Loop(); i++ {
					PlayOne(m, i, d)
				}
			})
		}
	}
}

// BenchmarkPlay measures games per second of the Nile scenario on one and
// on two workers; the speed-up from the second core is the ratio.
func BenchmarkPlay(b *testing.B) {
	m, err := scenarios.LoadBuiltin("nile-2020")
	if err != nil {
		b.Fatal(err)
	}
	const n = 100
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			for b.Loop() {
				Play(m, n, PlayOptions{Workers: w})
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "games/s")
		})
	}
}

func TestPlayFrom(t *testing.T) {
	m := load(t, tiny)
	all := Play(m, 10, PlayOptions{Workers: 2})
	part := PlayFrom(m, 4, 3, PlayOptions{Workers: 2})
	if !reflect.DeepEqual(part, all[4:7]) {
		t.Error("PlayFrom(4, 3) differs from games 4 to 6 of Play")
	}
}

// TestCheckFault checks that a check's 'expect' that faults on a game
// played to its end stops nothing but is the game's error: a *CheckError
// naming the game and check, wrapping the *sim.EvalError at the position
// of the fault, of the turn after which the check is evaluated.
func TestCheckFault(t *testing.T) {
	m := load(t, strings.Replace(tiny, `{expect: "x > 0", turn: 1,`, `{name: odd, expect: "x / (x - x) > 0", turn: 1,`, 1))
	g := PlayOne(m, 2, ai.Easy)
	var ce *CheckError
	var ee *sim.EvalError
	if !errors.As(g.Err, &ce) || !errors.As(g.Err, &ee) {
		t.Fatalf("error %v, want a *CheckError wrapping a *sim.EvalError", g.Err)
	}
	if ce.Game != 2 || ce.Seed != 9 || ce.Check != 1 || ee.Turn != 1 {
		t.Errorf("game %d, seed %d, check %d, turn %d; want 2, 9, 1 and 1", ce.Game, ce.Seed, ce.Check, ee.Turn)
	}
	const want = `game 2 (seed 9): check "odd": sim: turn 1: tiny.yaml:14:28: division by zero`
	if g.Err.Error() != want {
		t.Errorf("error\n%s\nwant\n%s", g.Err, want)
	}
	if g.Outcome < 0 || g.Turns == 0 {
		t.Errorf("the game did not play to its end: outcome %d after %d turns", g.Outcome, g.Turns)
	}
}
