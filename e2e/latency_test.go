//go:build browser

package e2e

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/server/proto"
)

// freeDisplay returns an X display number no server listens on.
func freeDisplay(t *testing.T) int {
	for n := 90; n < 200; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err != nil {
			if c, err := net.Dial("unix", fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
				c.Close()
				continue
			}
			return n
		}
	}
	t.Fatal("no free X display")
	return 0
}

// TestDesktopLatency measures the desktop window's key-to-screen latency
// under Xvfb, as TestBrowserSeminar does the browser's: xdotool presses a
// key, and the window (SIXPARTY_FRAMES) logs the time of each frame drawn.
// It skips without xdotool (Debian package xdotool).
func TestDesktopLatency(t *testing.T) {
	xdotool, err := exec.LookPath("xdotool")
	if err != nil {
		t.Skip("xdotool not installed")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := serve(t, ctx)
	bin := filepath.Join(t.TempDir(), "sixparty-play")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/sixparty-play").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	resp, err := client.Create(ctx, base, proto.CreateRequest{Scenario: scenarios.Default, Seats: map[string]string{"us": "person"}})
	if err != nil {
		t.Fatal(err)
	}
	n := freeDisplay(t)
	display := ":" + strconv.Itoa(n)
	x := exec.CommandContext(ctx, "Xvfb", display, "-screen", "0", "1280x720x24", "-nolisten", "tcp")
	if err := x.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { x.Process.Kill(); x.Wait() }()
	for end := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
			break
		}
		if time.Now().After(end) {
			t.Fatal("Xvfb did not start")
		}
	}
	log := filepath.Join(t.TempDir(), "frames")
	w := exec.CommandContext(ctx, bin, "--join", resp.Links["us"])
	w.Env = append(os.Environ(), "DISPLAY="+display, "SIXPARTY_FRAMES="+log)
	var errOut bytes.Buffer
	w.Stderr = &errOut
	w.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { syscall.Kill(-w.Process.Pid, syscall.SIGKILL); w.Wait() }()
	frames := func() []int64 {
		b, _ := os.ReadFile(log)
		var out []int64
		for _, l := range strings.Fields(string(b)) {
			v, _ := strconv.ParseInt(l, 10, 64)
			out = append(out, v)
		}
		return out
	}
	for end := time.Now().Add(30 * time.Second); len(frames()) == 0; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("the window drew nothing:\n%s", errOut.String())
		}
	}
	xdo := func(args ...string) {
		c := exec.Command(xdotool, args...)
		c.Env = append(os.Environ(), "DISPLAY="+display)
		if out, err := c.CombinedOutput(); err != nil {
			t.Fatalf("xdotool %v: %v\n%s", args, err, out)
		}
	}
	xdo("mousemove", "200", "200") // no window manager: the keyboard follows the pointer
	time.Sleep(time.Second)
	var lat []float64
	for i := range 10 {
		key := "Down"
		if i%2 == 1 {
			key = "Up"
		}
		before := len(frames())
		t0 := time.Now().UnixNano()
		xdo("keydown", key) // held a tenth of a second, as in the browser test
		up := exec.Command(xdotool, "sleep", "0.1", "keyup", key)
		up.Env = append(os.Environ(), "DISPLAY="+display)
		if err := up.Start(); err != nil {
			t.Fatal(err)
		}
		for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(2 * time.Millisecond) {
			if f := frames(); len(f) > before && f[len(f)-1] > t0 {
				lat = append(lat, float64(f[len(f)-1]-t0)/1e6)
				break
			}
		}
		up.Wait()
		time.Sleep(200 * time.Millisecond)
	}
	if len(lat) == 0 {
		t.Fatal("no key reached the window")
	}
	slices.Sort(lat)
	t.Logf("key to screen on the desktop (Xvfb, xdotool): median %.0f ms, max %.0f ms over %d keys", lat[len(lat)/2], lat[len(lat)-1], len(lat))
}
