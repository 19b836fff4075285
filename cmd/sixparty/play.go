package main

// NOTE for the front end: the window's code (flags, flow.Config, ui.Run,
// autoplay) lives in cmd/sixparty-play/main.go; edit it there. This file
// only hands over to that program.
//
// Why the window is a second program.
//
// Ebitengine initialises its windowing library (GLFW) in a package init
// function and panics when there is no display, before main runs and
// whatever the command line says. A single binary that links Ebitengine
// therefore cannot run `sixparty run` or `sixparty validate` on a machine
// without a display (a server, CI, an SSH session). So the window lives in
// cmd/sixparty-play, and `sixparty play` (and `sixparty` with no command)
// hands over to it: the user still types one command. Everything else in
// this binary is headless and tested by plain `go test`.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

var playCmd = command{
	name:    "play",
	summary: "Play in a window: solo or hot-seat, with computer players for the other actors (sixparty-play).",
	usage:   "[FILE|NAME]",
}

func init() {
	playCmd.run = runPlay
	register(playCmd)
	defaultCommand = "default"
	register(command{name: "default", run: runDefault})
}

// runDefault is what plain `sixparty` does: open the window, or, where no
// window can open, play headless and say so.
func runDefault(args []string, stdout, stderr io.Writer) int {
	if !hasDisplay() && !helpOnly(args) {
		fmt.Fprintln(stderr, "sixparty: no display, so playing headless ('sixparty run'); 'sixparty help' lists the commands")
		return dispatch("run", args, stdout, stderr)
	}
	return runPlay(args, stdout, stderr)
}

// windowProgram is the name of the window program.
const windowProgram = "sixparty-play"

// findWindow returns the path of the window program: $SIXPARTY_PLAY, else
// sixparty-play beside this executable, else on the PATH.
func findWindow() (string, error) {
	if p := os.Getenv("SIXPARTY_PLAY"); p != "" {
		return p, nil
	}
	name := windowProgram
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	if exe, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(exe), name)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	return "", fmt.Errorf("sixparty: the game window is the program %s, which is not beside this one nor on the PATH; build both with 'make build' (or 'go build -o DIR ./cmd/...'), or play headless with 'sixparty run'", windowProgram)
}

// hasDisplay reports whether a window can be opened: on Linux and the BSDs
// an X11 or Wayland display must be set.
func hasDisplay() bool {
	switch runtime.GOOS {
	case "windows", "darwin", "js", "android", "ios":
		return true
	}
	return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
}

func runPlay(args []string, stdout, stderr io.Writer) int {
	prog, err := findWindow()
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFail
	}
	if !hasDisplay() && !helpOnly(args) {
		fmt.Fprintln(stderr, "sixparty: there is no display (DISPLAY is not set), so the window cannot open; play headless with 'sixparty run', or start a virtual display with 'xvfb-run -a sixparty play'")
		return exitFail
	}
	cmd := exec.Command(prog, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, stdout, stderr
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		fmt.Fprintf(stderr, "sixparty: %v\n", err)
		return exitFail
	}
	return exitOK
}

func helpOnly(args []string) bool {
	for _, a := range args {
		switch a {
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}
