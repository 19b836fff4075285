package scenarios

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/sixparty/sixparty/internal/suggest"
	"github.com/sixparty/sixparty/sim"
)

// decoder fills sim's scenario types from a YAML node tree, field by field,
// so that every mistake is reported with its line and column and decoding
// goes on after one. It fills the Pos and FieldPos fields of each struct.
type decoder struct {
	file    string
	lines   []string // the source, for the columns of block scalars
	errs    sim.ErrorList
	tainted map[sim.Pos]bool // structs that had a mistake inside
	structs map[reflect.Type]*structInfo
}

// structInfo is what structure needs of a struct type, found once per type.
type structInfo struct {
	fields   map[string]int // YAML name -> field index
	names    []string       // the YAML names, in the order of the fields, for hints
	pos      int            // the index of the Pos field, or -1
	fieldPos int            // the index of the FieldPos field, or -1
	scalars  []bool         // by field: a list of single values
	plain    []bool         // by field: neither a list, a mapping, a struct nor a pointer
	yaml     []string       // by field: its YAML name
	colon    []string       // by field: its FieldPos key for where its name is written ("name:")
	items    [][]string     // by field: its FieldPos keys for the items of a list ("name[j]"), as many as met
}

// item returns the FieldPos key of item j of field fi, a list.
func (si *structInfo) item(fi, j int) string {
	keys := si.items[fi]
	for len(keys) <= j {
		keys = append(keys, si.yaml[fi]+"["+strconv.Itoa(len(keys))+"]")
	}
	si.items[fi] = keys
	return keys[j]
}

// info returns the structInfo of struct type t.
func (d *decoder) info(t reflect.Type) *structInfo {
	if si, ok := d.structs[t]; ok {
		return si
	}
	si := &structInfo{fields: map[string]int{}, pos: -1, fieldPos: -1}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if name := yamlName(f); name != "" {
			si.fields[name] = i
			si.names = append(si.names, name)
		}
		switch {
		case f.Name == "Pos" && f.Type == posType:
			si.pos = i
		case f.Name == "FieldPos" && f.Type == fieldPosType:
			si.fieldPos = i
		}
		k := f.Type.Kind()
		ek := reflect.Invalid
		if k == reflect.Slice {
			ek = f.Type.Elem().Kind()
		}
		si.scalars = append(si.scalars, k == reflect.Slice && ek != reflect.Struct && ek != reflect.Pointer && f.Type != exprsType)
		si.plain = append(si.plain, k != reflect.Slice && k != reflect.Map && k != reflect.Struct && k != reflect.Pointer)
		si.yaml = append(si.yaml, yamlName(f))
		si.colon = append(si.colon, yamlName(f)+":")
	}
	si.items = make([][]string, t.NumField())
	if d.structs == nil {
		d.structs = map[reflect.Type]*structInfo{}
	}
	d.structs[t] = si
	return si
}

var (
	exprType     = reflect.TypeOf(sim.Expr{})
	posType      = reflect.TypeOf(sim.Pos{})
	fieldPosType = reflect.TypeOf(map[string]sim.Pos{})
	exprsType    = reflect.TypeOf([]sim.Expr(nil))
)

func (d *decoder) pos(n *yaml.Node) sim.Pos {
	return sim.Pos{File: d.file, Line: n.Line, Col: n.Column}
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.errs.Add(d.pos(n), format, args...)
}

// kindName names a YAML node's kind for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

// yamlName returns the YAML name of a struct field, or "" if it has none.
func yamlName(f reflect.StructField) string {
	tag := f.Tag.Get("yaml")
	name, _, _ := strings.Cut(tag, ",")
	if name == "-" {
		return ""
	}
	return name
}

// isStruct reports whether t is a struct other than an expression, or a
// pointer to one.
func isStruct(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.Struct && t != exprType
}

// decode fills v from n. what names the value for messages.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, what string) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if v.Type() == exprType {
		d.expr(n, v)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.decode(n, v.Elem(), what)
	case reflect.Struct:
		d.structure(n, v, what)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.errorf(n, "%s must be a list, found %s", what, kindName(n))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			if item.Kind == yaml.ScalarNode && item.Tag == "!!null" && isStruct(v.Type().Elem()) {
				// An empty item where a mapping belongs: a mistake, and
				// the engine's checks of its empty fields would only
				// repeat it.
				d.errorf(item, "%s[%d] is empty: write its fields, or remove the '-'", what, i)
				e := s.Index(i)
				if e.Kind() == reflect.Pointer {
					e.Set(reflect.New(e.Type().Elem()))
					e = e.Elem()
				}
				if f := e.FieldByName("Pos"); f.IsValid() && f.Type() == posType {
					f.Set(reflect.ValueOf(d.pos(item)))
				}
				d.tainted[d.pos(item)] = true
				continue
			}
			d.decode(item, s.Index(i), fmt.Sprintf("%s[%d]", what, i))
		}
		v.Set(s)
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			d.errorf(n, "%s must be a mapping, found %s", what, kindName(n))
			return
		}
		m := reflect.MakeMap(v.Type())
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if m.MapIndex(reflect.ValueOf(k.Value)).IsValid() {
				d.errorf(k, "%q is given twice in %s", k.Value, what)
				continue
			}
			e := reflect.New(v.Type().Elem()).Elem()
			d.decode(val, e, what+"."+k.Value)
			m.SetMapIndex(reflect.ValueOf(k.Value), e)
		}
		v.Set(m)
	default:
		d.scalar(n, v, what)
	}
}

