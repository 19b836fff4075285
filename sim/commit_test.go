package sim_test

import (
	"strings"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// pledge is a scenario whose turn-1 event asks actor a for a pledge: to
// keep a.test at most at 'small' for two turns (breakable, at a cost to
// trust), and a.build off for two turns (unbreakable).
const pledge = `
format: 1
meta: {id: pledge, title: Pledge, turns: 5, seed: 1, start: 2020-01, step: quarter}
actors:
  - {id: a, name: Alpha, budget: 4, objectives: [{id: loud, name: Loud, score: "noise_level"}]}
variables:
  - {id: noise_level, name: Noise, init: 0, min: 0, max: 100}
  - {id: trust, name: Trust, init: 50, min: 0, max: 100}
levers:
  - {id: a.test, actor: a, name: Test, levels: [none, small, big], cost: [0, 1, 2], effects: [{target: noise_level, change: "level"}]}
  - {id: a.build, actor: a, name: Build, levels: [off, on], cost: [0, 1], effects: [{target: noise_level, change: "1"}]}
events:
  - id: talks
    name: Talks
    turn: 1
    text: Will Alpha pledge restraint?
    choice:
      actor: a
      prompt: Pledge?
      options:
        - id: pledge
          text: Pledge
          binds:
            - lever: a.test
              max: small
              turns: 2
              text: the pledge to test small
              broken:
                - {target: trust, change: "-20", note: "-20 at once: a broken pledge"}
            - {lever: a.build, turns: 2, text: the pledge not to build}
        - {id: refuse, text: Refuse}
outcomes:
  - {id: end, name: End}
`

func loadPledge(t *testing.T) *sim.Model {
	t.Helper()
	m, err := scenarios.Load("pledge.yaml", []byte(pledge))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestCommitmentsBind checks that a commitment binds from the turn after
// the choice for its turns: the unbreakable one makes its lever
// unavailable with the scenario's words, the breakable one lets the level
// above its cap be ordered, at its stated cost, once, after which it
// lapses.
func TestCommitmentsBind(t *testing.T) {
	m := loadPledge(t)
	g := sim.NewGame(m, 1)
	build, test := m.LeverIndex("a.build"), m.LeverIndex("a.test")
	if _, err := g.Play(sim.Orders{"a": {"a.test": 2, "a.build": 1}}, sim.Choices{"talks": "pledge"}); err != nil {
		t.Fatalf("turn 1 (the pledge binds from turn 2): %v", err)
	}
	ok, why := m.Available(g.State(), build)
	if want := "the pledge not to build (binding through 2020-Q3)"; ok || why != want {
		t.Errorf("Available(a.build) on turn 2 = %v, %q; want false, %q", ok, why, want)
	}
	if got := m.MaxLevel(g.State(), test); got != 2 {
		t.Errorf("MaxLevel(a.test) = %d, want 2: the pledge to test small can be broken", got)
	}
	if why, ok := m.Breaks(g.State(), test, 2); !ok || why != "the pledge to test small" {
		t.Errorf("Breaks(a.test, big) = %q, %v; want the pledge's words, true", why, ok)
	}
	_, err := g.Play(sim.Orders{"a": {"a.build": 1}}, nil)
	if want := "sim: orders of a: a.build: not available: the pledge not to build (binding through 2020-Q3)"; err == nil || err.Error() != want {
		t.Errorf("building under the pledge: %v, want %q", err, want)
	}
	trust := m.VarIndex("trust")
	if _, err := g.Play(sim.Orders{"a": {"a.test": 2}}, nil); err != nil {
		t.Fatal(err)
	}
	if got := g.State().Vals[trust]; got != 30 {
		t.Errorf("trust after breaking the pledge = %g, want 30 (50 - 20)", got)
	}
	if _, err := g.Play(sim.Orders{"a": {"a.test": 2}}, nil); err != nil {
		t.Fatal(err)
	}
	if got := g.State().Vals[trust]; got != 30 {
		t.Errorf("trust after testing big again = %g, want 30: a broken commitment lapses and costs once", got)
	}
	// Turn 4: both commitments have lapsed.
	if ok, _ := m.Available(g.State(), build); !ok {
		t.Errorf("a.build still unavailable on turn %d, after the pledge's two turns", g.Turn())
	}
}

// TestCommitmentRefused checks that refusing binds nothing, and that
// computer players keep to an unbreakable commitment.
func TestCommitmentRefused(t *testing.T) {
	m := loadPledge(t)
	g := sim.NewGame(m, 1)
	if _, err := g.Play(nil, sim.Choices{"talks": "refuse"}); err != nil {
		t.Fatal(err)
	}
	if ok, _ := m.Available(g.State(), m.LeverIndex("a.build")); !ok {
		t.Errorf("a.build unavailable although the pledge was refused")
	}
	g = sim.NewGame(m, 1)
	if _, err := g.Play(nil, sim.Choices{"talks": "pledge"}); err != nil {
		t.Fatal(err)
	}
	for _, d := range ai.Difficulties {
		if o := ai.Decide(g, 0, d).Orders; o["a.build"] != 0 {
			t.Errorf("at %v the computer orders %v under the pledge not to build", d, o)
		}
	}
}

// TestCommitmentErrors checks what loading says of a malformed commitment.
func TestCommitmentErrors(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{"lever: a.test\n              max: small", "lever: a.tset\n              max: small", `pledge.yaml:24:22: unknown lever "a.tset"; did you mean "a.test"?`},
		{"max: small", "max: smal", `pledge.yaml:25:20: lever "a.test" has no level "smal"; did you mean "small"?`},
		{"max: small", "max: big", `pledge.yaml:25:20: max "big" is the lever's highest level: the commitment would bind nothing`},
		{"turns: 2\n              text: the pledge to test small", "turns: 0\n              text: the pledge to test small", `pledge.yaml:26:22: a commitment must bind for at least 1 turn, found 0`},
		{"{lever: a.build, turns: 2, text: the pledge not to build}", "{lever: a.build, turns: 2}", `pledge.yaml:30:15: a commitment needs a 'text': the words the orders screen gives when it forbids a level`},
	} {
		src := strings.Replace(pledge, c.from, c.to, 1)
		if src == pledge {
			t.Fatalf("edit %q does not apply", c.from)
		}
		_, err := scenarios.Load("pledge.yaml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s -> %s: got %v\nwant %s", c.from, c.to, err, c.want)
		}
	}
}

