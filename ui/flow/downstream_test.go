package flow

import (
	"strings"
	"testing"
)

// TestDownstream orders Alpha's Talk (tension -2 a level) on the first
// turn: the downstream view lists its own entry on tension and, one step
// on, the rule 'Mood follows tension' that read it; opened from the report
// it shows Alpha's first lever, and Right goes to the next.
func TestDownstream(t *testing.T) {
	f, _ := newFixture(t, solo(6)...)
	for _, in := range []Input{Do(Confirm), Do(Confirm), Do(Confirm), Do(Right)} {
		f.Do(in)
	}
	if f.Scene() != Orders {
		t.Fatalf("at %s, not the orders", f.Scene())
	}
	f.Do(Do(Downstream))
	if f.Scene() == DownstreamView {
		t.Fatal("the downstream view opened before any turn was played")
	}
	for _, in := range []Input{Do(Confirm), Do(Confirm), Do(Confirm)} {
		f.Do(in)
		f.WaitThinking()
	}
	if f.Scene() != Report {
		t.Fatalf("at %s, not the report", f.Scene())
	}
	f.Do(Do(Downstream))
	s, ok := f.Top().(*DownstreamScene)
	if !ok {
		t.Fatalf("O on the report opened %s (%s)", f.Scene(), f.Message)
	}
	m := f.Game.Model
	talk := m.LeverIndex("a.talk")
	if s.LeverShown() != talk {
		t.Fatalf("shows lever %d, not Talk", s.LeverShown())
	}
	turns := f.Downstream(talk)
	if len(turns) != 1 || turns[0].Turn != 1 || turns[0].Level != 1 {
		t.Fatalf("turns = %+v", turns)
	}
	d := turns[0]
	if len(d.Direct) != 1 || d.Direct[0].Var != m.VarIndex("tension") || d.Direct[0].Amount != -2 {
		t.Errorf("direct = %+v", d.Direct)
	}
	found := false
	for _, o := range d.Onward {
		if o.Entry.Var == m.VarIndex("mood") && len(o.Via) == 1 && o.Via[0] == m.VarIndex("tension") {
			found = true
			if txt := OnwardText(m, o); !strings.Contains(txt, "Mood follows tension, which read Tension") {
				t.Errorf("onward text %q", txt)
			}
		}
	}
	if !found {
		t.Errorf("onward lacks Mood follows tension: %+v", d.Onward)
	}
	_, lines := ScreenText(f)
	if txt := strings.Join(lines, "\n"); !strings.Contains(txt, "Tension ▼ -2.0, directly") || !strings.Contains(txt, "Turn 1 · ") {
		t.Errorf("the text of the view:\n%s", txt)
	}
	f.Do(Do(Right))
	if s.LeverShown() != m.LeverIndex("a.spend") {
		t.Errorf("Right shows lever %d", s.LeverShown())
	}
	if turns := f.Downstream(m.LeverIndex("a.spend")); len(turns) != 0 {
		t.Errorf("Spend, at rest on turn 1, changed: %+v", turns)
	}
	f.Do(Do(Back))
	if f.Scene() != Report {
		t.Errorf("Back went to %s", f.Scene())
	}
	// After a second turn, the rule of turn 2 that read the tension Talk
	// moved on turn 1 is one step on too.
	for _, in := range []Input{Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm)} {
		f.Do(in)
		f.WaitThinking()
	}
	if f.Scene() != Report || f.Played != 2 {
		t.Fatalf("at %s after %d turns", f.Scene(), f.Played)
	}
	next := false
	for _, o := range f.Downstream(talk)[0].Onward {
		if o.Next && o.Entry.Turn == 2 && o.Entry.Var == m.VarIndex("mood") {
			next = true
			if txt := OnwardText(m, o); !strings.Contains(txt, "(turn 2)") {
				t.Errorf("next turn's text %q", txt)
			}
		}
	}
	if !next {
		t.Errorf("turn 2's Mood follows tension is not one step on from turn 1's Talk: %+v", f.Downstream(talk))
	}
}
