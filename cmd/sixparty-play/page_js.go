//go:build js

package main

import (
	"strings"
	"syscall/js"
)

// pageLink returns the page's address when it is a join link
// (http://HOST/g/GAME#SECRET): the server that served the page serves the
// game, so the window connects back to it.
func pageLink() string {
	href := js.Global().Get("location").Get("href").String()
	if strings.Contains(href, "/g/") && strings.Contains(href, "#") {
		return href
	}
	return ""
}

// markDrawn records, the first time a frame is drawn, the page's clock
// (performance.now(), ms since navigation) in window.sixpartyFirstFrame,
// and the latest frame's in window.sixpartyLastFrame: the browser test
// reads them for the load time and the key-to-screen latency.
func markDrawn() {
	now := js.Global().Get("performance").Call("now")
	if js.Global().Get("sixpartyFirstFrame").IsUndefined() {
		js.Global().Set("sixpartyFirstFrame", now)
	}
	js.Global().Set("sixpartyLastFrame", now)
}
