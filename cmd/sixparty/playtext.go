package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/sixparty/sixparty/internal/playcli"
	"github.com/sixparty/sixparty/savegame"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/ui/flow"
)

// playStdin is where `sixparty play --text` reads its actions; tests
// replace it.
var playStdin io.Reader = os.Stdin

// runText is `sixparty play --text`: the window's game (the same
// flow.Flow, its saves in the same directory) played without pixels, for a
// screen reader. It needs no display, so it runs in this binary.
func runText(o playcli.Options, stdout, stderr io.Writer) int {
	source := o.Scenario
	if source == "" {
		source = scenarios.Default
	}
	if _, err := scenarios.Open(source); err != nil {
		var el sim.ErrorList
		if errors.As(err, &el) {
			fmt.Fprint(stderr, el.Lines())
		} else {
			fmt.Fprintln(stderr, err)
		}
		return exitFail
	}
	cfg := flow.Config{
		Builtin: scenarios.Builtin(),
		Source:  source,
		Open:    scenarios.Open,
		Store:   textStore(o.Saves),
		Seed:    o.Seed,
		SeedSet: o.SeedSet,
	}
	cfg.TourSeen, cfg.SetTourSeen = playcli.TourFlag(o.Saves)
	f := flow.New(cfg)
	fmt.Fprintln(stdout, "sixparty, played as text: each screen is printed, then type an action and Enter (its list ends each screen).")
	if err := flow.PlayText(f, playStdin, stdout); err != nil {
		fmt.Fprintf(stderr, "sixparty play: %v\n", err)
		return exitFail
	}
	return exitOK
}

// textStore keeps saved games as JSON files in a directory, as the window
// does (cmd/sixparty-play/store.go), so that a game saved in one is
// loaded in the other.
type textStore string

func (s textStore) path(slot string) string { return filepath.Join(string(s), slot+".json") }

func (s textStore) Save(slot string, f *savegame.File) error {
	if err := os.MkdirAll(string(s), 0o755); err != nil {
		return err
	}
	return savegame.Write(s.path(slot), f)
}

func (s textStore) Load(slot string) (*savegame.File, error) {
	f, err := savegame.Read(s.path(slot))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("there is no saved game in %s", s.path(slot))
	}
	return f, err
}
