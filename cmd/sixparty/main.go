// Command sixparty plays, checks and documents sixparty scenarios.
//
// Usage:
//
//	sixparty [command] [flags] [arguments]
//
// Run "sixparty help" for the list of commands and "sixparty COMMAND -h"
// for one command's flags. Exit codes: 0 success, 1 failure (an invalid
// scenario, a failed check, an error while playing), 2 wrong usage.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/sixparty/sixparty/internal/cliflag"
	"github.com/sixparty/sixparty/internal/suggest"
	"github.com/sixparty/sixparty/scenarios"
)

// command is one subcommand. Each lives in its own file and registers
// itself in init.
type command struct {
	name    string
	summary string
	usage   string // arguments after the flags, for the usage line
	run     func(args []string, stdout, stderr io.Writer) int
}

var commands []command

func register(c command) { commands = append(commands, c) }

// defaultCommand is run when no command is given.
var defaultCommand = "run"

// Exit codes.
const (
	exitOK    = cliflag.ExitOK
	exitFail  = cliflag.ExitFail
	exitUsage = cliflag.ExitUsage
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	slices.SortFunc(commands, func(a, b command) int { return strings.Compare(a.name, b.name) })
	if len(args) == 0 {
		return dispatch(defaultCommand, args, stdout, stderr)
	}
	switch args[0] {
	case "-h", "-help", "--help":
		return dispatch("help", args[1:], stdout, stderr)
	case "-version", "--version":
		return dispatch("version", args[1:], stdout, stderr)
	}
	if strings.HasPrefix(args[0], "-") || !slices.Contains(commandNames(), args[0]) && isScenario(args[0]) {
		return dispatch(defaultCommand, args, stdout, stderr)
	}
	return dispatch(args[0], args[1:], stdout, stderr)
}

// isScenario reports whether arg names a scenario rather than a command: a
// file (with a slash or ending in .yaml) or a built-in name, so that
// `sixparty harbour.yaml` plays it as `sixparty play harbour.yaml` does.
func isScenario(arg string) bool {
	return strings.ContainsAny(arg, `/\`) || strings.HasSuffix(arg, ".yaml") || slices.Contains(scenarios.Builtin(), arg)
}

// dispatch runs the command called name, or reports that there is none.
func dispatch(name string, args []string, stdout, stderr io.Writer) int {
	if o, ok := stderr.(output); ok {
		stderr = o.Writer // a command that runs another, as the default runs run
	}
	for _, c := range commands {
		if c.name == name {
			return c.run(args, stdout, output{Writer: stderr, stdout: stdout})
		}
	}
	// `sixparty NAME` plays a built-in scenario, so a misspelt one is a
	// near miss too.
	fmt.Fprintf(stderr, "sixparty: unknown command %q%s\n", name, suggest.Hint(name, append(commandNames(), scenarios.Builtin()...)))
	fmt.Fprintln(stderr, "Run 'sixparty help' for the list of commands.")
	return exitUsage
}

// commandNames returns the names of the commands a user can type.
func commandNames() []string {
	var names []string
	for _, c := range commands {
		if c.summary != "" {
			names = append(names, c.name)
		}
	}
	return names
}

// output is the standard error that dispatch gives a command. It carries
// the command's standard output too, so that parseFlags can write help
// (-h) there while usage errors go to standard error.
type output struct {
	io.Writer // standard error
	stdout    io.Writer
}

// stdoutOf returns the standard output that goes with a command's standard
// error, or w itself when it came from elsewhere.
func stdoutOf(w io.Writer) io.Writer {
	if o, ok := w.(output); ok {
		return o.stdout
	}
	return w
}

var helpCmd = command{
	name:    "help",
	summary: "List the commands, or show one command's flags ('sixparty help COMMAND', the same as 'sixparty COMMAND -h').",
	usage:   "[COMMAND]",
}

func init() {
	helpCmd.run = runHelp
	register(helpCmd)
}

func runHelp(args []string, stdout, stderr io.Writer) int {
	fs := newFlags(helpCmd, stderr)
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	switch len(pos) {
	case 0:
		usage(stdout)
		return exitOK
	case 1:
		if pos[0] != "help" {
			return dispatch(pos[0], []string{"-h"}, stdout, stderr)
		}
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK
	}
	fmt.Fprintln(stderr, "sixparty help: give at most one command")
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "sixparty is a turn-based policy-options wargame.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: sixparty [command] [flags] [arguments]")
	fmt.Fprintln(w, "With no command (or only a scenario FILE or NAME), sixparty opens the game window, or,")
	fmt.Fprintln(w, "without a display, plays headless as 'sixparty run' does.")
	fmt.Fprintln(w, "\nCommands:")
	wide := 0
	for _, c := range commands {
		if c.summary != "" {
			wide = max(wide, len(c.name))
		}
	}
	for _, c := range commands {
		if c.summary == "" {
			continue // internal, such as the default
		}
		fmt.Fprintf(w, "  %-*s %s\n", wide, c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'sixparty COMMAND -h' for a command's flags.")
	fmt.Fprintln(w, "Exit codes: 0 success, 1 failure, 2 wrong usage.")
}

// newFlags returns a FlagSet for a command whose -h prints a usage line,
// the summary and the flags, on the command's standard output (see
// parseFlags); usage errors go to stderr.
func newFlags(c command, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: sixparty %s [flags] %s\n\n%s\n\nFlags:\n", c.name, c.usage, c.summary)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, allowing flags after positional arguments; see
// cliflag.Parse. Help goes to the standard output of the command whose
// standard error is fs's output (see output).
func parseFlags(fs *flag.FlagSet, args []string) ([]string, int, bool) {
	return cliflag.Parse(fs, args, stdoutOf(fs.Output()))
}

// isFlagSet reports whether the flag was given on the command line.
func isFlagSet(fs *flag.FlagSet, name string) bool { return cliflag.IsSet(fs, name) }
