package flow

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Setup rows: the scenario, the file path, the seed, one per actor, then
// Start.
const (
	RowScenario = 0
	RowPath     = 1
	RowSeed     = 2
	rowSeats    = 3
)

// SetupScene chooses the scenario, the seed and who plays each actor.
type SetupScene struct {
	Rows
	// Path is the scenario file's path and SeedText the seed, as typed.
	Path, SeedText string
	// srcIdx is the built-in scenario chosen, or len(Builtin) for a file.
	srcIdx int
}

// newSetupScene returns the setup scene for the scenario the flow has
// loaded, with Start selected.
func newSetupScene(f *Flow) *SetupScene {
	s := &SetupScene{srcIdx: slices.Index(f.cfg.Builtin, f.Source)}
	if s.srcIdx < 0 {
		s.srcIdx = len(f.cfg.Builtin)
		s.Path = f.Source
	}
	s.reseed(f)
	s.Cursor = s.StartRow(f)
	return s
}

func (s *SetupScene) reseed(f *Flow) {
	if f.Model != nil {
		s.SeedText = strconv.FormatUint(f.seed(), 10)
	}
}

// ID implements Scene.
func (*SetupScene) ID() SceneID { return Setup }

// SetupRows returns the number of rows of the setup screen.
func (f *Flow) SetupRows() int { return rowSeats + len(f.Seats) + 1 }

// StartRow returns the setup screen's Start row.
func (f *Flow) StartRow() int { return f.SetupRows() - 1 }

// StartRow returns the Start row.
func (s *SetupScene) StartRow(f *Flow) int { return f.StartRow() }

// SeatRow returns the setup row of actor i's seat.
func SeatRow(i int) int { return rowSeats + i }

// ScenarioChoice returns the name shown for the selected scenario.
func (s *SetupScene) ScenarioChoice(f *Flow) string {
	if s.srcIdx < len(f.cfg.Builtin) {
		return f.cfg.Builtin[s.srcIdx]
	}
	return "a file (type its path below)"
}

// WantsText implements TextScene.
func (s *SetupScene) WantsText(*Flow) bool { return s.Cursor == RowPath || s.Cursor == RowSeed }

// Do implements Scene.
func (s *SetupScene) Do(f *Flow, in Input) {
	if f.move(in, f.SetupRows()) {
		return
	}
	switch in.Action {
	case Back:
		f.goTo(&TitleScene{})
	case Left, Right:
		d := 1
		if in.Action == Left {
			d = -1
		}
		switch {
		case s.Cursor == RowScenario:
			n := len(f.cfg.Builtin) + 1
			s.srcIdx = (s.srcIdx + d + n) % n
			if s.srcIdx < len(f.cfg.Builtin) {
				f.Source = f.cfg.Builtin[s.srcIdx]
			} else {
				f.Source = s.Path
			}
			f.openSource()
			s.reseed(f)
		case s.Cursor >= rowSeats && s.Cursor < f.StartRow():
			i := s.Cursor - rowSeats
			k := slices.Index(seatCycle, f.Seats[i])
			f.Seats[i] = seatCycle[(k+d+len(seatCycle))%len(seatCycle)]
		}
	case Type:
		switch s.Cursor {
		case RowPath:
			if unicode.IsPrint(in.Rune) {
				s.Path += string(in.Rune)
			}
		case RowSeed:
			if in.Rune >= '0' && in.Rune <= '9' && len(s.SeedText) < 19 {
				s.SeedText += string(in.Rune)
			}
		}
	case Erase:
		switch s.Cursor {
		case RowPath:
			s.Path = dropLast(s.Path)
		case RowSeed:
			s.SeedText = dropLast(s.SeedText)
		}
	case Confirm:
		switch {
		case s.Cursor == RowPath:
			s.srcIdx = len(f.cfg.Builtin)
			f.Source = strings.TrimSpace(s.Path)
			f.openSource()
			s.reseed(f)
			if f.Model != nil {
				f.Message = "Loaded " + f.Model.Scenario.Meta.Title + "."
			}
		case s.Cursor < rowSeats:
			s.Cursor++
		case s.Cursor < f.StartRow():
			s.Cursor = f.StartRow()
		default:
			s.start(f)
		}
	}
}

func (s *SetupScene) start(f *Flow) {
	if f.Model == nil {
		f.Message = "Choose a scenario that loads first."
		return
	}
	seed, err := strconv.ParseUint(s.SeedText, 10, 64)
	if err != nil {
		f.Message = "The seed must be a whole number from 0 to 18446744073709551615."
		return
	}
	if f.cfg.Store != nil {
		if old, err := f.cfg.Store.Load(SlotAuto); err == nil {
			f.confirm("Start a new game?",
				fmt.Sprintf("The autosave of your last game (%s, %s played) is kept as an earlier autosave: the autosaves of the last %d games are kept, and 'Continue an earlier game' on the title opens the one before.", old.Scenario, TurnsText(len(old.Record.Turns)), AutosavesKept),
				"start the new game", func(f *Flow) {
					if err := f.rotateAutosaves(); err != nil {
						f.Message = "Not started: the earlier autosaves could not be kept: " + err.Error()
						return
					}
					f.start(seed)
				})
			return
		}
	}
	f.start(seed)
}

// Hints implements Scene.
func (*SetupScene) Hints(*Flow) []Action { return []Action{Up, Down, Right, Confirm, Back} }

// Label implements Scene.
func (s *SetupScene) Label(f *Flow, a Action) string {
	switch a {
	case Confirm:
		if s.Cursor == f.StartRow() {
			return "start"
		}
		return "next"
	case Left, Right:
		return "change"
	}
	return ""
}
