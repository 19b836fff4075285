package main

import (
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// synopsis is one command's line in the README: its positional arguments
// and its flags, each with whether it takes a value.
type synopsis struct {
	args  string
	flags map[string]bool // name -> takes a value
}

// readmeSynopses returns the command lines of the README's "Commands"
// section: every indented line there that starts with "sixparty ", such as
//
//	sixparty check FILE|NAME [-j N] [--games N] [-q]   # a comment
//
// A bracketed group that starts with a flag lists flags (alternatives
// separated by "|", each followed by its value's name when it takes one);
// everything else, brackets and all, is the positional arguments.
func readmeSynopses(t *testing.T) map[string]synopsis {
	src, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(src), "\n## Commands\n")
	if !ok {
		t.Fatal("README.md has no '## Commands' section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	group := regexp.MustCompile(`\[[^\]]*\]|\S+`)
	out := map[string]synopsis{}
	for _, line := range strings.Split(section, "\n") {
		rest, ok := strings.CutPrefix(line, "    sixparty ")
		if !ok {
			continue
		}
		rest, _, _ = strings.Cut(rest, "#")
		name, rest, _ := strings.Cut(strings.TrimSpace(rest), " ")
		if _, dup := out[name]; dup {
			t.Errorf("README: two lines for sixparty %s", name)
		}
		s := synopsis{flags: map[string]bool{}}
		var args []string
		for _, g := range group.FindAllString(rest, -1) {
			inner := strings.TrimSuffix(strings.TrimPrefix(g, "["), "]")
			if !strings.HasPrefix(g, "[-") {
				args = append(args, g)
				continue
			}
			toks := strings.Fields(inner)
			for i, tok := range toks {
				if !strings.HasPrefix(tok, "-") {
					continue
				}
				value := i+1 < len(toks) && !strings.HasPrefix(toks[i+1], "-")
				for _, alt := range strings.Split(tok, "|") {
					flag := strings.TrimLeft(alt, "-")
					if want := map[bool]string{true: "-", false: "--"}[len(flag) == 1] + flag; alt != want {
						t.Errorf("README, sixparty %s: write %s as %s (one dash for a letter, two for a word)", name, alt, want)
					}
					s.flags[flag] = value
				}
			}
		}
		s.args = strings.Join(args, " ")
		out[name] = s
	}
	return out
}

// helpSynopsis returns what `sixparty NAME -h` says the command takes.
func helpSynopsis(t *testing.T, name string) synopsis {
	code, help, errOut := sixparty(name, "-h")
	if code != 0 || errOut != "" {
		t.Fatalf("sixparty %s -h: exit %d, stderr %q", name, code, errOut)
	}
	first, rest, _ := strings.Cut(help, "\n")
	args, ok := strings.CutPrefix(first, "Usage: sixparty "+name+" [flags]")
	if !ok {
		t.Fatalf("sixparty %s -h: usage line %q", name, first)
	}
	s := synopsis{args: strings.TrimSpace(args), flags: map[string]bool{}}
	for _, m := range regexp.MustCompile(`(?m)^  -(\S+)( \S+)?`).FindAllStringSubmatch(rest, -1) {
		s.flags[m[1]] = m[2] != ""
	}
	return s
}

// TestReadmeCommands keeps the README's command list in step with the
// commands: one line for every command, with the arguments of its usage
// line and exactly the flags its -h lists, each with a value when the flag
// takes one.
func TestReadmeCommands(t *testing.T) {
	readme := readmeSynopses(t)
	for _, name := range commandNames() {
		doc, ok := readme[name]
		if !ok {
			t.Errorf("README lacks a line for sixparty %s", name)
			continue
		}
		delete(readme, name)
		help := helpSynopsis(t, name)
		if doc.args != help.args {
			t.Errorf("README: sixparty %s %s; -h says %q", name, doc.args, help.args)
		}
		for _, f := range slices.Sorted(maps.Keys(help.flags)) {
			value, ok := doc.flags[f]
			switch {
			case !ok:
				t.Errorf("README: sixparty %s lacks its flag -%s", name, f)
			case value != help.flags[f]:
				t.Errorf("README: sixparty %s -%s: the README gives it a value: %v; -h: %v", name, f, value, help.flags[f])
			}
		}
		for _, f := range slices.Sorted(maps.Keys(doc.flags)) {
			if _, ok := help.flags[f]; !ok {
				t.Errorf("README: sixparty %s has no flag -%s", name, f)
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(readme)) {
		t.Errorf("README: a line for sixparty %s, which is not a command", name)
	}
}
