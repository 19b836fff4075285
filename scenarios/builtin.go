package scenarios

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/sixparty/sixparty/sim"
)

//go:embed *.yaml
var builtin embed.FS

// Default is the name of the scenario played when none is given.
const Default = "pressure-2017"

// Builtin returns the names of the built-in scenarios, sorted. Files whose
// name has a second dot (such as orders tracks, x.history.yaml) are not
// scenarios.
func Builtin() []string {
	var names []string
	entries, _ := fs.ReadDir(builtin, ".")
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".yaml")
		if !strings.Contains(name, ".") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// BuiltinSource returns the YAML source of a built-in file, given its name
// with or without the .yaml suffix.
func BuiltinSource(name string) ([]byte, error) {
	name = strings.TrimSuffix(name, ".yaml") + ".yaml"
	src, err := builtin.ReadFile(path.Clean(name))
	if err != nil {
		return nil, fmt.Errorf("scenario: no built-in scenario %q (have %s)", strings.TrimSuffix(name, ".yaml"), strings.Join(Builtin(), ", "))
	}
	return src, nil
}

// LoadBuiltin loads a built-in scenario by name.
func LoadBuiltin(name string) (*sim.Model, error) {
	src, err := BuiltinSource(name)
	if err != nil {
		return nil, err
	}
	return load(strings.TrimSuffix(name, ".yaml")+".yaml", src, builtinReader)
}

// LoadBuiltinEdited loads src, an edited version of the built-in scenario
// name, as that built-in: positions name its file as LoadBuiltin's do, and
// the orders tracks of its strategies are read from the built-in files.
func LoadBuiltinEdited(name string, src []byte) (*sim.Model, error) {
	return load(strings.TrimSuffix(name, ".yaml")+".yaml", src, builtinReader)
}
