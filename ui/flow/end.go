package flow

import "fmt"

// ChartsPerPage is how many indicator charts one page of the end screen
// shows, and TurnsPerPage how many turns one page of its timeline shows.
const (
	ChartsPerPage = 12
	TurnsPerPage  = 4
)

// The kinds of end screen page.
const (
	EndSummary  = "summary"
	EndReview   = "review"
	EndTimeline = "timeline"
	EndCharts   = "charts"
)

// EndScene is the end of the game: the outcome and scores, the timeline,
// then the charts of every indicator, a page at a time.
type EndScene struct {
	Rows
}

// ID implements Scene.
func (*EndScene) ID() SceneID { return End }

// toEnd shows the end of the game, with the review of every seat made
// (they play games: the end screen's drawing plays none).
func (f *Flow) toEnd() {
	f.goTo(&EndScene{})
	for _, seat := range f.ReviewSeats() {
		f.Review(seat)
	}
}

// EndPage says what page p of the end screen shows: the summary (outcome
// and scores), the review (what moved each person's score), a page of the
// timeline, or a page of charts, with the index of its first turn (from 1)
// or first variable.
func (f *Flow) EndPage(p int) (kind string, first int) {
	tl := f.timelinePages()
	switch {
	case p <= 0:
		return EndSummary, 0
	case p == 1:
		return EndReview, 0
	case p <= tl+1:
		return EndTimeline, (p-2)*TurnsPerPage + 1
	}
	return EndCharts, (p - 2 - tl) * ChartsPerPage
}

func (f *Flow) timelinePages() int {
	if f.Game == nil {
		return 0
	}
	return max(1, (len(f.Game.Reports())+TurnsPerPage-1)/TurnsPerPage)
}

// EndPages returns the number of pages of the end screen: the outcome and
// scores, the review, the timeline, then the charts of every indicator.
func (f *Flow) EndPages() int {
	if f.Game == nil {
		return 1
	}
	n := len(f.Game.Model.Scenario.Vars)
	return 2 + f.timelinePages() + (n+ChartsPerPage-1)/ChartsPerPage
}

// Do implements Scene.
func (s *EndScene) Do(f *Flow, in Input) {
	switch in.Action {
	case Branch:
		f.openBranching()
	case Compare:
		f.openComparison()
	case OpenDashboard:
		// Every indicator exactly, and why each moved: the true chain.
		f.open(&DashboardScene{})
	case Right, PageNext, Confirm:
		if s.Page < f.EndPages()-1 {
			s.Page++
		} else if in.Action == Confirm {
			f.setGame(nil)
			f.goTo(&TitleScene{})
		}
	case Left, PagePrev:
		if s.Page > 0 {
			s.Page--
		}
	case Back:
		if s.Page > 0 {
			s.Page--
		} else {
			f.setGame(nil)
			f.goTo(&TitleScene{})
		}
	}
}

// Hints implements Scene.
func (*EndScene) Hints(*Flow) []Action {
	return []Action{Confirm, Left, Right, OpenDashboard, Branch, Compare}
}

// Label implements Scene.
func (s *EndScene) Label(f *Flow, a Action) string {
	switch a {
	case Confirm:
		if s.Page == f.EndPages()-1 {
			return "back to the title"
		}
		return "next page"
	case Left:
		return "previous page"
	case Right:
		return "next page"
	case Branch:
		return "branch from a turn"
	case OpenDashboard:
		return "the true values, and why"
	}
	return ""
}

// ShotKey implements ShotScene.
func (s *EndScene) ShotKey(f *Flow) string {
	if s.Page == 0 && len(f.Branches) > 0 {
		return "end-1-branches"
	}
	return fmt.Sprintf("end-%d", s.Page+1)
}
