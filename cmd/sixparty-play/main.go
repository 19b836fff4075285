// Command sixparty-play is the sixparty game window. Users start it as
// `sixparty play` (or plain `sixparty`), which finds this program beside
// itself; see cmd/sixparty/play.go for why the window is a program of its
// own: Ebitengine panics at start-up without a display, so the headless
// commands must live in a binary that does not link it.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/sixparty/sixparty/internal/cliflag"
	"github.com/sixparty/sixparty/internal/playcli"
	_ "github.com/sixparty/sixparty/internal/playcli/preflight" // -h, usage errors and the display, before Ebitengine starts
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
	"github.com/sixparty/sixparty/ui"
	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/watch"
)

// Exit codes, as for sixparty.
const (
	exitOK    = cliflag.ExitOK
	exitFail  = cliflag.ExitFail
	exitUsage = cliflag.ExitUsage
)

func main() {
	os.Exit(runPlay(os.Args[1:], os.Stdout, os.Stderr))
}

func runPlay(args []string, stdout, stderr io.Writer) int {
	o, code, ok := playcli.Parse(args, stdout, stderr)
	if !ok {
		return code
	}
	if o.Join == "" {
		o.Join = pageLink() // in a browser, the page's own join link
	}
	if o.Join != "" {
		return runJoin(o, stdout, stderr)
	}
	source := o.Scenario
	if source == "" {
		source = scenarios.Default
	}
	// Check the scenario before a window opens, so that a mistake is
	// reported on the terminal with every error.
	var w *watch.Watcher
	m, err := scenarios.Open(source)
	if err == nil && o.Watch {
		w, err = watch.New(source)
	}
	if err != nil {
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
		Store:   newStore(o.Saves),
		Seed:    o.Seed,
		SeedSet: o.SeedSet,
		PIN:     o.PIN,
	}
	cfg.TourSeen, cfg.SetTourSeen = tourFlag(o.Saves)
	opts := ui.Options{Drawn: markDrawn} // the frames' times, for the browser and e2e tests
	if o.Autoplay > 0 {
		cfg.TourSeen, cfg.SetTourSeen = nil, nil // a scripted game takes no tour
		// A scripted game saves where --saves says, and otherwise in a
		// temporary directory removed at the end, never over the user's
		// own saves.
		if !o.SavesSet {
			dir, err := os.MkdirTemp("", "sixparty-autoplay-")
			if err != nil {
				fmt.Fprintf(stderr, "sixparty play: %v\n", err)
				return exitFail
			}
			defer os.RemoveAll(dir)
			cfg.Store = newStore(dir)
		}
		cfg.Seats = autoSeats(m)
		opts.Script = &flow.Script{Turns: o.Autoplay}
		opts.ShotsDir = o.Shots
		if o.Verbose {
			opts.Log = stderr
		}
		opts.Width, opts.Height = 1920, 1080
	}
	if w != nil {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		opts.Reload = w.Watch(ctx, watch.DefaultInterval)
	}
	opts.Flow = flow.New(cfg)
	if err := ui.Run(opts); err != nil {
		fmt.Fprintf(stderr, "sixparty play: %v\n", err)
		return exitFail
	}
	if o.Shots != "" {
		fmt.Fprintf(stdout, "screenshots in %s\n", o.Shots)
	}
	return exitOK
}

// autoSeats seats people at the actor who makes the scenario's first
// event choice and at one other actor, so that the scripted game shows the
// choice and the hand-over; the computer plays the rest.
func autoSeats(m *sim.Model) []flow.Seat {
	n := len(m.Scenario.Actors)
	seats := make([]flow.Seat, n)
	for i := range seats {
		seats[i] = flow.Seat{Level: ai.Normal}
	}
	first := 0
	for ei, e := range m.Scenario.Events {
		if e.Choice != nil && m.Chooser(ei) >= 0 {
			first = m.Chooser(ei)
			break
		}
	}
	seats[first] = flow.Seat{Human: true}
	if n > 1 {
		seats[(first+1)%n] = flow.Seat{Human: true}
	}
	return seats
}
