package scenarios

import (
	"strings"
	"testing"

	"github.com/sixparty/sixparty/sim"
)

// block is a valid scenario in block style, which the syntax table below
// breaks one line at a time.
const block = `format: 1
meta:
  id: block
  title: Block
  turns: 3
actors:
  - id: a
    name: Alpha
    budget: 2
variables:
  - id: x
    name: X
    init: 1
levers:
  - id: a.push
    actor: a
    name: Push
    levels: [off, on]
    cost: [0, 1]
    effects:
      - target: x
        change: "level"
        lasts: 2
outcomes:
  - id: end
    name: End
`

// TestSyntaxPositions checks that YAML syntax mistakes are placed on the
// line and column of the mistake, not where yaml.v3 noticed it.
func TestSyntaxPositions(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{"key indented too little", "    name: X\n", "   name: X\n", `t.yaml:12:4: did not find expected '-' indicator (check the indentation of this line against the lines above)`},
		{"key indented too much", "    name: X\n", "      name: X\n", `t.yaml:12:7: mapping values are not allowed in this context (check the indentation of this line against the lines above)`},
		{"tab before a key", "    name: X\n", "\tname: X\n", `t.yaml:12:1: found a tab character where YAML allows only spaces: indent with spaces`},
		{"tab after spaces", "    init: 1\n", "  \tinit: 1\n", `t.yaml:13:3: found a tab character where YAML allows only spaces: indent with spaces`},
		{"tab in a nested list", "        lasts: 2\n", "\t\tlasts: 2\n", `t.yaml:23:1: found a tab character where YAML allows only spaces: indent with spaces`},
		{"list item indented off its keys", "  - id: end\n", " - id: end\n", `t.yaml:26:5: mapping values are not allowed in this context (check the indentation of this line against the lines above)`},
		{"effect key out of line", "        lasts: 2\n", "         lasts: 2\n", `t.yaml:23:10: did not find expected key (check the indentation of this line against the lines above)`},
		{"two colons", "    name: Push\n", "    name: Push: now\n", `t.yaml:17:15: mapping values are not allowed in this context (quote a value that holds ': ')`},
		{"unclosed list", "    cost: [0, 1]\n", "    cost: [0, 1\n", `t.yaml:19:11: did not find expected ',' or ']' (the '[' here is not closed)`},
		{"unclosed quote", `        change: "level"` + "\n", `        change: "level` + "\n", `t.yaml:22:17: found unexpected end of stream (the quote here is not closed)`},
		{"unclosed quote, found lines later", "  title: Block\n", "  title: \"Block: a test\n", `t.yaml:4:10: mapping values are not allowed in this context (the quote here is not closed)`},
		{"unclosed quote in a flow list", "    levels: [off, on]\n", "    levels: [off, \"on]\n", `t.yaml:18:19: did not find expected ',' or ']' (the quote here is not closed)`},
		{"unclosed single quote", "    name: Push\n", "    name: 'Push\n", `t.yaml:17:11: found unexpected end of stream (the quote here is not closed)`},
		{"apostrophe in plain text is no quote", "    name: Push\n", "    name: Alpha's push: now\n", `t.yaml:17:23: mapping values are not allowed in this context (quote a value that holds ': ')`},
		{"second document", "outcomes:\n", "---\noutcomes:\n", `t.yaml:24:1: a second YAML document starts here; a scenario file holds one (remove the '---' and what follows, or make it a comment)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(block, tt.old, tt.new, 1)
			if src == block {
				t.Fatalf("%q not found", tt.old)
			}
			_, err := Load("t.yaml", []byte(src))
			if err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			if got := strings.TrimSpace(err.(sim.ErrorList).Lines()); got != tt.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
	if _, err := Load("t.yaml", []byte(block)); err != nil {
		t.Fatalf("the block scenario is broken: %v", err)
	}
}