func (d *decoder) structure(n *yaml.Node, v reflect.Value, what string) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping, found %s", what, kindName(n))
		// The struct is where the value is, and tainted: the engine's
		// checks of its empty fields would only repeat the mistake.
		if f := v.FieldByName("Pos"); f.IsValid() && f.Type() == posType {
			f.Set(reflect.ValueOf(d.pos(n)))
		}
		d.tainted[d.pos(n)] = true
		return
	}
	si := d.info(v.Type())
	here := d.pos(n)
	if si.pos >= 0 {
		v.Field(si.pos).Set(reflect.ValueOf(here))
	}
	size := 0 // FieldPos's entries, so that the map is made once
	for i := 1; i < len(n.Content); i += 2 {
		size += 2
		if val := n.Content[i]; val.Kind == yaml.SequenceNode || val.Kind == yaml.MappingNode {
			size += len(val.Content)
		}
	}
	fp := make(map[string]sim.Pos, size)
	if si.fieldPos >= 0 {
		v.Field(si.fieldPos).Set(reflect.ValueOf(fp))
	}
	before := len(d.errs)
	var seen uint64 // by field index, for the first 64; seenMore for the others
	var seenMore map[int]bool
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		name := k.Value
		fi, ok := si.fields[name]
		if !ok {
			d.errorf(k, "unknown field %q in %s%s", name, what, suggest.Hint(name, si.names))
			continue
		}
		if fi < 64 && seen&(1<<fi) != 0 || fi >= 64 && seenMore[fi] {
			d.errorf(k, "field %q is given twice", name)
			continue
		}
		if fi < 64 {
			seen |= 1 << fi
		} else {
			if seenMore == nil {
				seenMore = map[int]bool{}
			}
			seenMore[fi] = true
		}
		fp[name] = d.valuePos(val)
		fp[si.colon[fi]] = d.pos(k) // where the field's name is written ("name:")
		f := v.Field(fi)
		// Remember where each item of a list of scalars, and each key of a
		// mapping, is written.
		switch {
		case f.Kind() == reflect.Slice && val.Kind == yaml.SequenceNode:
			for j, item := range val.Content {
				fp[si.item(fi, j)] = d.valuePos(item) // "name[j]"
			}
		case f.Kind() == reflect.Map && val.Kind == yaml.MappingNode:
			for j := 0; j+1 < len(val.Content); j += 2 {
				fp[name+"."+val.Content[j].Value] = d.pos(val.Content[j])
			}
		}
		n := len(d.errs)
		d.decode(val, f, name)
		if len(d.errs) > n && (si.scalars[fi] || si.plain[fi]) {
			// A value that could not be read (or a list of numbers with
			// one that could not) was not given: checks that depend on it
			// (such as costs against a budget) keep quiet.
			delete(fp, name)
		}
	}
	if len(d.errs) > before {
		d.tainted[here] = true
	}
}

// valuePos is where a value's text begins (inside any quotes).
func (d *decoder) valuePos(n *yaml.Node) sim.Pos {
	p := d.pos(n)
	if n.Kind == yaml.ScalarNode && (n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle)) != 0 {
		p.Col++
	}
	return p
}

func (d *decoder) scalar(n *yaml.Node, v reflect.Value, what string) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "%s must be a single value, found %s", what, kindName(n))
		return
	}
	s := n.Value
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Bool:
		b, err := strconv.ParseBool(s)
		if err != nil || n.Tag != "!!bool" {
			d.errorf(n, "%s must be true or false, found %q", what, s)
			return
		}
		v.SetBool(b)
	case reflect.Int:
		i, err := strconv.ParseInt(s, 10, 0)
		if err != nil || n.Tag != "!!int" {
			d.errorf(n, "%s must be a whole number, found %q", what, s)
			return
		}
		v.SetInt(i)
	case reflect.Uint64:
		u, err := strconv.ParseUint(s, 10, 64)
		if err != nil || n.Tag != "!!int" {
			d.errorf(n, "%s must be a whole number of at least 0, found %q", what, s)
			return
		}
		v.SetUint(u)
	case reflect.Float64:
		f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
		if err != nil || (n.Tag != "!!int" && n.Tag != "!!float") || math.IsNaN(f) || math.IsInf(f, 0) {
			d.errorf(n, "%s must be a number, found %q", what, s)
			return
		}
		v.SetFloat(f)
	default:
		d.errorf(n, "%s: cannot decode into %s", what, v.Type())
	}
}

