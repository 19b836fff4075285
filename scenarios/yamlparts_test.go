package scenarios

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"gopkg.in/yaml.v3"
)

// whole parses src as one document, as readYAML does below minParts.
func whole(src []byte) (*yaml.Node, bool) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc, next yaml.Node
	if err := dec.Decode(&doc); err != nil || len(doc.Content) == 0 {
		return nil, false
	}
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		return nil, false
	}
	return doc.Content[0], true
}

// treeDiff describes the first difference between two node trees that
// the decoder could see (comments aside), or returns "".
func treeDiff(a, b *yaml.Node, path string) string {
	if a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value || a.Anchor != b.Anchor || a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) {
		return fmt.Sprintf("%s: %v %v %q %q %q %d:%d (%d) against %v %v %q %q %q %d:%d (%d)", path,
			a.Kind, a.Style, a.Tag, a.Value, a.Anchor, a.Line, a.Column, len(a.Content),
			b.Kind, b.Style, b.Tag, b.Value, b.Anchor, b.Line, b.Column, len(b.Content))
	}
	for i := range a.Content {
		if d := treeDiff(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", path, i)); d != "" {
			return d
		}
	}
	return ""
}

// checkParts checks that src parsed in parts of about size bytes is the
// tree parsed whole, or that parsing in parts gave up; it reports whether
// the parts were used.
func checkParts(t *testing.T, what string, src []byte, size int) bool {
	t.Helper()
	got := readParts(src, 2, size)
	if got == nil {
		return false
	}
	want, ok := whole(src)
	if !ok {
		t.Errorf("%s: parsed in parts, but the whole file does not parse", what)
		return true
	}
	if d := treeDiff(got, want, ""); d != "" {
		t.Errorf("%s: parts and whole differ at %s", what, d)
	}
	return true
}

// TestReadPartsSameTree checks that the shipped scenarios, parsed in
// parts of many sizes, give the tree that parsing them whole gives, and
// that files changed at the start of a line (the places parts are cut)
// give it too or are parsed whole.
func TestReadPartsSameTree(t *testing.T) {
	files, _ := filepath.Glob("*.yaml")
	files = append(files, "../docs/tutorial/harbour.yaml")
	edits := []string{
		"\t", "#", "x: 1\n", "x: 1\n", "  - {id: z}\n", "- a\n", "---\n", "...\n", "%YAML 1.2\n",
		"a: &x 1\n", "b: *x\n", "  - &x {id: z}\n", "\"q\n", "'q\n", "[\n", "{\n", "|\n", ">\n",
		"  \"q\n", "  - \"q\n", "\r", "\r\n", "\u0085", "\u2028", "x:\n", "\xef\xbb\xbf", "? a\n", "!!str\n",
		"x: |\n", "x: [\n", "x: \"\n", "  x: 1\n", "    - y\n", "", "a:b\n",
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		used := false
		for _, size := range []int{1, 300, 2000, 10000} {
			used = checkParts(t, fmt.Sprintf("%s in parts of %d", f, size), src, size) || used
		}
		if !used {
			t.Errorf("%s: never parsed in parts", f)
		}
		lines := bytes.SplitAfter(src, []byte("\n"))
		for i := 0; i < len(lines); i += max(1, len(lines)/40) {
			for _, e := range edits {
				changed := bytes.Join([][]byte{bytes.Join(lines[:i], nil), []byte(e), bytes.Join(lines[i:], nil)}, nil)
				checkParts(t, fmt.Sprintf("%s with %q at line %d", f, e, i+1), changed, 500)
			}
		}
	}
}

// FuzzParts checks that a file parsed in parts gives the tree parsed
// whole, whenever parsing in parts does not give up.
func FuzzParts(f *testing.F) {
	for _, name := range []string{"pressure-2017.yaml", "nile-2020.yaml"} {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src, 400)
	}
	f.Add([]byte("a: 1\nb:\n  - x\n  - \"y\n  - z\"\nc: 2\n"), 1)
	f.Add([]byte("a: 1\nb:\n  - |\n    x\n  - y\nc: &k 2\nd: *k\n"), 1)
	f.Fuzz(func(t *testing.T, src []byte, size int) {
		checkParts(t, "input", src, max(1, size%4096))
	})
}
