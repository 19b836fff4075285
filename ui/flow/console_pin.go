package flow

import "crypto/subtle"

// PinGate is the scene that asks for the facilitator's PIN (Config.PIN)
// before the facilitator's controls open in hot-seat play. A wrong PIN
// says so and clears the field; Back returns to the scene it was opened
// over, as the controls would.
var PinGate = NewSceneID("pin")

// PinScene asks for the facilitator's PIN.
type PinScene struct {
	Rows
	// Typed is the PIN typed so far (the screen shows one dot a digit).
	Typed string
	// Wrong counts the wrong PINs given.
	Wrong int
}

// gatePIN opens the PIN scene instead of the facilitator's controls when a
// PIN is set and not yet given, and reports whether it did.
func (f *Flow) gatePIN() bool {
	if f.cfg.PIN == "" {
		return false
	}
	f.open(&PinScene{})
	return true
}

// ID implements Scene.
func (*PinScene) ID() SceneID { return PinGate }

// WantsText implements TextScene: the PIN is typed.
func (*PinScene) WantsText(*Flow) bool { return true }

// Do implements Scene.
func (p *PinScene) Do(f *Flow, in Input) {
	switch in.Action {
	case Type:
		if len(p.Typed) < 32 {
			p.Typed += string(in.Rune)
		}
	case Erase:
		p.Typed = dropLast(p.Typed)
	case Back:
		f.close()
	case Confirm:
		if subtle.ConstantTimeCompare([]byte(p.Typed), []byte(f.cfg.PIN)) != 1 {
			p.Wrong++
			p.Typed = ""
			f.Message = "That is not the facilitator's PIN."
			return
		}
		// The controls replace this scene, so Back from them returns to
		// the briefing or hand-over the PIN was asked over.
		f.close()
		f.open(&FacilitatorScene{})
	}
}

// Hints implements Scene.
func (*PinScene) Hints(*Flow) []Action { return []Action{Confirm, Back} }

// Label implements Scene.
func (*PinScene) Label(_ *Flow, a Action) string {
	if a == Confirm {
		return "open the facilitator's controls"
	}
	return ""
}
