package sim_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestPurity proves that the engine does no I/O and knows nothing of the
// front end or the file format: no package under sim/ imports the file
// system, the clock or a global random generator directly, and nothing it
// depends on, however indirectly, is Ebitengine or YAML.
func TestPurity(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found")
	}
	out, err := exec.Command(goBin, "list", "-f", "{{.ImportPath}}: {{join .Imports \" \"}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	banned := map[string]bool{"os": true, "io/fs": true, "io/ioutil": true, "path/filepath": true, "embed": true,
		"time": true, "math/rand": true, "math/rand/v2": true, "net": true, "net/http": true, "os/exec": true}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, ": ")
		for _, imp := range strings.Fields(imports) {
			if banned[imp] {
				t.Errorf("%s imports %s", pkg, imp)
			}
		}
	}
	deps, err := exec.Command(goBin, "list", "-deps", "./...").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, dep := range strings.Fields(string(deps)) {
		for _, bad := range []string{"github.com/hajimehoshi/ebiten", "gopkg.in/yaml", "github.com/sixparty/sixparty/scenarios", "github.com/sixparty/sixparty/ui"} {
			if strings.HasPrefix(dep, bad) {
				t.Errorf("sim depends on %s", dep)
			}
		}
	}
}
