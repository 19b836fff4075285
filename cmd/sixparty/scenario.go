package main

import (
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// loadScenario loads the scenario named by arg: a file path, the name of a
// built-in scenario, or (when arg is empty) the default.
func loadScenario(arg string) (*sim.Model, error) { return scenarios.Open(arg) }
