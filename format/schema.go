package format

import (
	"encoding/json"
	"reflect"
	"strconv"

	"github.com/sixparty/sixparty/sim"
)

// required lists the fields a scenario must give, as Type.field. The
// engine's checks (sim.Compile) are the authority; a test checks that
// each name here is a field of the format.
var required = map[string]bool{
	"Scenario.format": true, "Scenario.meta": true, "Scenario.actors": true, "Scenario.outcomes": true,
	"Meta.id": true, "Meta.title": true, "Meta.turns": true,
	"Actor.id": true, "Actor.name": true,
	"Objective.id": true, "Objective.score": true,
	"Var.id": true, "Var.name": true,
	"Lever.id": true, "Lever.actor": true, "Lever.levels": true,
	"Effect.target": true, "Effect.change": true,
	"Rule.id": true, "Rule.target": true,
	"Event.id":     true,
	"Choice.actor": true, "Choice.options": true,
	"Option.id":  true,
	"Bind.lever": true, "Bind.turns": true, "Bind.text": true,
	"Outcome.id":  true,
	"Check.share": true,
	"Param.id":    true, "Param.name": true, "Param.value": true, "Param.range": true, "Param.source": true,
	"Strategy.id": true, "Strategy.name": true,
}

// enums lists fields that take one of a few words.
var enums = map[string][]string{
	"Check.difficulty": {"easy", "normal", "hard"},
	"Outcome.expected": {"rare"},
	"Event.expected":   {"rare"},
	"Meta.step":        {"month", "quarter", "year"},
	"Param.dist":       sim.Dists,
}

// patterns constrains text fields the way the engine checks them.
var patterns = map[string]string{
	"Meta.start":   `^[0-9]{4}-[0-9]{2}$`,
	"Meta.id":      `^[a-z0-9][a-z0-9-]*$`,
	"Actor.colour": `^#[0-9a-fA-F]{6}$`,
	"Actor.id":     `^[a-z][a-z0-9_]*$`,
	"Var.id":       `^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$`,
	"Lever.id":     `^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$`,
	"Param.id":     `^[a-z][a-z0-9_]*$`,
	"Strategy.id":  `^[a-z][a-z0-9_-]*$`,
}

// Schema returns the JSON Schema (draft 2020-12) of the scenario format,
// indented, with a final newline. Editors that speak the YAML language
// server protocol read it through the modeline
// "# yaml-language-server: $schema=...".
func Schema() ([]byte, error) {
	types := Types()
	defs := map[string]any{}
	for _, t := range types[1:] {
		defs[t.Name] = object(t)
	}
	root := object(types[0])
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = "https://github.com/sixparty/sixparty/docs/scenario.schema.json"
	root["title"] = "sixparty scenario"
	root["$defs"] = defs
	out, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

func object(t Type) map[string]any {
	props := map[string]any{}
	var req []string
	for _, f := range t.Fields {
		key := t.Name + "." + f.Name
		p := schemaOf(f.Type)
		p["description"] = f.Doc
		if f.Default != "" {
			p["default"] = defaultValue(f.Type, f.Default)
		}
		if e, ok := enums[key]; ok {
			p["enum"] = e
		}
		if pat, ok := patterns[key]; ok {
			p["pattern"] = pat
		}
		switch key {
		case "Scenario.format":
			p["const"] = 1
		case "Choice.options":
			p["minItems"] = 2
		case "Param.range":
			p["minItems"], p["maxItems"] = 2, 2
		case "Param.sd":
			p["exclusiveMinimum"] = 0
		case "Param.source":
			p["minLength"] = 1
		case "Strategy.seats":
			p["additionalProperties"] = map[string]any{"type": "string", "pattern": `^computer:(easy|normal|hard)$`}
		case "Meta.map":
			p["minItems"], p["maxItems"] = 4, 4
		case "Check.share":
			p["minItems"], p["maxItems"] = 2, 2
			p["items"] = map[string]any{"type": "number", "minimum": 0, "maximum": 1}
		case "Meta.turns":
			p["minimum"], p["maximum"] = 1, sim.MaxTurns
		case "Event.turn", "Effect.lasts", "Check.games":
			p["minimum"] = 1
		case "Lever.levels", "Lever.labels":
			p["minItems"] = 2
			p["uniqueItems"] = true
			p["items"] = map[string]any{"type": "string", "minLength": 1}
		case "Doctrine.risk":
			p["minimum"], p["maximum"] = 0, 1
		case "Lever.cost":
			// A number of at least 0, or an expression of the state.
			p["items"] = map[string]any{"anyOf": []any{
				map[string]any{"type": "number", "minimum": 0},
				map[string]any{"type": "string", "minLength": 1},
			}}
		case "Actor.budget", "Var.noise":
			// (budget_formula and seen_by are expressions: any value.)
			if isList(f.Type) {
				p["items"] = map[string]any{"type": "number", "minimum": 0}
			} else {
				p["minimum"] = 0
			}
		}
		props[f.Name] = p
		if required[key] {
			req = append(req, f.Name)
		}
	}
	o := map[string]any{
		"type":                 "object",
		"description":          t.Doc,
		"properties":           props,
		"additionalProperties": false,
	}
	if len(req) > 0 {
		o["required"] = req
	}
	return o
}

func schemaOf(t reflect.Type) map[string]any {
	if t == exprType {
		return map[string]any{"type": []string{"string", "number", "boolean"}}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return schemaOf(t.Elem())
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int:
		return map[string]any{"type": "integer"}
	case reflect.Uint64:
		return map[string]any{"type": "integer", "minimum": 0}
	case reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": schemaOf(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": schemaOf(t.Elem())}
	case reflect.Struct:
		return map[string]any{"$ref": "#/$defs/" + t.Name()}
	}
	return map[string]any{}
}

func defaultValue(t reflect.Type, def string) any {
	if t == exprType || t.Kind() == reflect.Float64 {
		if f, err := strconv.ParseFloat(def, 64); err == nil {
			return f
		}
	}
	if t.Kind() == reflect.Int {
		if i, err := strconv.Atoi(def); err == nil {
			return i
		}
	}
	return def
}
