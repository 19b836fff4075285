package sim_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/sim"
)

// TestBudgetTolerance checks that orders costing their budget on paper
// are affordable although 0.1 + 0.2 is a little over 0.3 in floating
// point, and that a real overspend is refused, by every check.
func TestBudgetTolerance(t *testing.T) {
	src := strings.Replace(small, "budget: 3", "budget: 0.3", 1)
	src = strings.Replace(src, "cost: [0, 1, 3]", "cost: [0, 0.1, 0.25]", 1)
	src = strings.Replace(src, `  - id: b.wall`, `  - {id: a.spend, actor: a, name: Spend, levels: [no, yes], cost: [0, 0.2], effects: [{target: a.money, change: "-1"}]}
  - id: b.wall`, 1)
	m := load(t, src)
	g := sim.NewGame(m, 1)
	a := m.ActorIndex("a")
	levels := make([]int, m.NumLevers())
	levels[m.LeverIndex("a.tax")], levels[m.LeverIndex("a.spend")] = 1, 1
	x, y := 0.1, 0.2
	if c := m.OrdersCostIn(g.State(), a, levels); c != x+y || c <= 0.3 {
		t.Fatalf("cost %v, want 0.1 + 0.2 (a little over 0.3)", c)
	}
	if !m.Affordable(a, m.OrdersCostIn(g.State(), a, levels)) {
		t.Errorf("0.1 + 0.2 is not affordable from 0.3")
	}
	if m.Affordable(a, 0.3+1e-6) {
		t.Errorf("0.300001 is affordable from 0.3")
	}
	if err := m.CheckLevels(g.State(), levels); err != nil {
		t.Errorf("CheckLevels: %v", err)
	}
	if got := m.CarryForward(g.State(), levels); !reflect.DeepEqual(got, levels) {
		t.Errorf("CarryForward dropped affordable orders: %v, want %v", got, levels)
	}
	levels[m.LeverIndex("a.tax")] = 2
	want := `sim: orders of a: the orders cost 0.45, over the budget of 0.3`
	if err := m.CheckLevels(g.State(), levels); err == nil || err.Error() != want {
		t.Errorf("CheckLevels over budget: %v, want %s", err, want)
	}
}

// TestCarryForward checks that last orders are carried into the next
// turn only where they are still allowed.
func TestCarryForward(t *testing.T) {
	m := load(t, small)
	g := sim.NewGame(m, 1)
	tax, wall := m.LeverIndex("a.tax"), m.LeverIndex("b.wall")
	for _, tc := range []struct {
		name    string
		tension float64
		in      []int
		want    []int
	}{
		{"all allowed", 50, []int{2, 1}, []int{2, 1}},
		{"precondition fails", 30, []int{2, 1}, []int{2, 0}},
		{"out of range", 50, []int{7, -1}, []int{0, 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := g.State().Clone()
			s.Vals[m.VarIndex("tension")] = tc.tension
			in := make([]int, m.NumLevers())
			in[tax], in[wall] = tc.in[0], tc.in[1]
			got := m.CarryForward(s, in)
			if got[tax] != tc.want[0] || got[wall] != tc.want[1] {
				t.Errorf("carried %v, want tax %d wall %d", got, tc.want[0], tc.want[1])
			}
			if err := m.CheckLevels(s, got); err != nil {
				t.Errorf("the carried orders are refused: %v", err)
			}
		})
	}
	t.Run("over budget", func(t *testing.T) {
		m := load(t, tightBudget)
		g := sim.NewGame(m, 1)
		in := make([]int, m.NumLevers())
		in[m.LeverIndex("a.tax")], in[m.LeverIndex("a.spend")], in[m.LeverIndex("b.wall")] = 1, 1, 1
		got := m.CarryForward(g.State(), in)
		if got[m.LeverIndex("a.tax")] != 0 || got[m.LeverIndex("a.spend")] != 0 || got[m.LeverIndex("b.wall")] != 1 {
			t.Errorf("carried %v, want a's orders dropped and b's kept", got)
		}
	})
}

