// Package preflight checks the window program's command line and display
// in its package initialisation, before Ebitengine's, which panics when
// there is no usable display: the program imports it for that effect. It
// answers -h, a usage error and a missing display with a message and an
// exit code, and otherwise lets the program start.
//
// Go initialises packages in the order of their import paths, each after
// those it imports. This package imports only the standard library and
// playcli, while Ebitengine's internal/ui (through github.com/jezek/xgb and
// net) waits for packages whose paths sort after github.com/sixparty, so
// this one runs first. TestWindowWithoutDisplay in cmd/sixparty would fail
// if that ever changed.
package preflight

import (
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/sixparty/sixparty/internal/playcli"
)

func init() {
	if runtime.GOOS == "js" {
		return // a browser page has no command line and always a display
	}
	if code, done := Check(os.Args[1:], os.Stdout, os.Stderr); done {
		os.Exit(code)
	}
}

// Check parses the window program's arguments and checks the display. When
// the program should end here it has written why and returns done true
// with the exit code: 0 after help, 2 after a usage error, 1 without a
// usable display.
func Check(args []string, stdout, stderr io.Writer) (code int, done bool) {
	o, code, ok := playcli.Parse(args, stdout, stderr)
	if !ok {
		return code, true
	}
	if o.Text {
		// The text play is in sixparty itself, which links no Ebitengine.
		fmt.Fprintln(stderr, "sixparty-play: --text plays without a window: run 'sixparty play --text'")
		return 2, true
	}
	if err := playcli.CheckDisplay(); err != nil {
		fmt.Fprintln(stderr, playcli.NoDisplay(err.Error()))
		return 1, true
	}
	return 0, false
}
