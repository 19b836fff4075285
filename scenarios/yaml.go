package scenarios

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/sixparty/sixparty/sim"
)

// maxValues bounds the values one file may hold, counting each use of an
// alias as a copy of what it names, so that a file of nested aliases (a
// "billion laughs") is refused before it is expanded. The default scenario
// holds about 2,000 values; the limit lets a scenario 250 times its size
// load (tools/scengen makes such files).
const maxValues = 500_000

// readYAML parses src, which must hold one YAML document, and returns the
// document's top node. A syntax error is reported at the line and column
// of the mistake (see syntaxError).
func readYAML(name string, src []byte) (*yaml.Node, sim.ErrorList) {
	if w := partsWorkers(); len(src) >= minParts && w > 1 {
		// A large file, parsed in parts on several cores when that is
		// sure to give the same tree (yamlparts.go).
		if root := readParts(src, w, len(src)/(4*w)); root != nil {
			return root, nil
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	err := dec.Decode(&doc)
	if errors.Is(err, io.EOF) || (err == nil && len(doc.Content) == 0) {
		return nil, sim.ErrorList{{Pos: sim.Pos{File: name, Line: 1, Col: 1}, Msg: "the file is empty"}}
	}
	if err != nil {
		return nil, sim.ErrorList{syntaxError(name, src, err)}
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		return nil, sim.ErrorList{{Pos: sim.Pos{File: name, Line: next.Line, Col: next.Column}, Msg: "a second YAML document starts here; a scenario file holds one (remove the '---' and what follows, or make it a comment)"}}
	case !errors.Is(err, io.EOF):
		return nil, sim.ErrorList{syntaxError(name, src, err)}
	}
	return doc.Content[0], nil
}

// counter counts the values of a node tree, counting each use of an alias
// as a copy of what it names (mapping keys are not counted). Each node is
// counted once, so counting takes time in proportion to the file, however
// far its aliases would expand. Only the nodes an alias may name (those
// with an anchor, and any an alias names) are remembered: the others are
// reached once, from their parent.
type counter struct {
	memo    map[*yaml.Node]tally // the zero tally while a node is being counted
	cycle   *yaml.Node           // an alias inside what it names
	aliases bool                 // whether the tree uses an alias
}

// tally is a count of values: n, or big when the count does not fit in
// a uint64 (aliases of aliases can name more values than that).
type tally struct {
	n   uint64
	big *big.Int
}

func (t tally) isZero() bool { return t.n == 0 && t.big == nil }

func (t tally) add(u tally) tally {
	if t.big == nil && u.big == nil && t.n+u.n >= t.n {
		return tally{n: t.n + u.n}
	}
	return tally{big: new(big.Int).Add(t.bigInt(), u.bigInt())}
}

func (t tally) bigInt() *big.Int {
	if t.big != nil {
		return t.big
	}
	return new(big.Int).SetUint64(t.n)
}

func (c *counter) count(n *yaml.Node, named bool) tally {
	named = named || n.Anchor != ""
	if named {
		if v, ok := c.memo[n]; ok && !v.isZero() {
			return v
		}
		c.memo[n] = tally{}
	}
	v := tally{n: 1}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			break
		}
		c.aliases = true
		if v, ok := c.memo[n.Alias]; ok && v.isZero() {
			if c.cycle == nil {
				c.cycle = n
			}
			return tally{}
		}
		v = c.count(n.Alias, true)
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			v = v.add(c.count(n.Content[i], false))
		}
	default:
		for _, k := range n.Content {
			v = v.add(c.count(k, false))
		}
	}
	if named {
		c.memo[n] = v
	}
	return v
}

