package flow

// ProjectorScene is the room's projector at a served game: only what every
// actor sees until a turn is adjudicated, then the orders revealed and the
// turn's largest public changes, in large type.
type ProjectorScene struct{ Rows }

// ID implements Scene.
func (*ProjectorScene) ID() SceneID { return Projector }

// Do implements Scene: the projector takes no input but paging.
func (p *ProjectorScene) Do(f *Flow, in Input) {
	switch in.Action {
	case PageNext, Down:
		p.Page++
	case PagePrev, Up:
		p.Page = max(0, p.Page-1)
	}
}

// Hints implements Scene.
func (*ProjectorScene) Hints(*Flow) []Action { return []Action{PageNext, PagePrev, Fullscreen, Quit} }

// Label implements Scene.
func (*ProjectorScene) Label(*Flow, Action) string { return "" }
