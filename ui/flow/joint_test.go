package flow

import (
	"strings"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// jointSrc is a two-actor scenario whose first turn asks Alpha to propose
// a deal that Beta must accept (a joint decision): the deal raises trust
// by 10, no agreement leaves it.
const jointSrc = `
format: 1
meta: {id: joint, title: Joint, turns: 3}
actors:
  - {id: a, name: Alpha, budget: 1}
  - {id: b, name: Beta, budget: 1}
variables:
  - {id: trust, name: Trust, init: 0}
events:
  - id: offer
    name: An offer
    turn: 1
    choice:
      actor: a
      with: [b]
      prompt: Both must accept the deal.
      options:
        - {id: none, text: No agreement, weight: %s}
        - {id: deal, text: The deal, effects: [{target: trust, change: "10"}]}
outcomes:
  - {id: limit, name: Limit}
`

// jointFlow opens jointSrc with the seats given, the default's weight
// for the computer's odds.
func jointFlow(t *testing.T, weight string, seats ...Seat) *Flow {
	t.Helper()
	src := strings.Replace(jointSrc, "%s", weight, 1)
	open := func(string) (*sim.Model, error) { return scenarios.Load("joint.yaml", []byte(src)) }
	f := New(Config{Builtin: []string{"joint"}, Source: "joint", Open: open, Store: memStore{}, Seats: seats})
	if f.Model == nil {
		t.Fatal(f.Message)
	}
	return f
}

// playJoint plays the first turn with Confirm, answering each choice
// with the option answers gives for the current actor's id, and returns
// the headings and notes the choices showed, by actor id.
func playJoint(t *testing.T, f *Flow, answers map[string]string) map[string][2]string {
	t.Helper()
	shown := map[string][2]string{}
	for i := 0; f.Played < 1; i++ {
		if i > 200 {
			t.Fatalf("the turn was not played: at %s (%s)", f.Scene(), f.Message)
		}
		if f.Scene() == Choice {
			ei := f.Pending()[0]
			id := f.Game.Model.Scenario.Actors[f.Current].ID
			h, n := f.ChoiceHeading(ei)
			shown[id] = [2]string{h, n}
			_, lines := ScreenText(f)
			txt := strings.Join(lines, "\n")
			for _, o := range f.Game.Model.Scenario.Events[ei].Choice.Options {
				if o.ID == answers[id] {
					break
				}
				f.Do(Do(Down))
			}
			if !strings.Contains(txt, n) {
				t.Errorf("the text of %s's choice lacks the note %q:\n%s", id, n, txt)
			}
		}
		f.Do(Do(Confirm))
	}
	return shown
}

// TestJointHotSeat: at a hot seat, the partner of a joint decision is
// asked at its own hand-over, told who proposes but not what, and the
// deal is taken only when both answers match.
func TestJointHotSeat(t *testing.T) {
	both := []Seat{{Human: true}, {Human: true}}
	for _, tc := range []struct {
		a, b  string
		trust float64
	}{
		{"deal", "deal", 10},
		{"deal", "none", 0},
		{"none", "deal", 0},
	} {
		f := jointFlow(t, "1", both...)
		shown := playJoint(t, f, map[string]string{"a": tc.a, "b": tc.b})
		if got := shown["a"]; got[0] != "Event — a joint decision: you propose" || got[1] != `Beta must agree. An option is taken only if you and Beta answer alike (you see the other answers when the turn is revealed); otherwise "No agreement" is.` {
			t.Errorf("Alpha was shown %q", got)
		}
		if got := shown["b"]; got[0] != "Event — a joint decision: you must agree" || got[1] != `Alpha proposes. An option is taken only if you and Alpha answer alike (you see the other answers when the turn is revealed); otherwise "No agreement" is.` {
			t.Errorf("Beta was shown %q", got)
		}
		if got := f.Game.State().Vals[f.Game.Model.VarIndex("trust")]; got != tc.trust {
			t.Errorf("Alpha %s, Beta %s: trust %g, want %g", tc.a, tc.b, got, tc.trust)
		}
	}
}

// TestJointComputerChooser: a person seated as the partner is asked
// while the computer proposes; with the default's weight 0 the computer
// always proposes the deal, so the person's answer decides.
func TestJointComputerChooser(t *testing.T) {
	for _, tc := range []struct {
		b     string
		trust float64
	}{{"deal", 10}, {"none", 0}} {
		f := jointFlow(t, "0", Seat{Level: ai.Easy}, Seat{Human: true})
		shown := playJoint(t, f, map[string]string{"b": tc.b})
		if _, asked := shown["b"]; !asked {
			t.Errorf("Beta, the partner, was not asked")
		}
		if got := f.Game.State().Vals[f.Game.Model.VarIndex("trust")]; got != tc.trust {
			t.Errorf("Beta %s: trust %g, want %g", tc.b, got, tc.trust)
		}
	}
}

// TestJointComputerPartner: a computer partner's answer reaches the
// table, so a person's proposal can be agreed to (weight 0 on the
// default: the computer always accepts).
func TestJointComputerPartner(t *testing.T) {
	f := jointFlow(t, "0", Seat{Human: true}, Seat{Level: ai.Easy})
	shown := playJoint(t, f, map[string]string{"a": "deal"})
	if _, asked := shown["b"]; asked {
		t.Errorf("Beta, played by the computer, was asked")
	}
	if got := f.Game.State().Vals[f.Game.Model.VarIndex("trust")]; got != 10 {
		t.Errorf("trust %g, want 10: the computer's acceptance was lost", got)
	}
}
