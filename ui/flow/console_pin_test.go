package flow

import "testing"

// TestPinGate: with a PIN set, the facilitator's key at a team's hand-over
// asks for the PIN; a wrong one opens nothing, the right one opens the
// controls, and Back from them returns to the hand-over.
func TestPinGate(t *testing.T) {
	c := Do(Confirm)
	f, _ := newFlow(t, twoPeople(6)...)
	f.cfg.PIN = "4711"
	for _, in := range []Input{c, c, c} { // title, setup, briefing: the hand-over
		f.Do(in)
	}
	if f.Scene() != Handover {
		t.Fatalf("scene %v, want the hand-over", f.Scene())
	}
	f.Do(Do(Facilitate))
	if f.Scene() != PinGate || !f.WantsText() {
		t.Fatalf("F opened %v, want the PIN", f.Scene())
	}
	for _, r := range "1234" {
		f.Do(Input{Action: Type, Rune: r})
	}
	f.Do(c)
	if f.Scene() != PinGate || f.Message != "That is not the facilitator's PIN." || SceneOf[*PinScene](f).Typed != "" {
		t.Fatalf("a wrong PIN: scene %v, message %q", f.Scene(), f.Message)
	}
	for _, r := range "4711" {
		f.Do(Input{Action: Type, Rune: r})
	}
	f.Do(c)
	if f.Scene() != Facilitator || f.Under() != Handover {
		t.Fatalf("the right PIN: scene %v over %v", f.Scene(), f.Under())
	}
	f.Do(Do(Back))
	if f.Scene() != Handover {
		t.Errorf("Back from the controls: %v", f.Scene())
	}
	f.Do(Do(Facilitate))
	f.Do(Do(Back))
	if f.Scene() != Handover {
		t.Errorf("Back from the PIN: %v", f.Scene())
	}
}
