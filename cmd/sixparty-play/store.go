//go:build !js

package main

import (
	"github.com/sixparty/sixparty/internal/playcli"
	"github.com/sixparty/sixparty/ui/flow"
)

// newStore returns where the window keeps its saves: files in dir
// (playcli.DirStore, which `sixparty play --text` uses too).
func newStore(dir string) flow.Store { return playcli.DirStore(dir) }

// tourFlag returns the guided tour's "seen" flag: a file in the saves'
// directory dir (playcli.TourFlag, which `sixparty play --text` uses too).
func tourFlag(dir string) (seen func() bool, set func()) { return playcli.TourFlag(dir) }
