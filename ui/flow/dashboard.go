package flow

// DashboardScene shows every indicator the viewer may see, by group, in
// a grid of DashCols columns: the arrows move in the grid, PgUp and PgDn
// by DashPageRows rows, Home and End (ToFirst, ToLast) to the first and last card.
type DashboardScene struct {
	Rows
}

// The dashboard's grid: its columns, and the rows PgUp and PgDn move by.
const (
	DashCols     = 5
	DashPageRows = 3
)

// ID implements Scene.
func (*DashboardScene) ID() SceneID { return Dashboard }

// Do implements Scene.
func (s *DashboardScene) Do(f *Flow, in Input) {
	vars := f.DashVars()
	n := len(vars)
	to := func(i int) { s.Cursor = max(0, min(n-1, i)) }
	switch in.Action {
	case Select:
		f.move(in, n)
	case Left:
		to(s.Cursor - 1)
	case Right:
		to(s.Cursor + 1)
	case Up:
		if s.Cursor >= DashCols {
			to(s.Cursor - DashCols)
		}
	case Down:
		if s.Cursor+DashCols < n {
			to(s.Cursor + DashCols)
		} else if s.Cursor/DashCols < (n-1)/DashCols {
			to(n - 1) // the last row is short
		}
	case PagePrev:
		to(s.Cursor - DashCols*DashPageRows)
	case PageNext:
		to(s.Cursor + DashCols*DashPageRows)
	case ToFirst:
		to(0)
	case ToLast:
		to(n - 1)
	case Back, OpenDashboard, Confirm:
		f.close()
	case AskWhy:
		if len(vars) > 0 {
			f.openWhy(vars[s.Cursor], f.Played)
		}
	}
}

// Hints implements Scene.
func (*DashboardScene) Hints(*Flow) []Action {
	return []Action{AskWhy, Up, Down, Left, Right, PageNext, ToLast, Back}
}

// Label implements Scene.
func (*DashboardScene) Label(_ *Flow, a Action) string {
	switch a {
	case Left:
		return "left"
	case Right:
		return "right"
	}
	return ""
}
