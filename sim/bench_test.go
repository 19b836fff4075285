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
				if c := m.CostIn(nil, li, lvl); c <= left {
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
// acting, from the same start-of-turn state each time, keeping its ledger
// as a Game does (Stepper.StepLedger, compact entries).
func BenchmarkTurn(b *testing.B) {
	m := defaultModel(b)
	start, levels := busyTurn(b, m)
	st := m.NewStepper()
	var next sim.State
	var led sim.Ledger
	b.ReportAllocs()
	for b.Loop() {
		led.Reset()
		if err := st.StepLedger(start, levels, nil, &next, &led); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(led.Len()), "entries/turn")
}

// BenchmarkTurnEntries is BenchmarkTurn with the ledger written out in
// full Entry values (Stepper.Step), as its readers see them.
func BenchmarkTurnEntries(b *testing.B) {
	m := defaultModel(b)
	start, levels := busyTurn(b, m)
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
	start, levels := busyTurn(b, m)
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

// BenchmarkFixtureCompact is BenchmarkFixture with the ledger in 32-byte
// entries (compactEntry) rather than sim.Entry's 112: the saving compact
// ledger entries would bring a recorded turn.
func BenchmarkFixtureCompact(b *testing.B) {
	m, start, levels := benchTurn(b)
	f := newFixture(m)
	var next sim.State
	led := make([]compactEntry, 0, 256)
	var err error
	b.ReportAllocs()
	for b.Loop() {
		if led, err = f.turnCompact(start, levels, nil, &next, led[:0]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(led)), "entries/turn")
}

// blockTimer times blocks of one kind of a benchmark's work, interleaved
// with blocks of other kinds in one process, and keeps the fastest block:
// on a busy machine a block the scheduler interrupted is slow, so the
// fastest blocks compare the work itself, and their ratio stays steady
// where the times of separate benchmarks drift.
type blockTimer struct{ best time.Duration }

// blockTurns is how many turns a timed block runs.
const blockTurns = 20

// time runs run blockTurns times as one block.
func (t *blockTimer) time(run func()) {
	t0 := time.Now()
	for range blockTurns {
		run()
	}
	if d := time.Since(t0); t.best == 0 || d < t.best {
		t.best = d
	}
}

// per returns the fastest block's time per turn, in nanoseconds.
func (t *blockTimer) per() float64 { return float64(t.best.Nanoseconds()) / blockTurns }

// BenchmarkLimit interleaves blocks of the engine's turns and the
// fixture's, in one process, and reports the ratios of their fastest
// blocks (blockTimer): the recorded turn (StepLedger, compact entries) to
// the fixture with a ledger of compact entries, the same work (the goal
// is at most 1.5), and to the fixture with sim.Entry's; the look-ahead
// turn (Advance) to the fixture without a ledger (the goal is at most
// 1.2); and the fixture with compact ledger entries to the fixture with
// sim.Entry's.
func BenchmarkLimit(b *testing.B) {
	m, start, levels := benchTurn(b)
	f := newFixture(m)
	st := m.NewStepper()
	var next sim.State
	var sled sim.Ledger
	led := make([]sim.Entry, 0, 256)
	cled := make([]compactEntry, 0, 256)
	var tStep, tFix, tAdv, tFixNL, tFixC blockTimer
	b.ReportAllocs()
	for b.Loop() {
		tStep.time(func() { sled.Reset(); _ = st.StepLedger(start, levels, nil, &next, &sled) })
		tFix.time(func() { led, _ = f.turn(start, levels, nil, &next, led[:0]) })
		tAdv.time(func() { _ = st.Advance(start, levels, nil, &next) })
		tFixNL.time(func() { _ = f.turnNoLedger(start, levels, nil, &next) })
		tFixC.time(func() { cled, _ = f.turnCompact(start, levels, nil, &next, cled[:0]) })
	}
	b.ReportMetric(tStep.per()/tFixC.per(), "step/fixture-compact")
	b.ReportMetric(tStep.per()/tFix.per(), "step/fixture")
	b.ReportMetric(tAdv.per()/tFixNL.per(), "advance/fixture-noledger")
	b.ReportMetric(tFixC.per()/tFix.per(), "fixture-compact/fixture")
	b.ReportMetric(tStep.per(), "ns/step")
	b.ReportMetric(tFix.per(), "ns/fixture")
	b.ReportMetric(tFixC.per(), "ns/fixture-compact")
	b.ReportMetric(tAdv.per(), "ns/advance")
	b.ReportMetric(tFixNL.per(), "ns/fixture-noledger")
}

// benchTurn returns the fixture's scenario, its initial state and busy
// orders for it.
func benchTurn(b *testing.B) (*sim.Model, *sim.State, []int) {
	m, err := scenarios.LoadBuiltin(fixtureScenario)
	if err != nil {
		b.Fatal(err)
	}
	start, levels := busyTurn(b, m)
	return m, start, levels
}

// busyTurn returns m's initial state and busy orders for it, checked.
func busyTurn(b testing.TB, m *sim.Model) (*sim.State, []int) {
	start := m.InitialState(sim.NewRNG(1))
	levels := busyOrders(m, start)
	if err := m.CheckLevels(start, levels); err != nil {
		b.Fatal(err)
	}
	return start, levels
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
	// The scenario's parameters, at their stated values, as the engine's
	// formulas read them (by id, like variables).
	params := m.StatedParams()
	for i, p := range s.Params {
		if _, taken := env[p.ID]; !taken {
			env[p.ID] = params[i]
		}
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

// BenchmarkVMBaseline is the fair baseline: the turn of
// BenchmarkTurnLookahead played with expr's virtual machine, one vm.VM
// reused for every run (no allocation of a machine per expression), on a
// map environment that every change is written back to, with the same
// bounds: the effects due this turn on the start-of-turn values, their
// sums added and bounded, the rules in order (each seeing the changes
// before it, its target bounded), the outcomes and the next turn's
// events. It interleaves blocks of the VM's turns with the engine's
// (Advance, which keeps no ledger either; and Step) in one process and
// reports the ratios of the fastest blocks (blockTimer): the engine's
// lead.
func BenchmarkVMBaseline(b *testing.B) {
	m, start, levels := benchTurn(b)
	s := m.Scenario
	env := map[string]any{"turn": 1.0, "level": 1.0}
	subs := make([]map[string]any, len(s.Vars))
	keys := make([]string, len(s.Vars))
	place := func(id string) (map[string]any, string) {
		if ns, name, ok := strings.Cut(id, "."); ok {
			sub, _ := env[ns].(map[string]any)
			if sub == nil {
				sub = map[string]any{}
				env[ns] = sub
			}
			return sub, name
		}
		return env, id
	}
	for i, v := range s.Vars {
		subs[i], keys[i] = place(v.ID)
		subs[i][keys[i]] = start.Vals[i]
	}
	for i, l := range s.Levers {
		sub, k := place(l.ID)
		sub[k] = float64(levels[i])
	}
	params := m.StatedParams()
	for i, p := range s.Params {
		if _, taken := env[p.ID]; !taken {
			env[p.ID] = params[i]
		}
	}
	rng := sim.NewRNG(1)
	num := func(a any) float64 {
		switch x := a.(type) {
		case int:
			return float64(x)
		case float64:
			return x
		}
		return 0
	}
	fn := func(name string, f func(args ...any) (any, error)) expr.Option { return expr.Function(name, f) }
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
	compile := func(x sim.Expr) *vm.Program {
		if x.IsZero() {
			return nil
		}
		p, err := expr.Compile(x.Src, opts...)
		if err != nil {
			b.Fatalf("%s: %v", x.Pos, err)
		}
		return p
	}
	type effect struct {
		p      *vm.Program
		target int
		level  float64
	}
	var effects []effect
	addEffects := func(list []sim.Effect, level float64) {
		for _, e := range list {
			if e.Delay == 0 {
				effects = append(effects, effect{compile(e.Change), m.VarIndex(e.Target), level})
			}
		}
	}
	for _, ei := range start.Briefing {
		addEffects(s.Events[ei].Effects, 1)
	}
	for li, l := range s.Levers {
		if levels[li] > 0 {
			addEffects(l.Effects, float64(levels[li]))
		}
	}
	type rule struct {
		when, p *vm.Program
		target  int
		set     bool
	}
	var rules []rule
	for _, r := range s.Rules {
		x := r.Change
		if !r.Set.IsZero() {
			x = r.Set
		}
		rules = append(rules, rule{compile(r.When), compile(x), m.VarIndex(r.Target), !r.Set.IsZero()})
	}
	var conds []*vm.Program
	for _, o := range s.Outcomes {
		if p := compile(o.When); p != nil {
			conds = append(conds, p)
		}
	}
	for _, e := range s.Events {
		if p := compile(e.When); p != nil {
			conds = append(conds, p)
		}
	}
	var machine vm.VM
	run := func(p *vm.Program) any {
		out, err := machine.Run(p, env)
		if err != nil {
			b.Fatal(err)
		}
		return out
	}
	vals := make([]float64, len(s.Vars))
	deltas := make([]float64, len(s.Vars))
	write := func(i int, v float64) {
		lo, hi := m.Bounds(i)
		v = math.Max(lo, math.Min(hi, v))
		vals[i] = v
		subs[i][keys[i]] = v
	}
	vmTurn := func() {
		rng = sim.NewRNG(1)
		for i, v := range start.Vals {
			vals[i] = v
			subs[i][keys[i]] = v
		}
		clear(deltas)
		for _, e := range effects {
			env["level"] = e.level
			deltas[e.target] += num(run(e.p))
		}
		for i, d := range deltas {
			write(i, vals[i]+d)
		}
		for _, r := range rules {
			if r.when != nil && !run(r.when).(bool) {
				continue
			}
			x := num(run(r.p))
			if !r.set {
				x += vals[r.target]
			}
			write(r.target, x)
		}
		for _, p := range conds {
			_ = run(p).(bool)
		}
	}
	st := m.NewStepper()
	var next sim.State
	var led sim.Ledger
	var tVM, tAdv, tStep blockTimer
	b.ReportAllocs()
	for b.Loop() {
		tVM.time(vmTurn)
		tAdv.time(func() { _ = st.Advance(start, levels, nil, &next) })
		tStep.time(func() { led.Reset(); _ = st.StepLedger(start, levels, nil, &next, &led) })
	}
	b.ReportMetric(tVM.per()/tAdv.per(), "vm/advance")
	b.ReportMetric(tVM.per()/tStep.per(), "vm/step")
	b.ReportMetric(tVM.per(), "ns/vm-turn")
	b.ReportMetric(tAdv.per(), "ns/advance")
	b.ReportMetric(float64(len(effects)+2*len(rules)+len(conds)), "exprs/turn")
}

// BenchmarkGame plays a whole recorded game of the default scenario, every
// actor spending its budget every turn (busyOrders), ledger, reports and
// record kept: what a game costs in time and memory, the ledger's share
// included.
func BenchmarkGame(b *testing.B) {
	m := defaultModel(b)
	b.ReportAllocs()
	for b.Loop() {
		g := sim.NewGame(m, 1)
		for !g.Over() {
			o := sim.Orders{}
			for li, lvl := range busyOrders(m, g.State()) {
				if lvl > 0 {
					l := &m.Scenario.Levers[li]
					if o[l.Actor] == nil {
						o[l.Actor] = map[string]int{}
					}
					o[l.Actor][l.ID] = lvl
				}
			}
			if _, err := g.Play(o, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}
