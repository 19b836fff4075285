package scenarios

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sixparty/sixparty/internal/suggest"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// A scenario's strategies name orders tracks by paths relative to the
// scenario's own file. The loader reads each one (from the file system
// beside a scenario file, from the embedded files beside a built-in one)
// and checks it against the compiled model, so that a scenario whose
// strategy cannot be played does not load; the track's text is kept in
// the model (sim.Strategy.Track) for StrategyTrack.

// reader reads a file an orders path names, relative to the scenario
// file, returning the name to report positions in and the text.
type reader func(orders string) (string, []byte, error)

// maxTrackSize is the largest orders track the loader reads.
const maxTrackSize = 4 << 20

// errNotLocal is the error for an orders path outside the scenario's
// directory.
var errNotLocal = errors.New("the path must be relative to the scenario's file and stay inside its directory")

// fileReader reads orders tracks from the directory of the scenario file
// at name. A path must stay inside that directory (no absolute paths, no
// '..'), and name a regular file of at most maxTrackSize bytes, so that a
// scenario from elsewhere can read no other file of the machine.
func fileReader(name string) reader {
	return func(orders string) (string, []byte, error) {
		if !filepath.IsLocal(filepath.FromSlash(orders)) {
			return orders, nil, errNotLocal
		}
		p := filepath.Join(filepath.Dir(name), filepath.FromSlash(orders))
		// Opened through an os.Root, so that neither the path nor a
		// symbolic link on it leads out of the scenario's directory.
		root, err := os.OpenRoot(filepath.Dir(name))
		if err != nil {
			return p, nil, err
		}
		defer root.Close()
		f, err := root.Open(filepath.FromSlash(orders))
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				err = errNotLocal
			}
			return p, nil, err
		}
		defer f.Close()
		st, err := f.Stat()
		switch {
		case err != nil:
			return p, nil, err
		case !st.Mode().IsRegular():
			return p, nil, errors.New("not a regular file")
		case st.Size() > maxTrackSize:
			return p, nil, fmt.Errorf("larger than %d MB", maxTrackSize>>20)
		}
		src, err := io.ReadAll(io.LimitReader(f, maxTrackSize+1))
		if err == nil && len(src) > maxTrackSize {
			return p, nil, fmt.Errorf("larger than %d MB", maxTrackSize>>20)
		}
		return p, src, err
	}
}

// builtinReader reads orders tracks from the built-in files.
func builtinReader(orders string) (string, []byte, error) {
	if !fs.ValidPath(orders) {
		return orders, nil, errNotLocal
	}
	src, err := fs.ReadFile(builtin, orders)
	return path.Clean(orders), src, err
}

// filesReader reads orders tracks from files, their texts by path relative
// to the scenario (as a client sends them with a scenario it hosts, and a
// server sends them back to its seats): nothing is read from the machine.
func filesReader(files map[string]string) reader {
	return func(orders string) (string, []byte, error) {
		if !fs.ValidPath(orders) {
			return orders, nil, errNotLocal
		}
		src, ok := files[orders]
		if !ok {
			return orders, nil, fs.ErrNotExist
		}
		if len(src) > maxTrackSize {
			return orders, nil, fmt.Errorf("larger than %d MB", maxTrackSize>>20)
		}
		return orders, []byte(src), nil
	}
}

// seatSettings are the seat settings a strategy may give.
func seatSettings() []string {
	var out []string
	for _, d := range ai.Difficulties {
		out = append(out, "computer:"+d.String())
	}
	return out
}

// checkSeats checks what each strategy's seats say (the engine checks the
// actors they name).
func checkSeats(s *sim.Scenario, errs *sim.ErrorList) {
	settings := seatSettings()
	for _, st := range s.Strategies {
		if st == nil {
			continue
		}
		for _, a := range slices.Sorted(maps.Keys(st.Seats)) {
			v := st.Seats[a]
			d, ok := strings.CutPrefix(v, "computer:")
			if _, err := ai.ParseDifficulty(d); !ok || err != nil {
				errs.Add(st.FieldPos["seats."+a], "seat %q must be one of %s, found %q%s", a, strings.Join(settings, ", "), v, suggest.Hint(v, settings))
			}
		}
	}
}

// loadStrategies reads and checks the orders track of each of m's
// strategies, keeping its text in the strategy. A track that cannot be
// read is an error at its 'orders:' value; one with mistakes is an error
// there too, followed by the track's own mistakes in its own file.
func loadStrategies(m *sim.Model, read reader) sim.ErrorList {
	var errs sim.ErrorList
	for _, st := range m.Scenario.Strategies {
		if st.Orders == "" {
			continue
		}
		at := st.FieldPos["orders"]
		if !at.IsValid() {
			at = st.Pos
		}
		name, src, err := read(st.Orders)
		if err != nil {
			why := err.Error()
			if errors.Is(err, fs.ErrNotExist) {
				why = "no such file"
			}
			errs.Add(at, "strategy %q: cannot read orders track %s: %s", st.ID, name, why)
			continue
		}
		tr, err := LoadTrack(name, src, m)
		if err != nil {
			var el sim.ErrorList
			if errors.As(err, &el) {
				errs.Add(at, "strategy %q: orders track %s has %d mistake(s), listed under it", st.ID, name, len(el))
				errs = append(errs, el...)
			} else {
				errs.Add(at, "strategy %q: orders track %s: %v", st.ID, name, err)
			}
			continue
		}
		for _, a := range slices.Sorted(maps.Keys(st.Seats)) {
			if ai := m.ActorIndex(a); ai >= 0 && tr.Scripted[ai] {
				errs.Add(st.FieldPos["seats."+a], "seat %q: the orders track %s gives %s's orders, so no computer plays it", a, name, a)
			}
		}
		st.TrackFile, st.Track = name, src
	}
	return errs
}

// StrategyTrack returns the orders track of the strategy with the given id
// in m, as the loader read and checked it, or nil (and no error) for a
// strategy without one ('seats' only). Actors the track does not script
// (Track.Scripted) are the computer's, at the strategy's seat setting
// when it gives one (Strategy.Seats) and at the default difficulty
// otherwise. An unknown id is an error with a did-you-mean hint; so is a
// model that package scenarios did not load (its tracks were not read).
func StrategyTrack(m *sim.Model, id string) (*Track, error) {
	i := m.StrategyIndex(id)
	if i < 0 {
		var ids []string
		for _, st := range m.Scenario.Strategies {
			ids = append(ids, st.ID)
		}
		have := "it declares none"
		if len(ids) > 0 {
			have = "it has " + strings.Join(ids, ", ")
		}
		return nil, fmt.Errorf("scenario: scenario %q has no strategy %q%s (%s)", m.Scenario.Meta.ID, id, suggest.Hint(id, ids), have)
	}
	st := m.Scenario.Strategies[i]
	if st.Orders == "" {
		return nil, nil
	}
	if st.Track == nil {
		return nil, fmt.Errorf("scenario: strategy %q: its orders track %s was not read (load the scenario with package scenarios)", id, st.Orders)
	}
	return LoadTrack(st.TrackFile, st.Track, m)
}
