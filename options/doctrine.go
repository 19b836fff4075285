package options

import (
	"fmt"
	"os"
	"slices"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/sixparty/sixparty/internal/suggest"
	"github.com/sixparty/sixparty/sim"
)

// A doctrine override (ACTOR=doctrine:FILE) replaces one actor's
// 'doctrine:' for a strategy: its computer player weighs the objectives
// and risk as the file says. The file is written like the block in a
// scenario:
//
//	weights: {talks: 3, no_war: 2}   # objectives not listed keep their scoring weight
//	risk: 0.2                        # 0 cautious to 1 bold; 0.5 when left out
//
// The scenario is compiled again with that doctrine, so the engine checks
// it as it checks the scenario's own (unknown objectives, risk out of
// range), at the file's lines.

// doctrine applies ACTOR=doctrine:FILE for actor k.
func (st *Strategy) doctrine(m *sim.Model, k int, file string) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	d, err := parseDoctrine(file, src)
	if err != nil {
		return err
	}
	base := m
	if st.model != nil {
		base = st.model
	}
	s := *base.Scenario
	s.Actors = slices.Clone(s.Actors)
	s.Actors[k].Doctrine = d
	m2, err := sim.Compile(&s)
	if err != nil {
		return err
	}
	st.model = m2
	// The actor is computer-played under its new doctrine.
	if st.Seats[k].Track != nil {
		st.Seats[k] = Seat{}
	}
	return nil
}

// parseDoctrine reads a doctrine file, with the position of every field.
func parseDoctrine(file string, src []byte) (sim.Doctrine, error) {
	d := sim.Doctrine{Pos: sim.Pos{File: file, Line: 1, Col: 1}, FieldPos: map[string]sim.Pos{}}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return d, fmt.Errorf("options: %s: %v", file, err)
	}
	var errs sim.ErrorList
	at := func(n *yaml.Node) sim.Pos { return sim.Pos{File: file, Line: n.Line, Col: n.Column} }
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		errs.Add(d.Pos, "a doctrine file holds a mapping with 'weights' and 'risk'")
		return d, errs.Err()
	}
	doc := root.Content[0]
	d.Pos = at(doc)
	num := func(n *yaml.Node, what string) (float64, bool) {
		v, err := strconv.ParseFloat(n.Value, 64)
		if n.Kind != yaml.ScalarNode || err != nil {
			errs.Add(at(n), "%s must be a number, found %q", what, n.Value)
			return 0, false
		}
		return v, true
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		key, val := doc.Content[i], doc.Content[i+1]
		switch key.Value {
		case "weights":
			d.FieldPos["weights"] = at(key)
			if val.Kind != yaml.MappingNode {
				errs.Add(at(val), "weights must be a mapping of objective ids to numbers")
				continue
			}
			d.Weights = map[string]float64{}
			for j := 0; j+1 < len(val.Content); j += 2 {
				k, v := val.Content[j], val.Content[j+1]
				if w, ok := num(v, "weight "+strconv.Quote(k.Value)); ok {
					d.Weights[k.Value] = w
					d.FieldPos["weights."+k.Value] = at(k)
				}
			}
		case "risk":
			d.FieldPos["risk"] = at(val)
			if r, ok := num(val, "risk"); ok {
				d.Risk = r
			}
		default:
			errs.Add(at(key), "unknown field %q in a doctrine%s (want weights and risk)", key.Value, suggest.Hint(key.Value, []string{"weights", "risk"}))
		}
	}
	if err := errs.Err(); err != nil {
		return d, err
	}
	if _, given := d.FieldPos["risk"]; !given {
		d.Risk = 0.5
	}
	return d, nil
}
