package main

import (
	"strconv"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
)

// TestBuiltinRunGolden keeps every built-in scenario playing as it did: the
// whole computer-played game in JSON at two seeds, compared with the golden
// files testdata/builtin-NAME-SEED.jsonl (go test ./cmd/sixparty -update
// rewrites them; review the diff, since a change means the game changed).
func TestBuiltinRunGolden(t *testing.T) {
	for _, name := range scenarios.Builtin() {
		for _, seed := range []int{1, 2017} {
			t.Run(name+"/"+strconv.Itoa(seed), func(t *testing.T) {
				code, out, errOut := sixparty("run", name, "--seed", strconv.Itoa(seed), "--json")
				if code != 0 || errOut != "" {
					t.Fatalf("exit %d, stderr %q", code, errOut)
				}
				golden(t, "builtin-"+name+"-"+strconv.Itoa(seed)+".jsonl", out)
			})
		}
	}
}
