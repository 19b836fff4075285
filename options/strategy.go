package options

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/sixparty/sixparty/internal/suggest"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// Strategy is a resolved way of playing a scenario's actors: for each
// actor, an orders track that scripts it or a computer player at a given
// difficulty. Actors it leaves unset are computer-played at Difficulty.
// The zero Strategy has every actor computer-played at easy.
type Strategy struct {
	// Name is the strategy as given (a command-line argument or the
	// scenario's strategy id).
	Name string
	// Label names it for people: the scenario's name for a declared
	// strategy, else Name.
	Label string
	// Difficulty is how hard the computer players of the actors the
	// strategy does not set try; ParseStrategy sets ai.Normal.
	Difficulty ai.Difficulty
	// Seats holds what plays each actor, in the scenario's order; nil
	// means every actor is computer-played at the default difficulty.
	Seats []Seat
	// explore has every actor give random legal orders (validate's
	// games).
	explore bool
}

// Seat is what plays one actor under a strategy.
type Seat struct {
	// Track, when not nil, scripts the actor's orders (and makes the
	// choices the track makes).
	Track *scenarios.Track
	// Level is the difficulty of the actor's computer player when Set is
	// true; otherwise it plays at the run's default difficulty.
	Level ai.Difficulty
	Set   bool
}

// ParseStrategy reads a strategy from a command-line argument: a list,
// separated by commas, of parts applied in order (a later part overrides an
// earlier one for the actors both set):
//
//   - the id of a strategy the scenario declares ('strategies:'),
//   - an orders track: a file (see scenarios.LoadTrack) or the name of a
//     built-in one such as pressure-2017.history,
//   - a seat setting ACTOR=computer or ACTOR=computer:LEVEL (easy, normal
//     or hard),
//   - computer: every actor computer-played at the default difficulty.
//
// The arg is the strategy's Name. Errors say which part is wrong: an
// unreadable file as the operating system says it, a track's mistakes as
// file:line:col, an unknown actor or level with a did-you-mean hint.
func ParseStrategy(m *sim.Model, arg string) (Strategy, error) {
	st := Strategy{Name: arg, Label: arg, Difficulty: ai.Normal, Seats: make([]Seat, len(m.Scenario.Actors))}
	if strings.TrimSpace(arg) == "" {
		return st, errors.New("options: empty strategy (give a file, a strategy id, ACTOR=computer:LEVEL or computer)")
	}
	parts := strings.Split(arg, ",")
	for _, part := range parts {
		part = strings.TrimSpace(part)
		if part == "" {
			return st, fmt.Errorf("options: strategy %q has an empty part", arg)
		}
		if part == "computer" {
			clear(st.Seats)
			continue
		}
		if actor, setting, ok := strings.Cut(part, "="); ok {
			if err := st.seat(m, strings.TrimSpace(actor), strings.TrimSpace(setting)); err != nil {
				return st, err
			}
			continue
		}
		t, label, err := loadTrack(m, part)
		if err != nil {
			return st, err
		}
		if len(parts) == 1 && label != "" {
			st.Label = label
		}
		for k, s := range t.Scripted {
			if s {
				st.Seats[k] = Seat{Track: t}
			}
		}
	}
	return st, nil
}

// seat applies the setting ACTOR=VALUE.
func (st *Strategy) seat(m *sim.Model, actor, setting string) error {
	k := m.ActorIndex(actor)
	if k < 0 {
		var ids []string
		for _, a := range m.Scenario.Actors {
			ids = append(ids, a.ID)
		}
		return fmt.Errorf("options: unknown actor %q%s (the actors: %s)", actor, suggest.Hint(actor, ids), strings.Join(ids, ", "))
	}
	kind, level, _ := strings.Cut(setting, ":")
	switch kind {
	case "computer":
		seat := Seat{}
		if level != "" {
			d, err := ai.ParseDifficulty(level)
			if err != nil {
				var names []string
				for _, d := range ai.Difficulties {
					names = append(names, d.String())
				}
				return fmt.Errorf("options: %s=%s: unknown difficulty %q%s (want easy, normal or hard)", actor, setting, level, suggest.Hint(level, names))
			}
			seat = Seat{Level: d, Set: true}
		}
		st.Seats[k] = seat
		return nil
	case "person", "human":
		return fmt.Errorf("options: %s=%s: a strategy is played headless, so every seat is a computer or an orders track (want %s=computer:LEVEL)", actor, setting, actor)
	}
	return fmt.Errorf("options: %s=%s: unknown seat setting %q%s (want computer or computer:LEVEL)", actor, setting, kind, suggest.Hint(kind, []string{"computer"}))
}

// loadTrack loads the orders track a strategy part names: a strategy the
// scenario declares, a file, or a built-in track. It returns the label of
// a declared strategy.
func loadTrack(m *sim.Model, part string) (*scenarios.Track, string, error) {
	if t, label, ok, err := declared(m, part); ok {
		return t, label, err
	}
	src, err := os.ReadFile(part)
	if err != nil {
		// A built-in track (pressure-2017.history) by name.
		if b, berr := scenarios.BuiltinSource(part); berr == nil && strings.Contains(strings.TrimSuffix(part, ".yaml"), ".") {
			t, err := scenarios.LoadTrack(strings.TrimSuffix(part, ".yaml")+".yaml", b, m)
			return t, "", err
		}
		if ids := declaredIDs(m); len(ids) > 0 && !strings.ContainsAny(part, `/\`) && filepath.Ext(part) == "" {
			return nil, "", fmt.Errorf("options: no strategy %q in %s and no such file%s (the scenario's strategies: %s)", part, m.Scenario.Meta.ID, suggest.Hint(part, ids), strings.Join(ids, ", "))
		}
		return nil, "", err
	}
	t, err := scenarios.LoadTrack(part, src, m)
	return t, "", err
}
