package flow

// Title menu rows.
const (
	MenuNew = iota
	MenuLoad
	MenuAutosave
	MenuEarlier
	MenuQuit
	menuRows
)

// MenuLabels returns the title menu's entries.
func MenuLabels() []string {
	return []string{"New game", "Load saved game", "Continue from autosave", "Continue an earlier game", "Quit"}
}

// TitleScene is the title and main menu.
type TitleScene struct {
	Rows
}

// ID implements Scene.
func (*TitleScene) ID() SceneID { return Title }

// Do implements Scene.
func (s *TitleScene) Do(f *Flow, in Input) {
	in, ok := f.pick(in, menuRows)
	if !ok {
		return
	}
	switch in.Action {
	case Confirm:
		switch s.Cursor {
		case MenuNew:
			f.goTo(newSetupScene(f))
		case MenuLoad:
			f.load(SlotSave)
		case MenuAutosave:
			f.load(SlotAuto)
		case MenuEarlier:
			f.load(AutoSlot(1))
		case MenuQuit:
			f.Quit = true
		}
	case Load:
		f.load(SlotSave)
	case Autosave:
		f.load(SlotAuto)
	case Back:
		f.Quit = true
	}
}

// Hints implements Scene.
func (*TitleScene) Hints(*Flow) []Action { return []Action{Confirm, Load, Autosave, Quit} }

// Label implements Scene.
func (*TitleScene) Label(_ *Flow, a Action) string {
	if a == Confirm {
		return "choose"
	}
	return ""
}
