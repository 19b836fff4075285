// Package scenarios loads sixparty scenarios from YAML into the engine's
// model, checking them thoroughly, and holds the built-in scenarios.
package scenarios

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"reflect"
	"strings"

	"github.com/sixparty/sixparty/sim"
)

// Parse decodes a scenario from YAML source without compiling it. name is
// the file name used in error positions. Every mistake is reported, sorted,
// in a sim.ErrorList.
func Parse(name string, src []byte) (s *sim.Scenario, err error) {
	defer func() {
		// yaml.v3 is not known to panic on any input, but a loader must
		// never take the program down: report it as an error instead.
		if r := recover(); r != nil {
			s, err = nil, sim.ErrorList{{Pos: sim.Pos{File: name}, Msg: fmt.Sprintf("cannot read the file: %v", r)}}
		}
	}()
	s, errs := parse(name, src)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

func parse(name string, src []byte) (*sim.Scenario, sim.ErrorList) {
	d := &decoder{file: name, lines: strings.Split(string(src), "\n"), tainted: map[sim.Pos]bool{}}
	root, errs := readYAML(name, src)
	if errs != nil {
		return nil, errs
	}
	if errs := checkSize(name, root); errs != nil {
		return nil, errs
	}
	s := &sim.Scenario{}
	d.decode(root, reflect.ValueOf(s).Elem(), "the scenario")
	sum := sha256.Sum256(src)
	s.Hash = hex.EncodeToString(sum[:])
	s.Pos = sim.Pos{File: name, Line: 1, Col: 1}
	checkSeats(s, &d.errs)
	if len(d.errs) == 0 {
		return s, nil
	}
	// Decoding went on after each mistake so that all are reported; the
	// engine's checks then add what they find, except on structs that
	// already had a mistake, where they would only repeat it.
	if _, err := sim.Compile(s); err != nil {
		at := map[sim.Pos]bool{}
		for _, e := range d.errs {
			at[e.Pos] = true
		}
		for _, e := range err.(sim.ErrorList) {
			if !d.tainted[e.Pos] && !at[e.Pos] {
				d.errs = append(d.errs, e)
			}
		}
	}
	return nil, d.errs
}

// Load parses and compiles a scenario: the model, or every mistake in the
// file as a sorted sim.ErrorList.
//
// The orders tracks its strategies name are read from the directory of
// the file name, and checked (see StrategyTrack).
func Load(name string, src []byte) (*sim.Model, error) {
	return load(name, src, fileReader(name))
}

// LoadFiles is Load for a scenario that arrives without its folder (one a
// server sends a seat's window or browser): the orders tracks its
// strategies name are read from files, their texts by path relative to
// the scenario, and checked as Load checks them. A path files lacks is
// the same mistake as a missing file.
func LoadFiles(name string, src []byte, files map[string]string) (*sim.Model, error) {
	return load(name, src, filesReader(files))
}

// load is Load, with orders tracks read by read.
func load(name string, src []byte, read reader) (*sim.Model, error) {
	s, err := Parse(name, src)
	if err != nil {
		return nil, err
	}
	m, err := sim.Compile(s)
	if err != nil {
		return nil, err
	}
	if errs := loadStrategies(m, read); len(errs) > 0 {
		return nil, errs.Err()
	}
	return m, nil
}

// LoadFile reads and loads the scenario in the file at path.
func LoadFile(path string) (*sim.Model, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("scenario: %w", err)
	}
	return Load(path, src)
}
