//go:build browser

package e2e

import (
	"context"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserTourSeen starts a new game in the browser build twice: the
// first shows the guided first turn and records it as seen in the
// browser's local storage (a page has no files), so that it is not shown
// again unless asked (H).
func TestBrowserTourSeen(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatal("chromium not found: scripts/deps.sh installs it (Debian package chromium)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	base := serve(t, ctx)
	tab, tcancel := newTab(t, ctx, chromium)
	defer tcancel()
	p := &page{name: "solo", ctx: tab}
	seen := func() bool {
		t.Helper()
		ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](`localStorage.getItem("sixparty-tour-seen") !== null`))
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	p.open(t, base)
	if seen() {
		t.Fatal("a new browser has the tour marked as seen")
	}
	p.keys(t, "\r", "\r") // New game, Start: the guided first turn opens
	// A loaded machine may draw late: give the flag half a minute.
	for end := time.Now().Add(30 * time.Second); !seen() && time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
	}
	if !seen() {
		t.Fatal("the guided first turn was not recorded as seen in the browser's local storage")
	}
	dir := shotsDir(t)
	p.shot(t, dir, "tour-first-game")
	p.open(t, base)
	p.keys(t, "\r", "\r") // a second new game: straight to the briefing
	p.shot(t, dir, "tour-second-game")
}

// newTab starts a headless Chromium of its own (software WebGL, no
// throttling of a tab behind others) and returns a tab of it, with the
// function that closes both.
func newTab(t *testing.T, ctx context.Context, chromium string) (context.Context, context.CancelFunc) {
	alloc, acancel := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox,
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("disable-quic", true), chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.WindowSize(1280, 720), chromedp.UserDataDir(t.TempDir()))
	tab, tcancel := chromedp.NewContext(alloc)
	return tab, func() { tcancel(); acancel() }
}

// open navigates the page to url, waits (a minute at most) for the
// window's first frame, focuses its canvas so that keys reach it, and
// returns the first frame's time in ms after navigation.
func (p *page) open(t *testing.T, url string) float64 {
	t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("%s: %v", p.name, err)
	}
	var first float64
	for end := time.Now().Add(60 * time.Second); time.Now().Before(end) && first == 0; time.Sleep(50 * time.Millisecond) {
		first, _ = chromedp.Run(p.ctx, chromedp.Evaluate[float64](`window.sixpartyFirstFrame || 0`))
	}
	if first == 0 {
		b, _ := chromedp.Run(p.ctx, chromedp.Evaluate[string](`document.body.innerText`))
		t.Fatalf("%s: no first screen within a minute; the page says %q", p.name, b)
	}
	if err := chromedp.Do(p.ctx, chromedp.Click("canvas")); err != nil {
		t.Fatalf("%s: %v", p.name, err)
	}
	return first
}
