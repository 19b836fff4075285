package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/sixparty/sixparty/internal/playcli"
)

// TestWindowWithoutDisplay builds sixparty and the window program and runs
// them where no window can open: without DISPLAY, with a DISPLAY where no X
// server answers, and with one whose server refuses every client (which
// only the window's own start-up can find out). None of it may end in a
// Go panic: the window program answers -h and the missing display before
// Ebitengine starts, and sixparty turns a failed start into its message.
func TestWindowWithoutDisplay(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the window program")
	}
	bin := buildPrograms(t)
	sixparty := filepath.Join(bin, "sixparty")
	window := filepath.Join(bin, "sixparty-play")

	type result struct {
		code           int
		stdout, stderr string
	}
	exe := func(display string, prog string, args ...string) result {
		t.Helper()
		cmd := exec.Command(prog, args...)
		cmd.Env = append(withoutDisplay(), "DISPLAY="+display)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			t.Fatal(err)
		}
		return result{cmd.ProcessState.ExitCode(), out.String(), errOut.String()}
	}
	headless := func(reason string) string {
		return "sixparty: no usable display (" + reason + "): playing headless ('sixparty run'); 'sixparty help' lists the commands\n"
	}
	check := func(what string, got result, code int, stdoutPrefix, stderr string) {
		t.Helper()
		if got.code != code || !strings.HasPrefix(got.stdout, stdoutPrefix) || got.stderr != stderr {
			t.Errorf("%s: exit %d, stderr %q, stdout %.200q; want exit %d, stderr %q, stdout %q...", what, got.code, got.stderr, got.stdout, code, stderr, stdoutPrefix)
		}
	}

	help := exe("", window, "-h")
	check("sixparty-play -h without DISPLAY", help, 0, "Usage: sixparty play [flags] [FILE|NAME]\n", "")
	check("sixparty help play without DISPLAY", exe("", sixparty, "help", "play"), 0, help.stdout, "")
	check("sixparty play -h without DISPLAY", exe("", sixparty, "play", "-h"), 0, help.stdout, "")
	check("sixparty-play --nosuch without DISPLAY", exe("", window, "--nosuch"), 2, "", "flag provided but not defined: -nosuch\n"+help.stdout)
	check("sixparty-play without DISPLAY", exe("", window), 1, "", playcli.NoDisplay("DISPLAY is not set")+"\n")
	check("sixparty without DISPLAY", exe("", sixparty, "testdata/tiny.yaml"), 0, "Tiny crisis (seed ", headless("DISPLAY is not set"))

	n := unusedDisplay(t)
	display := ":" + strconv.Itoa(n)
	reason := "DISPLAY=" + display + ": no X server answers at /tmp/.X11-unix/X" + strconv.Itoa(n)
	check("sixparty-play -h, DISPLAY "+display, exe(display, window, "-h"), 0, help.stdout, "")
	check("sixparty-play, DISPLAY "+display, exe(display, window), 1, "", playcli.NoDisplay(reason)+"\n")
	check("sixparty play, DISPLAY "+display, exe(display, sixparty, "play"), 1, "", playcli.NoDisplay(reason)+"\n")
	check("sixparty, DISPLAY "+display, exe(display, sixparty, "testdata/tiny.yaml"), 0, "Tiny crisis (seed ", headless(reason))

	// A server that answers and hangs up: GLFW fails as the window starts.
	m, l := listenX(t)
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	display = "127.0.0.1:" + strconv.Itoa(m)
	reason = "glfw: X11: Failed to open display " + display
	check("sixparty play, DISPLAY "+display, exe(display, sixparty, "play"), 1, "", playcli.NoDisplay(reason)+"\n")
	check("sixparty, DISPLAY "+display, exe(display, sixparty, "testdata/tiny.yaml"), 0, "Tiny crisis (seed ", headless(reason))

	// new's hint works when pasted into a shell.
	dir := filepath.Join(t.TempDir(), "it's here")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	got := exe("", sixparty, "new", filepath.Join(dir, "a b"))
	_, hint, ok := strings.Cut(got.stdout, "next: ")
	if got.code != 0 || !ok {
		t.Fatalf("sixparty new: exit %d, stdout %q, stderr %q", got.code, got.stdout, got.stderr)
	}
	sh := exec.Command("sh", "-c", hint)
	sh.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	if out, err := sh.CombinedOutput(); err != nil || !strings.Contains(string(out), ": ok\n") || !strings.Contains(string(out), "Scores\n") {
		t.Errorf("sh -c %q: %v\n%s", hint, err, out)
	}
}

