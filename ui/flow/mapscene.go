package flow

// MapScene shows the map with the actors and their flows.
type MapScene struct {
	Rows
	noLabel
}

// ID implements Scene.
func (*MapScene) ID() SceneID { return Map }

// Do implements Scene.
func (*MapScene) Do(f *Flow, in Input) {
	if in.Action == Back || in.Action == Confirm || in.Action == OpenMap {
		f.close()
	}
}

// Hints implements Scene.
func (*MapScene) Hints(*Flow) []Action { return []Action{Back} }
