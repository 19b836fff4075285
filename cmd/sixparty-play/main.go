// Command sixparty-play is the sixparty game window. Users start it as
// `sixparty play` (or plain `sixparty`), which finds this program beside
// itself; see cmd/sixparty/play.go for why the window is a program of its
// own: Ebitengine panics at start-up without a display, so the headless
// commands must live in a binary that does not link it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sixparty/sixparty/internal/cliflag"
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
	fs := flag.NewFlagSet("sixparty play", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: sixparty play [flags] [FILE|NAME]\n\nPlay in a window: solo or hot-seat, with computer players for the other actors.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	seed := fs.Uint64("seed", 0, "random seed (default: the scenario's own; editable on the setup screen)")
	saves := fs.String("saves", defaultSaveDir(), "directory of the saved game and the autosave (in a browser, its local storage is used)")
	autoplay := fs.Int("autoplay", 0, "play this many turns with a scripted player through every scene, then exit")
	shots := fs.String("shots", "", "with --autoplay: write a PNG of each scene to this directory")
	watchFile := fs.Bool("watch", false, "reload the scenario FILE whenever it is saved, replaying the orders so far on the new version")
	pos, code, ok := cliflag.Parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 1 {
		fmt.Fprintln(stderr, "sixparty play: give at most one scenario")
		return exitUsage
	}
	if *shots != "" && *autoplay <= 0 {
		fmt.Fprintln(stderr, "sixparty play: --shots needs --autoplay N")
		return exitUsage
	}
	source := scenarios.Default
	if len(pos) == 1 {
		source = pos[0]
	}
	if *watchFile && (len(pos) == 0 || !strings.ContainsAny(source, `/\`) && !strings.HasSuffix(source, ".yaml")) {
		fmt.Fprintln(stderr, "sixparty play: --watch needs a scenario file (a built-in scenario never changes)")
		return exitUsage
	}
	// Check the scenario before a window opens, so that a mistake is
	// reported on the terminal with every error.
	var w *watch.Watcher
	m, err := scenarios.Open(source)
	if err == nil && *watchFile {
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
		Store:   newStore(*saves),
		Seed:    *seed,
		SeedSet: cliflag.IsSet(fs, "seed"),
	}
	opts := ui.Options{}
	if *autoplay > 0 {
		dir, err := os.MkdirTemp("", "sixparty-autoplay-")
		if err != nil {
			fmt.Fprintf(stderr, "sixparty play: %v\n", err)
			return exitFail
		}
		defer os.RemoveAll(dir)
		cfg.Store = newStore(dir)
		cfg.Seats = autoSeats(m)
		opts.Script = &flow.Script{Turns: *autoplay}
		opts.ShotsDir = *shots
		opts.Log = stderr
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
	if *shots != "" {
		fmt.Fprintf(stdout, "screenshots in %s\n", *shots)
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
