package maps

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// ParseAssumed reads an assumed map from its JSON form (see Assumed's tags) and validates it. Unknown
// and repeated fields are errors (a typo would otherwise silently drop what the workshop wrote); null
// stands for an absent field; a touchpoint may be written as its bare name instead of an object. Updated
// is read as RFC 3339 and kept in UTC. Every error is an *AssumedError wrapping ErrInvalidAssumed that
// names the field and its line:column (lines from 1, columns in characters from 1) and says what to do.
func ParseAssumed(data []byte) (Assumed, error) {
	p := &assumedParser{data: data, at: map[string]int{}}
	root, err := p.document()
	if err != nil {
		return Assumed{}, err
	}
	a, err := p.assumed(root)
	if err != nil {
		return Assumed{}, err
	}
	if err := a.validate(p.position); err != nil {
		return Assumed{}, err
	}
	return a, nil
}

// maxJSONDepth bounds nesting: the format needs five levels, and a bound keeps hostile input from
// recursing deeply.
const maxJSONDepth = 32

// jsonNode is a JSON value with the byte offset where it starts.
type jsonNode struct {
	off    int
	kind   byte // 'o' object, 'a' array, 's' string, 'n' number, 'b' bool, 'z' null
	keys   []string
	keyOff []int
	vals   []*jsonNode // object values, in key order; array items
	str    string
	num    json.Number
}

type assumedParser struct {
	data []byte
	dec  *json.Decoder
	at   map[string]int // field path → offset of its value (or key, for unknown fields)
}

// document reads exactly one JSON value.
func (p *assumedParser) document() (*jsonNode, error) {
	p.dec = json.NewDecoder(bytes.NewReader(p.data))
	p.dec.UseNumber()
	root, err := p.value(0)
	if err != nil {
		return nil, err
	}
	off := p.next()
	if _, err := p.dec.Token(); err != io.EOF {
		return nil, p.errAt(off, "", "unexpected text after the map: an assumed map file holds one JSON object")
	}
	return root, nil
}

// next is the offset where the decoder's next token starts.
func (p *assumedParser) next() int {
	off := int(p.dec.InputOffset())
	for off < len(p.data) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

func (p *assumedParser) value(depth int) (*jsonNode, error) {
	if depth > maxJSONDepth {
		return nil, p.errAt(p.next(), "", "the JSON is nested too deeply to be an assumed map")
	}
	n := &jsonNode{off: p.next()}
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.syntax(err)
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.kind = 'o'
			for p.dec.More() {
				koff := p.next()
				k, err := p.dec.Token()
				if err != nil {
					return nil, p.syntax(err)
				}
				key, ok := k.(string)
				if !ok {
					return nil, p.errAt(koff, "", "an object key must be a string in double quotes")
				}
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.keys, n.keyOff, n.vals = append(n.keys, key), append(n.keyOff, koff), append(n.vals, v)
			}
		case '[':
			n.kind = 'a'
			for p.dec.More() {
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.vals = append(n.vals, v)
			}
		default:
			return nil, p.errAt(n.off, "", "unexpected %q", string(t))
		}
		if _, err := p.dec.Token(); err != nil { // the closing delimiter
			return nil, p.syntax(err)
		}
	case string:
		n.kind, n.str = 's', t
	case json.Number:
		n.kind, n.num = 'n', t
	case bool:
		n.kind = 'b'
	case nil:
		n.kind = 'z'
	}
	return n, nil
}

// syntax turns a decoder error into an AssumedError at the offset it names.
func (p *assumedParser) syntax(err error) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		off := syntaxOffset(p.data, se)
		return p.errAt(off, "", "%s: this is not valid JSON", strings.TrimPrefix(se.Error(), "json: "))
	case err == io.EOF && len(bytes.TrimSpace(p.data)) == 0:
		return p.errAt(0, "", "the file is empty: an assumed map is a JSON object with id, name and stages")
	case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
		return p.errAt(len(p.data), "", "the JSON ends too early: close every { and [ that was opened")
	}
	return p.errAt(p.next(), "", "%v", err)
}

