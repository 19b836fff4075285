package server_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestHeadless proves that the server builds and runs without a display:
// nothing the server, its store, its protocol or the client depends on,
// however indirectly, is Ebitengine or the window's packages; and the
// protocol and the client need no database driver, so the browser can
// build them.
func TestHeadless(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found")
	}
	for _, tc := range []struct {
		pkgs   []string
		banned []string
	}{
		{[]string{".", "./store", "./proto", "../client", "../cmd/sixparty"}, []string{"github.com/hajimehoshi/ebiten", "github.com/sixparty/sixparty/ui"}},
		{[]string{"./proto", "../client"}, []string{"modernc.org/sqlite", "github.com/jackc/pgx", "github.com/sixparty/sixparty/server/store"}},
	} {
		out, err := exec.Command(goBin, append([]string{"list", "-deps"}, tc.pkgs...)...).Output()
		if err != nil {
			t.Fatalf("go list -deps: %v", err)
		}
		for _, dep := range strings.Fields(string(out)) {
			for _, bad := range tc.banned {
				// ui/chart is pixel-free (scales and ticks; options draws
				// its charts with it) and links no Ebitengine.
				if strings.HasPrefix(dep, bad) && dep != "github.com/sixparty/sixparty/ui/chart" {
					t.Errorf("%v depend on %s", tc.pkgs, dep)
				}
			}
		}
	}
}
