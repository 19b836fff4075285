// Package cliflag holds the flag handling shared by the sixparty programs:
// flags may come after positional arguments as well as before them, and
// help goes to standard output while usage errors go to standard error.
package cliflag

import (
	"bytes"
	"errors"
	"flag"
	"io"
)

// Exit codes of the sixparty programs.
const (
	ExitOK    = 0
	ExitFail  = 1
	ExitUsage = 2
)

// Parse parses args with fs, allowing flags after positional arguments as
// well as before them. It returns the positional arguments, or, when
// parsing ended the command, ok false and the exit code to return: for
// help asked for (-h), 0, the help having been written to help; for a
// usage error, 2, the error and the usage having been written to fs's
// output.
func Parse(fs *flag.FlagSet, args []string, help io.Writer) (pos []string, code int, ok bool) {
	out := fs.Output()
	var buf bytes.Buffer
	fs.SetOutput(&buf)
	defer fs.SetOutput(out)
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				help.Write(buf.Bytes())
				return nil, ExitOK, false
			}
			out.Write(buf.Bytes())
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
