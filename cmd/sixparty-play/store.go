//go:build !js

package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sixparty/sixparty/savegame"
	"github.com/sixparty/sixparty/ui/flow"
)

// dirStore keeps saved games as JSON files in a directory.
type dirStore string

func (s dirStore) path(slot string) string { return filepath.Join(string(s), slot+".json") }

func (s dirStore) Save(slot string, f *savegame.File) error { return savegame.Write(s.path(slot), f) }

func (s dirStore) Load(slot string) (*savegame.File, error) {
	f, err := savegame.Read(s.path(slot))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("there is no saved game in %s", s.path(slot))
	}
	return f, err
}

// newStore returns where the window keeps its saves: files in dir.
func newStore(dir string) flow.Store { return dirStore(dir) }
