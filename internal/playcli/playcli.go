// Package playcli is the command line of the game window, `sixparty play`:
// its flags, its help and the check for a usable display. It imports no
// Ebitengine, so that sixparty can print the window's help and check the
// display without starting the window program, and so that the window
// program can do both before Ebitengine's package initialisation, which
// panics without a display (see the preflight package).
package playcli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/sixparty/sixparty/internal/cliflag"
)

// Usage is the play command's arguments after its flags, and Summary its
// one-line description, as `sixparty help` lists it.
const (
	Usage   = "[FILE|NAME]"
	Summary = "Play in a window: solo or hot-seat, with computer players for the other actors (sixparty-play)."
)

// Options are the play command's flags and argument.
type Options struct {
	// Scenario is the scenario file or built-in name given, or "" for the
	// default.
	Scenario string
	// Seed is the random seed; SeedSet tells whether it was given.
	Seed    uint64
	SeedSet bool
	// Saves is the directory of the saved games; SavesSet tells whether it
	// was given (an autoplay keeps its saves in a temporary directory
	// unless it was).
	Saves    string
	SavesSet bool
	// Autoplay is the number of turns a scripted game plays (0: none);
	// Shots the directory of its screenshots, and Verbose whether it logs
	// a line per screen.
	Autoplay int
	Shots    string
	Verbose  bool
	// Watch reloads the scenario file whenever it is saved.
	Watch bool
	// Join is a link of a game served by `sixparty serve`: the window
	// opens as that link's seat, the facilitator's console or the
	// projector, instead of a local game.
	Join string
	// PIN, when set, is asked for before the facilitator's controls open
	// in hot-seat play.
	PIN string
	// Text plays without a window: each screen as text on standard
	// output, an action a line on standard input (for a screen reader).
	Text bool
	// WindowOnly lists the flags given that only the window has (all but
	// --seed, which sixparty run has too), such as "--watch".
	WindowOnly []string
}

// Parse parses the play command's arguments. Help (-h) goes to stdout and
// usage errors to stderr; when parsing ends the command, ok is false and
// code is the exit code to return.
func Parse(args []string, stdout, stderr io.Writer) (o Options, code int, ok bool) {
	fs := flag.NewFlagSet("play", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: sixparty play [flags] %s\n\n%s\n\nFlags:\n", Usage, Summary)
		fs.PrintDefaults()
	}
	fs.Uint64Var(&o.Seed, "seed", 0, "random seed (default: the scenario's own; editable on the setup screen)")
	fs.StringVar(&o.Saves, "saves", DefaultSaves(), "directory of the saved game and the autosave (in a browser, its local storage is used)")
	fs.IntVar(&o.Autoplay, "autoplay", 0, "play this many turns with a scripted player through every scene, then exit")
	fs.StringVar(&o.Shots, "shots", "", "with --autoplay: write a PNG of each scene to this directory")
	fs.BoolVar(&o.Verbose, "v", false, "with --autoplay: print a line per screen with its drawing time")
	fs.BoolVar(&o.Verbose, "verbose", false, "the same as -v")
	fs.BoolVar(&o.Text, "text", false, "play without a window, for a screen reader: each screen is printed as text and each line typed is an action (enter, up, down, less, more, back, w for why, t, quit, a row's number, 'type TEXT'); needs no display")
	fs.BoolVar(&o.Watch, "watch", false, "reload the scenario FILE whenever it is saved, replaying the orders so far on the new version")
	fs.StringVar(&o.Join, "join", "", "open as the seat, facilitator console or projector of a served game's `LINK` (http://HOST/g/GAME#SECRET, as 'sixparty host' prints it); with --shots, a PNG of each new screen")
	fs.StringVar(&o.PIN, "pin", "", "in hot-seat play, the `PIN` the facilitator types to open its controls (F), so a team cannot open them at its own hand-over")
	pos, code, ok := cliflag.Parse(fs, args, stdout)
	if !ok {
		return o, code, false
	}
	o.SeedSet = cliflag.IsSet(fs, "seed")
	o.SavesSet = cliflag.IsSet(fs, "saves")
	fs.Visit(func(f *flag.Flag) {
		if f.Name != "seed" && f.Name != "text" {
			o.WindowOnly = append(o.WindowOnly, dashed(f.Name))
		}
	})
	fail := func(msg string) (Options, int, bool) {
		fmt.Fprintln(stderr, "sixparty play: "+msg)
		return o, cliflag.ExitUsage, false
	}
	switch {
	case len(pos) > 1:
		return fail("give at most one scenario")
	case o.Autoplay < 0:
		return fail(fmt.Sprintf("--autoplay must be at least 0, not %d", o.Autoplay))
	case o.Join != "" && (len(pos) > 0 || o.Autoplay > 0 || o.Watch || o.SeedSet):
		return fail("--join plays the served game's scenario: give no scenario, --seed, --autoplay or --watch with it")
	case o.Shots != "" && o.Autoplay == 0 && o.Join == "":
		return fail("--shots needs --autoplay N or --join LINK")
	case o.Verbose && o.Autoplay == 0:
		return fail("-v needs --autoplay N")
	case o.Text && (o.Autoplay > 0 || o.Watch):
		return fail("--text plays without a window: --autoplay and --watch need the window")
	}
	if len(pos) == 1 {
		o.Scenario = pos[0]
	}
	if o.Watch && !strings.ContainsAny(o.Scenario, `/\`) && !strings.HasSuffix(o.Scenario, ".yaml") {
		return fail("--watch needs a scenario file (a built-in scenario never changes)")
	}
	return o, cliflag.ExitOK, true
}

// dashed returns a flag's name as the help and the README write it: one
// dash before a letter, two before a word.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// DefaultSaves is the directory of the saved games when --saves is not
// given: sixparty under the user's configuration directory (in a browser,
// none: the saves go to its local storage).
func DefaultSaves() string {
	if runtime.GOOS == "js" {
		return ""
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return ".sixparty"
	}
	return filepath.Join(dir, "sixparty")
}

// TourFile is the flag file, in the saves' directory, that records that
// the guided first turn has been shown.
const TourFile = "tour-seen"

// TourFlag returns the guided tour's flag in the saves' directory dir:
// seen reports whether the file is there, and set writes it (creating
// dir). A failure to write only means the tour shows again.
func TourFlag(dir string) (seen func() bool, set func()) {
	path := filepath.Join(dir, TourFile)
	seen = func() bool {
		_, err := os.Stat(path)
		return err == nil
	}
	set = func() {
		if os.MkdirAll(dir, 0o755) == nil {
			os.WriteFile(path, []byte("The guided first turn has been shown; H on the briefing shows it again. Delete this file to see it on the next new game.\n"), 0o644)
		}
	}
	return seen, set
}