// syntaxOffset points at the character a syntax error names. The decoder's offset is, depending on the
// error, on that character, one before it or before the whitespace that precedes it; the message names
// the character ("invalid character 'x' …"), so it is looked for from just before the offset on.
func syntaxOffset(data []byte, se *json.SyntaxError) int {
	off := min(max(int(se.Offset), 0), len(data))
	const prefix = "invalid character "
	msg := se.Error()
	i := strings.Index(msg, prefix)
	if i < 0 {
		return off
	}
	quoted := msg[i+len(prefix):]
	end := 4 // the length of '\''
	if !strings.HasPrefix(quoted, `'\''`) {
		if len(quoted) < 3 || quoted[0] != '\'' {
			return off
		}
		if end = strings.IndexByte(quoted[1:], '\'') + 2; end < 3 {
			return off
		}
	}
	inner := quoted[1 : end-1]
	var c byte
	switch inner {
	case `\'`:
		c = '\''
	case `"`:
		c = '"'
	default:
		u, err := strconv.Unquote(`"` + inner + `"`)
		if err != nil || len(u) != 1 {
			return off
		}
		c = u[0]
	}
	from := max(off-1, 0)
	if k := bytes.IndexByte(data[from:min(from+64, len(data))], c); k >= 0 {
		return from + k
	}
	return off
}

