// Command sixparty-play is the sixparty game window. Users start it as
// `sixparty play` (or plain `sixparty`), which finds this program beside
// itself; see cmd/sixparty/play.go for why the window is a program of its
// own. It needs a display: Ebitengine panics at start-up without one.
package main

import (
	"fmt"
	"os"
)

func main() {
	// The front end (package ui) is wired in here.
	fmt.Fprintln(os.Stderr, "sixparty-play: the window is not built yet")
	os.Exit(1)
}
