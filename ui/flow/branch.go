package flow

import (
	"fmt"
	"maps"
	"slices"

	"github.com/sixparty/sixparty/options"
	"github.com/sixparty/sixparty/savegame"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// Rows of the branching scene.
const (
	BranchRowTurn  = 0
	BranchRowName  = 1
	BranchRowStart = 2
	branchRows     = 3
)

// Counterfactual plays the scenario's counterfactual strategy on a seed:
// it returns the strategy's name and the game played, or ok false when the
// scenario names none. nil in a Config means ScenarioCounterfactual.
type Counterfactual func(played *sim.Game) (name string, g *sim.Game, ok bool, err error)

// ScenarioCounterfactual plays the strategy the scenario of a game names as
// its counterfactual ('counterfactual:') to the end, on the game's seed and
// parameters, with options' one game loop (options.PlayStrategy): the
// strategy's orders track scripts the actors it lists, its seat settings
// set others, and the rest are computer-played at normal difficulty. ok
// is false when the scenario names none. It is the flow's Counterfactual
// unless its Config gives another.
func ScenarioCounterfactual(played *sim.Game) (name string, g *sim.Game, ok bool, err error) {
	m := played.Model
	id := m.Scenario.Counterfactual
	if id == "" {
		return "", nil, false, nil
	}
	st, err := declaredStrategy(m, id)
	if err != nil {
		return "", nil, false, err
	}
	g, err = options.PlayStrategy(m, st, played.Seed, sim.Setup{Params: played.Params()}, nil)
	if err != nil {
		return "", nil, false, err
	}
	return st.Label, g, true, nil
}

// declaredStrategy resolves a strategy the scenario declares: its orders
// track (as package scenarios read it) for the actors it scripts, then its
// seat settings.
func declaredStrategy(m *sim.Model, id string) (options.Strategy, error) {
	t, err := scenarios.StrategyTrack(m, id)
	if err != nil {
		return options.Strategy{}, err
	}
	decl := m.Scenario.Strategies[m.StrategyIndex(id)]
	st := options.Strategy{Name: id, Label: decl.Name, Difficulty: ai.Normal, Seats: make([]options.Seat, len(m.Scenario.Actors))}
	if t != nil {
		for k, s := range t.Scripted {
			if s {
				st.Seats[k] = options.Seat{Track: t}
			}
		}
	}
	for _, a := range slices.Sorted(maps.Keys(decl.Seats)) {
		p, err := options.ParseStrategy(m, a+"="+decl.Seats[a])
		if err != nil {
			return options.Strategy{}, err
		}
		k := m.ActorIndex(a)
		st.Seats[k] = p.Seats[k]
	}
	if st.Label == "" {
		st.Label = id
	}
	return st, nil
}

// BranchingScene picks a turn and names a branch of the game shown.
type BranchingScene struct {
	Rows
	// Turn is the turn the branch starts from; Name its name, as typed.
	Turn int
	Name string
}

// ID implements Scene.
func (*BranchingScene) ID() SceneID { return Branching }

// BranchTurn returns the branching scene's turn.
func (f *Flow) BranchTurn() int {
	if s := SceneOf[*BranchingScene](f); s != nil {
		return s.Turn
	}
	return 0
}

// BranchName returns the branching scene's name as typed.
func (f *Flow) BranchName() string {
	if s := SceneOf[*BranchingScene](f); s != nil {
		return s.Name
	}
	return ""
}

// openBranching opens the scene that branches the game shown from a turn:
// by default the first turn of the timeline page shown, else turn 1.
func (f *Flow) openBranching() {
	n := len(f.Game.Reports())
	if n == 0 {
		f.Message = "No turn has been played yet, so there is nothing to branch from."
		return
	}
	k := 1
	if kind, first := f.EndPage(f.Page()); kind == EndTimeline {
		k = first
	}
	f.open(&BranchingScene{Turn: min(k, n), Name: fmt.Sprintf("Branch %d", len(f.Branches)+1)})
}

// WantsText implements TextScene.
func (s *BranchingScene) WantsText(*Flow) bool { return s.Cursor == BranchRowName }

// Hints implements Scene.
func (*BranchingScene) Hints(*Flow) []Action { return []Action{Up, Down, Left, Right, Confirm, Back} }

// Label implements Scene.
func (s *BranchingScene) Label(_ *Flow, a Action) string {
	switch a {
	case Confirm:
		if s.Cursor == BranchRowStart {
			return "start the branch"
		}
		return "next"
	case Left:
		return "earlier turn"
	case Right:
		return "later turn"
	case Back:
		return "back to the end"
	}
	return ""
}

// Do implements Scene.
func (s *BranchingScene) Do(f *Flow, in Input) {
	if f.move(in, branchRows) {
		return
	}
	n := len(f.Game.Reports())
	switch in.Action {
	case Left:
		if s.Cursor == BranchRowTurn && s.Turn > 1 {
			s.Turn--
		}
	case Right:
		if s.Cursor == BranchRowTurn && s.Turn < n {
			s.Turn++
		}
	case Type:
		if s.Cursor == BranchRowName && len([]rune(s.Name)) < 40 {
			s.Name += string(in.Rune)
		}
	case Erase:
		if s.Cursor == BranchRowName {
			s.Name = dropLast(s.Name)
		}
	case Confirm:
		if s.Cursor < BranchRowStart {
			s.Cursor++
			return
		}
		s.startBranch(f)
	case Back:
		f.close()
	}
}

// startBranch replays the game shown to the start of the chosen turn and
// plays on from there as a new branch; the game it came from is kept.
func (s *BranchingScene) startBranch(f *Flow) {
	b, err := savegame.NewBranch(f.Game.Record(), s.Turn, s.Name, f.Branches)
	if err != nil {
		f.Message = "Cannot branch: " + err.Error()
		return
	}
	g, err := sim.Replay(f.Game.Model, b.Record)
	if err != nil {
		f.Message = "Cannot branch: " + err.Error()
		return
	}
	f.syncBranch()
	if f.OnBranch >= 0 {
		if f.branchGames == nil {
			f.branchGames = map[int]*sim.Game{}
		}
		f.branchGames[f.OnBranch] = f.Game
	}
	f.Branches = append(f.Branches, b)
	f.OnBranch = len(f.Branches) - 1
	f.setGame(g)
	f.Played = b.From - 1
	f.startTurn()
	f.Message = fmt.Sprintf("Branch %q: the game replayed to the start of turn %d; play on with other orders.", b.Name, b.From)
}

// syncBranch copies the record of the branch being played into its
// entry of Branches.
func (f *Flow) syncBranch() {
	if f.OnBranch >= 0 && f.OnBranch < len(f.Branches) && f.Game != nil {
		f.Branches[f.OnBranch].Record = f.Game.Record()
	}
}

// GameName names the game shown: "the game played" or the branch's name.
func (f *Flow) GameName() string {
	if f.OnBranch >= 0 && f.OnBranch < len(f.Branches) {
		return fmt.Sprintf("branch %q", f.Branches[f.OnBranch].Name)
	}
	return "the game played"
}

// reloadBranches follows a reload (f.Game already replayed on m): the game
// first played and every other branch are replayed on m as leniently as
// the game, so that all stay of one version; it returns how many branches
// could not be and were dropped.
func (f *Flow) reloadBranches(m *sim.Model) int {
	f.cf, f.branchGames = nil, nil
	if f.OnBranch < 0 {
		f.Trunk = f.Game
	} else if t, _, err := sim.ReplayLenient(m, f.Trunk.Record()); err == nil {
		f.Trunk = t
	}
	var kept []savegame.Branch
	dropped := 0
	on := -1
	for i, b := range f.Branches {
		switch g, _, err := sim.ReplayLenient(m, b.Record); {
		case i == f.OnBranch:
			b.Record = f.Game.Record()
			on = len(kept)
		case err != nil:
			dropped++
			continue
		default:
			b.Record = g.Record()
		}
		kept = append(kept, b)
	}
	f.Branches, f.OnBranch = kept, on
	f.warmBranches()
	return dropped
}

// warmBranches replays every branch not yet replayed, so that drawing
// the end screen replays nothing; it says in Message which do not replay.
func (f *Flow) warmBranches() {
	for i := range f.Branches {
		if _, err := f.branchGame(i); err != nil {
			f.Message += " " + FirstLine(err)
		}
	}
}

// branchGame returns the game of branch i: the game being played when it
// is the branch shown, else its replay, kept from one call to the next
// while the scenario stays the same.
func (f *Flow) branchGame(i int) (*sim.Game, error) {
	if i == f.OnBranch {
		return f.Game, nil
	}
	if g := f.branchGames[i]; g != nil && g.Model == f.Game.Model {
		return g, nil
	}
	g, err := sim.Replay(f.Game.Model, f.Branches[i].Record)
	if err != nil {
		return nil, fmt.Errorf("branch %q: %w", f.Branches[i].Name, err)
	}
	if f.branchGames == nil {
		f.branchGames = map[int]*sim.Game{}
	}
	f.branchGames[i] = g
	return g, nil
}

// BranchLines describes the games of the session for the end screen: the
// game first played and each branch, with how far it went and how it
// ended, the one shown marked.
func (f *Flow) BranchLines() []string {
	if len(f.Branches) == 0 {
		return nil
	}
	games := []*sim.Game{f.Trunk}
	for i := range f.Branches {
		g, _ := f.branchGame(i)
		games = append(games, g)
	}
	var out []string
	for i, g := range games {
		name := "The game played"
		if i > 0 {
			name = fmt.Sprintf("Branch %q from turn %d", f.Branches[i-1].Name, f.Branches[i-1].From)
		}
		state := "does not replay"
		if g != nil {
			state = fmt.Sprintf("stopped after %s", TurnsText(len(g.Reports())))
			if o := g.Outcome(); o != nil {
				state = fmt.Sprintf("%s after %s", o.Name, TurnsText(len(g.Reports())))
			}
		}
		mark := ""
		if i-1 == f.OnBranch {
			mark = " (shown)"
		}
		out = append(out, fmt.Sprintf("%s: %s%s", name, state, mark))
	}
	return out
}
