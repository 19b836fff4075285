package sim

import (
	"testing"
	"unsafe"
)

// TestEntrySize holds a compact ledger entry to 32 bytes.
func TestEntrySize(t *testing.T) {
	if n := unsafe.Sizeof(entry{}); n != 32 {
		t.Errorf("a ledger entry takes %d bytes, want 32", n)
	}
}
