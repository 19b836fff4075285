package server_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestHeadless proves that the server builds and runs without a display:
// nothing the server, its store, its protocol or the client depends on,
// however indirectly, is Ebitengine or the window's drawing package (its
// pixel-free packages, such as ui/chart, are allowed: they import no
// Ebitengine, which the first ban proves for them too); and the
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
		{[]string{".", "./store", "./proto", "../client", "../cmd/sixparty"}, []string{"github.com/hajimehoshi/ebiten", "github.com/sixparty/sixparty/ui$"}},
		{[]string{"./proto", "../client"}, []string{"modernc.org/sqlite", "github.com/jackc/pgx", "github.com/sixparty/sixparty/server/store"}},
	} {
		out, err := exec.Command(goBin, append([]string{"list", "-deps"}, tc.pkgs...)...).Output()
		if err != nil {
			t.Fatalf("go list -deps: %v", err)
		}
		for _, dep := range strings.Fields(string(out)) {
			for _, bad := range tc.banned {
				if exact, ok := strings.CutSuffix(bad, "$"); ok && dep == exact || !ok && strings.HasPrefix(dep, bad) {
					t.Errorf("%v depend on %s", tc.pkgs, dep)
				}
			}
		}
	}
}
