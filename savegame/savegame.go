// Package savegame reads and writes saved games: a small JSON header that
// names the file's format, the scenario and its content hash, and who sits
// in each seat, followed by the engine's game record. Writes are atomic (a
// temporary file renamed over the old one), so a crash never leaves a half
// written save; a damaged or foreign save is refused with a clear error.
package savegame

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sixparty/sixparty/sim"
)

// Magic is the value of a save file's "format" field.
const Magic = "sixparty-save"

// Version is the save file version this package writes and reads.
const Version = 1

// File is a saved game.
type File struct {
	// Format is always Magic.
	Format string `json:"format"`
	// Version is the save format's version.
	Version int `json:"version"`
	// Source is how the scenario was opened: a built-in scenario's name or
	// a file path.
	Source string `json:"source"`
	// Scenario and Hash repeat the record's scenario id and content hash,
	// so a save can be checked before the scenario is loaded.
	Scenario string `json:"scenario"`
	Hash     string `json:"hash"`
	// Seats says who plays each actor, in the scenario's order: "person",
	// or "computer:" and a difficulty.
	Seats []string `json:"seats"`
	// Record replays the game.
	Record sim.Record `json:"record"`
	// Branches are the named branches of the game (see branch.go).
	Branches []Branch `json:"branches,omitempty"`
	// Submitted holds the orders people have submitted on the turn in
	// progress, not yet played, by actor id, and Picked their choices in
	// its events, so that leaving between two people's orders loses none.
	Submitted sim.Orders  `json:"submitted,omitempty"`
	Picked    sim.Choices `json:"picked,omitempty"`
}

// New returns the save of a game.
func New(source string, seats []string, rec sim.Record) *File {
	return &File{Format: Magic, Version: Version, Source: source, Scenario: rec.Scenario, Hash: rec.Hash, Seats: seats, Record: rec}
}

// Marshal returns the file as indented JSON.
func (f *File) Marshal() ([]byte, error) {
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("savegame: %w", err)
	}
	return append(b, '\n'), nil
}

// Unmarshal decodes and checks a save file's contents.
func Unmarshal(data []byte) (*File, error) {
	var f File
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("savegame: not a sixparty save (damaged or another kind of file): %v", err)
	}
	if dec.More() {
		return nil, errors.New("savegame: not a sixparty save: data after the end of the save")
	}
	if f.Format != Magic {
		return nil, fmt.Errorf("savegame: not a sixparty save (format %q, want %q)", f.Format, Magic)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("savegame: save version %d, this program reads version %d", f.Version, Version)
	}
	if f.Scenario == "" || f.Source == "" {
		return nil, errors.New("savegame: the save names no scenario")
	}
	if f.Record.Scenario != f.Scenario || f.Record.Hash != f.Hash {
		return nil, errors.New("savegame: the save's header and record disagree about the scenario (the file was edited or damaged)")
	}
	if err := f.checkBranches(); err != nil {
		return nil, err
	}
	return &f, nil
}

// Read reads and checks the save file at path.
func Read(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("savegame: %w", err)
	}
	f, err := Unmarshal(data)
	if err != nil {
		return nil, fmt.Errorf("%w (%s)", err, path)
	}
	return f, nil
}

// rename is os.Rename; tests replace it to make the last step of a write
// fail.
var rename = os.Rename

// Write saves f to path atomically: it writes a temporary file in the
// same directory, syncs it and renames it over path. On any error the old
// file at path is left as it was.
func Write(path string, f *File) (err error) {
	data, err := f.Marshal()
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("savegame: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".sixparty-save-*.tmp")
	if err != nil {
		return fmt.Errorf("savegame: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("savegame: %w", err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("savegame: %w", err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("savegame: %w", err)
	}
	if err = rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("savegame: %w", err)
	}
	return nil
}

// Game replays the save on m, which must be the scenario the save was made
// with (same id and content hash).
func (f *File) Game(m *sim.Model) (*sim.Game, error) {
	if f.Scenario != m.Scenario.Meta.ID {
		return nil, fmt.Errorf("savegame: the save is of scenario %q, not %q", f.Scenario, m.Scenario.Meta.ID)
	}
	if f.Hash != m.Scenario.Hash {
		return nil, fmt.Errorf("savegame: the save was made with another version of scenario %q", f.Scenario)
	}
	if len(f.Seats) != len(m.Scenario.Actors) {
		return nil, fmt.Errorf("savegame: the save has %d seats for %d actors", len(f.Seats), len(m.Scenario.Actors))
	}
	g, err := sim.Replay(m, f.Record)
	if err != nil {
		return nil, fmt.Errorf("savegame: %w", err)
	}
	return g, nil
}
