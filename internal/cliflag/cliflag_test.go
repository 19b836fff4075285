package cliflag

import (
	"flag"
	"io"
	"reflect"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		args []string
		pos  []string
		seed uint64
		code int
		ok   bool
	}{
		{[]string{"a.yaml", "--seed", "7"}, []string{"a.yaml"}, 7, ExitOK, true},
		{[]string{"--seed", "7", "a.yaml", "b"}, []string{"a.yaml", "b"}, 7, ExitOK, true},
		{[]string{"a", "-h"}, nil, 0, ExitOK, false},
		{[]string{"--seed", "x"}, nil, 0, ExitUsage, false},
		{nil, nil, 0, ExitOK, true},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		seed := fs.Uint64("seed", 0, "")
		pos, code, ok := Parse(fs, tt.args)
		if !reflect.DeepEqual(pos, tt.pos) || code != tt.code || ok != tt.ok || (ok && *seed != tt.seed) {
			t.Errorf("%q: %q %d %v seed %d; want %q %d %v seed %d", tt.args, pos, code, ok, *seed, tt.pos, tt.code, tt.ok, tt.seed)
		}
		if ok && IsSet(fs, "seed") != (tt.seed != 0) {
			t.Errorf("%q: IsSet(seed) = %v", tt.args, IsSet(fs, "seed"))
		}
	}
}