// TestCommitmentSanitize checks that Sanitize drops an order a commitment
// forbids, with the commitment's words, and that CarryForward holds last
// turn's orders at the cap.
func TestCommitmentSanitize(t *testing.T) {
	m := loadPledge(t)
	g := sim.NewGame(m, 1)
	if _, err := g.Play(sim.Orders{"a": {"a.build": 1}}, sim.Choices{"talks": "pledge"}); err != nil {
		t.Fatal(err)
	}
	o, _, drops := m.Sanitize(g.State(), sim.Orders{"a": {"a.build": 1, "a.test": 1}}, nil)
	if len(drops) != 1 || drops[0].String() != "turn 2: a: a.build=1 dropped: not available: the pledge not to build (binding through 2020-Q3)" {
		t.Errorf("drops %v", drops)
	}
	if o["a"]["a.test"] != 1 || o["a"]["a.build"] != 0 {
		t.Errorf("sanitized orders %v, want a.test=1 only", o)
	}
	if got := m.CarryForward(g.State(), g.State().Levels)[m.LeverIndex("a.build")]; got != 0 {
		t.Errorf("CarryForward keeps a.build at %d under the pledge, want 0", got)
	}
}

// TestCommitmentsStrictest checks that of two commitments capping a lever
// at the same level, the one that cannot be broken binds, whatever their
// order: the lever cannot be ordered above the cap, and no order breaks
// the other.
func TestCommitmentsStrictest(t *testing.T) {
	src := strings.Replace(pledge, "            - {lever: a.build,", "            - {lever: a.test, max: small, turns: 2, text: the treaty to test small}\n            - {lever: a.build,", 1)
	if src == pledge {
		t.Fatal("the pledge's binds not found")
	}
	m, err := scenarios.Load("pledge.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	g := sim.NewGame(m, 1)
	test := m.LeverIndex("a.test")
	if _, err := g.Play(sim.Orders{}, sim.Choices{"talks": "pledge"}); err != nil {
		t.Fatal(err)
	}
	if got := m.MaxLevel(g.State(), test); got != 1 {
		t.Errorf("MaxLevel(a.test) = %d, want 1: the treaty to test small cannot be broken", got)
	}
	if why, ok := m.Breaks(g.State(), test, 2); ok {
		t.Errorf("Breaks(a.test, big) = %q, true; want false", why)
	}
	if _, err := g.Play(sim.Orders{"a": {"a.test": 2}}, nil); err == nil {
		t.Error("a.test at big on turn 2: no error, want the treaty's refusal")
	}
}
