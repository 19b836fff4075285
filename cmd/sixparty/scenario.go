package main

import (
	"fmt"
	"strings"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// loadScenario loads the scenario named by arg: a file path, the name of a
// built-in scenario, or (when arg is empty) the default.
func loadScenario(arg string) (*sim.Model, error) {
	if arg == "" {
		return scenarios.LoadBuiltin(scenarios.Default)
	}
	if !strings.ContainsAny(arg, `/\`) && !strings.HasSuffix(arg, ".yaml") {
		for _, b := range scenarios.Builtin() {
			if b == arg {
				return scenarios.LoadBuiltin(arg)
			}
		}
		return nil, fmt.Errorf("sixparty: no scenario file or built-in scenario %q (built in: %s)", arg, strings.Join(scenarios.Builtin(), ", "))
	}
	return scenarios.LoadFile(arg)
}
