// Package golden compares test output with golden files, the way
// go/printer's tests do: `go test ./PKG -update` rewrites the files from
// the output instead, for review in the diff.
//
// It is imported only by tests; importing it registers the -update flag.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files from the test output")

// Updating reports whether the test binary runs with -update.
func Updating() bool { return *update }

// Check compares got with the file at path. With -update it writes got to
// path first (creating its folder), so the comparison passes and the
// change shows in version control. A missing file or a difference fails
// the test with a message that names the file and how to accept the new
// output.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden: %v (run go test with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("golden: output differs from %s (run go test with -update and review the diff):\n got:\n%s\nwant:\n%s", path, got, want)
	}
}
