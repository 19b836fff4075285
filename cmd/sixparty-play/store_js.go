//go:build js

package main

import (
	"errors"
	"fmt"
	"syscall/js"

	"github.com/sixparty/sixparty/savegame"
	"github.com/sixparty/sixparty/ui/flow"
)

// browserStore keeps saved games in the browser's local storage, one
// entry per slot, since a page has no file system.
type browserStore struct{}

func (browserStore) key(slot string) string { return "sixparty-" + slot }

func (s browserStore) Save(slot string, f *savegame.File) (err error) {
	b, err := f.Marshal()
	if err != nil {
		return err
	}
	defer func() {
		// setItem throws when the storage is full or disabled.
		if r := recover(); r != nil {
			err = fmt.Errorf("savegame: the browser refused to store the game: %v", r)
		}
	}()
	js.Global().Get("localStorage").Call("setItem", s.key(slot), string(b))
	return nil
}

func (s browserStore) Load(slot string) (*savegame.File, error) {
	v := js.Global().Get("localStorage").Call("getItem", s.key(slot))
	if v.IsNull() || v.IsUndefined() {
		return nil, errors.New("there is no saved game in this browser")
	}
	return savegame.Unmarshal([]byte(v.String()))
}

// newStore returns where the window keeps its saves: in a browser, its
// local storage.
func newStore(string) flow.Store { return browserStore{} }

// tourFlag returns the guided tour's "seen" flag: in a browser an entry
// of its local storage beside the saves (a page has no file system, so
// the file playcli.TourFlag writes would never be there and the tour
// would show at every new game). A storage that refuses the entry only
// means the tour shows again.
func tourFlag(string) (seen func() bool, set func()) {
	key := browserStore{}.key("tour-seen")
	seen = func() bool {
		v := js.Global().Get("localStorage").Call("getItem", key)
		return !v.IsNull() && !v.IsUndefined()
	}
	set = func() {
		defer func() { recover() }() // setItem throws when the storage is full or disabled
		js.Global().Get("localStorage").Call("setItem", key, "The guided first turn has been shown; H on the briefing shows it again.")
	}
	return seen, set
}
