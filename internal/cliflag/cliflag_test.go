package cliflag

import (
	"bytes"
	"flag"
	"reflect"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		args   []string
		pos    []string
		seed   uint64
		code   int
		ok     bool
		help   string // written to the help writer
		errOut string // written to the flag set's output
	}{
		{[]string{"a.yaml", "--seed", "7"}, []string{"a.yaml"}, 7, ExitOK, true, "", ""},
		{[]string{"--seed", "7", "a.yaml", "b"}, []string{"a.yaml", "b"}, 7, ExitOK, true, "", ""},
		{[]string{"a", "-h"}, nil, 0, ExitOK, false, "usage\n", ""},
		{[]string{"--help"}, nil, 0, ExitOK, false, "usage\n", ""},
		{[]string{"--seed", "x"}, nil, 0, ExitUsage, false, "", "invalid value \"x\" for flag -seed: parse error\nusage\n"},
		{[]string{"--nosuch"}, nil, 0, ExitUsage, false, "", "flag provided but not defined: -nosuch\nusage\n"},
		{nil, nil, 0, ExitOK, true, "", ""},
	}
	for _, tt := range tests {
		var help, errOut bytes.Buffer
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(&errOut)
		fs.Usage = func() { fs.Output().Write([]byte("usage\n")) }
		seed := fs.Uint64("seed", 0, "")
		pos, code, ok := Parse(fs, tt.args, &help)
		if !reflect.DeepEqual(pos, tt.pos) || code != tt.code || ok != tt.ok || (ok && *seed != tt.seed) {
			t.Errorf("%q: %q %d %v seed %d; want %q %d %v seed %d", tt.args, pos, code, ok, *seed, tt.pos, tt.code, tt.ok, tt.seed)
		}
		if help.String() != tt.help || errOut.String() != tt.errOut {
			t.Errorf("%q: help %q, errors %q; want %q and %q", tt.args, help.String(), errOut.String(), tt.help, tt.errOut)
		}
		if fs.Output() != &errOut {
			t.Errorf("%q: the flag set's output was not restored", tt.args)
		}
		if ok && IsSet(fs, "seed") != (tt.seed != 0) {
			t.Errorf("%q: IsSet(seed) = %v", tt.args, IsSet(fs, "seed"))
		}
	}
}
