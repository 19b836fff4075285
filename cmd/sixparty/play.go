package main

// NOTE for the front end: the window's code (flow.Config, ui.Run, autoplay)
// lives in cmd/sixparty-play/main.go and its flags in internal/playcli;
// edit them there. This file only hands over to that program.
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
//
// What sixparty does before it starts the window: it parses the window's
// flags (internal/playcli, which links no Ebitengine), so that `play -h`
// and usage mistakes need no display; it checks that an X server answers
// at DISPLAY, so that a missing or dead display gets a message (and plain
// `sixparty` plays headless) instead of the window's panic; and it watches
// the window's first line of standard error for the failure that check
// cannot foresee (GLFW refused by the server as Ebitengine starts). The
// window program makes the first two checks too, in a package initialised
// before Ebitengine's (internal/playcli/preflight), for when it is started
// by itself.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"

	"github.com/sixparty/sixparty/internal/playcli"
)

var playCmd = command{
	name:    "play",
	summary: playcli.Summary,
	usage:   playcli.Usage,
}

func init() {
	playCmd.run = runPlay
	register(playCmd)
	defaultCommand = "default"
	register(command{name: "default", run: runDefault})
}

// checkDisplay reports why the window cannot open here, or nil; tests
// replace it.
var checkDisplay = playcli.CheckDisplay

// runDefault is what plain `sixparty` does: open the window, or, where no
// window can open, play headless and say so.
func runDefault(args []string, stdout, stderr io.Writer) int {
	if helpOnly(args) {
		return runPlay(args, stdout, stderr)
	}
	// Parse once. What Parse prints (help to stdout or a usage error to
	// stderr, never both) is held and shown only where the window would
	// have shown it: playing headless, `sixparty run` reports its own.
	var parseOut, parseErr bytes.Buffer
	o, code, ok := playcli.Parse(args, &parseOut, &parseErr)
	headless := func(reason string) int {
		if ok && len(o.WindowOnly) > 0 {
			// Playing headless would refuse the flag; say why.
			fmt.Fprintln(stderr, playcli.NoDisplay(reason+"; "+o.WindowOnly[0]+" needs the window"))
			return exitFail
		}
		fmt.Fprintf(stderr, "sixparty: no usable display (%s): playing headless ('sixparty run'); 'sixparty help' lists the commands\n", reason)
		return dispatch("run", args, stdout, stderr)
	}
	if ok && o.Text {
		return runText(o, stdout, stderr)
	}
	if err := checkDisplay(); err != nil {
		return headless(err.Error())
	}
	if !ok {
		stdout.Write(parseOut.Bytes())
		stderr.Write(parseErr.Bytes())
		return code
	}
	code, noDisplay := startWindow(args, stdout, stderr)
	if noDisplay != "" {
		return headless(noDisplay)
	}
	return code
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

// runPlay checks the play command's flags and the display here, so that
// help, usage errors and a missing display need no window, then starts the
// window program.
func runPlay(args []string, stdout, stderr io.Writer) int {
	o, code, ok := playcli.Parse(args, stdout, stderr)
	if !ok {
		return code
	}
	if o.Text {
		return runText(o, stdout, stderr)
	}
	if err := checkDisplay(); err != nil {
		fmt.Fprintln(stderr, playcli.NoDisplay(err.Error()))
		return exitFail
	}
	code, noDisplay := startWindow(args, stdout, stderr)
	if noDisplay != "" {
		fmt.Fprintln(stderr, playcli.NoDisplay(noDisplay))
		return exitFail
	}
	return code
}

// startWindow runs the window program with args and returns its exit code.
// When the program could not open the display as it started (see
// playcli.FromStderr), it returns the reason instead, having shown none of
// the program's output.
func startWindow(args []string, stdout, stderr io.Writer) (code int, noDisplay string) {
	prog, err := findWindow()
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFail, ""
	}
	w := &startWatch{w: stderr}
	cmd := exec.Command(prog, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, stdout, w
	err = cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		w.flush()
		fmt.Fprintf(stderr, "sixparty: %v\n", err)
		return exitFail, ""
	}
	if w.held {
		if reason := playcli.FromStderr(w.buf.Bytes(), code); reason != "" {
			return code, reason
		}
	}
	w.flush()
	return code, ""
}

// startWatch passes the window program's standard error on, except that
// it holds output whose first line comes from GLFW, which is how a display
// that cannot be opened shows, until the program ends or holdLimit bytes
// have come, so that startWindow can replace a start-up panic with a
// clear message.
type startWatch struct {
	w       io.Writer
	buf     bytes.Buffer
	decided bool // the first line has been seen
	held    bool // and it came from GLFW; buf holds the output so far
}

const holdLimit = 1 << 16

func (s *startWatch) Write(p []byte) (int, error) {
	if s.decided && !s.held {
		return s.w.Write(p)
	}
	s.buf.Write(p)
	if !s.decided {
		if !bytes.Contains(s.buf.Bytes(), []byte("\n")) && s.buf.Len() < len("glfw: ") {
			return len(p), nil
		}
		s.decided = true
		s.held = bytes.HasPrefix(s.buf.Bytes(), []byte("glfw: "))
	}
	if !s.held || s.buf.Len() > holdLimit {
		s.flush()
	}
	return len(p), nil
}

// flush writes what is held and passes everything after it on.
func (s *startWatch) flush() {
	s.decided, s.held = true, false
	s.w.Write(s.buf.Bytes())
	s.buf.Reset()
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
