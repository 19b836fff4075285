package main

import (
	"bytes"
	"os"
	"testing"
)

// TestUpToDate regenerates sim/expr_fast_gen.go and compares it with the
// file in the repository: a change to this generator without running
// 'go generate ./sim/' fails here.
func TestUpToDate(t *testing.T) {
	const path = "../../sim/expr_fast_gen.go"
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is out of date: run 'go generate ./sim/'", path)
	}
}
