package flow

import (
	crand "crypto/rand"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"

	"github.com/sixparty/sixparty/options"
	"github.com/sixparty/sixparty/savegame"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// Seat says who plays an actor: a person at the machine or the computer
// at a difficulty.
type Seat struct {
	Human bool
	Level ai.Difficulty
}

// String returns the seat as a save file writes it: "person" or
// "computer:" and the difficulty.
func (s Seat) String() string {
	if s.Human {
		return "person"
	}
	return "computer:" + s.Level.String()
}

// Label returns the seat in words for the setup screen.
func (s Seat) Label() string {
	if s.Human {
		return "Person"
	}
	return "Computer (" + s.Level.String() + ")"
}

// ParseSeat reads a seat as String writes it.
func ParseSeat(s string) (Seat, error) {
	if s == "person" {
		return Seat{Human: true}, nil
	}
	if d, ok := strings.CutPrefix(s, "computer:"); ok {
		lvl, err := ai.ParseDifficulty(d)
		if err != nil {
			return Seat{}, fmt.Errorf("ui: seat %q: %v", s, err)
		}
		return Seat{Level: lvl}, nil
	}
	return Seat{}, fmt.Errorf("ui: unknown seat %q (want person or computer:DIFFICULTY)", s)
}

// seatCycle is the order Left and Right step through on the setup screen.
var seatCycle = []Seat{{Human: true}, {Level: ai.Easy}, {Level: ai.Normal}, {Level: ai.Hard}}

// Save slots: the saved game, and the autosaves of the last
// AutosavesKept games, the latest in SlotAuto and the one before it in
// AutoSlot(1).
const (
	SlotSave = "save"
	SlotAuto = "autosave"
)

// AutosavesKept is how many games' autosaves are kept.
const AutosavesKept = 3

// AutoSlot returns the slot of the autosave of the game k games before
// the latest (0: SlotAuto).
func AutoSlot(k int) string {
	if k == 0 {
		return SlotAuto
	}
	return fmt.Sprintf("%s-%d", SlotAuto, k+1)
}

// rotateAutosaves moves each kept autosave one game back, so that a new
// game's autosave replaces none of them.
func (f *Flow) rotateAutosaves() error {
	for k := AutosavesKept - 1; k > 0; k-- {
		old, err := f.cfg.Store.Load(AutoSlot(k - 1))
		if err != nil {
			continue
		}
		if err := f.cfg.Store.Save(AutoSlot(k), old); err != nil {
			return err
		}
	}
	return nil
}

// Store keeps saved games in named slots.
type Store interface {
	// Save writes a game to a slot, replacing what was there only when
	// the whole save was written.
	Save(slot string, f *savegame.File) error
	// Load reads the game saved in a slot.
	Load(slot string) (*savegame.File, error)
}

// Config is what a Flow needs from outside.
type Config struct {
	// Builtin lists the built-in scenarios' names.
	Builtin []string
	// Source is the scenario preselected on the setup screen: a built-in
	// name or a file path.
	Source string
	// Open loads a scenario given its source.
	Open func(source string) (*sim.Model, error)
	// Store saves and loads games; nil disables saving.
	Store Store
	// Seed, when SeedSet, replaces the scenario's own seed.
	Seed    uint64
	SeedSet bool
	// Seats, when given (one per actor), replaces the default seating (the
	// first actor a person, the rest the computer at normal difficulty).
	Seats []Seat
	// Wake, when set, is called from another goroutine when work done off
	// the window's thread (a forecast) has finished, so that a resting
	// window runs Update and Poll again.
	Wake func()
	// Counterfactual, when set, replaces ScenarioCounterfactual, which
	// plays the scenario's counterfactual strategy for the comparison.
	Counterfactual Counterfactual
	// PIN, when set, must be typed to open the facilitator's pages in
	// hot-seat play (console_pin.go), so a team cannot open them at its
	// own hand-over.
	PIN string
	// TourSeen, when set, reports whether the guided first turn has been
	// shown on this machine, and SetTourSeen records that it has (a flag
	// beside the saves). Without them the tour opens only when asked (H
	// on the briefing): scripted games and tests never see it.
	TourSeen    func() bool
	SetTourSeen func()
}

// Flow is the state of the front end between frames, and its scene
// manager: the scene shown and those it was opened over, the table played
// at, and the seat ordering with its draft.
type Flow struct {
	cfg Config

	scene Scene
	stack []Scene

	screenTitle string
	screenText  []string

	// Message is a status line for the player: a confirmation or an error
	// in words. Each new action clears it.
	Message string
	// Quit is set when the player leaves the program.
	Quit bool
	// ReloadErr holds the mistakes of a scenario file being watched
	// (sixparty play --watch) while its last version did not load.
	ReloadErr error

	// Source is the scenario's source (a built-in name or a file path),
	// Model the scenario loaded from it (nil when it did not load), and
	// Seats who plays each actor: the setup screen sets them.
	Source string
	Model  *sim.Model
	Seats  []Seat

	// Game is the game being played at the local table, nil when none is.
	Game   *sim.Game
	table  *LocalTable
	remote *RemoteConn // a seat, console or projector of a served game (remote_flow.go)

	// Current is the actor choosing or ordering now.
	Current int
	// Levels is the current actor's draft orders, one level per lever of
	// the scenario (only the actor's own are used).
	Levels []int
	// queue holds the people still to order this turn, and calledBack
	// why a person who had ordered is asked again.
	queue      []int
	calledBack map[int]string
	// clock counts the window's frames (Tick); clocked is set once it
	// has ticked. Only a ticking flow guards the event choice.
	clock   int
	clocked bool
	// Played is the last turn played (0 before the first).
	Played int

	// Outlook is the last forecast of the draft orders, made for the
	// orders OutlookDraft describes.
	Outlook      *options.ForecastResult
	OutlookDraft string
	job          *forecastJob
	think        *thinkJob

	// Trunk is the game first played; Game is it or one of its branches.
	Trunk *sim.Game
	// Branches are the named branches of Trunk, saved with it; OnBranch
	// is the index of the one being played (Game), or -1 for Trunk.
	Branches    []savegame.Branch
	OnBranch    int
	cf          *cfGame
	branchGames map[int]*sim.Game

	// The end's reviews of the game reviewsOf, and the all-computer game
	// on its seed.
	reviews              map[int]*Review
	reviewsOf            *sim.Game
	baseline, baselineOf *sim.Game

	// The timeline of the game timelineOf after timelineTurns turns, kept
	// so that the screens drawing it do not rebuild it every frame.
	timeline      []TimelineTurn
	timelineOf    *sim.Game
	timelineTurns int
	// sheets are the window's prepared screens (sheets.go).
	sheets sheets
}

// New returns a flow at the title screen.
func New(cfg Config) *Flow {
	f := &Flow{cfg: cfg, OnBranch: -1}
	f.scene = &TitleScene{}
	f.Source = cfg.Source
	if f.Source == "" && len(cfg.Builtin) > 0 {
		f.Source = cfg.Builtin[0]
	}
	f.openSource()
	return f
}

// CanSave reports whether games can be saved and loaded.
func (f *Flow) CanSave() bool { return f.cfg.Store != nil }

// Table returns the table played at: the local table, or a served game's
// remote table; nil before a game starts.
func (f *Flow) Table() Table {
	if f.remote != nil {
		return f.remote.Table
	}
	if f.table == nil {
		return nil
	}
	return f.table
}

// Explain returns what each computer player said of its orders on the
// last turn played, by actor id.
func (f *Flow) Explain() map[string]string {
	if f.table == nil {
		return nil
	}
	return f.table.Explain()
}

// setGame sets the game played, at a new local table (nil for none).
func (f *Flow) setGame(g *sim.Game) {
	f.Game, f.table = g, nil
	if g != nil {
		f.table = NewLocalTable(g, f.Seats)
	}
}

// openSource loads the scenario of Source and seats its actors.
func (f *Flow) openSource() {
	f.Model = nil
	if f.Source == "" {
		f.Message = "Type the path of a scenario file."
		return
	}
	m, err := f.cfg.Open(f.Source)
	if err != nil {
		f.Message = FirstLine(err)
		return
	}
	f.Model = m
	n := len(m.Scenario.Actors)
	f.Seats = make([]Seat, n)
	if len(f.cfg.Seats) == n {
		copy(f.Seats, f.cfg.Seats)
	} else {
		for i := range f.Seats {
			f.Seats[i] = Seat{Level: ai.Normal}
			if i == 0 {
				f.Seats[i] = Seat{Human: true}
			}
		}
	}
}

// seed returns the seed a new game of the scenario loaded starts from.
func (f *Flow) seed() uint64 {
	if f.cfg.SeedSet || f.Model == nil {
		return f.cfg.Seed
	}
	return f.Model.Scenario.Meta.Seed
}

// Humans returns the actors played by people, in the scenario's order.
func (f *Flow) Humans() []int {
	var out []int
	for i, s := range f.Seats {
		if s.Human {
			out = append(out, i)
		}
	}
	return out
}

// Viewer returns the actor whose view of the world the screen shows: the
// actor ordering (and its dashboard); on shared screens the only person
// playing, or -1 when everything may be shown exactly (no person plays,
// or the game is over), or -2 when several people share the screen (then
// only what all of them see exactly is shown).
func (f *Flow) Viewer() int {
	if f.remote != nil {
		return f.remote.Table.Seat() // the link's own view, whatever the scene
	}
	switch s := f.Scene(); {
	case s == Facilitator:
		return -1 // the facilitator sees everything
	case s == Orders || s == Choice || f.over(Orders) || f.SeatBriefing():
		return f.Current
	case s == End || s == Branching || s == Comparison || f.over(End) || f.Game != nil && f.Game.Over():
		return -1
	}
	h := f.Humans()
	switch len(h) {
	case 0:
		return -1
	case 1:
		return h[0]
	}
	return -2
}

// ViewerName says whose view the screen shows, for "hidden from …":
// "you" when one person plays, the actor's name on its own screens, or
// "at least one of you" on a shared screen (it shows only what all see).
func (f *Flow) ViewerName() string {
	switch v := f.Viewer(); {
	case v == -2:
		return "at least one of you"
	case v >= 0 && len(f.Humans()) > 1:
		return f.Model.Scenario.Actors[v].Name
	}
	return "you"
}

// View returns what the viewer sees of state s. For -1 and -2 the values
// are exact (Known says which of them -2 may show).
func (f *Flow) View(s *sim.State) sim.View {
	v := f.Viewer()
	if v >= 0 {
		return f.Game.ViewOf(s, v)
	}
	return f.Game.ViewOf(s, -1)
}

// Known reports whether the viewer knows variable vi exactly.
func (f *Flow) Known(vi int) bool {
	switch v := f.Viewer(); {
	case v >= 0:
		return f.Table().Known(v, vi)
	case v == -2:
		for _, h := range f.Humans() {
			if !f.Table().Known(h, vi) {
				return false
			}
		}
	}
	return true
}

// Shown reports whether the viewer may see variable vi at all (exactly or
// as an estimate).
func (f *Flow) Shown(vi int) bool { return f.Viewer() != -2 || f.Known(vi) }

func dropLast(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return string(r[:len(r)-1])
}

// start starts a game of the scenario loaded on a seed, with a fog secret
// drawn from the system's cryptographic source.
func (f *Flow) start(seed uint64) {
	g := sim.NewGame(f.Model, seed)
	if err := g.SetFogSecret(fogSecret()); err != nil {
		f.Message = err.Error()
		return
	}
	f.setGame(g)
	f.Trunk, f.Branches, f.OnBranch, f.cf, f.branchGames = f.Game, nil, -1, nil, nil
	f.Played = 0
	f.startTurn()
	if f.cfg.TourSeen != nil && !f.cfg.TourSeen() && len(f.Humans()) > 0 {
		f.openTour()
	}
}

// fogSecret draws a game's fog secret from the system's cryptographic
// source, so that the seed shown on the setup screen tells no seat how
// far its estimates are off. Tests that compare estimates with a golden
// file replace it.
var fogSecret = cryptoFogSecret

func cryptoFogSecret() uint64 {
	var b [8]byte
	for {
		crand.Read(b[:])
		if x := binary.LittleEndian.Uint64(b[:]); x != 0 {
			return x
		}
	}
}

// startTurn shows the briefing of the turn to be ordered, with every
// person still to order.
func (f *Flow) startTurn() {
	f.goTo(&BriefingScene{})
	f.table.newTurn()
	f.queue = f.Humans()
	f.calledBack = nil
}

// nextSeat moves on to the next person's orders, or adjudicates the turn
// when every person has ordered.
func (f *Flow) nextSeat() {
	if len(f.queue) == 0 {
		f.adjudicate()
		return
	}
	f.Current, f.queue = f.queue[0], f.queue[1:]
	if len(f.Humans()) > 1 {
		f.goTo(&HandoverScene{})
		return
	}
	f.enterSeat()
}

// enterSeat starts the current actor's choices and orders.
func (f *Flow) enterSeat() {
	g := f.Game
	m := g.Model
	var pending []int
	for _, ei := range g.State().Briefing {
		ev := &m.Scenario.Events[ei]
		if ev.Choice == nil || !m.Decides(ei, f.Current) {
			continue
		}
		// The chooser, or a partner who must agree (ui/flow/choice.go).
		if _, done := f.table.Picked(f.ChoiceKey(ei)); !done {
			pending = append(pending, ei)
		}
	}
	// The draft starts from the orders the actor already gave this turn
	// (when a facilitator's event calls it back), else from its last
	// orders, where still allowed and affordable.
	s := g.State()
	draft := slices.Clone(s.Levels)
	if given, ok := f.table.Given(f.Current); ok {
		for _, li := range m.ActorLevers(f.Current) {
			draft[li] = given[m.Scenario.Levers[li].ID]
		}
	}
	f.Levels = m.CarryForward(s, draft)
	if len(pending) > 0 {
		f.goTo(&ChoiceScene{Pending: pending, opened: f.clock})
		return
	}
	f.goTo(&OrdersScene{})
}

// callBack records why person ai, who had ordered, is asked again.
func (f *Flow) callBack(ai int, why string) {
	if f.calledBack == nil {
		f.calledBack = map[int]string{}
	}
	f.calledBack[ai] = why
}

// CalledBack says why the current person is asked again this turn, or ""
// when they are ordering for the first time.
func (f *Flow) CalledBack() string { return f.calledBack[f.Current] }

// Pending lists the events the current actor must still choose in (on
// the choice scene).
func (f *Flow) Pending() []int {
	if c := SceneOf[*ChoiceScene](f); c != nil {
		return c.Pending
	}
	return nil
}

// adjudicate gets the computer players' orders, plays the turn and
// autosaves. In a window (Config.Wake set) the computer players decide
// on a goroutine of their own while the thinking scene shows; Poll plays
// the turn when they are done.
func (f *Flow) adjudicate() {
	if f.cfg.Wake != nil {
		f.startThinking()
		return
	}
	f.played(f.table.Adjudicate())
}

// played shows the turn just played, or starts it again after an error.
func (f *Flow) played(t int, err error) {
	if err != nil {
		// Orders are checked as they are drafted, so this should not
		// happen; the game is unchanged and the turn starts again.
		f.startTurn()
		f.Message = "The turn could not be played: " + err.Error()
		return
	}
	f.Played = t
	f.syncBranch()
	f.goTo(&AdjudicationScene{})
	if f.cfg.Store != nil {
		if err := f.autosave(); err != nil {
			f.Message = "Autosave failed: " + err.Error()
		} else {
			f.Message = fmt.Sprintf("Turn %d played and autosaved.", t)
		}
	}
}

func (f *Flow) saveFile() *savegame.File {
	seats := make([]string, len(f.Seats))
	for i, s := range f.Seats {
		seats[i] = s.String()
	}
	f.syncBranch()
	file := savegame.New(f.Source, seats, f.Trunk.Record())
	file.Branches = f.Branches
	// The orders people have submitted on the turn in progress, so that
	// quitting before it is played loses none.
	if f.table != nil && f.Game == f.Trunk && !f.Game.Over() {
		for _, h := range f.Humans() {
			if o, ok := f.table.Given(h); ok && f.ordered(h) {
				if file.Submitted == nil {
					file.Submitted, file.Picked = sim.Orders{}, sim.Choices{}
				}
				file.Submitted[f.Model.Scenario.Actors[h].ID] = o
			}
		}
		for _, ei := range f.Game.State().Briefing {
			id := f.Model.Scenario.Events[ei].ID
			if o, ok := f.table.Picked(id); ok && file.Picked != nil && f.Seats[f.Model.Chooser(ei)].Human && f.ordered(f.Model.Chooser(ei)) {
				file.Picked[id] = o
			}
			for _, p := range f.Model.Partners(ei) { // partners' answers to a joint decision
				key := sim.PartnerKey(id, f.Model.Scenario.Actors[p].ID)
				if o, ok := f.table.Picked(key); ok && file.Picked != nil && f.Seats[p].Human && f.ordered(p) {
					file.Picked[key] = o
				}
			}
		}
	}
	return file
}

func (f *Flow) save() {
	switch {
	case f.cfg.Store == nil:
		f.Message = "Saving is off in this session."
	case f.Game == nil:
		f.Message = "There is no game to save yet."
	default:
		if err := f.cfg.Store.Save(SlotSave, f.saveFile()); err != nil {
			f.Message = "Could not save: " + err.Error()
			return
		}
		f.Message = "Saved after " + TurnsText(f.Played) + " played. Orders being drafted are not saved."
	}
}

// load replaces the game with a saved one; on any error nothing changes
// and Message says what went wrong.
func (f *Flow) load(slot string) {
	if f.cfg.Store == nil {
		f.Message = "Saving is off in this session."
		return
	}
	file, err := f.cfg.Store.Load(slot)
	if err != nil {
		f.Message = "Could not load: " + FirstLine(err)
		return
	}
	m, err := f.cfg.Open(file.Source)
	if err != nil {
		f.Message = "Could not load: " + FirstLine(err)
		return
	}
	g, err := file.Game(m)
	if err != nil {
		f.Message = "Could not load: " + err.Error()
		return
	}
	seats := make([]Seat, len(file.Seats))
	for i, s := range file.Seats {
		if seats[i], err = ParseSeat(s); err != nil {
			f.Message = "Could not load: " + err.Error()
			return
		}
	}
	f.Model, f.Source, f.Seats = m, file.Source, seats
	f.setGame(g)
	f.Trunk, f.Branches, f.OnBranch, f.cf, f.branchGames = g, file.Branches, -1, nil, nil
	f.Played = len(g.Reports())
	if g.Over() {
		f.toEnd()
		f.warmBranches()
		return
	}
	f.startTurn()
	f.Message = fmt.Sprintf("Loaded: %s, %s played.", m.Scenario.Meta.Title, TurnsText(f.Played))
	f.restoreSubmitted(file)
	if len(f.Branches) > 0 {
		f.Message += fmt.Sprintf(" %d branch(es).", len(f.Branches))
	}
	f.warmBranches()
}

// restoreSubmitted gives the table again the orders a save holds for
// the turn in progress, and takes their seats out of the queue.
func (f *Flow) restoreSubmitted(file *savegame.File) {
	m := f.Model
	var names []string
	for _, h := range f.Humans() {
		id := m.Scenario.Actors[h].ID
		o, ok := file.Submitted[id]
		if !ok {
			continue
		}
		if err := f.table.Submit(h, o, nil); err != nil {
			continue
		}
		f.queue = slices.DeleteFunc(f.queue, func(k int) bool { return k == h })
		names = append(names, m.Scenario.Actors[h].Name)
	}
	for id, o := range file.Picked {
		f.table.picks[id] = o
	}
	if len(names) > 0 {
		f.Message += " Orders already submitted this turn are kept: " + strings.Join(names, ", ") + "."
	}
}

// openWhy opens the why view of variable vi on turn turn.
func (f *Flow) openWhy(vi, turn int) {
	if turn < 1 {
		f.Message = "No turn has been played yet, so nothing has moved."
		return
	}
	if !f.Seen(vi) {
		f.Message = f.Model.Scenario.Vars[vi].Name + " is not seen from this seat: nothing to explain."
		return
	}
	f.open(&WhyScene{Var: vi, Turn: turn, Hidden: !f.Known(vi)})
}

// FirstLine returns an error's first line, and how many more there are,
// for the one-line status message (a scenario's errors come one a line).
func FirstLine(err error) string {
	lines := strings.Split(strings.TrimSpace(err.Error()), "\n")
	if len(lines) == 1 {
		return lines[0]
	}
	return fmt.Sprintf("%s (+%d more; run 'sixparty validate' on the file)", lines[0], len(lines)-1)
}