// checkSize refuses a tree with more than maxValues values or an alias
// that names something it is part of.
func checkSize(name string, root *yaml.Node) sim.ErrorList {
	c := &counter{memo: map[*yaml.Node]tally{}}
	n := c.count(root, false)
	switch {
	case c.cycle != nil:
		return sim.ErrorList{{Pos: sim.Pos{File: name, Line: c.cycle.Line, Col: c.cycle.Column}, Msg: "this alias is part of what it names, so it never ends"}}
	case n.big != nil || n.n > maxValues:
		msg := fmt.Sprintf("the file has %s values; the limit is %d", n.bigInt(), maxValues)
		if c.aliases {
			msg += " (each use of an alias counts as a copy of what it names)"
		}
		return sim.ErrorList{{Pos: sim.Pos{File: name, Line: 1, Col: 1}, Msg: msg}}
	}
	return nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// maxRefine bounds the size of a file whose syntax errors are placed by
// reparsing, and maxAhead how many lines past the line yaml.v3 names are
// tried.
const (
	maxRefine = 2 << 20
	maxAhead  = 60
)

// syntaxError turns a yaml.v3 syntax error into a positioned mistake.
//
// yaml.v3 names the line where the construct it was reading began (a
// mapping two lines up, say), not the line of the mistake. The mistake is
// on the first line whose addition makes the text fail the same way,
// which is found by parsing the text up to lines from there on. The column is that of the character at fault: a tab, the
// second ':' of "a: b: c", the last unclosed '{' or '[', or else the
// line's first character.
func syntaxError(name string, src []byte, err error) *sim.Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	reported := 0
	if g := yamlLine.FindStringSubmatch(err.Error()); g != nil {
		reported, _ = strconv.Atoi(g[1])
		msg = g[2]
	}
	lines := strings.SplitAfter(string(src), "\n")
	line := 0
	fails := func(k int) bool {
		e := parseAll(strings.Join(lines[:k], ""))
		return e != nil && sameMessage(e, msg)
	}
	if lo, hi := max(1, reported-2), min(len(lines), reported+maxAhead); len(src) <= maxRefine && !otherBreaks(src) && lo <= hi && fails(hi) {
		// Once the line at fault is in, every longer text fails the same
		// way, so the first such line can be found by bisection.
		for lo < hi {
			if mid := (lo + hi) / 2; fails(mid) {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		line = lo
	}
	if line == 0 {
		p := sim.Pos{File: name, Line: reported}
		if reported > 0 {
			p.Col = 1
		}
		return &sim.Error{Pos: p, Msg: msg}
	}
	if ql, qc, ok := unclosedQuote(lines, line, reported); ok {
		msg = strings.TrimSuffix(msg, indentHint) + " (the quote here is not closed)"
		return &sim.Error{Pos: sim.Pos{File: name, Line: ql, Col: qc}, Msg: msg}
	}
	text := strings.TrimRight(lines[line-1], "\r\n")
	col := firstNonBlank(text)
	switch {
	case strings.Contains(msg, "tab character") || strings.Contains(msg, "cannot start any token") && strings.Contains(text, "\t"):
		col = runeCol(text, strings.IndexByte(text, '\t'))
		msg = "found a tab character where YAML allows only spaces: indent with spaces"
	case strings.Contains(msg, "cannot start any token"):
		if i := strings.IndexAny(text, "@`"); i >= 0 {
			col = runeCol(text, i)
		}
	case msg == "mapping values are not allowed in this context":
		if i := strings.Index(text, ": "); i >= 0 {
			rest := strings.TrimRight(text[i+2:], " ")
			if j := strings.Index(rest+" ", ": "); j >= 0 && (rest == "" || !strings.ContainsRune(`"'{[|>`, rune(rest[0]))) {
				col = runeCol(text, i+2+j)
				msg += " (quote a value that holds ': ')"
				break
			}
		}
		msg += indentHint
	case strings.Contains(msg, "end of stream"):
		for _, q := range []string{`"`, "'"} {
			if strings.Count(text, q)%2 == 1 {
				col = runeCol(text, strings.LastIndex(text, q))
				msg += " (the quote here is not closed)"
				break
			}
		}
	case strings.HasPrefix(msg, "did not find expected ',' or '}'"), strings.HasPrefix(msg, "did not find expected ',' or ']'"):
		open := "{"
		if strings.HasSuffix(msg, "']'") {
			open = "["
		}
		if i := strings.LastIndex(text, open); i >= 0 {
			col = runeCol(text, i)
			msg += fmt.Sprintf(" (the '%s' here is not closed)", open)
		}
	case strings.HasPrefix(msg, "did not find expected key"), strings.HasPrefix(msg, "did not find expected '-' indicator"):
		msg += indentHint
	}
	return &sim.Error{Pos: sim.Pos{File: name, Line: line, Col: col}, Msg: msg}
}

// unclosedQuote looks, from line upto back to maxAhead lines before it,
// for a quote that opens a scalar (after "key: ", "- ", "[", "{" or ",")
// and is not closed on its line, and that is the mistake: closing it there
// lets the file parse, or moves the first error past reported, the line
// yaml.v3 named. It returns that quote's line and column.
func unclosedQuote(lines []string, upto, reported int) (line, col int, ok bool) {
	for i := upto; i >= max(1, upto-maxAhead); i-- {
		text := strings.TrimRight(lines[i-1], "\r\n")
		q := openQuote(text)
		if q < 0 {
			continue
		}
		// Close it at the end of the line, or before a run of flow
		// closers ('}', ']') and commas that ends the line.
		end := len(strings.TrimRight(text, " "))
		cut := len(strings.TrimRight(text[:end], "}], "))
		for _, at := range []int{end, cut} {
			if at <= q {
				continue
			}
			fixed := slices.Clone(lines)
			fixed[i-1] = text[:at] + text[q:q+1] + text[at:] + lines[i-1][len(text):]
			err := parseAll(strings.Join(fixed, ""))
			if err == nil {
				return i, runeCol(text, q), true
			}
			if g := yamlLine.FindStringSubmatch(err.Error()); g != nil {
				if l, _ := strconv.Atoi(g[1]); l > reported {
					return i, runeCol(text, q), true
				}
			}
		}
	}
	return 0, 0, false
}

// openQuote returns the byte offset in line of a quote that opens a
// scalar and is not closed on the line, or -1.
func openQuote(line string) int {
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c == '#' && (i == 0 || line[i-1] == ' ') {
			return -1 // a comment
		}
		if c != '"' && c != '\'' {
			continue
		}
		before := strings.TrimRight(line[:i], " ")
		if !(before == "" || before == "-" || strings.HasSuffix(before, ":") || strings.HasSuffix(before, "- ") ||
			strings.HasSuffix(before, "[") || strings.HasSuffix(before, "{") || strings.HasSuffix(before, ",")) {
			continue
		}
		if before != "" && !strings.HasSuffix(before, "[") && !strings.HasSuffix(before, "{") && !strings.HasSuffix(before, ",") && line[len(before)] != ' ' {
			continue // "a:b" or "x-y": not the start of a value
		}
		// Find its closing quote: a '"' not escaped by '\\', or a '\''
		// not doubled.
		j := i + 1
		for ; j < len(line); j++ {
			if c == '"' && line[j] == '\\' {
				j++
				continue
			}
			if line[j] == c {
				if c == '\'' && j+1 < len(line) && line[j+1] == '\'' {
					j++
					continue
				}
				break
			}
		}
		if j >= len(line) {
			return i
		}
		i = j
	}
	return -1
}

const indentHint = " (check the indentation of this line against the lines above)"

// otherBreaks reports whether src breaks lines other than with "\n" or
// "\r\n", as YAML allows (a lone "\r", NEL, LS or PS), so that its lines
// cannot be counted by "\n" alone.
func otherBreaks(src []byte) bool {
	return bytes.Contains(bytes.ReplaceAll(src, []byte("\r\n"), nil), []byte("\r")) ||
		bytes.Contains(src, []byte("\u0085")) || bytes.Contains(src, []byte("\u2028")) || bytes.Contains(src, []byte("\u2029"))
}

// parseAll parses every document of src and returns the first error.
func parseAll(src string) error {
	dec := yaml.NewDecoder(strings.NewReader(src))
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// sameMessage reports whether err is a yaml.v3 error with message msg.
func sameMessage(err error, msg string) bool {
	e := strings.TrimPrefix(err.Error(), "yaml: ")
	if g := yamlLine.FindStringSubmatch(err.Error()); g != nil {
		e = g[2]
	}
	return e == msg
}

// firstNonBlank returns the column of the first character of line that is
// not a space (1 for a blank line).
func firstNonBlank(line string) int {
	i := len(line) - len(strings.TrimLeft(line, " "))
	if i == len(line) {
		return 1
	}
	return runeCol(line, i)
}

// runeCol returns the column of byte offset i of line, counting runes from 1.
func runeCol(line string, i int) int {
	if i < 0 {
		return 1
	}
	return utf8.RuneCountInString(line[:i]) + 1
}
