package flow

import (
	"errors"
	"fmt"
	"strings"

	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/watch"
)

// Reload takes a new version of the scenario file, as `sixparty play
// --watch` delivers it. When the file is invalid, its mistakes are kept in
// ReloadErr for the window to show and play goes on with the last good
// version. When it is valid, the game is played again from the start on
// the new version with the orders recorded so far, so the author sees the
// edit's effect at once; orders the new version no longer allows are
// dropped and said so. The current turn starts afresh.
func (f *Flow) Reload(u watch.Update) {
	if u.Err != nil {
		f.ReloadErr = u.Err
		f.Message = "The scenario file has mistakes; play goes on with the last version that loaded."
		return
	}
	f.ReloadErr = nil
	if f.Game != nil && len(u.Model.Scenario.Actors) != len(f.Model.Scenario.Actors) {
		f.ReloadErr = fmt.Errorf("flow: the new version has %d actors instead of %d: start a new game to play it", len(u.Model.Scenario.Actors), len(f.Model.Scenario.Actors))
		return
	}
	if f.Game == nil {
		f.Model = u.Model
		f.Message = "Reloaded " + u.Model.Scenario.Meta.Title + "."
		return
	}
	g, drops, err := sim.ReplayLenient(u.Model, f.Game.Record())
	if err != nil {
		f.ReloadErr = err
		return
	}
	f.Model = u.Model
	f.setGame(g)
	f.Played = len(g.Reports())
	f.stack = nil
	f.Message = "Reloaded: replayed " + TurnsText(f.Played) + " on the new version."
	if n := f.reloadBranches(u.Model); n > 0 {
		f.Message += fmt.Sprintf(" %d branch(es) that no longer replay were dropped.", n)
	}
	for _, d := range drops {
		f.Message += " " + d.String() + "."
	}
	if g.Over() {
		f.toEnd()
		return
	}
	f.startTurn()
}

// ReloadLines returns the mistakes of the last reload, one per line, or
// nil when the file loaded.
func (f *Flow) ReloadLines() []string {
	if f.ReloadErr == nil {
		return nil
	}
	return strings.Split(strings.TrimSpace(errorLines(f.ReloadErr)), "\n")
}

// errorLines returns an error's text with a list of scenario mistakes one
// per line.
func errorLines(err error) string {
	var el sim.ErrorList
	if errors.As(err, &el) {
		return el.Lines()
	}
	return err.Error()
}