// TestAutoplay plays a scripted turn in the window under Xvfb, as
// `make test` did before this test: it prints nothing per screen without
// -v, keeps its saves where --saves says, and otherwise in a temporary
// folder that it removes, never in the user's configuration folder, and
// writes its screenshots to --shots, the forecast and the branch
// comparison among them.
func TestAutoplay(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the window program and plays a turn in it")
	}
	xvfb, err := exec.LookPath("xvfb-run")
	if err != nil {
		t.Skip("no xvfb-run")
	}
	bin := buildPrograms(t)
	shots := filepath.Join(t.TempDir(), "shots")
	for _, saves := range []string{"", filepath.Join(t.TempDir(), "saves")} {
		tmp, config := t.TempDir(), t.TempDir()
		args := []string{"-a", "-s", "-screen 0 1920x1080x24", filepath.Join(bin, "sixparty"), "play", "--autoplay", "1"}
		wantOut := ""
		if saves != "" {
			args = append(args, "--saves", saves, "--shots", shots)
			wantOut = "screenshots in " + shots + "\n"
		}
		cmd := exec.Command(xvfb, args...)
		// The cache (Mesa keeps shaders there) is not the saves' business.
		cmd.Env = append(withoutDisplay(), "TMPDIR="+tmp, "XDG_CONFIG_HOME="+config, "HOME="+config, "XDG_CACHE_HOME="+t.TempDir())
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Run(); err != nil || out.String() != wantOut || errOut.Len() > 0 {
			t.Errorf("sixparty %s: %v, stdout %q, stderr %q", strings.Join(args[3:], " "), err, out.String(), errOut.String())
		}
		for _, dir := range []string{tmp, config} {
			if left, _ := os.ReadDir(dir); len(left) > 0 {
				t.Errorf("--saves %q: files left in %s: %v", saves, dir, left)
			}
		}
		if saves == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(saves, "autosave.json")); err != nil {
			t.Errorf("--saves %s: no autosave: %v", saves, err)
		}
		// The briefing, the forecast of the draft, the branch and the
		// comparisons with it and with the counterfactual.
		for _, scene := range []string{"briefing", "orders-forecasting", "forecast", "branch", "end-1-branches", "compare-1", "compare-2"} {
			if pngs, _ := filepath.Glob(filepath.Join(shots, "*-"+scene+".png")); len(pngs) == 0 {
				t.Errorf("no screenshot of the %s in %s", scene, shots)
			}
		}
	}
}

var built struct {
	once sync.Once
	dir  string
	err  error
}

// buildPrograms builds sixparty and sixparty-play, once for all the tests,
// and returns the folder that holds them; TestMain removes it.
func buildPrograms(t *testing.T) string {
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "sixparty-test-"); built.err != nil {
			return
		}
		out, err := exec.Command("go", "build", "-o", built.dir, ".", "../sixparty-play").CombinedOutput()
		if err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.dir
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// withoutDisplay returns the environment without DISPLAY and
// WAYLAND_DISPLAY.
func withoutDisplay() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DISPLAY=") && !strings.HasPrefix(kv, "WAYLAND_DISPLAY=") {
			env = append(env, kv)
		}
	}
	return env
}

// unusedDisplay returns a display number at which no X server listens,
// neither on its Unix socket nor on its TCP port.
func unusedDisplay(t *testing.T) int {
	for n := 500; n < 600; n++ {
		if _, err := os.Stat("/tmp/.X11-unix/X" + strconv.Itoa(n)); err == nil {
			continue
		}
		if c, err := net.Dial("unix", "@/tmp/.X11-unix/X"+strconv.Itoa(n)); err == nil {
			c.Close()
			continue
		}
		if c, err := net.Dial("tcp", "localhost:"+strconv.Itoa(6000+n)); err == nil {
			c.Close()
			continue
		}
		return n
	}
	t.Skip("every display from :500 to :599 is in use")
	return 0
}

// listenX listens where the X server of a display number m on 127.0.0.1
// would.
func listenX(t *testing.T) (int, net.Listener) {
	for m := 600; m < 700; m++ {
		l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(6000+m))
		if err == nil {
			t.Cleanup(func() { l.Close() })
			return m, l
		}
	}
	t.Skip("no free port in 6600-6699")
	return 0, nil
}
