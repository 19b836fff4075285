package options

import (
	"reflect"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

func defaultModel(t testing.TB) *sim.Model {
	t.Helper()
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// playTurns plays n turns of an all-computer game at easy difficulty.
func playTurns(t testing.TB, m *sim.Model, seed uint64, n int) *sim.Game {
	t.Helper()
	g := sim.NewGame(m, seed)
	computer := make([]bool, len(m.Scenario.Actors))
	diff := make([]ai.Difficulty, len(m.Scenario.Actors))
	for i := range computer {
		computer[i] = true
	}
	for range n {
		o, c := sim.Orders{}, sim.Choices{}
		ai.Fill(g, diff, computer, o, c)
		if _, err := g.Play(o, c); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

// draftOf returns actor ai's last orders as a draft, where still allowed.
func draftOf(m *sim.Model, s *sim.State, a int) sim.Orders {
	lv := m.CarryForward(s, s.Levels)
	mine := map[string]int{}
	for _, li := range m.ActorLevers(a) {
		if lv[li] > 0 {
			mine[m.Scenario.Levers[li].ID] = lv[li]
		}
	}
	return sim.Orders{m.Scenario.Actors[a].ID: mine}
}

// TestForecastOnlyOnItsView proves that a forecast never uses values hidden
// from its seat, nor parameter values drawn for the game, nor the game's
// future chance: states that differ only in such values, seen through the
// same view, give the same forecast. It also
// checks that the test is not empty: another view changes the forecast.
func TestForecastOnlyOnItsView(t *testing.T) {
	m := defaultModel(t)
	g := playTurns(t, m, 9, 3)
	opt := ForecastOptions{Playouts: 6, Turns: 2, J: 1}
	viewMatters := false
	for _, turn := range []int{1, 3} {
		s := g.History()[turn-1]
		for seat := range m.Scenario.Actors {
			v := g.ViewOf(s, seat)
			other := s.Clone()
			other.RNG = sim.NewRNG(s.RNG.State ^ 0x5eed)
			other.Params = m.DrawParams(77) // values drawn for the game are hidden too
			var hidden []string
			for i, x := range v.Exact {
				if x || requiredBy(m, m.Scenario.Vars[i].ID) {
					continue
				}
				lo, hi := m.Bounds(i)
				other.Vals[i] = shifted(s.Vals[i], lo, hi)
				hidden = append(hidden, m.Scenario.Vars[i].ID)
			}
			draft := draftOf(m, s, seat)
			want, err := ForecastFrom(m, s, v, g.Seed, seat, draft, nil, opt)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ForecastFrom(m, other, v, g.Seed, seat, draft, nil, opt)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("turn %d %s: changing hidden %v changed the forecast", turn, m.Scenario.Actors[seat].ID, hidden)
			}
			if len(hidden) > 0 {
				v2 := g.ViewOf(other, seat)
				if f2, _ := ForecastFrom(m, s, v2, g.Seed, seat, draft, nil, opt); !reflect.DeepEqual(f2, want) {
					viewMatters = true
				}
			}
		}
	}
	if !viewMatters {
		t.Error("no forecast depends on what the seat sees")
	}
}

// requiredBy reports whether a lever's precondition reads variable id;
// which levers are available is public, so such a variable is not changed.
func requiredBy(m *sim.Model, id string) bool {
	for _, l := range m.Scenario.Levers {
		if strings.Contains(l.Requires.Src, id) {
			return true
		}
	}
	return false
}

// shifted moves x well away from where it is, within [lo, hi].
func shifted(x, lo, hi float64) float64 {
	d := 0.3 * (hi - lo)
	if hi-lo > 1e6 || hi-lo <= 0 {
		d = 0.3*x + 1
	}
	if x+d <= hi {
		return x + d
	}
	return x - d
}

// TestForecastShape checks a default forecast: 50 play-outs of 4 turns,
// the indicators the seat's objectives read, ordered bands, outcome shares
// that add up to one, and the same result whatever the number of workers.
func TestForecastShape(t *testing.T) {
	m := defaultModel(t)
	g := sim.NewGame(m, m.Scenario.Meta.Seed)
	seat := 0
	draft := draftOf(m, g.State(), seat)
	fc, err := Forecast(g, seat, draft, nil, ForecastOptions{J: 1})
	if err != nil {
		t.Fatal(err)
	}
	if fc.Playouts != 50 || fc.Turns != 4 || fc.Turn != 1 || fc.Seat != seat {
		t.Fatalf("forecast of %d play-outs, %d turns from turn %d for %d; want 50, 4, 1, %d", fc.Playouts, fc.Turns, fc.Turn, fc.Seat, seat)
	}
	want := ForecastIndicators(m, seat)
	if len(want) == 0 || len(fc.Indicators) != len(want) {
		t.Fatalf("%d indicators, want %d (%v)", len(fc.Indicators), len(want), want)
	}
	for j, b := range append(fc.Indicators, fc.Score) {
		if j < len(want) && b.Var != want[j] {
			t.Errorf("indicator %d is var %d, want %d", j, b.Var, want[j])
		}
		if len(b.Median) != 5 || len(b.Lo) != 5 || len(b.Hi) != 5 {
			t.Fatalf("%s: series of %d, want 5", b.ID, len(b.Median))
		}
		for k := range b.Median {
			if !(b.Lo[k] <= b.Median[k] && b.Median[k] <= b.Hi[k]) {
				t.Errorf("%s turn %d: band %g..%g does not hold its median %g", b.ID, k, b.Lo[k], b.Hi[k], b.Median[k])
			}
		}
	}
	total := 0.0
	n := 0
	for _, s := range fc.Outcomes {
		total += s.Share
		n += s.Count
	}
	if n != 50 || total < 0.999 || total > 1.001 {
		t.Errorf("outcome counts add up to %d (shares %g), want 50 (1)", n, total)
	}
	again, err := Forecast(g, seat, draft, nil, ForecastOptions{J: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again, fc) {
		t.Error("the forecast with 3 workers differs from the one with 1")
	}
}

// TestForecastErrors checks what bad requests get.
func TestForecastErrors(t *testing.T) {
	m := defaultModel(t)
	g := sim.NewGame(m, 1)
	tests := []struct {
		name  string
		seat  int
		draft sim.Orders
		opt   ForecastOptions
		want  string
	}{
		{"no seat", 9, nil, ForecastOptions{}, "options: forecast: no actor 9"},
		{"levels", 0, nil, ForecastOptions{Levels: []ai.Difficulty{ai.Easy}}, "options: forecast: 1 difficulties for 6 actors"},
		{"indicator", 0, nil, ForecastOptions{Indicators: []string{"dprk.gdpx"}}, `options: forecast: unknown indicator "dprk.gdpx"; did you mean "dprk.gdp"?`},
		{"level", 0, sim.Orders{"us": {"us.unsc": 99}}, ForecastOptions{}, "options: forecast: sim: orders of us: us.unsc: level 99 is out of range 0..2"},
	}
	for _, tc := range tests {
		_, err := Forecast(g, tc.seat, tc.draft, nil, tc.opt)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: got %v, want %s", tc.name, err, tc.want)
		}
	}
}

// BenchmarkForecast times the window's default forecast (50 play-outs of
// the next 4 turns) on the first turn of the default scenario; the goal is
// at most 1 s on two cores.
func BenchmarkForecast(b *testing.B) {
	m := defaultModel(b)
	g := sim.NewGame(m, m.Scenario.Meta.Seed)
	draft := draftOf(m, g.State(), 0)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Forecast(g, 0, draft, nil, ForecastOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestForecastScoreFault: an objective that faults on the seat's imagined
// world stops the play-out; the forecast counts it and keeps the fault,
// with its scenario position, never a score of 0 in its place.
func TestForecastScoreFault(t *testing.T) {
	const src = `format: 1
meta: {id: duel, title: Duel, turns: 3, seed: 7}
actors:
  - {id: a, name: A, budget: 1, objectives: [{id: up, score: "sqrt(0.5 - x)"}]}
variables:
  - {id: x, name: X, init: 0}
levers:
  - {id: a.push, actor: a, levels: [off, on], cost: [0, 1], effects: [{target: x, change: 1}]}
outcomes:
  - {id: high, when: "x >= 2.5"}
  - {id: limit}
`
	m, err := scenarios.Load("duel.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	fc, err := Forecast(sim.NewGame(m, 1), 0, sim.Orders{"a": {"a.push": 1}}, nil, ForecastOptions{Playouts: 4})
	if err != nil {
		t.Fatal(err)
	}
	if fc.Failed != 4 || fc.Fault == nil {
		t.Fatalf("Failed %d, Fault %v: want 4 and the fault", fc.Failed, fc.Fault)
	}
	if want := "duel.yaml:4:"; !strings.Contains(fc.Fault.Error(), want) || !strings.Contains(fc.Fault.Error(), "square root of a negative number") {
		t.Errorf("Fault = %q, want it at %s... with its message", fc.Fault, want)
	}
}
