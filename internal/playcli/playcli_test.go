package playcli

import (
	"bytes"
	"net"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		args   []string
		want   Options
		code   int
		ok     bool
		stdout string // prefix
		stderr string // prefix
	}{
		{nil, Options{}, 0, true, "", ""},
		{[]string{"nile-2020", "--seed", "3"}, Options{Scenario: "nile-2020", Seed: 3, SeedSet: true}, 0, true, "", ""},
		{[]string{"--autoplay", "2", "--shots", "d", "-v", "--saves", "s"}, Options{Autoplay: 2, Shots: "d", Verbose: true, Saves: "s", SavesSet: true, WindowOnly: []string{"--autoplay", "--saves", "--shots", "-v"}}, 0, true, "", ""},
		{[]string{"--autoplay", "1", "--verbose"}, Options{Autoplay: 1, Verbose: true, WindowOnly: []string{"--autoplay", "--verbose"}}, 0, true, "", ""},
		{[]string{"--watch", "x/a.yaml"}, Options{Scenario: "x/a.yaml", Watch: true, WindowOnly: []string{"--watch"}}, 0, true, "", ""},
		{[]string{"-h"}, Options{}, 0, false, "Usage: sixparty play [flags] [FILE|NAME]\n\nPlay in a window", ""},
		{[]string{"--seed", "x"}, Options{}, 2, false, "", "invalid value \"x\" for flag -seed: parse error\nUsage: sixparty play"},
		{[]string{"--watch"}, Options{}, 2, false, "", "sixparty play: --watch needs a scenario file (a built-in scenario never changes)\n"},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		o, code, ok := Parse(tt.args, &out, &errOut)
		if ok {
			if !tt.want.SavesSet {
				tt.want.Saves = DefaultSaves()
			}
			if !reflect.DeepEqual(o, tt.want) {
				t.Errorf("%q: %+v, want %+v", tt.args, o, tt.want)
			}
		}
		if code != tt.code || ok != tt.ok || !strings.HasPrefix(out.String(), tt.stdout) || !strings.HasPrefix(errOut.String(), tt.stderr) ||
			tt.stdout == "" && out.Len() > 0 || tt.stderr == "" && errOut.Len() > 0 {
			t.Errorf("%q: exit %d ok %v, stdout %q, stderr %q", tt.args, code, ok, out.String(), errOut.String())
		}
	}
}

func TestXAddresses(t *testing.T) {
	local := func(n string) []xAddress {
		a := []xAddress{{"unix", "/tmp/.X11-unix/X" + n}}
		if runtime.GOOS == "linux" {
			a = append(a, xAddress{"unix", "@/tmp/.X11-unix/X" + n})
		}
		return a
	}
	tests := []struct {
		display string
		want    []xAddress
		ok      bool
	}{
		{":0", append(local("0"), xAddress{"tcp", "localhost:6000"}), true},
		{":99.0", append(local("99"), xAddress{"tcp", "localhost:6099"}), true},
		{"unix:1", local("1"), true},
		{"unix/:2", local("2"), true},
		{"localhost:10.0", []xAddress{{"tcp", "localhost:6010"}}, true},
		{"tcp/example.org:3", []xAddress{{"tcp", "example.org:6003"}}, true},
		{"[::1]:4", []xAddress{{"tcp", "[::1]:6004"}}, true},
		{"::1:4", []xAddress{{"tcp", "[::1]:6004"}}, true},
		{"/private/tmp/com.apple.launchd.x/org.xquartz:0", nil, false},
		{"nonsense", nil, false},
		{":x", nil, false},
	}
	for _, tt := range tests {
		got, ok := xAddresses(tt.display)
		if ok != tt.ok || ok && !reflect.DeepEqual(got, tt.want) {
			t.Errorf("xAddresses(%q) = %v, %v; want %v, %v", tt.display, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCheckX(t *testing.T) {
	if err := checkX("", ""); err == nil || err.Error() != "DISPLAY is not set" {
		t.Errorf("no DISPLAY: %v", err)
	}
	if err := checkX("", "wayland-0"); err == nil || err.Error() != "DISPLAY is not set; the window needs X11, which XWayland provides under Wayland" {
		t.Errorf("Wayland only: %v", err)
	}
	// An X server that listens on TCP is found, and one that is gone is
	// not.
	n, l := listenX(t)
	display := "127.0.0.1:" + strconv.Itoa(n)
	if err := checkX(display, ""); err != nil {
		t.Errorf("DISPLAY=%s with a server: %v", display, err)
	}
	l.Close()
	want := "DISPLAY=" + display + ": no X server answers at 127.0.0.1:" + strconv.Itoa(6000+n)
	if err := checkX(display, ""); err == nil || err.Error() != want {
		t.Errorf("DISPLAY=%s without a server: %v, want %q", display, err, want)
	}
	if err := checkX("nonsense", ""); err != nil {
		t.Errorf("a DISPLAY of an unknown form is left to the window: %v", err)
	}
}

// listenX listens where an X server of some display number n on
// 127.0.0.1 would.
func listenX(t *testing.T) (int, net.Listener) {
	for n := 400; n < 500; n++ {
		l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(6000+n))
		if err == nil {
			t.Cleanup(func() { l.Close() })
			return n, l
		}
	}
	t.Skip("no free port in 6400-6499")
	return 0, nil
}

func TestFromStderr(t *testing.T) {
	panicked := "glfw: X11: Failed to open display :99: a platform-specific error occurred\npanic: glfw: The GLFW library is not initialized\n\ngoroutine 1 [running]:\n"
	tests := []struct {
		stderr string
		code   int
		want   string
	}{
		{panicked, 2, "glfw: X11: Failed to open display :99"},
		{panicked, 1, ""},
		{"glfw: a warning\n", 2, ""},
		{"sixparty play: no usable display\n", 2, ""},
		{"", 0, ""},
	}
	for _, tt := range tests {
		if got := FromStderr([]byte(tt.stderr), tt.code); got != tt.want {
			t.Errorf("FromStderr(%q, %d) = %q, want %q", tt.stderr, tt.code, got, tt.want)
		}
	}
}
