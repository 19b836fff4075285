package sim_test

import (
	"math"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// recovered counts the hidden values of the default scenario's first turn
// that a player who knows the public seed takes back out of its estimates:
// the noise drawn from the seed (the old fog) is subtracted, and the result
// compared with the true value. It returns that count and the number of
// estimates.
func recovered(t *testing.T, g *sim.Game) (got, of int) {
	t.Helper()
	m := g.Model
	s := g.State()
	for ai := range m.Scenario.Actors {
		v := g.View(ai)
		for vi, exact := range v.Exact {
			if exact {
				continue
			}
			of++
			r := sim.Derive(g.Seed, 0xf06, uint64(s.Turn), uint64(ai), uint64(vi))
			guess := v.Vals[vi] - v.SD[vi]*r.NormFloat64()
			if math.Abs(guess-s.Vals[vi]) < 1e-9 {
				got++
			}
		}
	}
	return got, of
}

// TestFogSecretStopsTheSeedLeak is the leak a fog secret closes: without
// one, a seat that knows the seed recovers nearly every hidden value
// exactly (all but the estimates clamped at a bound); with one, none.
func TestFogSecretStopsTheSeedLeak(t *testing.T) {
	m, err := scenarios.LoadBuiltin("pressure-2017")
	if err != nil {
		t.Fatal(err)
	}
	seed := m.Scenario.Meta.Seed
	old := sim.NewGame(m, seed)
	got, of := recovered(t, old)
	if of < 10 || got < of*9/10 {
		t.Fatalf("without a secret, %d of %d hidden values recovered from the seed; the test expects the old leak (nearly all)", got, of)
	}
	t.Logf("without a fog secret: %d of %d hidden values recovered from the seed", got, of)
	g := sim.NewGame(m, seed)
	if err := g.SetFogSecret(0x9d2c5680a4f1e37b); err != nil {
		t.Fatal(err)
	}
	if got, of := recovered(t, g); got != 0 {
		t.Errorf("with a fog secret, %d of %d hidden values recovered from the seed, want 0", got, of)
	}
	// The estimates still spread around the truth as the scenario says.
	var n int
	for ai := range m.Scenario.Actors {
		v, w := g.View(ai), old.View(ai)
		for vi := range v.Vals {
			if !v.Exact[vi] && v.Vals[vi] != w.Vals[vi] {
				n++
			}
		}
	}
	if n == 0 {
		t.Errorf("the secret changed no estimate")
	}
}

func TestFogSecretRecordAndReplay(t *testing.T) {
	m := load(t, small)
	g := sim.NewGame(m, 9)
	if err := g.SetFogSecret(0); err == nil || err.Error() != "sim: a fog secret of 0 is no secret" {
		t.Errorf("secret 0: %v", err)
	}
	if err := g.SetFogSecret(77); err != nil {
		t.Fatal(err)
	}
	a, ti := m.ActorIndex("a"), m.VarIndex("tension")
	before := g.View(a).Vals[ti]
	mustPlay(t, g, sim.Orders{}, nil)
	if err := g.SetFogSecret(78); err == nil || err.Error() != "sim: the fog secret is set before the first turn" {
		t.Errorf("secret after a turn: %v", err)
	}
	rec := g.Record()
	if rec.FogSecret != 77 {
		t.Fatalf("record's fog secret %d, want 77", rec.FogSecret)
	}
	r, err := sim.Replay(m, rec)
	if err != nil {
		t.Fatal(err)
	}
	if r.FogSecret() != 77 || r.View(a).Vals[ti] != g.View(a).Vals[ti] || r.ViewOf(r.History()[0], a).Vals[ti] != before {
		t.Errorf("the replay's estimates differ from the game's")
	}
	// NewGameSetup gives the game the setup's secret.
	if g, err := sim.NewGameSetup(m, 9, sim.Setup{FogSecret: 77}); err != nil || g.FogSecret() != 77 || g.View(a).Vals[ti] != before {
		t.Errorf("NewGameSetup with a fog secret: %v", err)
	}
	// A record without a secret (an old save) replays with the seed's noise.
	rec.FogSecret = 0
	r, _ = sim.Replay(m, rec)
	if want := m.View(r.State(), sim.Fog{Seed: 9}, a).Vals[ti]; r.View(a).Vals[ti] != want {
		t.Errorf("an old record's estimate %v, want the seed's %v", r.View(a).Vals[ti], want)
	}
}
