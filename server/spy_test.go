package server_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/savegame"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/sim"
)

// lockedBuffer is a trace that several goroutines may write.
type lockedBuffer struct {
	mu sync.Mutex
	bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.Buffer.Write(p)
}

// TestSpy plays the default scenario to its end over the protocol, six
// computer-advised seats and a projector, and checks every message each
// of them received: before the end, no fog secret and no reveal, no true
// value of a variable hidden from the client (compared with the true state
// of that turn), no ledger entry of such a variable, no other seat's
// draft, and no orders of a turn not yet played.
func TestSpy(t *testing.T) {
	_, hs := start(t, t.TempDir())
	ctx := ctxT(t)
	resp, err := client.Create(ctx, hs.URL, proto.CreateRequest{Scenario: "pressure-2017", Auto: true})
	if err != nil {
		t.Fatal(err)
	}
	// The facilitator sets a value hidden from the US by hand: the US must
	// see neither it nor its ledger entry.
	m0, err := scenarios.LoadBuiltin("pressure-2017")
	if err != nil {
		t.Fatal(err)
	}
	hidden := ""
	for vi, v := range m0.Scenario.Vars {
		if lo, hi := m0.Bounds(vi); !m0.SeesExactly(m0.ActorIndex("us"), vi) && v.Init+1 <= hi && v.Init+1 >= lo {
			hidden = v.ID
			break
		}
	}
	fac, err := client.Dial(ctx, link(t, resp.Links[proto.RoleFacilitator]), 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	set := m0.Scenario.Vars[m0.VarIndex(hidden)].Init + 1
	expect(t, ctx, fac, proto.Msg{Type: "adjust", Var: hidden, Value: &set, Reason: "a secret briefing"}, "", "")
	traces := map[string]*lockedBuffer{}
	for _, a := range append(actors, proto.RoleProjector) {
		traces[a] = &lockedBuffer{}
	}
	// The projector watches until the seats are done.
	proj, err := client.Dial(ctx, link(t, resp.Links[proto.RoleProjector]), 0, traces[proto.RoleProjector])
	if err != nil {
		t.Fatal(err)
	}
	projDone := make(chan struct{})
	go func() {
		defer close(projDone)
		for !proj.View.Over {
			if _, err := proj.Recv(ctx); err != nil {
				t.Errorf("projector: %v", err)
				return
			}
		}
	}()
	playAll(t, ctx, resp, actors, func(a string) client.Options {
		return client.Options{Level: "easy", Trace: traces[a]}
	})
	<-projDone
	save, err := client.Save(ctx, link(t, resp.Links[proto.RoleFacilitator]))
	if err != nil {
		t.Fatal(err)
	}
	f, err := savegame.Unmarshal(save)
	if err != nil {
		t.Fatal(err)
	}
	m, err := scenarios.LoadBuiltin("pressure-2017")
	if err != nil {
		t.Fatal(err)
	}
	g, err := sim.Replay(m, f.Record)
	if err != nil {
		t.Fatal(err)
	}
	if !g.Over() || f.Record.FogSecret == 0 {
		t.Fatalf("the game is not over or has no fog secret")
	}
	secret := strconv.FormatUint(f.Record.FogSecret, 10)
	seed := strconv.FormatUint(f.Record.Seed, 10)
	if strings.Contains(traces["us"].String(), "a secret briefing") {
		t.Errorf("the US saw the facilitator's adjustment of %s, hidden from it", hidden)
	}
	// Those who see it exactly find the adjustment, with its reason, in
	// turn 1's ledger.
	seers := 0
	for _, a := range actors {
		if ai := m.ActorIndex(a); m.SeesExactly(ai, m.VarIndex(hidden)) {
			seers++
		}
		if ai := m.ActorIndex(a); m.SeesExactly(ai, m.VarIndex(hidden)) && !strings.Contains(traces[a].String(), `"kind":"facilitator","index":-1,"actor":-1,"level":0,"option":-1,"reason":"a secret briefing"`) {
			t.Errorf("%s sees %s exactly but not the facilitator's adjustment of it in the ledger", a, hidden)
		}
	}
	if seers == 0 {
		t.Errorf("no seat sees %s exactly: the adjustment's ledger entry went unchecked", hidden)
	}
	hist := g.History()
	for who, tr := range traces {
		ai := m.ActorIndex(who) // -1 for the projector
		sees := func(vi int) bool {
			if ai >= 0 {
				return m.SeesExactly(ai, vi)
			}
			for a := range m.Scenario.Actors {
				if !m.SeesExactly(a, vi) {
					return false
				}
			}
			return true
		}
		n, checked, over := 0, 0, false
		for _, line := range strings.Split(strings.TrimSpace(tr.String()), "\n") {
			n++
			var out proto.Out
			if err := json.Unmarshal([]byte(line), &out); err != nil {
				t.Fatalf("%s: message %d: %v", who, n, err)
			}
			v := out.View
			over = over || (v != nil && v.Over)
			// Every message before the end, not only the views (an
			// advice, an error, an ack).
			if !over && (strings.Contains(line, secret) || strings.Contains(line, seed) || strings.Contains(line, `"reveal"`) || strings.Contains(line, `"seed"`)) {
				t.Errorf("%s: message %d shows the fog secret or seed before the end", who, n)
			}
			if v == nil || v.Over {
				continue
			}
			if v.Drafts != nil || v.Connected != nil {
				t.Errorf("%s: message %d holds every seat's drafts or connections", who, n)
			}
			if v.Draft != nil {
				for lever := range v.Draft.Orders {
					if li := m.LeverIndex(lever); li < 0 || m.LeverActor(li) != ai {
						t.Errorf("%s: message %d shows a draft with %s", who, n, lever)
					}
				}
			}
			truth := hist[v.Turn-1].Vals
			for _, x := range v.Vars {
				vi := m.VarIndex(x.ID)
				if sees(vi) {
					if !x.Exact || x.Value != truth[vi] {
						t.Errorf("%s: turn %d: %s=%v, the true value %v is visible to it", who, v.Turn, x.ID, x.Value, truth[vi])
					}
					continue
				}
				if ai < 0 {
					t.Errorf("projector: turn %d shows hidden %s", v.Turn, x.ID)
				}
				checked++
				lo, hi := m.Bounds(vi)
				if x.Exact || (x.Value == truth[vi] && x.Value != lo && x.Value != hi) {
					t.Errorf("%s: turn %d: %s=%v is the true value", who, v.Turn, x.ID, x.Value)
				}
			}
			for _, turn := range v.Turns {
				if turn.Turn >= v.Turn {
					t.Errorf("%s: message %d shows the orders of turn %d on turn %d", who, n, turn.Turn, v.Turn)
				}
				for _, c := range turn.Ledger {
					if !sees(m.VarIndex(c.Var)) {
						t.Errorf("%s: turn %d: a ledger entry of hidden %s", who, turn.Turn, c.Var)
					}
					spyCause(t, who, m, g, turn, c)
				}
			}
		}
		if n < 12 || (ai >= 0 && checked == 0) {
			t.Errorf("%s: %d messages, %d hidden values checked: the spy saw too little", who, n, checked)
		}
		t.Logf("%s: %d messages, %d estimates checked", who, n, checked)
	}
}

// spyCause checks the cause of ledger entry c of a played turn as a client
// received it: it is the engine's own for that change (kind, indexes,
// scenario line), and it tells nothing the public record of the turns
// played does not: a lever's level is one revealed in their orders, an
// event is one they list, a bound is the variable's own.
func spyCause(t *testing.T, who string, m *sim.Model, g *sim.Game, turn proto.Turn, c proto.Change) {
	t.Helper()
	s := m.Scenario
	vi := m.VarIndex(c.Var)
	found := false
	entries := slices.Clone(g.Reports()[turn.Turn-1].Entries)
	for _, e := range g.Ledger() {
		if e.Turn == turn.Turn && e.Cause.Kind == sim.ByFacilitator {
			entries = append(entries, e)
		}
	}
	for _, e := range entries {
		k := e.Cause
		pos := e.Pos.IsValid() == (c.Pos != nil) && (c.Pos == nil || *c.Pos == proto.Pos{File: filepath.Base(e.Pos.File), Line: e.Pos.Line, Col: e.Pos.Col})
		if e.Var == vi && e.Amount == c.Amount && k.Kind.String() == c.Kind && k.Index == c.Index && k.Actor == c.Actor && k.Level == c.Level && k.Option == c.Option && pos && m.Describe(k) == c.Cause {
			found = true
			break
		}
	}
	if !found {
		t.Errorf("%s: turn %d: ledger entry %+v is not the engine's", who, turn.Turn, c)
		return
	}
	// A delayed or lasting effect applies on later turns: the order or
	// event may be of any turn up to this one, each revealed when played.
	ordered, listed := false, false
	for k := range turn.Turn {
		if c.Kind == "lever" && g.Reports()[k].Levels[c.Index] == c.Level {
			ordered = true
		}
		if c.Kind == "event" && slices.Contains(g.Reports()[k].Events, c.Index) {
			listed = true
		}
	}
	switch {
	case c.Kind == "lever" && !ordered:
		t.Errorf("%s: turn %d: a ledger entry of %s at level %d, ordered on no turn so far", who, turn.Turn, s.Levers[c.Index].ID, c.Level)
	case c.Kind == "event" && !listed:
		t.Errorf("%s: turn %d: a ledger entry of event %s, which no turn so far lists", who, turn.Turn, s.Events[c.Index].ID)
	case c.Kind == "bounds" && c.Index != vi:
		t.Errorf("%s: turn %d: a bounds entry of %s names variable %d", who, turn.Turn, c.Var, c.Index)
	}
}

// TestSeedNotTheScenarios checks that a game made without a seed does not
// play on its scenario's own, which the scenario's public YAML shows every
// seat (and with which a seat could re-simulate the game's chance), and
// that a seed asked for is kept.
func TestSeedNotTheScenarios(t *testing.T) {
	_, hs := start(t, t.TempDir())
	ctx := ctxT(t)
	m, err := scenarios.LoadBuiltin("pressure-2017")
	if err != nil {
		t.Fatal(err)
	}
	seedOf := func(req proto.CreateRequest) uint64 {
		t.Helper()
		resp, err := client.Create(ctx, hs.URL, req)
		if err != nil {
			t.Fatal(err)
		}
		save, err := client.Save(ctx, link(t, resp.Links[proto.RoleFacilitator]))
		if err != nil {
			t.Fatal(err)
		}
		f, err := savegame.Unmarshal(save)
		if err != nil {
			t.Fatal(err)
		}
		return f.Record.Seed
	}
	if s := seedOf(proto.CreateRequest{Scenario: "pressure-2017"}); s == m.Scenario.Meta.Seed {
		t.Errorf("a game made without a seed plays on the scenario's public seed %d", s)
	}
	want := uint64(42)
	if s := seedOf(proto.CreateRequest{Scenario: "pressure-2017", Seed: &want}); s != want {
		t.Errorf("a game made with seed %d plays on %d", want, s)
	}
}
