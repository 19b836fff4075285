package format

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/internal/golden"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/sixparty/sixparty/scenarios"
)

const (
	schemaFile  = "../docs/scenario.schema.json"
	authoringMD = "../docs/authoring.md"
)

// TestSchemaFile keeps docs/scenario.schema.json identical to Schema().
func TestSchemaFile(t *testing.T) {
	want, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, schemaFile, want)
}

// TestReferenceInAuthoring keeps the reference in docs/authoring.md
// identical to Reference(), so that the documentation cannot drift from
// the code.
func TestReferenceInAuthoring(t *testing.T) {
	doc, err := os.ReadFile(authoringMD)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Splice(string(doc), Reference())
	if err != nil {
		t.Fatal(err)
	}
	if golden.Updating() && want != string(doc) {
		if err := os.WriteFile(authoringMD, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		doc = []byte(want)
	}
	if string(doc) != want {
		t.Errorf("the format reference in %s is out of date with sim's struct tags; run 'go test ./format -update'", authoringMD)
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	src, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("scenario.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("scenario.schema.json")
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return sch
}

// yamlToJSON converts YAML source to the JSON value an editor validates.
func yamlToJSON(t *testing.T, src []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		t.Fatal(err)
	}
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

// TestBuiltinsMatchSchema validates every built-in scenario against the
// schema with a JSON Schema validator.
func TestBuiltinsMatchSchema(t *testing.T) {
	sch := compileSchema(t)
	names := scenarios.Builtin()
	if len(names) == 0 {
		t.Fatal("no built-in scenarios")
	}
	for _, name := range names {
		src, err := scenarios.BuiltinSource(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(yamlToJSON(t, src)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if !bytes.HasPrefix(src, []byte("# yaml-language-server: $schema=../docs/scenario.schema.json\n")) {
			t.Errorf("%s: the first line is not the yaml-language-server modeline", name)
		}
	}
}

// TestSchemaRejects shows that the schema catches the mistakes an editor
// should underline.
func TestSchemaRejects(t *testing.T) {
	sch := compileSchema(t)
	base := "format: 1\nmeta: {id: x, title: X, turns: 2}\nactors: [{id: a, name: A}]\noutcomes: [{id: end}]\n"
	if err := sch.Validate(yamlToJSON(t, []byte(base))); err != nil {
		t.Fatalf("minimal scenario: %v", err)
	}
	tests := []struct{ name, src, want string }{
		{"unknown field", base + "actor: []\n", "additional properties 'actor' not allowed"},
		{"wrong format", strings.Replace(base, "format: 1", "format: 2", 1), "value must be 1"},
		{"bad step", strings.Replace(base, "turns: 2", "turns: 2, step: week", 1), "value must be one of"},
		{"one level", base + "levers: [{id: a.x, actor: a, levels: [on]}]\n", "minItems: got 1, want 2"},
		{"share", base + "checks: [{outcome: end, share: [0, 2]}]\n", "maximum: got 2, want 1"},
		{"missing name", strings.Replace(base, ", name: A", "", 1), "missing property 'name'"},
		{"colour", strings.Replace(base, "name: A", "name: A, colour: red", 1), "does not match pattern"},
	}
	for _, tt := range tests {
		err := sch.Validate(yamlToJSON(t, []byte(tt.src)))
		if err == nil {
			t.Errorf("%s: no error, want %q", tt.name, tt.want)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %q, want it to contain %q", tt.name, err, tt.want)
		}
	}
}

// TestTablesMatchFields checks the hand-written tables of this package
// against the format's fields.
func TestTablesMatchFields(t *testing.T) {
	fields := map[string]bool{}
	for _, ty := range Types() {
		if ty.Doc == "" {
			t.Errorf("type %s has no description in typeDocs", ty.Name)
		}
		for _, f := range ty.Fields {
			fields[ty.Name+"."+f.Name] = true
			if f.Doc == "" {
				t.Errorf("field %s.%s has no doc tag", ty.Name, f.Name)
			}
		}
	}
	for _, m := range []map[string]bool{required, keys(enums), keys(patterns)} {
		for k := range m {
			if !fields[k] {
				t.Errorf("%s is not a field of the format", k)
			}
		}
	}
}

func keys[V any](m map[string]V) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		out[k] = true
	}
	return out
}
