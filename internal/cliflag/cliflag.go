// Package cliflag holds the flag handling shared by the sixparty programs:
// flags may come after positional arguments as well as before them.
package cliflag

import (
	"errors"
	"flag"
)

// Exit codes of the sixparty programs.
const (
	ExitOK    = 0
	ExitFail  = 1
	ExitUsage = 2
)

// Parse parses args with fs, allowing flags after positional arguments as
// well as before them. It returns the positional arguments, or, when
// parsing ended the command (help asked for, or a usage error, which fs
// has already reported), ok false and the exit code to return.
func Parse(fs *flag.FlagSet, args []string) (pos []string, code int, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, ExitOK, false
			}
			return nil, ExitUsage, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, ExitOK, true
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// IsSet reports whether the flag was given on the command line.
func IsSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
