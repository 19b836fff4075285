package playcli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sixparty/sixparty/savegame"
)

// DirStore keeps saved games as JSON files in a directory, one file per
// slot (slot.json), written atomically by savegame.Write, which creates
// the directory. It is the flow.Store of both the window (outside a
// browser) and `sixparty play --text`, so that a game saved in one is
// loaded in the other.
type DirStore string

func (s DirStore) path(slot string) string { return filepath.Join(string(s), slot+".json") }

// Save writes f to the slot's file, replacing it only once the whole save
// is written.
func (s DirStore) Save(slot string, f *savegame.File) error { return savegame.Write(s.path(slot), f) }

// Load reads the game saved in the slot's file.
func (s DirStore) Load(slot string) (*savegame.File, error) {
	f, err := savegame.Read(s.path(slot))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("there is no saved game in %s", s.path(slot))
	}
	return f, err
}
