package playcli

import (
	"errors"
	"fmt"
	"net"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// dialTimeout bounds each attempt to reach the X server.
const dialTimeout = 2 * time.Second

// CheckDisplay returns why the game window cannot open here, or nil when,
// as far as can be told without opening it, it can. On Linux and the BSDs
// Ebitengine draws through X11 (under Wayland, through XWayland), so
// DISPLAY must be set and an X server must answer at the address it names;
// this is checked by connecting to it, as Xlib would. Other systems always
// have a display.
//
// A display that answers can still refuse the window (for example for want
// of the right X authority); Ebitengine then panics as it starts, and
// FromStderr recognises that.
func CheckDisplay() error {
	switch runtime.GOOS {
	case "windows", "darwin", "js", "android", "ios":
		return nil
	}
	return checkX(os.Getenv("DISPLAY"), os.Getenv("WAYLAND_DISPLAY"))
}

func checkX(display, wayland string) error {
	if display == "" {
		if wayland != "" {
			return errors.New("DISPLAY is not set; the window needs X11, which XWayland provides under Wayland")
		}
		return errors.New("DISPLAY is not set")
	}
	addrs, ok := xAddresses(display)
	if !ok {
		return nil // a form this check does not know: let the window try
	}
	for _, a := range addrs {
		c, err := net.DialTimeout(a.network, a.address, dialTimeout)
		if err == nil {
			c.Close()
			return nil
		}
	}
	return fmt.Errorf("DISPLAY=%s: no X server answers at %s", display, addrs[0].address)
}

type xAddress struct{ network, address string }

// xAddresses returns where Xlib looks for the X server of a DISPLAY of the
// form [PROTOCOL/][HOST]:NUMBER[.SCREEN], in the order it tries them: for a
// local display the Unix socket /tmp/.X11-unix/XNUMBER (and, on Linux, its
// abstract twin), then TCP port 6000+NUMBER on the local host; for a host,
// that port on the host. ok is false for a form it does not know (such as
// a socket path).
func xAddresses(display string) (addrs []xAddress, ok bool) {
	i := strings.LastIndexByte(display, ':')
	if i < 0 {
		return nil, false
	}
	host, num := display[:i], display[i+1:]
	if j := strings.IndexByte(num, '.'); j >= 0 {
		num = num[:j]
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 || n > 65535-6000 || strings.HasPrefix(host, "/") {
		return nil, false
	}
	protocol := ""
	if j := strings.IndexByte(host, '/'); j >= 0 {
		protocol, host = host[:j], host[j+1:]
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	tcp := xAddress{"tcp", net.JoinHostPort(host, strconv.Itoa(6000+n))}
	if protocol == "tcp" || protocol == "inet" || protocol == "inet6" || host != "" && host != "unix" {
		if host == "" {
			tcp.address = net.JoinHostPort("localhost", strconv.Itoa(6000+n))
		}
		return []xAddress{tcp}, true
	}
	if protocol != "" && protocol != "unix" && protocol != "local" {
		return nil, false
	}
	path := "/tmp/.X11-unix/X" + strconv.Itoa(n)
	addrs = []xAddress{{"unix", path}}
	if runtime.GOOS == "linux" {
		addrs = append(addrs, xAddress{"unix", "@" + path})
	}
	if protocol == "" && host == "" {
		addrs = append(addrs, xAddress{"tcp", net.JoinHostPort("localhost", strconv.Itoa(6000+n))})
	}
	return addrs, true
}

// FromStderr recognises, in the start of the window program's standard
// error and its exit code, that Ebitengine could not open the display and
// panicked as it started: GLFW reports the display on the first line
// ("glfw: X11: Failed to open display :99: ..."), and the panic follows.
// It returns that first line's reason, or "" when the output is something
// else.
func FromStderr(stderr []byte, exitCode int) string {
	first, rest, _ := strings.Cut(string(stderr), "\n")
	if exitCode != 2 || !strings.HasPrefix(first, "glfw: ") || !strings.Contains(rest, "panic: ") {
		return ""
	}
	return strings.TrimSuffix(first, ": a platform-specific error occurred")
}

// NoDisplay is the message of `sixparty play` when the window cannot open,
// with the reason.
func NoDisplay(reason string) string {
	return "sixparty play: no usable display (" + reason + "), so the window cannot open; play headless with 'sixparty run', or start a virtual display with 'xvfb-run -a sixparty play'"
}
