// Package format describes the scenario format by reflecting over the
// engine's scenario types (sim.Scenario and the types it holds): their
// yaml tags name the fields, their doc tags explain them and their default
// tags give the defaults the loader applies. From that one source it
// writes the Markdown format reference of docs/authoring.md and the JSON
// Schema that editors use to complete and check scenario files, so that
// neither can drift from the code.
package format

import (
	"reflect"
	"strings"

	"github.com/sixparty/sixparty/sim"
)

// Field is one field of the format.
type Field struct {
	// Name is the field's name in YAML.
	Name string
	// Doc says what the field means.
	Doc string
	// Default is the value used when the field is left out, if the loader
	// applies one ("" if none).
	Default string
	// Type is the field's Go type.
	Type reflect.Type
}

// Type is one kind of mapping of the format (the file itself, meta, an
// actor, a lever...), with its fields in the order of the Go struct.
type Type struct {
	// Name is the Go type's name (Scenario, Meta, Actor...).
	Name string
	// Doc is the type's one-line description.
	Doc string
	// Where lists where the mapping appears, as YAML paths such as
	// "actors[]" or "levers[].effects[]".
	Where []string
	// Fields are the type's fields.
	Fields []Field
	// Go is the reflected struct type.
	Go reflect.Type
}

var exprType = reflect.TypeOf(sim.Expr{})

// typeDocs describes each type in a sentence. A test checks that every
// type reached from sim.Scenario has one.
var typeDocs = map[string]string{
	"Scenario":  "The whole file.",
	"Meta":      "Title, dates and defaults of the scenario.",
	"Actor":     "One side of the game.",
	"Place":     "A point on the map.",
	"Objective": "One scored aim of an actor.",
	"Doctrine":  "How the computer plays an actor.",
	"Var":       "One variable of the state of the world.",
	"Lever":     "A policy an actor sets to a level each turn.",
	"Effect":    "A change to one variable made by a lever, an event or an option.",
	"Rule":      "A per-turn dynamic of the model.",
	"Event":     "An inject: something that happens at the start of a turn.",
	"Choice":    "A decision an event asks of one actor.",
	"Option":    "One answer to a choice.",
	"Outcome":   "A way the game can end.",
	"Check":     "A balance expectation measured by 'sixparty check' over many computer-played games.",
	"Param":     "A declared uncertain coefficient: a stated value, a plausible range and the source of that range; formulas read it by its id.",
	"Strategy":  "A named way of playing some actors: an orders track and seat settings, compared by 'sixparty compare' and the end screen.",
}

// Types returns every mapping type of the format, starting with the file
// itself, in the order a reader meets them.
func Types() []Type {
	var out []Type
	index := map[reflect.Type]int{}
	var visit func(t reflect.Type, where string)
	visit = func(t reflect.Type, where string) {
		if i, ok := index[t]; ok {
			out[i].Where = append(out[i].Where, where)
			return
		}
		index[t] = len(out)
		ty := Type{Name: t.Name(), Doc: typeDocs[t.Name()], Go: t}
		if where != "" {
			ty.Where = []string{where}
		}
		out = append(out, ty)
		i := len(out) - 1
		var nested []func()
		for j := 0; j < t.NumField(); j++ {
			f := t.Field(j)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name == "" || name == "-" {
				continue
			}
			out[i].Fields = append(out[i].Fields, Field{Name: name, Doc: f.Tag.Get("doc"), Default: f.Tag.Get("default"), Type: f.Type})
			path := name
			if where != "" {
				path = where + "." + name
			}
			if st, list := structOf(f.Type); st != nil {
				if list {
					path += "[]"
				}
				nested = append(nested, func() { visit(st, path) })
			}
		}
		for _, n := range nested {
			n()
		}
	}
	visit(reflect.TypeOf(sim.Scenario{}), "")
	return out
}

// structOf returns the struct type t holds (directly, through a pointer or
// as the items of a list) and whether it is a list's items; nil if none.
func structOf(t reflect.Type) (reflect.Type, bool) {
	list := false
	for {
		switch t.Kind() {
		case reflect.Pointer:
			t = t.Elem()
			continue
		case reflect.Slice:
			t = t.Elem()
			list = true
			continue
		case reflect.Struct:
			if t == exprType {
				return nil, false
			}
			return t, list
		}
		return nil, false
	}
}

// TypeName names a field's type in words, as the reference shows it.
func TypeName(t reflect.Type) string {
	if t == exprType {
		return "expression"
	}
	switch t.Kind() {
	case reflect.Pointer:
		return TypeName(t.Elem())
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int:
		return "whole number"
	case reflect.Uint64:
		return "whole number ≥ 0"
	case reflect.Float64:
		return "number"
	case reflect.Slice:
		return "list of " + plural(TypeName(t.Elem()))
	case reflect.Map:
		return "mapping of name to " + TypeName(t.Elem())
	case reflect.Struct:
		return t.Name()
	}
	return t.String()
}

func plural(s string) string {
	switch {
	case s == "text":
		return "texts"
	case strings.HasSuffix(s, "number"), s == "expression":
		return s + "s"
	}
	return s
}
