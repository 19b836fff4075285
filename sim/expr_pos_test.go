package sim

import (
	"testing"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
)

// TestCheckerPos checks that the checker places every offset of an
// expression where PosAt does, flat (one line of ASCII) or not.
func TestCheckerPos(t *testing.T) {
	for _, src := range []string{"a + b * 2", "x", "max(0, é - 1)", "a +\n  b", ""} {
		for _, pos := range []Pos{{File: "f.yaml", Line: 3, Col: 7}, {}} {
			x := Expr{Src: src, Pos: pos, Indent: 5}
			c := &checker{x: x, flat: x.Pos.IsValid() && x.At == nil && flatASCII(x.Src)}
			for off := -2; off <= len(src)+2; off++ {
				n := &ast.IdentifierNode{}
				n.SetLocation(file.Location{From: off})
				if got, want := c.pos(n), x.PosAt(off); got != want {
					t.Errorf("%q at %v, offset %d: %v, want %v", src, pos, off, got, want)
				}
			}
		}
	}
}