// expr decodes an expression, recording where its text begins so that an
// error inside it can point at the right column.
func (d *decoder) expr(n *yaml.Node, v reflect.Value) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "an expression must be a single value, found %s", kindName(n))
		return
	}
	x := sim.Expr{Src: n.Value, Pos: d.valuePos(n)}
	x.Indent = x.Pos.Col
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		// The text starts on the line after the indicator, at its indent.
		line := n.Line + 1
		for line-1 < len(d.lines) && strings.TrimSpace(d.lines[line-1]) == "" {
			line++
		}
		col := 1
		if line-1 < len(d.lines) {
			col = len(d.lines[line-1]) - len(strings.TrimLeft(d.lines[line-1], " ")) + 1
		}
		x.Pos = sim.Pos{File: d.file, Line: line, Col: col}
		x.Indent = col
	}
	from := x.Pos
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		// From the line after the indicator, for the blank lines a
		// block may start with.
		from = sim.Pos{File: d.file, Line: n.Line + 1, Col: 1}
	}
	x.At = d.runePositions(x, from, n.Style&yaml.DoubleQuotedStyle != 0)
	v.Set(reflect.ValueOf(x))
}

// runePositions returns the file position of each rune of x.Src, found by
// reading the file from from on alongside the text, or nil when the text
// is the file's own from x.Pos on (so that x.PosAt needs no table) or
// cannot be matched. YAML turns what is written into the value: a block
// or a plain scalar over several lines loses its indentation, and folding
// turns line breaks into spaces; a quoted scalar loses its escapes (a
// doubled single quote, \" and the like). So a rune of the text is
// matched with the next rune of the file that is the same (a space also
// with a line break, a rune of a double-quoted scalar also with the
// escape for it), passing over what YAML may have dropped: spaces, tabs,
// line breaks, backslashes and quotes.
func (d *decoder) runePositions(x sim.Expr, from sim.Pos, dquoted bool) []sim.Pos {
	if !x.Pos.IsValid() || from.Line < 1 || from.Line > len(d.lines) {
		return nil
	}
	if from == x.Pos && ownText(d.lines[from.Line-1], from.Col, x.Src) {
		return nil // each rune matches the file's next one, where PosAt puts it
	}
	li, ci := from.Line-1, from.Col-1
	cur := []rune(strings.TrimSuffix(d.lines[li], "\r"))
	next := func() bool { // moves to the next rune of the file
		if ci < len(cur) {
			ci++
			return true
		}
		if li+1 >= len(d.lines) {
			return false
		}
		li++
		ci = 0
		cur = []rune(strings.TrimSuffix(d.lines[li], "\r"))
		return true
	}
	var at []sim.Pos
	simple := true // every rune so far is where PosAt would put it without a table
	for i, r := range []rune(x.Src) {
		for {
			src := '\n'
			if ci < len(cur) {
				src = cur[ci]
			}
			if src == r || r == ' ' && src == '\n' {
				at = append(at, sim.Pos{File: x.Pos.File, Line: li + 1, Col: ci + 1})
				if li+1 != x.Pos.Line || ci+1 != x.Pos.Col+i {
					simple = false
				}
				next()
				break
			}
			if dquoted && src == '\\' && ci+1 < len(cur) {
				if e, n := unescape(cur[ci+1:]); n > 0 && e == r {
					at = append(at, sim.Pos{File: x.Pos.File, Line: li + 1, Col: ci + 1})
					simple = false
					ci += n
					next()
					break
				}
			}
			if !strings.ContainsRune(" \t\n\\\"'", src) || !next() {
				return nil
			}
		}
	}
	if simple {
		return nil
	}
	return at
}

// ownText reports whether text is written as it is on line from its
// column col (counted in runes) on: the case runePositions needs no table
// for.
func ownText(line string, col int, text string) bool {
	if strings.ContainsRune(text, '\n') || !utf8.ValidString(text) {
		return false
	}
	line = strings.TrimSuffix(line, "\r")
	off := 0
	for i := 1; i < col; i++ { // the byte offset of the column
		if off >= len(line) {
			return false
		}
		_, size := utf8.DecodeRuneInString(line[off:])
		off += size
	}
	return strings.HasPrefix(line[off:], text)
}

// unescape decodes the escape of a double-quoted YAML scalar whose
// letter starts s (what follows the backslash), returning the rune and
// how many runes of s it takes, or 0 for one it does not know.
func unescape(s []rune) (rune, int) {
	simple := map[rune]rune{'0': 0, 'a': '\a', 'b': '\b', 't': '\t', '\t': '\t', 'n': '\n', 'v': '\v', 'f': '\f', 'r': '\r', 'e': 0x1b, ' ': ' ', '"': '"', '/': '/', '\\': '\\', 'N': 0x85, '_': 0xa0, 'L': 0x2028, 'P': 0x2029}
	if e, ok := simple[s[0]]; ok {
		return e, 1
	}
	digits := map[rune]int{'x': 2, 'u': 4, 'U': 8}[s[0]]
	if digits == 0 || len(s) < 1+digits {
		return 0, 0
	}
	v, err := strconv.ParseUint(string(s[1:1+digits]), 16, 32)
	if err != nil {
		return 0, 0
	}
	return rune(v), 1 + digits
}