// errAt is an AssumedError at a byte offset.
func (p *assumedParser) errAt(off int, field, format string, args ...any) error {
	line, col := jsonLineCol(p.data, off)
	return &AssumedError{Field: field, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

// position is where a field path is, falling back to its nearest parent that is in the JSON (a missing
// field is reported where its object starts).
func (p *assumedParser) position(field string) (int, int) {
	for {
		if off, ok := p.at[field]; ok {
			return jsonLineCol(p.data, off)
		}
		i := strings.LastIndexAny(field, ".[")
		if i < 0 {
			return jsonLineCol(p.data, p.at[""])
		}
		field = field[:i]
	}
}

// lineCol turns a byte offset into a line and a column in characters, both from 1.
func jsonLineCol(data []byte, off int) (int, int) {
	off = min(max(off, 0), len(data))
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(data[start:off])
}

// fields walks an object's keys, rejecting unknown and repeated ones, and records every field's position.
func (p *assumedParser) fields(n *jsonNode, path, what string, known []string, fn func(key string, v *jsonNode) error) error {
	p.at[path] = n.off
	if n.kind != 'o' {
		return p.errAt(n.off, path, "%s must be a JSON object {…}, not %s", what, jsonKindName(n.kind))
	}
	seen := map[string]bool{}
	for i, k := range n.keys {
		field := fieldPath(path, k)
		if !knownField(known, k) {
			return p.errAt(n.keyOff[i], field, "unknown field %q in %s: the fields are %s", k, what, strings.Join(known, ", "))
		}
		if seen[k] {
			return p.errAt(n.keyOff[i], field, "field %q appears twice in %s: keep one", k, what)
		}
		seen[k] = true
		p.at[field] = n.vals[i].off
		if n.vals[i].kind == 'z' {
			continue
		}
		if err := fn(k, n.vals[i]); err != nil {
			return err
		}
	}
	return nil
}

func fieldPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func knownField(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func jsonKindName(k byte) string {
	return map[byte]string{'o': "an object", 'a': "an array", 's': "a string", 'n': "a number", 'b': "true or false",
		'z': "null"}[k]
}

func (p *assumedParser) str(n *jsonNode, field string) (string, error) {
	if n.kind != 's' {
		return "", p.errAt(n.off, field, "want a string in double quotes, got %s", jsonKindName(n.kind))
	}
	return n.str, nil
}

func (p *assumedParser) array(n *jsonNode, field string, each func(i int, item *jsonNode, field string) error) error {
	if n.kind != 'a' {
		return p.errAt(n.off, field, "want a list […], got %s", jsonKindName(n.kind))
	}
	for i, item := range n.vals {
		f := fmt.Sprintf("%s[%d]", field, i)
		p.at[f] = item.off
		if err := each(i, item, f); err != nil {
			return err
		}
	}
	return nil
}

func (p *assumedParser) assumed(root *jsonNode) (Assumed, error) {
	var a Assumed
	err := p.fields(root, "", "the map", []string{"id", "name", "kind", "persona", "stages", "personas", "updated"},
		func(k string, v *jsonNode) (err error) {
			switch k {
			case "id":
				a.ID, err = p.str(v, k)
			case "name":
				a.Name, err = p.str(v, k)
			case "kind":
				a.Kind, err = p.str(v, k)
			case "persona":
				a.Persona, err = p.str(v, k)
			case "updated":
				var s string
				if s, err = p.str(v, k); err == nil {
					var t time.Time
					if t, err = time.Parse(time.RFC3339Nano, s); err != nil {
						return p.errAt(v.off, k, "%q is not a time such as \"2026-07-01T12:00:00Z\" (RFC 3339)", s)
					}
					a.Updated = t.UTC()
				}
			case "stages":
				err = p.array(v, k, func(_ int, item *jsonNode, f string) error {
					s, err := p.stage(item, f)
					a.Stages = append(a.Stages, s)
					return err
				})
			case "personas":
				err = p.array(v, k, func(_ int, item *jsonNode, f string) error {
					per, err := p.persona(item, f)
					a.Personas = append(a.Personas, per)
					return err
				})
			}
			return err
		})
	return a, err
}

func (p *assumedParser) stage(n *jsonNode, path string) (AssumedStage, error) {
	var s AssumedStage
	err := p.fields(n, path, "a stage", []string{"name", "touchpoints"}, func(k string, v *jsonNode) (err error) {
		f := fieldPath(path, k)
		switch k {
		case "name":
			s.Name, err = p.str(v, f)
		case "touchpoints":
			err = p.array(v, f, func(_ int, item *jsonNode, f string) error {
				t, err := p.touchpoint(item, f)
				s.Touchpoints = append(s.Touchpoints, t)
				return err
			})
		}
		return err
	})
	return s, err
}

func (p *assumedParser) touchpoint(n *jsonNode, path string) (AssumedTouchpoint, error) {
	var t AssumedTouchpoint
	if n.kind == 's' { // the short form: just the name
		t.Touchpoint = n.str
		p.at[path+".touchpoint"] = n.off
		return t, nil
	}
	err := p.fields(n, path, "a touchpoint", []string{"touchpoint", "expectedShare"}, func(k string, v *jsonNode) (err error) {
		f := fieldPath(path, k)
		switch k {
		case "touchpoint":
			t.Touchpoint, err = p.str(v, f)
		case "expectedShare":
			if v.kind != 'n' {
				return p.errAt(v.off, f, "want a number between 0 and 1, got %s", jsonKindName(v.kind))
			}
			if t.ExpectedShare, err = strconv.ParseFloat(string(v.num), 64); err != nil {
				return p.errAt(v.off, f, "%s is not a number between 0 and 1", v.num)
			}
		}
		return err
	})
	return t, err
}

func (p *assumedParser) persona(n *jsonNode, path string) (AssumedPersona, error) {
	var per AssumedPersona
	err := p.fields(n, path, "a persona", []string{"name", "description", "expect"}, func(k string, v *jsonNode) (err error) {
		f := fieldPath(path, k)
		switch k {
		case "name":
			per.Name, err = p.str(v, f)
		case "description":
			per.Description, err = p.str(v, f)
		case "expect":
			err = p.array(v, f, func(_ int, item *jsonNode, f string) error {
				var e Expectation
				err := p.fields(item, f, "an expectation", []string{"feature", "level"}, func(k string, v *jsonNode) (err error) {
					switch k {
					case "feature":
						e.Feature, err = p.str(v, fieldPath(f, k))
					case "level":
						e.Level, err = p.str(v, fieldPath(f, k))
					}
					return err
				})
				per.Expect = append(per.Expect, e)
				return err
			})
		}
		return err
	})
	return per, err
}
