package sim

import (
	"fmt"
	"slices"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
)

// ExprNames returns the names an expression reads — variables, levers,
// 'turn' and 'level', as written (for example econ.exports) — sorted and
// without repeats. Function names are not included. Tools use it to find
// what a scenario's expressions depend on; it does not check that the
// names exist.
func ExprNames(src string) ([]string, error) {
	tree, err := parser.Parse(src)
	if err != nil {
		return nil, fmt.Errorf("sim: %v", err)
	}
	return treeNames(tree.Node), nil
}

// treeNames is ExprNames of a parsed expression.
func treeNames(n ast.Node) []string {
	var names []string
	collectNames(n, &names)
	slices.Sort(names)
	return slices.Compact(names)
}

// ExprNames returns sim.ExprNames of expression x of the model's scenario,
// without parsing it again when the model compiled it. The caller must not
// change the list.
func (m *Model) ExprNames(x Expr) ([]string, error) {
	if names, ok := m.reads[x.Src]; ok {
		return names, nil
	}
	return ExprNames(x.Src)
}

func collectNames(n ast.Node, names *[]string) {
	switch n := n.(type) {
	case nil:
	case *ast.IdentifierNode:
		*names = append(*names, n.Value)
	case *ast.MemberNode:
		if name, ok := dotted(n); ok {
			*names = append(*names, name)
			return
		}
		collectNames(n.Node, names)
		collectNames(n.Property, names)
	case *ast.UnaryNode:
		collectNames(n.Node, names)
	case *ast.BinaryNode:
		collectNames(n.Left, names)
		collectNames(n.Right, names)
	case *ast.ConditionalNode:
		collectNames(n.Cond, names)
		collectNames(n.Exp1, names)
		collectNames(n.Exp2, names)
	case *ast.BuiltinNode:
		for _, a := range n.Arguments {
			collectNames(a, names)
		}
	case *ast.CallNode:
		if _, ok := dotted(n.Callee); !ok {
			collectNames(n.Callee, names)
		}
		for _, a := range n.Arguments {
			collectNames(a, names)
		}
	case *ast.ChainNode:
		collectNames(n.Node, names)
	case *ast.ArrayNode:
		for _, a := range n.Nodes {
			collectNames(a, names)
		}
	}
}

// CheckHolds reports whether balance check ci of the scenario holds in
// state s: for an 'outcome' check, whether s ended in that outcome; for an
// 'expect' check, whether its condition is true of s. A condition that
// faults (such as a division by zero) is an *EvalError, of the last turn
// played before s.
func (m *Model) CheckHolds(ci int, s *State) (bool, error) {
	if ci < 0 || ci >= len(m.cChecks) {
		return false, fmt.Errorf("sim: no check %d", ci)
	}
	ck := &m.Scenario.Checks[ci]
	if ck.Outcome != "" {
		return s.Outcome >= 0 && m.Scenario.Outcomes[s.Outcome].ID == ck.Outcome, nil
	}
	cond := m.cChecks[ci].cond
	if cond == nil {
		return false, fmt.Errorf("sim: check %d has no condition", ci)
	}
	var f fault
	slots := make([]float64, m.nslots)
	m.judgedSlots(slots, s)
	e := env{s: slots, rng: &RNG{}, fault: &f}
	ok := cond(&e)
	if f.set {
		return false, &EvalError{Turn: max(1, s.Turn-1), Pos: f.pos, Msg: f.msg}
	}
	return ok, nil
}
