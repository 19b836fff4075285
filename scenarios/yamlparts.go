package scenarios

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"sync"

	"gopkg.in/yaml.v3"
)

// A large scenario file is parsed in parts on several cores: yaml.v3
// reads about 15 MB/s, so a file 100 times the default scenario (7 MB)
// would spend half a second in it on one core. The parts are runs of the
// top-level fields, and runs of the items of a long top-level list; each
// is parsed on its own and their nodes are joined into one tree, with
// their line numbers moved to where the part starts in the file.
//
// A part begins only on a line whose first character starts a top-level
// field (a plain name and a colon) or, inside a top-level list, on a line
// that starts one of its items at the list's indent. No construct that
// goes on past the end of a part can parse on its own as a whole part (a
// quoted scalar or a flow collection would be unterminated; block
// scalars and plain scalars end at a line indented as little as a part's
// first), so when every part parses, the tree is the one that parsing the
// whole file gives, bar comments, which the decoder does not read.
// Whatever parsePart cannot be sure of (anchors and aliases, directives,
// document markers, tabs or other text at the start of a line, line
// breaks other than \n and \r\n, any error) makes readParts give up, and
// the whole file is parsed as one: every message comes from that.

// minParts is the size of file from which readYAML parses in parts.
const minParts = 1 << 20

// part is a piece of the file: src[from:to], starting on line line (from
// 1); items says that it holds items of the top-level list whose field
// the part before ends with, rather than top-level fields.
type part struct {
	from, to int
	line     int
	items    bool
}

// readParts parses src in parts on up to workers goroutines and returns
// the top node, or nil when it cannot be sure the tree would be the one
// parsing src as a whole gives (see above).
func readParts(src []byte, workers, size int) *yaml.Node {
	parts := splitParts(src, size)
	if len(parts) < 2 {
		return nil
	}
	nodes := make([]*yaml.Node, len(parts))
	var next sync.Mutex
	i := 0
	var wg sync.WaitGroup
	for range min(workers, len(parts)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				next.Lock()
				k := i
				i++
				next.Unlock()
				if k >= len(parts) {
					return
				}
				nodes[k] = parsePart(src, parts[k])
			}
		}()
	}
	wg.Wait()
	root := nodes[0]
	for k, n := range nodes {
		if n == nil {
			return nil
		}
		switch {
		case k == 0:
		case parts[k].items:
			list := root.Content[len(root.Content)-1]
			if list.Kind != yaml.SequenceNode || list.Style&yaml.FlowStyle != 0 {
				return nil
			}
			list.Content = append(list.Content, n.Content...)
		default:
			root.Content = append(root.Content, n.Content...)
		}
	}
	return root
}

// parsePart parses one part: a block mapping of top-level fields, or a
// block list of items. It returns nil on any error, or when the part
// holds an anchor or an alias.
func parsePart(src []byte, p part) (n *yaml.Node) {
	defer func() {
		if recover() != nil {
			n = nil // the whole file's parse reports it
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(src[p.from:p.to]))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil || len(doc.Content) != 1 {
		return nil
	}
	var more yaml.Node
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		return nil
	}
	n = doc.Content[0]
	want := yaml.MappingNode
	if p.items {
		want = yaml.SequenceNode
	}
	if n.Kind != want || n.Style&yaml.FlowStyle != 0 || !moveLines(n, p.line-1) {
		return nil
	}
	return n
}

// moveLines adds d to the line of n and of every node under it, and
// reports false if one is an alias or has an anchor.
func moveLines(n *yaml.Node, d int) bool {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return false
	}
	n.Line += d
	for _, c := range n.Content {
		if !moveLines(c, d) {
			return false
		}
	}
	return true
}