// tightBudget is the small scenario with a budget of 2 for actor a and a
// second lever of a's, so that two levels a can each afford cost more
// together (a single level costing more than the budget is a load error).
var tightBudget = strings.NewReplacer(
	"budget: 3", "budget: 2",
	"cost: [0, 1, 3]", "cost: [0, 1, 2]",
	"  - id: b.wall\n", `  - {id: a.spend, actor: a, name: Spend, levels: [no, yes], cost: [0, 2], effects: [{target: a.money, change: "-1"}]}
  - id: b.wall
`).Replace(small)

// TestSanitize checks that Sanitize keeps the allowed part of orders and
// choices and describes every part it drops, in a fixed order.
func TestSanitize(t *testing.T) {
	m := load(t, strings.Replace(small, "init: 50, min: 0", "init: 30, min: 0", 1))
	g := sim.NewGame(m, 1)
	o := sim.Orders{
		"a":  {"a.tax": 1, "a.gone": 1, "b.wall": 1},
		"aa": {"a.tax": 1},
		"b":  {"b.wall": 1},
	}
	c := sim.Choices{"sumit": "go", "summit": "go"}
	gotO, gotC, drops := m.Sanitize(g.State(), o, c)
	if want := (sim.Orders{"a": {"a.tax": 1}, "b": {}}); !reflect.DeepEqual(gotO, want) {
		t.Errorf("orders kept %v, want %v", gotO, want)
	}
	if len(gotC) != 0 {
		t.Errorf("choices kept %v, want none", gotC)
	}
	want := []string{
		`turn 1: a: a.gone=1 dropped: no such lever of a`,
		`turn 1: a: b.wall=1 dropped: no such lever of a`,
		`turn 1: orders of aa dropped: no such actor; did you mean "a"?`,
		`turn 1: b: b.wall=1 dropped: not available: tension must be above 40`,
		`turn 1: choice sumit=go dropped: unknown event "sumit"; did you mean "summit"?`,
		`turn 1: choice summit=go dropped: event "summit" is not in this turn's briefing`,
	}
	var got []string
	for _, d := range drops {
		got = append(got, d.String())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("drops:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := g.Play(gotO, gotC); err != nil {
		t.Errorf("sanitized orders refused: %v", err)
	}

	m2 := load(t, tightBudget)
	g2 := sim.NewGame(m2, 1)
	if _, err := g2.Play(sim.Orders{}, nil); err != nil {
		t.Fatal(err)
	}
	_, gotC, drops = m2.Sanitize(g2.State(), sim.Orders{"a": {"a.tax": 1, "a.spend": 1, "a.tax2": 0}}, sim.Choices{"summit": "goo"})
	got = got[:0]
	for _, d := range drops {
		got = append(got, d.String())
	}
	want = []string{
		`turn 2: a: a.tax2=0 dropped: no such lever of a`,
		`turn 2: orders of a dropped: they cost 3, over the budget of 2`,
		`turn 2: choice summit=goo dropped: event "summit" has no option "goo"; did you mean "go"?`,
	}
	if !reflect.DeepEqual(got, want) || len(gotC) != 0 {
		t.Errorf("drops:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestChoiceErrors checks that a choice naming an unknown event or
// option is refused with a did-you-mean hint, and nothing is played.
func TestChoiceErrors(t *testing.T) {
	m := load(t, small)
	for _, tc := range []struct {
		choices sim.Choices
		want    string
	}{
		{sim.Choices{"sumit": "go"}, `sim: choices: unknown event "sumit"; did you mean "summit"?`},
		{sim.Choices{"summit": "stya"}, `sim: choices: event "summit" has no option "stya"; did you mean "stay"?`},
		{sim.Choices{"summit": ""}, `sim: choices: event "summit" has no option ""`},
	} {
		t.Run(tc.want, func(t *testing.T) {
			g := sim.NewGame(m, 1)
			if _, err := g.Play(sim.Orders{}, nil); err != nil {
				t.Fatal(err)
			}
			if _, err := g.Play(sim.Orders{}, tc.choices); err == nil || err.Error() != tc.want {
				t.Errorf("error %v, want %s", err, tc.want)
			}
			if g.Turn() != 2 {
				t.Errorf("a refused choice played the turn")
			}
		})
	}
}

// TestReplayLenientKeepsInjects checks that a lenient replay plays the
// facilitator's injected events and adjustments again, as hot reload
// must: the replayed game is the original, bit for bit.
func TestReplayLenientKeepsInjects(t *testing.T) {
	m := load(t, noisy)
	g := sim.NewGame(m, 5)
	play := func(o sim.Orders, c sim.Choices) {
		t.Helper()
		if _, err := g.Play(o, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.Inject("summit"); err != nil {
		t.Fatal(err)
	}
	play(noisyOrders[0], sim.Choices{"summit": "stay"})
	if err := g.Adjust("tension", 80, "incident"); err != nil {
		t.Fatal(err)
	}
	play(noisyOrders[1], nil)
	if err := g.Inject("flare"); err != nil {
		t.Fatal(err)
	}
	edited := load(t, noisy+"\n# edited\n")
	r, drops, err := sim.ReplayLenient(edited, g.Record())
	if err != nil {
		t.Fatal(err)
	}
	if len(drops) != 0 {
		t.Errorf("drops %v, want none", drops)
	}
	if !reflect.DeepEqual(r.History(), g.History()) || !reflect.DeepEqual(r.Ledger(), g.Ledger()) {
		t.Errorf("the lenient replay differs from the game")
	}
	if !reflect.DeepEqual(r.Record().Pending, g.Record().Pending) {
		t.Errorf("pending %v, want %v", r.Record().Pending, g.Record().Pending)
	}
}

// TestReplayLenientDrops checks what a lenient replay leaves out, and
// that it says so in the order met.
func TestReplayLenientDrops(t *testing.T) {
	m := load(t, small)
	g := sim.NewGame(m, 1)
	steps := []func() error{
		func() error { return g.Adjust("a.money", 90, "windfall") },
		func() error { return g.Inject("summit") },
		func() error {
			_, err := g.Play(sim.Orders{"a": {"a.tax": 2}}, sim.Choices{"summit": "stay"})
			return err
		},
		func() error { _, err := g.Play(sim.Orders{"a": {"a.tax": 1}, "b": {"b.wall": 1}}, nil); return err },
		func() error { return g.Adjust("tension", 45, "") },
	}
	for i, f := range steps {
		if err := f(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	// The new version: money is capped at 50, the tax's high level is
	// gone and the summit's "stay" option is renamed.
	src := strings.Replace(small, "init: 10, min: 0, max: 100", "init: 10, min: 0, max: 50", 1)
	src = strings.Replace(src, "levels: [none, low, high]\n    cost: [0, 1, 3]", "levels: [none, low]\n    cost: [0, 1]", 1)
	src = strings.Replace(src, "{id: stay,", "{id: remain,", 1)
	r, drops, err := sim.ReplayLenient(load(t, src), g.Record())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range drops {
		got = append(got, d.String())
	}
	want := []string{
		`turn 1: adjustment a.money=90 (windfall) dropped: adjust: 90 is outside the bounds of a.money (0..50)`,
		`turn 1: a: a.tax=2 dropped: no level 2 (the levels are 0..1)`,
		`turn 1: choice summit=stay dropped: event "summit" has no option "stay"`,
		// Without the tax and with the summit's first option, tension is
		// now below the wall's threshold on turn 2.
		`turn 2: b: b.wall=1 dropped: not available: tension must be above 40`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("drops:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r.Turn() != 3 || len(r.Record().Pending) != 1 {
		t.Errorf("replayed to turn %d with pending %v, want turn 3 and the tension adjustment", r.Turn(), r.Record().Pending)
	}

	// The event is gone in another version: its inject is dropped.
	src = strings.Replace(small, "  - id: summit\n    name: Summit\n    turn: 2\n", "  - id: summit2\n    name: Summit\n    turn: 2\n", 1)
	_, drops, err = sim.ReplayLenient(load(t, src), g.Record())
	if err != nil {
		t.Fatal(err)
	}
	got = got[:0]
	for _, d := range drops {
		got = append(got, d.String())
	}
	want = []string{
		`turn 1: inject summit dropped: inject: unknown event "summit"; did you mean "summit2"?`,
		`turn 1: choice summit=stay dropped: unknown event "summit"; did you mean "summit2"?`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("drops:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// A strict replay refuses the edited version.
	if _, err := sim.Replay(load(t, src), g.Record()); err == nil || !strings.HasPrefix(err.Error(), `sim: replay: the record was made with another version of scenario "small"`) {
		t.Errorf("strict replay of an edited version: %v", err)
	}
}
