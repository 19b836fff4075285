package flow

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/sixparty/sixparty/options"
	"github.com/sixparty/sixparty/report"
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

// Save slots.
const (
	SlotSave = "save"
	SlotAuto = "autosave"
)

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
}

// Flow is the state of the front end between frames.
type Flow struct {
	cfg Config

	// Scene is the screen shown.
	Scene Scene
	// Cursor is the selected row of the scene.
	Cursor int
	// Page is the page of a paged scene (adjudication, end).
	Page int
	// ShowBriefs overlays every actor's brief on the briefing.
	ShowBriefs bool
	// Message is a status line for the player: a confirmation or an error
	// in words. Each new action clears it.
	Message string
	// Quit is set when the player leaves the program.
	Quit bool
	// ReloadErr holds the mistakes of a scenario file being watched
	// (sixparty play --watch) while its last version did not load.
	ReloadErr error

	// Setup fields: the scenario's source, the file path typed in, the
	// seed as typed, and the scenario loaded from Source (nil when it did
	// not load).
	Source   string
	Path     string
	SeedText string
	Model    *sim.Model
	Seats    []Seat
	srcIdx   int

	// Game is the game being played.
	Game *sim.Game

	// Current is the actor choosing or ordering now.
	Current int
	// Levels is the current actor's draft orders, one level per lever of
	// the scenario (only the actor's own are used).
	Levels []int
	// Pending lists the events the current actor must still choose in.
	Pending []int

	queue   []int
	orders  sim.Orders
	picks   sim.Choices
	Explain map[string]string
	// Played is the last turn played (0 before the first).
	Played int
	// WhyVar and WhyTurn are the indicator and turn the why view explains.
	WhyVar, WhyTurn int

	// FacPage is the facilitator scene's page; FacVar the indicator being
	// adjusted; ValueText and ReasonText its new value and the reason, as
	// typed.
	FacPage               FacPage
	FacVar                int
	ValueText, ReasonText string

	// Outlook is the last forecast of the draft orders, made for the
	// orders OutlookDraft describes.
	Outlook      *options.ForecastResult
	OutlookDraft string
	job          *forecastJob

	// Trunk is the game first played; Game is it or one of its branches.
	Trunk *sim.Game
	// Branches are the named branches of Trunk, saved with it; OnBranch
	// is the index of the one being played (Game), or -1 for Trunk.
	Branches []savegame.Branch
	OnBranch int
	// BranchTurn and BranchName are the branching scene's turn and name.
	BranchTurn int
	BranchName string
	// Compared is the comparison shown, of Trunk with choice CompareWith
	// of CompareChoices (the branches, then the counterfactual).
	Compared                    *report.Comparison
	CompareWith, CompareChoices int
	cf                          *cfGame
	branchGames                 map[int]*sim.Game

	stack []opened
}

// New returns a flow at the title screen.
func New(cfg Config) *Flow {
	f := &Flow{cfg: cfg, Scene: Title, OnBranch: -1}
	f.Source = cfg.Source
	if f.Source == "" && len(cfg.Builtin) > 0 {
		f.Source = cfg.Builtin[0]
	}
	f.srcIdx = slices.Index(cfg.Builtin, f.Source)
	if f.srcIdx < 0 {
		f.srcIdx = len(cfg.Builtin)
		f.Path = f.Source
	}
	f.openSource()
	return f
}

// CanSave reports whether games can be saved and loaded.
func (f *Flow) CanSave() bool { return f.cfg.Store != nil }

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
	seed := m.Scenario.Meta.Seed
	if f.cfg.SeedSet {
		seed = f.cfg.Seed
	}
	f.SeedText = strconv.FormatUint(seed, 10)
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

// Setup rows: the scenario, the file path, the seed, one per actor, then
// Start.
const (
	RowScenario = 0
	RowPath     = 1
	RowSeed     = 2
	rowSeats    = 3
)

// SetupRows returns the number of rows of the setup screen.
func (f *Flow) SetupRows() int { return rowSeats + len(f.Seats) + 1 }

