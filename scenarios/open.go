package scenarios

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/sixparty/sixparty/internal/suggest"
	"github.com/sixparty/sixparty/sim"
)

// Open loads the scenario a user names on a command line: a file path
// (anything with a slash or ending in .yaml), the name of a built-in
// scenario, or, when arg is empty, the default. A name that is neither a
// built-in scenario nor an existing file gets a did-you-mean hint.
func Open(arg string) (*sim.Model, error) {
	if arg == "" {
		return LoadBuiltin(Default)
	}
	if !strings.ContainsAny(arg, `/\`) && !strings.HasSuffix(arg, ".yaml") {
		if slices.Contains(Builtin(), arg) {
			return LoadBuiltin(arg)
		}
		if st, err := os.Stat(arg); err == nil && st.Mode().IsRegular() {
			return LoadFile(arg)
		}
		return nil, fmt.Errorf("scenario: no scenario file or built-in scenario %q%s (built in: %s)", arg, suggest.Hint(arg, Builtin()), strings.Join(Builtin(), ", "))
	}
	return LoadFile(arg)
}
