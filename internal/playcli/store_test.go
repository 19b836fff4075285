package playcli

import (
	"path/filepath"
	"testing"
)

func TestDirStoreLoadMissing(t *testing.T) {
	dir := t.TempDir()
	_, err := DirStore(dir).Load("autosave")
	want := "there is no saved game in " + filepath.Join(dir, "autosave.json")
	if err == nil || err.Error() != want {
		t.Fatalf("Load of a missing slot: %v, want %q", err, want)
	}
}
