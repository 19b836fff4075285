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
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "-help" && args[0] != "--help" {
		return dispatch(defaultCommand, args, stdout, stderr)
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			return dispatch(args[1], []string{"-h"}, stdout, stderr)
		}
		usage(stdout)
		return exitOK
	}
	return dispatch(args[0], args[1:], stdout, stderr)
}

func dispatch(name string, args []string, stdout, stderr io.Writer) int {
	for _, c := range commands {
		if c.name == name {
			return c.run(args, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "sixparty: unknown command %q\n\n", name)
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "sixparty is a turn-based policy-options wargame.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: sixparty [command] [flags] [arguments]")
	fmt.Fprintln(w, "With no command, sixparty opens the game window (or, without a display, plays headless).")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands {
		if c.summary == "" {
			continue // internal, such as the default
		}
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'sixparty COMMAND -h' for a command's flags.")
	fmt.Fprintln(w, "Exit codes: 0 success, 1 failure, 2 wrong usage.")
}

// newFlags returns a FlagSet for a command whose -h prints a usage line,
// the summary and the flags.
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
// cliflag.Parse.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, int, bool) {
	return cliflag.Parse(fs, args)
}

// isFlagSet reports whether the flag was given on the command line.
func isFlagSet(fs *flag.FlagSet, name string) bool { return cliflag.IsSet(fs, name) }
