package flow

// ConfirmScene asks before something that cannot be undone (ending the
// game, quitting, starting a new game over the autosave): Enter does it,
// Esc goes back to the scene under it as it was.
type ConfirmScene struct {
	Rows
	// Question is what is asked, Detail what doing it means, Yes the
	// name of doing it on the help line.
	Question, Detail, Yes string
	do                    func(f *Flow)
}

// ID implements Scene.
func (*ConfirmScene) ID() SceneID { return Confirming }

// confirm asks question before running do.
func (f *Flow) confirm(question, detail, yes string, do func(f *Flow)) {
	f.open(&ConfirmScene{Question: question, Detail: detail, Yes: yes, do: do})
}

// Do implements Scene.
func (s *ConfirmScene) Do(f *Flow, in Input) {
	switch in.Action {
	case Confirm:
		f.close()
		s.do(f)
	case Back:
		f.close()
	}
}

// Hints implements Scene.
func (*ConfirmScene) Hints(*Flow) []Action { return []Action{Confirm, Back} }

// Label implements Scene.
func (s *ConfirmScene) Label(_ *Flow, a Action) string {
	switch a {
	case Confirm:
		return s.Yes
	case Back:
		return "no, go back"
	}
	return ""
}

// inGame reports whether a game is being played and not over.
func (f *Flow) inGame() bool { return f.Game != nil && !f.Game.Over() }

// askEndGame asks before ending the game at once.
func (f *Flow) askEndGame() {
	f.confirm("End the game now?",
		"The end screen shows the outcome and the scores as they stand after "+TurnsText(f.Played)+"; this game cannot be played on afterwards (a branch from one of its turns can).",
		"end the game", func(f *Flow) { f.toEnd() })
}

// askQuit asks before quitting in the middle of a game.
func (f *Flow) askQuit() {
	detail := "Nothing is lost: the game is autosaved after every turn and every submitted order; Continue from autosave (A on the title) goes on from here."
	if f.cfg.Store == nil {
		detail = "Saving is off in this session: the game will be lost."
	}
	f.confirm("Quit sixparty?", detail, "quit", func(f *Flow) {
		if err := f.autosave(); err != nil {
			f.Message = "Not quitting: the autosave failed: " + err.Error()
			return
		}
		f.Quit = true
	})
}