// splitParts cuts src into parts of about size bytes, or returns nil when
// it meets a line it cannot be sure of (see above).
func splitParts(src []byte, size int) []part {
	// Line breaks that YAML counts besides \n (\r alone, NEL, LS, PS)
	// would put the parts' lines elsewhere.
	for _, b := range [][]byte{{0xc2, 0x85}, {0xe2, 0x80, 0xa8}, {0xe2, 0x80, 0xa9}} {
		if bytes.Contains(src, b) {
			return nil
		}
	}
	if bytes.Count(src, []byte{'\r'}) != bytes.Count(src, []byte("\r\n")) {
		return nil
	}
	type field struct{ from, line int }
	var fields []field
	for off, line := 0, 1; off < len(src); line++ {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off + 1
		}
		switch l := src[off:end]; {
		case isBlank(l) || l[0] == ' ' || l[0] == '#':
		case isFieldLine(l):
			fields = append(fields, field{off, line})
		default:
			return nil
		}
		off = end
	}
	if len(fields) == 0 {
		return nil
	}
	fields[0].from, fields[0].line = 0, 1 // what comes before joins the first field
	var parts []part
	cur := part{from: 0, line: 1}
	for k, f := range fields {
		to := len(src)
		if k+1 < len(fields) {
			to = fields[k+1].from
		}
		if to-f.from > size {
			// A long field: its list's items, in parts.
			if starts := itemStarts(src, f.from, to, f.line); starts != nil {
				for _, s := range starts {
					if s.from-cur.from >= size {
						cur.to = s.from
						parts = append(parts, cur)
						cur = part{from: s.from, line: s.line, items: true}
					}
				}
			}
		}
		// A part of items ends with its list; any other once it is long
		// enough.
		if (cur.items || to-cur.from >= size) && k+1 < len(fields) {
			cur.to = to
			parts = append(parts, cur)
			cur = part{from: to, line: fields[k+1].line}
		}
	}
	cur.to = len(src)
	return append(parts, cur)
}

// itemStarts returns where the items of the top-level list written
// src[from:to] (a field's line, "name:" and no more than a comment,
// then a block list) start, but the first, with their lines; or nil if
// the field is not written so.
func itemStarts(src []byte, from, to, line int) []struct{ from, line int } {
	var out []struct{ from, line int }
	indent := -1
	first := true
	for off := from; off < to; line++ {
		end := bytes.IndexByte(src[off:to], '\n')
		if end < 0 {
			end = to
		} else {
			end += off + 1
		}
		l := src[off:end]
		switch {
		case first:
			// The field's own line: its value must start below.
			_, after, _ := bytes.Cut(l, []byte(":"))
			if a := bytes.TrimSpace(after); len(a) > 0 && a[0] != '#' {
				return nil
			}
			first = false
		case isBlank(l):
		default:
			sp := len(l) - len(bytes.TrimLeft(l, " "))
			rest := l[sp:]
			if rest[0] == '#' {
				break
			}
			item := rest[0] == '-' && (len(rest) == 1 || rest[1] == ' ' || rest[1] == '\n' || rest[1] == '\r')
			switch {
			case indent < 0 && item:
				indent = sp // the first item
			case indent < 0:
				return nil // not a block list
			case sp == indent && item:
				out = append(out, struct{ from, line int }{off, line})
			case sp <= indent:
				return nil
			}
		}
		off = end
	}
	return out
}

// isBlank reports whether a line holds only spaces and its line break.
func isBlank(l []byte) bool {
	return len(bytes.Trim(l, " \r\n")) == 0
}

// isFieldLine reports whether a line starts a top-level field: a plain
// name (letters, digits and '_', not starting with a digit) then a colon
// and a space or the end of the line.
func isFieldLine(l []byte) bool {
	i := 0
	for i < len(l) && (l[i] == '_' || 'a' <= l[i] && l[i] <= 'z' || 'A' <= l[i] && l[i] <= 'Z' || i > 0 && '0' <= l[i] && l[i] <= '9') {
		i++
	}
	return i > 0 && i < len(l) && l[i] == ':' && (i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\n' || l[i+1] == '\r')
}

// partsWorkers is how many goroutines readYAML parses parts on.
func partsWorkers() int { return runtime.GOMAXPROCS(0) }
