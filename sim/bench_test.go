package sim_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// busyOrders gives every actor of m orders that use its budget: each lever
// at the highest available level that still fits, in the scenario's order.
func busyOrders(m *sim.Model, s *sim.State) []int {
	levels := make([]int, m.NumLevers())
	for ai, a := range m.Scenario.Actors {
		left := a.Budget
		for _, li := range m.ActorLevers(ai) {
			if ok, _ := m.Available(s, li); !ok {
				continue
			}
			for lvl := len(m.Scenario.Levers[li].Levels) - 1; lvl > 0; lvl-- {
				if c := m.Cost(li, lvl); c <= left {
					levels[li] = lvl
					left -= c
					break
				}
			}
		}
	}
	return levels
}

func defaultModel(b testing.TB) *sim.Model {
	m, err := scenarios.LoadBuiltin(scenarios.Default)
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// BenchmarkTurn resolves one turn of the default scenario with every actor
// acting, from the same start-of-turn state each time.
func BenchmarkTurn(b *testing.B) {
	m := defaultModel(b)
	start := m.InitialState(sim.NewRNG(1))
	levels := busyOrders(m, start)
	if err := m.CheckLevels(start, levels); err != nil {
		b.Fatal(err)
	}
	st := m.NewStepper()
	var next sim.State
	led := make([]sim.Entry, 0, 256)
	var err error
	b.ReportAllocs()
	for b.Loop() {
		if led, err = st.Step(start, levels, nil, &next, led[:0]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(led)), "entries/turn")
}

// BenchmarkTurnLookahead resolves the turn of BenchmarkTurn without a
// ledger (Stepper.Advance), as the computer players do.
func BenchmarkTurnLookahead(b *testing.B) {
	m := defaultModel(b)
	start := m.InitialState(sim.NewRNG(1))
	levels := busyOrders(m, start)
	if err := m.CheckLevels(start, levels); err != nil {
		b.Fatal(err)
	}
	st := m.NewStepper()
	var next sim.State
	b.ReportAllocs()
	for b.Loop() {
		if err := st.Advance(start, levels, nil, &next); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFixture resolves the turn of BenchmarkTurn with the generated
// plain-Go fixture (turnfixture_gen_test.go), ledger and all: the limit
// the engine's recorded turn is measured against.
func BenchmarkFixture(b *testing.B) {
	m, start, levels := benchTurn(b)
	f := newFixture(m)
	var next sim.State
	led := make([]sim.Entry, 0, 256)
	var err error
	b.ReportAllocs()
	for b.Loop() {
		if led, err = f.turn(start, levels, nil, &next, led[:0]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(led)), "entries/turn")
}

// BenchmarkFixtureNoLedger is BenchmarkFixture without a ledger: the limit
// of a look-ahead turn.
func BenchmarkFixtureNoLedger(b *testing.B) {
	m, start, levels := benchTurn(b)
	f := newFixture(m)
	var next sim.State
	b.ReportAllocs()
	for b.Loop() {
		if err := f.turnNoLedger(start, levels, nil, &next); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLimit interleaves blocks of the engine's turns and the
// fixture's, in one process, and reports the ratios of their times: the
// recorded turn (Step) to the fixture with a ledger, and the look-ahead
// turn (Advance) to the fixture without (the goals are at most 1.5 and
// 1.2). Interleaving keeps the ratios steady on a busy machine, where the
// times of separate benchmarks drift.
func BenchmarkLimit(b *testing.B) {
	m, start, levels := benchTurn(b)
	f := newFixture(m)
	st := m.NewStepper()
	var next sim.State
	led := make([]sim.Entry, 0, 256)
	const block = 200
	var tStep, tFix, tAdv, tFixNL time.Duration
	timed := func(d *time.Duration, run func()) {
		t0 := time.Now()
		for range block {
			run()
		}
		*d += time.Since(t0)
	}
	b.ReportAllocs()
	for b.Loop() {
		timed(&tStep, func() { led, _ = st.Step(start, levels, nil, &next, led[:0]) })
		timed(&tFix, func() { led, _ = f.turn(start, levels, nil, &next, led[:0]) })
		timed(&tAdv, func() { _ = st.Advance(start, levels, nil, &next) })
		timed(&tFixNL, func() { _ = f.turnNoLedger(start, levels, nil, &next) })
	}
	b.ReportMetric(float64(tStep)/float64(tFix), "step/fixture")
	b.ReportMetric(float64(tAdv)/float64(tFixNL), "advance/fixture-noledger")
	n := float64(b.N * block)
	b.ReportMetric(float64(tStep.Nanoseconds())/n, "ns/step")
	b.ReportMetric(float64(tFix.Nanoseconds())/n, "ns/fixture")
	b.ReportMetric(float64(tAdv.Nanoseconds())/n, "ns/advance")
	b.ReportMetric(float64(tFixNL.Nanoseconds())/n, "ns/fixture-noledger")
}

// benchTurn returns the fixture's scenario, its initial state and busy
// orders for it.
func benchTurn(b *testing.B) (*sim.Model, *sim.State, []int) {
	m, err := scenarios.LoadBuiltin(fixtureScenario)
	if err != nil {
		b.Fatal(err)
	}
	start := m.InitialState(sim.NewRNG(1))
	levels := busyOrders(m, start)
	if err := m.CheckLevels(start, levels); err != nil {
		b.Fatal(err)
	}
	return m, start, levels
}

// BenchmarkTurnExprVM evaluates the same expressions a turn of
// BenchmarkTurn evaluates with expr's own virtual machine (expr.Run) and a
// map environment: the baseline the compiled closures are measured against.
func BenchmarkTurnExprVM(b *testing.B) {
	m := defaultModel(b)
	s := m.Scenario
	start := m.InitialState(sim.NewRNG(1))
	levels := busyOrders(m, start)

	env := map[string]any{"turn": 1.0, "level": 1.0}
	set := func(id string, v float64) {
		if ns, name, ok := strings.Cut(id, "."); ok {
			sub, _ := env[ns].(map[string]any)
			if sub == nil {
				sub = map[string]any{}
				env[ns] = sub
			}
			sub[name] = v
			return
		}
		env[id] = v
	}
	for i, v := range s.Vars {
		set(v.ID, start.Vals[i])
	}
	for i, l := range s.Levers {
		set(l.ID, float64(levels[i]))
	}
	rng := sim.NewRNG(1)
	fn := func(name string, f func(args ...any) (any, error)) expr.Option { return expr.Function(name, f) }
	num := func(a any) float64 {
		switch x := a.(type) {
		case int:
			return float64(x)
		case float64:
			return x
		}
		return 0
	}
	opts := []expr.Option{
		expr.Env(env),
		fn("clamp", func(a ...any) (any, error) { return math.Max(num(a[1]), math.Min(num(a[2]), num(a[0]))), nil }),
		fn("sqrt", func(a ...any) (any, error) { return math.Sqrt(num(a[0])), nil }),
		fn("exp", func(a ...any) (any, error) { return math.Exp(num(a[0])), nil }),
		fn("log", func(a ...any) (any, error) { return math.Log(num(a[0])), nil }),
		fn("pow", func(a ...any) (any, error) { return math.Pow(num(a[0]), num(a[1])), nil }),
		fn("sign", func(a ...any) (any, error) { return math.Copysign(1, num(a[0])), nil }),
		fn("noise", func(a ...any) (any, error) { return rng.NormFloat64() * num(a[0]), nil }),
		fn("random", func(a ...any) (any, error) { return rng.Float64(), nil }),
	}
	var progs []*vm.Program
	add := func(x sim.Expr) {
		if x.IsZero() {
			return
		}
		p, err := expr.Compile(x.Src, opts...)
		if err != nil {
			b.Fatalf("%s: %v", x.Pos, err)
		}
		progs = append(progs, p)
	}
	for _, ei := range start.Briefing {
		for _, e := range s.Events[ei].Effects {
			add(e.Change)
		}
	}
	for i, l := range s.Levers {
		if levels[i] > 0 {
			for _, e := range l.Effects {
				add(e.Change)
			}
		}
	}
	for _, r := range s.Rules {
		add(r.When)
		add(r.Change)
		add(r.Set)
	}
	for _, o := range s.Outcomes {
		add(o.When)
	}
	for _, e := range s.Events {
		add(e.When)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range progs {
			if _, err := expr.Run(p, env); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(progs)), "exprs/turn")
}