// StartRow returns the setup screen's Start row.
func (f *Flow) StartRow() int { return f.SetupRows() - 1 }

// SeatRow returns the setup row of actor i's seat.
func SeatRow(i int) int { return rowSeats + i }

// ScenarioChoice returns the name shown for the selected scenario.
func (f *Flow) ScenarioChoice() string {
	if f.srcIdx < len(f.cfg.Builtin) {
		return f.cfg.Builtin[f.srcIdx]
	}
	return "a file (type its path below)"
}

// WantsText reports whether typed characters go into a text field now.
func (f *Flow) WantsText() bool {
	switch f.Scene {
	case Setup:
		return f.Cursor == RowPath || f.Cursor == RowSeed
	case Facilitator:
		return f.FacPage == FacValue && (f.Cursor == FacRowValue || f.Cursor == FacRowReason)
	case Branching:
		return f.Cursor == BranchRowName
	}
	return false
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
	switch {
	case f.Scene == Facilitator:
		return -1 // the facilitator sees everything
	case f.Scene == Orders || f.Scene == Choice || f.over(Orders):
		return f.Current
	case f.Scene == End || f.Scene == Branching || f.Scene == Comparison || f.Game != nil && f.Game.Over():
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

// View returns what the viewer sees of state s. For -1 and -2 the values
// are exact (Known says which of them -2 may show).
func (f *Flow) View(s *sim.State) sim.View {
	v := f.Viewer()
	if v >= 0 {
		return f.Game.Model.View(s, f.Game.Seed, v)
	}
	return f.Game.Model.View(s, f.Game.Seed, -1)
}

// Known reports whether the viewer knows variable vi exactly.
func (f *Flow) Known(vi int) bool {
	switch v := f.Viewer(); {
	case v >= 0:
		return f.Game.Model.SeesExactly(v, vi)
	case v == -2:
		for _, h := range f.Humans() {
			if !f.Game.Model.SeesExactly(h, vi) {
				return false
			}
		}
	}
	return true
}

// Shown reports whether the viewer may see variable vi at all (exactly or
// as an estimate).
func (f *Flow) Shown(vi int) bool { return f.Viewer() != -2 || f.Known(vi) }

// Do applies one input.
func (f *Flow) Do(in Input) {
	f.Message = ""
	switch in.Action {
	case Quit:
		f.Quit = true
		return
	case Save:
		f.save()
		return
	}
	switch f.Scene {
	case Title:
		f.doTitle(in)
	case Setup:
		f.doSetup(in)
	case Briefing:
		f.doBriefing(in)
	case Handover:
		switch in.Action {
		case Confirm:
			f.enterSeat()
		case Facilitate:
			f.openFacilitator()
		}
	case Facilitator:
		f.doFacilitator(in)
	case Choice:
		f.doChoice(in)
	case Orders:
		f.doOrders(in)
	case Forecast:
		f.doForecast(in)
	case Adjudication:
		switch in.Action {
		case Confirm, PageNext:
			if f.Page == 0 {
				f.Page = 1
			} else {
				f.goTo(Report)
			}
		case Back, PagePrev:
			f.Page = 0
		case OpenMap:
			f.open(Map)
		}
	case Report:
		f.doReport(in)
	case Why:
		f.doWhy(in)
	case Dashboard:
		f.doDashboard(in)
	case Map:
		if in.Action == Back || in.Action == Confirm || in.Action == OpenMap {
			f.close()
		}
	case End:
		f.doEnd(in)
	case Branching:
		f.doBranching(in)
	case Comparison:
		f.doComparison(in)
	}
}

func (f *Flow) goTo(s Scene) {
	f.Scene, f.Cursor, f.Page = s, 0, 0
	f.stack = nil
}

// open shows an auxiliary scene (map, dashboard, why) over the current
// one; Back returns to it.
func (f *Flow) open(s Scene) {
	f.stack = append(f.stack, opened{f.Scene, f.Cursor, f.WhyVar, f.WhyTurn})
	f.Scene, f.Cursor = s, 0
}

// close returns from an auxiliary scene to the one it was opened from.
func (f *Flow) close() {
	if len(f.stack) == 0 {
		return
	}
	top := f.stack[len(f.stack)-1]
	f.stack = f.stack[:len(f.stack)-1]
	f.Scene, f.Cursor = top.scene, top.cursor
	f.WhyVar, f.WhyTurn = top.whyVar, top.whyTurn
}

// Under returns the scene the current auxiliary scene was opened over
// (the one Back returns to), or the current scene when none is open.
func (f *Flow) Under() Scene {
	if len(f.stack) == 0 {
		return f.Scene
	}
	return f.stack[len(f.stack)-1].scene
}

// opened is a scene under an auxiliary one, with its cursor (and the why
// view's indicator and turn, as one why view can open another).
type opened struct {
	scene           Scene
	cursor          int
	whyVar, whyTurn int
}

// over reports whether the current scene was opened over scene s.
func (f *Flow) over(s Scene) bool {
	for _, o := range f.stack {
		if o.scene == s {
			return true
		}
	}
	return false
}

// move moves the cursor within n rows.
func (f *Flow) move(in Input, n int) bool {
	switch in.Action {
	case Up:
		if f.Cursor > 0 {
			f.Cursor--
		}
	case Down:
		if f.Cursor < n-1 {
			f.Cursor++
		}
	case Select:
		if in.Item >= 0 && in.Item < n {
			f.Cursor = in.Item
		}
	default:
		return false
	}
	return true
}

// pick is move for menus, where clicking a row also chooses it: a click
// comes back as Confirm. ok is false when the input only moved the cursor.
func (f *Flow) pick(in Input, n int) (out Input, ok bool) {
	if !f.move(in, n) {
		return in, true
	}
	if in.Action != Select {
		return in, false
	}
	in.Action = Confirm
	return in, true
}

// Title menu rows.
const (
	MenuNew = iota
	MenuLoad
	MenuAutosave
	MenuQuit
	menuRows
)

// MenuLabels returns the title menu's entries.
func MenuLabels() []string {
	return []string{"New game", "Load saved game", "Continue from autosave", "Quit"}
}

func (f *Flow) doTitle(in Input) {
	in, ok := f.pick(in, menuRows)
	if !ok {
		return
	}
	switch in.Action {
	case Confirm:
		switch f.Cursor {
		case MenuNew:
			f.goTo(Setup)
			f.Cursor = f.StartRow()
		case MenuLoad:
			f.load(SlotSave)
		case MenuAutosave:
			f.load(SlotAuto)
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

func (f *Flow) doSetup(in Input) {
	if f.move(in, f.SetupRows()) {
		return
	}
	switch in.Action {
	case Back:
		f.goTo(Title)
	case Left, Right:
		d := 1
		if in.Action == Left {
			d = -1
		}
		switch {
		case f.Cursor == RowScenario:
			n := len(f.cfg.Builtin) + 1
			f.srcIdx = (f.srcIdx + d + n) % n
			if f.srcIdx < len(f.cfg.Builtin) {
				f.Source = f.cfg.Builtin[f.srcIdx]
			} else {
				f.Source = f.Path
			}
			f.openSource()
		case f.Cursor >= rowSeats && f.Cursor < f.StartRow():
			i := f.Cursor - rowSeats
			k := slices.Index(seatCycle, f.Seats[i])
			f.Seats[i] = seatCycle[(k+d+len(seatCycle))%len(seatCycle)]
		}
	case Type:
		switch f.Cursor {
		case RowPath:
			if unicode.IsPrint(in.Rune) {
				f.Path += string(in.Rune)
			}
		case RowSeed:
			if in.Rune >= '0' && in.Rune <= '9' && len(f.SeedText) < 19 {
				f.SeedText += string(in.Rune)
			}
		}
	case Erase:
		switch f.Cursor {
		case RowPath:
			f.Path = dropLast(f.Path)
		case RowSeed:
			f.SeedText = dropLast(f.SeedText)
		}
	case Confirm:
		switch {
		case f.Cursor == RowPath:
			f.srcIdx = len(f.cfg.Builtin)
			f.Source = strings.TrimSpace(f.Path)
			f.openSource()
			if f.Model != nil {
				f.Message = "Loaded " + f.Model.Scenario.Meta.Title + "."
			}
		case f.Cursor < rowSeats:
			f.Cursor++
		case f.Cursor < f.StartRow():
			f.Cursor = f.StartRow()
		default:
			f.start()
		}
	}
}

func dropLast(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return string(r[:len(r)-1])
}

func (f *Flow) start() {
	if f.Model == nil {
		f.Message = "Choose a scenario that loads first."
		return
	}
	seed, err := strconv.ParseUint(f.SeedText, 10, 64)
	if err != nil {
		f.Message = "The seed must be a whole number from 0 to 18446744073709551615."
		return
	}
	f.Game = sim.NewGame(f.Model, seed)
	f.Trunk, f.Branches, f.OnBranch, f.cf, f.branchGames = f.Game, nil, -1, nil, nil
	f.Played = 0
	f.startTurn()
}

func (f *Flow) startTurn() {
	f.goTo(Briefing)
	f.ShowBriefs = false
	f.orders, f.picks = sim.Orders{}, sim.Choices{}
	f.Explain = map[string]string{}
	f.queue = f.Humans()
}

func (f *Flow) doBriefing(in Input) {
	switch in.Action {
	case Confirm:
		if f.ShowBriefs {
			f.ShowBriefs = false
			return
		}
		f.nextSeat()
	case ToggleBriefs:
		f.ShowBriefs = !f.ShowBriefs
	case Back:
		f.ShowBriefs = false
	case OpenMap:
		f.open(Map)
	case OpenDashboard:
		f.openDashboard()
	case EndGame:
		f.goTo(End)
	case Facilitate:
		f.openFacilitator()
	}
}

func (f *Flow) openDashboard() {
	f.open(Dashboard)
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
		f.goTo(Handover)
		return
	}
	f.enterSeat()
}

func (f *Flow) enterSeat() {
	g := f.Game
	m := g.Model
	f.Pending = nil
	for _, ei := range g.State().Briefing {
		ev := &m.Scenario.Events[ei]
		if _, done := f.picks[ev.ID]; ev.Choice != nil && m.Chooser(ei) == f.Current && !done {
			f.Pending = append(f.Pending, ei)
		}
	}
	// The draft starts from the orders the actor already gave this turn
	// (when a facilitator's event calls it back), else from its last
	// orders, where still allowed and affordable.
	s := g.State()
	draft := slices.Clone(s.Levels)
	if given, ok := f.orders[m.Scenario.Actors[f.Current].ID]; ok {
		for _, li := range m.ActorLevers(f.Current) {
			draft[li] = given[m.Scenario.Levers[li].ID]
		}
	}
	f.Levels = m.CarryForward(s, draft)
	if len(f.Pending) > 0 {
		f.goTo(Choice)
		return
	}
	f.goTo(Orders)
}

func (f *Flow) doChoice(in Input) {
	ev := &f.Game.Model.Scenario.Events[f.Pending[0]]
	if f.move(in, len(ev.Choice.Options)) {
		return
	}
	if in.Action != Confirm {
		return
	}
	f.picks[ev.ID] = ev.Choice.Options[f.Cursor].ID
	f.Pending = f.Pending[1:]
	if len(f.Pending) > 0 {
		f.goTo(Choice)
		return
	}
	f.goTo(Orders)
}

// Spent returns the cost of the current actor's draft orders.
func (f *Flow) Spent() float64 {
	return f.Game.Model.OrdersCost(f.Current, f.Levels)
}

// SetLevel sets the current actor's lever li to lvl in the draft orders
// if that is allowed, and says why not otherwise.
func (f *Flow) SetLevel(li, lvl int) error {
	if err := f.CheckLevel(li, lvl); err != nil {
		return err
	}
	f.Levels[li] = lvl
	return nil
}

// CheckLevel says why the current actor may not set lever li to lvl (nil
// if it may): the level's range, the lever's precondition in the
// scenario's words, or the budget.
func (f *Flow) CheckLevel(li, lvl int) error {
	m := f.Game.Model
	l := &m.Scenario.Levers[li]
	if lvl < 0 || lvl >= len(l.Levels) {
		return fmt.Errorf("%s has no level %d", l.Name, lvl)
	}
	if lvl > 0 {
		if ok, why := m.Available(f.Game.State(), li); !ok {
			return fmt.Errorf("%s is not available: %s", l.Name, why)
		}
	}
	budget := m.Scenario.Actors[f.Current].Budget
	draft := slices.Clone(f.Levels)
	draft[li] = lvl
	if !m.Affordable(f.Current, m.OrdersCost(f.Current, draft)) && m.Cost(li, lvl) > m.Cost(li, f.Levels[li]) {
		return fmt.Errorf("not enough political capital: %s at %q costs %g, %g of %g is left", l.Name, l.Levels[lvl], m.Cost(li, lvl), budget-f.Spent()+m.Cost(li, f.Levels[li]), budget)
	}
	return nil
}

func (f *Flow) doOrders(in Input) {
	m := f.Game.Model
	mine := m.ActorLevers(f.Current)
	if f.move(in, len(mine)) {
		return
	}
	switch in.Action {
	case Left, Right, SetLevel:
		if len(mine) == 0 {
			return
		}
		row := f.Cursor
		lvl := f.Levels[mine[row]]
		switch in.Action {
		case Left:
			lvl--
		case Right:
			lvl++
		case SetLevel:
			if in.Item < 0 || in.Item >= len(mine) {
				return
			}
			row, lvl = in.Item, in.Value
			f.Cursor = row
		}
		if lvl < 0 || lvl >= len(m.Scenario.Levers[mine[row]].Levels) {
			return
		}
		if err := f.SetLevel(mine[row], lvl); err != nil {
			f.Message = err.Error()
		}
	case Confirm:
		a := m.Scenario.Actors[f.Current].ID
		f.orders[a] = map[string]int{}
		for _, li := range mine {
			if f.Levels[li] > 0 {
				f.orders[a][m.Scenario.Levers[li].ID] = f.Levels[li]
			}
		}
		f.nextSeat()
	case OpenDashboard:
		f.openDashboard()
	case OpenMap:
		f.open(Map)
	case WhatIf:
		f.startForecast()
	}
}

// adjudicate gets the computer players' orders, plays the turn and
// autosaves.
func (f *Flow) adjudicate() {
	g := f.Game
	m := g.Model
	for i, seat := range f.Seats {
		if seat.Human {
			continue
		}
		dec := ai.Decide(g, i, seat.Level)
		id := m.Scenario.Actors[i].ID
		f.orders[id] = dec.Orders
		for _, ei := range g.State().Briefing {
			e := m.Scenario.Events[ei]
			if e.Choice != nil && m.Chooser(ei) == i {
				if o, ok := dec.Choices[e.ID]; ok {
					f.picks[e.ID] = o
				}
			}
		}
		f.Explain[id] = dec.Explain
	}
	t := g.Turn()
	if _, err := g.Play(f.orders, f.picks); err != nil {
		// Orders are checked as they are drafted, so this should not
		// happen; the game is unchanged and the turn starts again.
		f.startTurn()
		f.Message = "The turn could not be played: " + err.Error()
		return
	}
	f.Played = t
	f.syncBranch()
	f.goTo(Adjudication)
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
		f.Message = fmt.Sprintf("Saved after %d turns played. Orders being drafted are not saved.", f.Played)
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
	f.Model, f.Game, f.Source, f.Seats = m, g, file.Source, seats
	f.Trunk, f.Branches, f.OnBranch, f.cf, f.branchGames = g, file.Branches, -1, nil, nil
	f.SeedText = strconv.FormatUint(g.Seed, 10)
	f.Played = len(g.Reports())
	if g.Over() {
		f.goTo(End)
		f.warmBranches()
		return
	}
	f.startTurn()
	f.Message = fmt.Sprintf("Loaded: %s, %d turns played.", m.Scenario.Meta.Title, f.Played)
	if len(f.Branches) > 0 {
		f.Message += fmt.Sprintf(" %d branch(es).", len(f.Branches))
	}
	f.warmBranches()
}

func (f *Flow) doReport(in Input) {
	rows := f.ReportRows()
	if f.move(in, len(rows)) {
		return
	}
	switch in.Action {
	case Confirm:
		if f.Game.Over() {
			f.goTo(End)
			return
		}
		f.startTurn()
	case AskWhy:
		if len(rows) > 0 {
			f.openWhy(rows[f.Cursor].Var, f.Played)
		}
	case OpenDashboard:
		f.openDashboard()
	case OpenMap:
		f.open(Map)
	case EndGame:
		f.goTo(End)
	}
}

func (f *Flow) openWhy(vi, turn int) {
	if !f.Known(vi) {
		f.Message = "You see only an estimate of " + f.Game.Model.Scenario.Vars[vi].Name + "; what moved it is hidden from you."
		return
	}
	if turn < 1 {
		f.Message = "No turn has been played yet, so nothing has moved."
		return
	}
	f.open(Why)
	f.WhyVar, f.WhyTurn = vi, turn
}

func (f *Flow) doWhy(in Input) {
	links := f.WhyLinks()
	if f.move(in, len(links)) {
		return
	}
	switch in.Action {
	case Back:
		f.close()
	case Confirm, AskWhy:
		if len(links) == 0 {
			f.close()
			return
		}
		f.openWhy(links[min(f.Cursor, len(links)-1)], f.WhyTurn)
	case Left, PagePrev:
		if f.WhyTurn > 1 {
			f.WhyTurn--
			f.Cursor = 0
		}
	case Right, PageNext:
		if f.WhyTurn < f.Played {
			f.WhyTurn++
			f.Cursor = 0
		}
	}
}

func (f *Flow) doDashboard(in Input) {
	vars := f.DashVars()
	if f.move(in, len(vars)) {
		return
	}
	switch in.Action {
	case Back, OpenDashboard, Confirm:
		f.close()
	case AskWhy:
		if len(vars) > 0 {
			f.openWhy(vars[f.Cursor], f.Played)
		}
	}
}

// ChartsPerPage is how many indicator charts one page of the end screen
// shows, and TurnsPerPage how many turns one page of its timeline shows.
const (
	ChartsPerPage = 12
	TurnsPerPage  = 4
)

// The kinds of end screen page.
const (
	EndSummary  = "summary"
	EndTimeline = "timeline"
	EndCharts   = "charts"
)

// EndPage says what page p of the end screen shows: the summary (outcome
// and scores), a page of the timeline, or a page of charts, with the
// index of its first turn (from 1) or first variable.
func (f *Flow) EndPage(p int) (kind string, first int) {
	tl := f.timelinePages()
	switch {
	case p <= 0:
		return EndSummary, 0
	case p <= tl:
		return EndTimeline, (p-1)*TurnsPerPage + 1
	}
	return EndCharts, (p - 1 - tl) * ChartsPerPage
}

func (f *Flow) timelinePages() int {
	if f.Game == nil {
		return 0
	}
	return max(1, (len(f.Game.Reports())+TurnsPerPage-1)/TurnsPerPage)
}

// EndPages returns the number of pages of the end screen: the outcome and
// scores, the timeline, then the charts of every indicator.
func (f *Flow) EndPages() int {
	if f.Game == nil {
		return 1
	}
	n := len(f.Game.Model.Scenario.Vars)
	return 1 + f.timelinePages() + (n+ChartsPerPage-1)/ChartsPerPage
}

func (f *Flow) doEnd(in Input) {
	switch in.Action {
	case Branch:
		f.openBranching()
	case Compare:
		f.openComparison()
	case Right, PageNext, Confirm:
		if f.Page < f.EndPages()-1 {
			f.Page++
		} else if in.Action == Confirm {
			f.Game = nil
			f.goTo(Title)
		}
	case Left, PagePrev:
		if f.Page > 0 {
			f.Page--
		}
	case Back:
		if f.Page > 0 {
			f.Page--
		} else {
			f.Game = nil
			f.goTo(Title)
		}
	}
}

// Hints returns the actions worth showing on the help line of the current
// scene, most important first.
func (f *Flow) Hints() []Action {
	switch f.Scene {
	case Title:
		return []Action{Confirm, Load, Autosave, Quit}
	case Setup:
		return []Action{Up, Down, Right, Confirm, Back}
	case Briefing:
		if f.ShowBriefs {
			return []Action{ToggleBriefs, Back}
		}
		return []Action{Confirm, ToggleBriefs, OpenMap, OpenDashboard, Facilitate, Save, EndGame}
	case Handover:
		return []Action{Confirm, Facilitate}
	case Facilitator:
		return []Action{Up, Down, Confirm, Back}
	case Choice:
		return []Action{Up, Down, Confirm}
	case Orders:
		return []Action{Up, Down, Left, Right, Confirm, WhatIf, OpenDashboard, OpenMap}
	case Forecast:
		return []Action{Back}
	case Adjudication:
		return []Action{Confirm, OpenMap}
	case Report:
		return []Action{Confirm, AskWhy, OpenDashboard, OpenMap, Save, EndGame}
	case Why:
		if len(f.WhyLinks()) > 0 {
			return []Action{Up, Down, AskWhy, Left, Right, Back}
		}
		return []Action{Left, Right, Back}
	case Dashboard:
		return []Action{Up, Down, AskWhy, Back}
	case Map:
		return []Action{Back}
	case End:
		return []Action{Confirm, Left, Right, Branch, Compare}
	case Branching:
		return []Action{Up, Down, Left, Right, Confirm, Back}
	case Comparison:
		return []Action{Left, Right, Back}
	}
	return nil
}

// Label names an action on the help line of the current scene: mostly the
// action's own name, but Continue says where it goes.
func (f *Flow) Label(a Action) string {
	switch {
	case a == Confirm:
		switch f.Scene {
		case Title:
			return "choose"
		case Setup:
			if f.Cursor == f.StartRow() {
				return "start"
			}
			return "next"
		case Briefing:
			if f.ShowBriefs {
				return "close"
			}
			return "to the orders"
		case Handover:
			return "I am ready"
		case Facilitator:
			switch f.FacPage {
			case FacMenu:
				return "choose"
			case FacAdjust:
				return "set a new value"
			case FacValue:
				if f.Cursor == FacRowApply {
					return "apply"
				}
				return "next"
			case FacInject:
				return "inject"
			}
		case Choice:
			return "choose"
		case Orders:
			return "submit orders"
		case Branching:
			if f.Cursor == BranchRowStart {
				return "start the branch"
			}
			return "next"
		case Adjudication:
			return "next"
		case Report:
			if f.Game != nil && f.Game.Over() {
				return "to the end"
			}
			return "next turn"
		case End:
			if f.Page == f.EndPages()-1 {
				return "back to the title"
			}
			return "next page"
		}
	case a == AskWhy && f.Scene == Why:
		return "why did that move?"
	case (a == Left || a == Right) && f.Scene == Why:
		if a == Left {
			return "earlier turn"
		}
		return "later turn"
	case (a == Left || a == Right) && f.Scene == End:
		if a == Left {
			return "previous page"
		}
		return "next page"
	case (a == Left || a == Right) && f.Scene == Orders:
		if a == Left {
			return "lower level"
		}
		return "raise level"
	case (a == Left || a == Right) && f.Scene == Setup:
		return "change"
	case (a == Left || a == Right) && f.Scene == Branching:
		if a == Left {
			return "earlier turn"
		}
		return "later turn"
	case (a == Left || a == Right) && f.Scene == Comparison:
		if a == Left {
			return "previous comparison"
		}
		return "next comparison"
	case a == Branch && f.Scene == End:
		return "branch from a turn"
	case a == Back && (f.Scene == Branching || f.Scene == Comparison):
		return "back to the end"
	case a == Back && f.Scene == Forecast:
		return "back to the orders"
	case a == Back && f.Scene == Facilitator:
		if f.FacPage == FacMenu {
			return "back to the game"
		}
		return "back"
	}
	return a.String()
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
