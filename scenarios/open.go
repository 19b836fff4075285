package scenarios

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sixparty/sixparty/sim"
)

// Open loads the scenario a user names on a command line: a file path
// (anything with a slash or ending in .yaml), the name of a built-in
// scenario, or, when arg is empty, the default.
func Open(arg string) (*sim.Model, error) {
	if arg == "" {
		return LoadBuiltin(Default)
	}
	if !strings.ContainsAny(arg, `/\`) && !strings.HasSuffix(arg, ".yaml") {
		if slices.Contains(Builtin(), arg) {
			return LoadBuiltin(arg)
		}
		return nil, fmt.Errorf("scenario: no scenario file or built-in scenario %q (built in: %s)", arg, strings.Join(Builtin(), ", "))
	}
	return LoadFile(arg)
}
