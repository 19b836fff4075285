// Package scengen makes synthetic scenarios for measuring how the engine,
// the loader and the computer players grow with a scenario's size: it
// replicates a scenario N times over the same actors (Replicate), or only
// its levers (ReplicateLevers); the command is tools/scengen/cmd/scengen.
//
// Copy 0 is the scenario as written; copy k (from 1) adds every variable,
// lever, rule and event again with the suffix _rk on its id (us.unsc
// becomes us.unsc_r1), and every expression of the copy reads the copy's
// own variables and levers. Parameters stay shared. Each actor's budget is
// multiplied by N, so that every copy can be played as the original, and
// each objective becomes the mean of its score over the copies; the
// outcomes read copy 0. Strategies and the counterfactual are left out
// (their orders tracks name copy 0's levers only and lie beside the
// original file). Comments are dropped.
package scengen

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// Replicate returns the scenario src replicated n times (n >= 1), as YAML.
func Replicate(src []byte, n int) ([]byte, error) {
	if n < 1 {
		return nil, fmt.Errorf("scengen: replicate %d times: want at least 1", n)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("scengen: %v", err)
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("scengen: the file does not hold a scenario")
	}
	root := doc.Content[0]
	names := map[string]bool{}
	for _, sec := range []string{"variables", "levers"} {
		for _, item := range items(root, sec) {
			if id := get(item, "id"); id != nil {
				names[id.Value] = true
			}
		}
	}
	r := &replicator{names: names}
	for _, sec := range []string{"variables", "levers", "rules", "events"} {
		list := get(root, sec)
		if list == nil {
			continue
		}
		orig := list.Content
		for k := 1; k < n; k++ {
			r.suffix = fmt.Sprintf("_r%d", k)
			for _, item := range orig {
				c := deepCopy(item)
				r.item(c, sec)
				list.Content = append(list.Content, c)
			}
		}
	}
	for _, a := range items(root, "actors") {
		if b := get(a, "budget"); b != nil {
			b.Value = scale(b.Value, n)
		}
		for _, o := range seq(get(a, "objectives")) {
			sc := get(o, "score")
			if sc == nil || n == 1 {
				continue
			}
			terms := []string{"(" + sc.Value + ")"}
			for k := 1; k < n; k++ {
				r.suffix = fmt.Sprintf("_r%d", k)
				terms = append(terms, "("+r.expr(sc.Value)+")")
			}
			sc.Value = "(" + strings.Join(terms, " + ") + fmt.Sprintf(") / %d", n)
			sc.Style = yaml.DoubleQuotedStyle
		}
	}
	if meta := get(root, "meta"); meta != nil {
		if id := get(meta, "id"); id != nil {
			id.Value = fmt.Sprintf("%s-x%d", id.Value, n)
		}
	}
	drop(root, "strategies")
	drop(root, "counterfactual")
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, fmt.Errorf("scengen: %v", err)
	}
	return out.Bytes(), nil
}

// ReplicateLevers returns the scenario src with every lever replicated n
// times (n >= 1), as YAML: copy k (from 1) of a lever has the suffix _rk
// on its id and the same levels, costs, precondition and effects, on the
// same variables. Nothing else changes, budgets included, so each actor
// has n times the levers to choose among while a turn's work stays about
// the same: the scale at which a computer player's search grows.
func ReplicateLevers(src []byte, n int) ([]byte, error) {
	if n < 1 {
		return nil, fmt.Errorf("scengen: replicate %d times: want at least 1", n)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("scengen: %v", err)
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("scengen: the file does not hold a scenario")
	}
	root := doc.Content[0]
	if list := get(root, "levers"); list != nil {
		orig := list.Content
		for k := 1; k < n; k++ {
			for _, item := range orig {
				c := deepCopy(item)
				if id := get(c, "id"); id != nil {
					id.Value += fmt.Sprintf("_r%d", k)
				}
				list.Content = append(list.Content, c)
			}
		}
	}
	if meta := get(root, "meta"); meta != nil {
		if id := get(meta, "id"); id != nil {
			id.Value = fmt.Sprintf("%s-levers-x%d", id.Value, n)
		}
	}
	drop(root, "strategies")
	drop(root, "counterfactual")
	return encode(&doc)
}

func encode(doc *yaml.Node) ([]byte, error) {
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("scengen: %v", err)
	}
	return out.Bytes(), nil
}

type replicator struct {
	names  map[string]bool // the ids of the variables and levers
	suffix string
}

var ident = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*`)

// expr renames the variables and levers an expression reads.
func (r *replicator) expr(src string) string {
	return ident.ReplaceAllStringFunc(src, func(s string) string {
		if r.names[s] {
			return s + r.suffix
		}
		return s
	})
}

// item renames a copied variable, lever, rule or event and what it reads
// and changes.
func (r *replicator) item(n *yaml.Node, sec string) {
	if id := get(n, "id"); id != nil {
		id.Value += r.suffix
	}
	for _, key := range []string{"requires", "when", "chance", "change", "set"} {
		if x := get(n, key); x != nil && x.Kind == yaml.ScalarNode {
			x.Value = r.expr(x.Value)
		}
	}
	if t := get(n, "target"); t != nil {
		t.Value = r.expr(t.Value)
	}
	if sec == "variables" {
		return
	}
	for _, e := range seq(get(n, "effects")) {
		r.item(e, "effect")
	}
	if ch := get(n, "choice"); ch != nil {
		for _, o := range seq(get(ch, "options")) {
			for _, e := range seq(get(o, "effects")) {
				r.item(e, "effect")
			}
		}
	}
}

// get returns the value of key in mapping n, or nil.
func get(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// drop removes key from mapping n.
func drop(n *yaml.Node, key string) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			n.Content = append(n.Content[:i], n.Content[i+2:]...)
			return
		}
	}
}

func seq(n *yaml.Node) []*yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n.Content
}

func items(root *yaml.Node, key string) []*yaml.Node { return seq(get(root, key)) }

func deepCopy(n *yaml.Node) *yaml.Node {
	c := *n
	c.HeadComment, c.LineComment, c.FootComment = "", "", ""
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, k := range n.Content {
		c.Content[i] = deepCopy(k)
	}
	return &c
}

// scale multiplies a number written in YAML by n.
func scale(v string, n int) string {
	var f float64
	if _, err := fmt.Sscan(v, &f); err != nil {
		return v
	}
	return fmt.Sprint(f * float64(n))
}
