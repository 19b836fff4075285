package flow

import (
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/sixparty/sixparty/options"
	"github.com/sixparty/sixparty/report"
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

// openBranching opens the scene that branches the game shown from a turn:
// by default the first turn of the timeline page shown, else turn 1.
func (f *Flow) openBranching() {
	n := len(f.Game.Reports())
	if n == 0 {
		f.Message = "No turn has been played yet, so there is nothing to branch from."
		return
	}
	k := 1
	if kind, first := f.EndPage(f.Page); kind == EndTimeline {
		k = first
	}
	f.open(Branching)
	f.BranchTurn = min(k, n)
	f.BranchName = fmt.Sprintf("Branch %d", len(f.Branches)+1)
}

func (f *Flow) doBranching(in Input) {
	if f.move(in, branchRows) {
		return
	}
	n := len(f.Game.Reports())
	switch in.Action {
	case Left:
		if f.Cursor == BranchRowTurn && f.BranchTurn > 1 {
			f.BranchTurn--
		}
	case Right:
		if f.Cursor == BranchRowTurn && f.BranchTurn < n {
			f.BranchTurn++
		}
	case Type:
		if f.Cursor == BranchRowName && len([]rune(f.BranchName)) < 40 {
			f.BranchName += string(in.Rune)
		}
	case Erase:
		if f.Cursor == BranchRowName {
			f.BranchName = dropLast(f.BranchName)
		}
	case Confirm:
		if f.Cursor < BranchRowStart {
			f.Cursor++
			return
		}
		f.startBranch()
	case Back:
		f.close()
	}
}

// startBranch replays the game shown to the start of the chosen turn and
// plays on from there as a new branch; the game it came from is kept.
func (f *Flow) startBranch() {
	b, err := savegame.NewBranch(f.Game.Record(), f.BranchTurn, f.BranchName, f.Branches)
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
	f.Game = g
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
			state = fmt.Sprintf("stopped after %s", turns(len(g.Reports())))
			if o := g.Outcome(); o != nil {
				state = fmt.Sprintf("%s after %s", o.Name, turns(len(g.Reports())))
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

// compareChoices returns what the game first played can be compared
// with: each branch, then the scenario's counterfactual strategy on the
// same seed (when the scenario names one).
func (f *Flow) compareChoices() ([]report.Side, error) {
	var out []report.Side
	for i, b := range f.Branches {
		g, err := f.branchGame(i)
		if err != nil {
			return nil, err
		}
		out = append(out, report.Side{Name: b.Name, Lead: report.BranchLead(b.Name, b.From), Game: g})
	}
	play := f.cfg.Counterfactual
	if play == nil {
		play = ScenarioCounterfactual
	}
	if f.cf == nil || f.cf.of != f.Trunk {
		name, g, ok, err := play(f.Trunk)
		if err != nil {
			return nil, err
		}
		f.cf = &cfGame{of: f.Trunk, name: name, g: g, ok: ok}
	}
	if f.cf.ok {
		out = append(out, report.Side{Name: f.cf.name, Lead: report.StrategyLead(f.cf.name), Game: f.cf.g})
	}
	return out, nil
}

// cfGame caches the counterfactual of one game played (of).
type cfGame struct {
	of   *sim.Game
	name string
	g    *sim.Game
	ok   bool
}

// openComparison opens the side-by-side comparison of the game first
// played with a branch (the one shown, when a branch is shown) or the
// counterfactual.
func (f *Flow) openComparison() {
	choices, err := f.compareChoices()
	if err != nil {
		f.Message = "Cannot compare: " + FirstLine(err)
		return
	}
	if len(choices) == 0 {
		f.Message = "Nothing to compare with yet: branch the game from a turn first (N)."
		return
	}
	f.open(Comparison)
	f.CompareWith = 0
	if f.OnBranch >= 0 {
		f.CompareWith = f.OnBranch
	}
	f.compare(choices)
}

// compare makes the comparison with choice CompareWith.
func (f *Flow) compare(choices []report.Side) {
	f.CompareChoices = len(choices)
	c, err := report.Compare(report.Side{Name: "The game played", Game: f.Trunk}, choices[f.CompareWith], report.CompareIndicators)
	if err != nil {
		f.Message = "Cannot compare: " + FirstLine(err)
		f.Compared = nil
		return
	}
	f.Compared = c
}

func (f *Flow) doComparison(in Input) {
	switch in.Action {
	case Left, Right, PageNext, PagePrev:
		choices, err := f.compareChoices()
		if err != nil || len(choices) == 0 {
			return
		}
		d := 1
		if in.Action == Left || in.Action == PagePrev {
			d = len(choices) - 1
		}
		f.CompareWith = (f.CompareWith + d) % len(choices)
		f.compare(choices)
	case Back, Confirm, Compare:
		f.close()
	}
}

// CompareTitle says what the comparison shows: "The game played against
// Relying on Beijing (2 of 3)".
func (f *Flow) CompareTitle() string {
	c := f.Compared
	if c == nil {
		return "Comparison"
	}
	s := c.Base.Name + " against " + c.Other.Name
	if f.CompareChoices > 1 {
		s += " (" + strconv.Itoa(f.CompareWith+1) + " of " + strconv.Itoa(f.CompareChoices) + ")"
	}
	return s
}
