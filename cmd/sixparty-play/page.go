//go:build !js

package main

import (
	"fmt"
	"os"
	"sync"
	"time"
)

// pageLink returns "": only a browser page has a link of its own.
func pageLink() string { return "" }

var frames struct {
	once sync.Once
	f    *os.File
}

// markDrawn appends the time of each frame drawn (Unix nanoseconds, a line
// each) to the file SIXPARTY_FRAMES names, when it is set: the e2e test
// measures the desktop window's key-to-screen latency with it.
func markDrawn() {
	frames.once.Do(func() {
		if p := os.Getenv("SIXPARTY_FRAMES"); p != "" {
			frames.f, _ = os.Create(p)
		}
	})
	if frames.f != nil {
		fmt.Fprintln(frames.f, time.Now().UnixNano())
	}
}
