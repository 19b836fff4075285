package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/sixparty/sixparty/internal/playcli"
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
		Store:   playcli.DirStore(o.Saves),
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
