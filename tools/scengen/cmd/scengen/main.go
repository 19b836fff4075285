// Command scengen writes a synthetic scenario: a built-in scenario (or a
// file) replicated N times over the same actors, for measuring how load,
// turns and decisions grow (see package scengen).
//
// Usage:
//
//	go run ./tools/scengen/cmd/scengen -n 100 -o /tmp/x100.yaml
//
// Flags:
//
//	-n         how many copies (default 10)
//	-scenario  a built-in scenario's name or a file (default: the default scenario)
//	-levers    replicate only the levers (see ReplicateLevers)
//	-o         output file (default: standard output)
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/tools/scengen"
)

func main() {
	n := flag.Int("n", 10, "how many copies")
	name := flag.String("scenario", scenarios.Default, "a built-in scenario's name or a file")
	out := flag.String("o", "", "output file (default: standard output)")
	levers := flag.Bool("levers", false, "replicate only the levers")
	flag.Parse()
	src, err := scenarios.BuiltinSource(*name)
	if err != nil {
		if src, err = os.ReadFile(*name); err != nil {
			fail(err)
		}
	}
	replicate := scengen.Replicate
	if *levers {
		replicate = scengen.ReplicateLevers
	}
	y, err := replicate(src, *n)
	if err != nil {
		fail(err)
	}
	if *out == "" {
		os.Stdout.Write(y)
		return
	}
	if err := os.WriteFile(*out, y, 0o644); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "scengen:", err)
	os.Exit(1)
}
