//go:build browser

package e2e

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/server/proto"
)

// TestDesktopJoin opens the desktop window (`sixparty-play --join LINK`)
// under Xvfb as a seat, the facilitator's console and the projector of a
// served game, and checks that each wrote a screenshot of its first
// screen (to $SIXPARTY_SHOTS, named desktop-ROLE).
func TestDesktopJoin(t *testing.T) {
	xvfb, err := exec.LookPath("xvfb-run")
	if err != nil {
		t.Fatal("xvfb-run not found: scripts/deps.sh installs it")
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
	dir := shotsDir(t)
	for _, role := range []string{"us", proto.RoleFacilitator, proto.RoleProjector} {
		shots := t.TempDir()
		cmd := exec.CommandContext(ctx, xvfb, "-a", "-s", "-screen 0 1280x720x24", bin, "--join", resp.Links[role], "--shots", shots)
		var errOut bytes.Buffer
		cmd.Stderr = &errOut
		// Its own process group, so that Xvfb, which xvfb-run starts, ends
		// with it.
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var got []string
		for end := time.Now().Add(60 * time.Second); time.Now().Before(end) && len(got) == 0; time.Sleep(100 * time.Millisecond) {
			got, _ = filepath.Glob(filepath.Join(shots, "*.png"))
		}
		time.Sleep(500 * time.Millisecond) // the PNG written in full
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-done
		}
		if len(got) == 0 {
			t.Fatalf("%s: the window wrote no screenshot within a minute:\n%s", role, errOut.String())
		}
		b, err := os.ReadFile(got[0])
		if err != nil || len(b) < 10000 {
			t.Fatalf("%s: screenshot %s: %d bytes, %v", role, got[0], len(b), err)
		}
		if err := os.WriteFile(filepath.Join(dir, "desktop-"+role+".png"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
