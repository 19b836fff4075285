//go:build !js

package main

// pageLink returns "": only a browser page has a link of its own.
func pageLink() string { return "" }

// markDrawn does nothing outside a browser.
func markDrawn() {}
