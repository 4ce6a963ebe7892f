package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonReader streams the records of a JSON document: the elements of a top-level array, or of an array
// found inside a top-level object. json.Decoder walks the document token by token until the array, then
// decodes one element at a time into a reused json.RawMessage, which the flattener turns into columns.
// A syntax error stops the reader (a *ParseError with Fatal set): JSON has no line structure to resume at.
type jsonReader struct {
	path   string
	dec    *json.Decoder
	lines  *lineCounter
	closer io.Closer
	fl     flattener
	raw    json.RawMessage
	done   bool
}

func newJSONReader(path string, text *bufio.Reader, closer io.Closer, records string, info *Info) (*jsonReader, error) {
	lc := &lineCounter{r: text}
	dec := json.NewDecoder(lc)
	r := &jsonReader{path: path, dec: dec, lines: lc, closer: closer}
	r.fl.cols = newColumnSet(nil)
	found, err := r.findRecords(records)
	if err != nil {
		return nil, r.syntaxErr(err)
	}
	if found == nil {
		detail := "no array of objects in the document"
		if records != "" {
			detail = fmt.Sprintf("no array at %q", records)
		}
		return nil, fileErr(path, ErrNoRecords, detail, "name the array holding the records (the recipe's records field)")
	}
	info.Records = strings.Join(found, ".")
	return r, nil
}

// findRecords positions the decoder just inside the records array and returns its path (empty, not nil,
// for a top-level array); nil means none was found. Without a wanted path it takes the first array, in
// document order, whose first element is an object.
func (r *jsonReader) findRecords(want string) ([]string, error) {
	tok, err := r.dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('['):
		if want != "" {
			return nil, nil
		}
		return []string{}, nil
	case json.Delim('{'):
		var wantPath []string
		if want != "" {
			wantPath = strings.Split(want, ".")
		}
		return r.searchObject(nil, wantPath)
	}
	return nil, nil
}

// searchObject walks the members of an object whose "{" was just read.
func (r *jsonReader) searchObject(path, want []string) ([]string, error) {
	for r.dec.More() {
		keyTok, err := r.dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := keyTok.(string)
		here := append(path[:len(path):len(path)], key)
		wanted := want != nil && len(want) > len(path) && want[len(path)] == key
		if want != nil && !wanted {
			if err := r.skipValue(); err != nil {
				return nil, err
			}
			continue
		}
		tok, err := r.dec.Token()
		if err != nil {
			return nil, err
		}
		switch tok {
		case json.Delim('['):
			if want != nil {
				if len(here) == len(want) {
					return here, nil
				}
			} else if r.nextIsObject() {
				return here, nil
			}
			if err := r.skipRest(1); err != nil {
				return nil, err
			}
		case json.Delim('{'):
			found, err := r.searchObject(here, want)
			if found != nil || err != nil {
				return found, err
			}
		}
	}
	_, err := r.dec.Token() // the closing "}"
	return nil, err
}

// nextIsObject peeks at the decoder's buffer: does the next value start with "{"?
func (r *jsonReader) nextIsObject() bool {
	if !r.dec.More() {
		return false
	}
	var b [1]byte
	rd := r.dec.Buffered()
	for {
		if _, err := rd.Read(b[:]); err != nil {
			return false
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return b[0] == '{'
	}
}

// skipValue reads and discards one value token by token, never holding it whole.
func (r *jsonReader) skipValue() error {
	tok, err := r.dec.Token()
	if err != nil {
		return err
	}
	if tok == json.Delim('[') || tok == json.Delim('{') {
		return r.skipRest(1)
	}
	return nil
}

// skipRest discards tokens until depth open arrays/objects are closed.
func (r *jsonReader) skipRest(depth int) error {
	for depth > 0 {
		tok, err := r.dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('['), json.Delim('{'):
			depth++
		case json.Delim(']'), json.Delim('}'):
			depth--
		}
	}
	return nil
}

func (r *jsonReader) syntaxErr(err error) error {
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	off := r.dec.InputOffset()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	line, col := r.lines.position(off)
	return &ParseError{Path: r.path, Line: line, Column: col, Err: err, Fatal: true}
}

func (r *jsonReader) Columns() []string       { return r.fl.cols.names }
func (r *jsonReader) Index(column string) int { return r.fl.cols.lookup(column) }
func (r *jsonReader) Close() error            { return r.closer.Close() }

func (r *jsonReader) Next() (Record, error) {
	for {
		if r.done {
			return Record{}, io.EOF
		}
		if !r.dec.More() {
			r.done = true // the rest of the document (other members) is not records
			return Record{}, io.EOF
		}
		if err := r.dec.Decode(&r.raw); err != nil {
			r.done = true
			return Record{}, r.syntaxErr(err)
		}
		start := r.dec.InputOffset() - int64(len(r.raw))
		line, _ := r.lines.position(start)
		if err := r.fl.record(string(r.raw)); err != nil {
			return Record{}, &ParseError{Path: r.path, Line: line, Err: err}
		}
		return Record{Line: line, Values: r.fl.vals}, nil
	}
}

// lineCounter passes bytes through while noting where the newlines are, so that a decoder offset can be
// turned into a line number. Offsets are asked for in increasing order, so newlines already passed are
// counted and dropped: memory stays bounded by the decoder's read-ahead.
type lineCounter struct {
	r        io.Reader
	read     int64   // bytes read so far
	pending  []int64 // offsets of newlines not yet passed by a query
	line     int     // newlines before the last queried offset
	lastNL   int64   // offset of the last passed newline, -1 before the first
	lastNLOK bool
}

func (lc *lineCounter) Read(p []byte) (int, error) {
	n, err := lc.r.Read(p)
	for i := 0; i < n; {
		j := bytes.IndexByte(p[i:n], '\n')
		if j < 0 {
			break
		}
		lc.pending = append(lc.pending, lc.read+int64(i+j))
		i += j + 1
	}
	lc.read += int64(n)
	return n, err
}

// position returns the 1-based line and column of byte offset off.
func (lc *lineCounter) position(off int64) (line, col int) {
	k := 0
	for k < len(lc.pending) && lc.pending[k] < off {
		lc.lastNL, lc.lastNLOK = lc.pending[k], true
		k++
	}
	lc.line += k
	lc.pending = lc.pending[k:]
	start := int64(0)
	if lc.lastNLOK {
		start = lc.lastNL + 1
	}
	return lc.line + 1, int(off-start) + 1
}

// maxDepth bounds nesting so that hostile input cannot exhaust the stack.
const maxDepth = 128

// flattener turns one JSON object (as text) into values of a growing column set. Nested objects become
// dotted paths (context.device.type). Arrays: all scalars are joined with "," (tags: "a,b"); an array of
// {key, value:{string_value, int_value, ...}} objects — GA4's event_params and user_properties — becomes
// one column per key (event_params.page_location) holding the non-null value; any other array is indexed
// (items.0.sku, items.1.sku). Numbers keep their text exactly; null is empty; true/false stay words.
type flattener struct {
	s    string
	i    int
	path []byte
	cols columnSet
	vals []string
	err  error
}

type jsonErr struct {
	off int
	msg string
}

func (e *jsonErr) Error() string { return e.msg }

// record flattens the object s into f.vals (reset first). Errors carry the byte offset in the message.
func (f *flattener) record(s string) error {
	f.s, f.i, f.path, f.vals, f.err = s, 0, f.path[:0], f.vals[:0], nil
	f.ws()
	if f.i >= len(s) || s[f.i] != '{' {
		return ErrNotObject
	}
	f.object(0, true)
	if f.err == nil {
		f.ws()
		if f.i < len(s) {
			f.fail("unexpected text after the object")
		}
	}
	return f.err
}

// errOffset returns the offset of the last error, or -1.
func (f *flattener) errOffset() int {
	var je *jsonErr
	if errors.As(f.err, &je) {
		return je.off
	}
	return -1
}

func (f *flattener) fail(msg string) {
	if f.err == nil {
		f.err = &jsonErr{off: f.i, msg: msg}
	}
}

func (f *flattener) ws() {
	for f.i < len(f.s) {
		switch f.s[f.i] {
		case ' ', '\t', '\r', '\n':
			f.i++
		default:
			return
		}
	}
}

// set stores v at the current path, adding the column if new.
func (f *flattener) set(v string) {
	idx, ok := f.cols.index[string(f.path)]
	if !ok {
		if len(f.cols.names) >= MaxColumns {
			if f.err == nil {
				f.err = fmt.Errorf("%w: more than %d columns, at %q", ErrTooManyColumns, MaxColumns, f.path)
			}
			return
		}
		idx = f.cols.add(string(f.path))
	}
	for len(f.vals) <= idx {
		f.vals = append(f.vals, "")
	}
	f.vals[idx] = v
}

func (f *flattener) pushKey(key string) int {
	n := len(f.path)
	if n > 0 {
		f.path = append(f.path, '.')
	}
	f.path = append(f.path, key...)
	return n
}

// value parses one value; with emit it stores scalars at the current path, else it only validates.
func (f *flattener) value(depth int, emit bool) {
	if depth > maxDepth {
		f.fail("nesting too deep")
		return
	}
	f.ws()
	if f.i >= len(f.s) {
		f.fail("unexpected end of input")
		return
	}
	switch c := f.s[f.i]; {
	case c == '{':
		f.object(depth, emit)
	case c == '[':
		f.array(depth, emit)
	default:
		v, ok := f.scalar()
		if ok && emit {
			f.set(v)
		}
	}
}

// scalar parses a string, number, true, false or null and returns its text ("" for null).
func (f *flattener) scalar() (string, bool) {
	if f.i >= len(f.s) {
		f.fail("unexpected end of input")
		return "", false
	}
	c := f.s[f.i]
	switch {
	case c == '"':
		return f.str()
	case c == '-' || (c >= '0' && c <= '9'):
		return f.number()
	}
	for _, lit := range [...]string{"true", "false", "null"} {
		if strings.HasPrefix(f.s[f.i:], lit) {
			f.i += len(lit)
			if lit == "null" {
				return "", true
			}
			return lit, true
		}
	}
	f.fail(fmt.Sprintf("invalid character %q looking for a value", c))
	return "", false
}

func (f *flattener) number() (string, bool) {
	start := f.i
	if f.s[f.i] == '-' {
		f.i++
	}
	digits := func() int {
		n := 0
		for f.i < len(f.s) && f.s[f.i] >= '0' && f.s[f.i] <= '9' {
			f.i++
			n++
		}
		return n
	}
	if f.i < len(f.s) && f.s[f.i] == '0' {
		f.i++
	} else if digits() == 0 {
		f.fail("invalid number")
		return "", false
	}
	if f.i < len(f.s) && f.s[f.i] == '.' {
		f.i++
		if digits() == 0 {
			f.fail("invalid number")
			return "", false
		}
	}
	if f.i < len(f.s) && (f.s[f.i] == 'e' || f.s[f.i] == 'E') {
		f.i++
		if f.i < len(f.s) && (f.s[f.i] == '+' || f.s[f.i] == '-') {
			f.i++
		}
		if digits() == 0 {
			f.fail("invalid number")
			return "", false
		}
	}
	return f.s[start:f.i], true
}

// str parses a string; without escapes the result is a substring of the record (no allocation).
func (f *flattener) str() (string, bool) {
	f.i++ // opening quote
	start := f.i
	escaped := false
	for f.i < len(f.s) {
		c := f.s[f.i]
		switch {
		case c == '"':
			raw := f.s[start:f.i]
			f.i++
			if !escaped {
				return raw, true
			}
			return f.unescape(raw, start)
		case c == '\\':
			escaped = true
			f.i += 2
		case c < 0x20:
			f.fail("control character in string")
			return "", false
		default:
			f.i++
		}
	}
	f.fail("unterminated string")
	return "", false
}

func (f *flattener) unescape(raw string, base int) (string, bool) {
	b := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' {
			b = append(b, c)
			continue
		}
		i++
		if i >= len(raw) {
			f.i = base + i
			f.fail("invalid escape")
			return "", false
		}
		switch raw[i] {
		case '"', '\\', '/':
			b = append(b, raw[i])
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, n := hex4(raw[i+1:])
			if n < 0 {
				f.i = base + i
				f.fail("invalid \\u escape")
				return "", false
			}
			i += 4
			if utf16.IsSurrogate(r) {
				if r2, n2 := hex4(strings.TrimPrefix(raw[i+1:], `\u`)); n2 >= 0 && strings.HasPrefix(raw[i+1:], `\u`) {
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						r = dec
						i += 6
					} else {
						r = utf8.RuneError
					}
				} else {
					r = utf8.RuneError
				}
			}
			b = utf8.AppendRune(b, r)
		default:
			f.i = base + i
			f.fail("invalid escape")
			return "", false
		}
	}
	return string(b), true
}

func hex4(s string) (rune, int) {
	if len(s) < 4 {
		return 0, -1
	}
	v, err := strconv.ParseUint(s[:4], 16, 32)
	if err != nil {
		return 0, -1
	}
	return rune(v), 4
}

func (f *flattener) object(depth int, emit bool) {
	f.i++ // {
	f.ws()
	if f.i < len(f.s) && f.s[f.i] == '}' {
		f.i++
		return
	}
	for f.err == nil {
		f.ws()
		if f.i >= len(f.s) || f.s[f.i] != '"' {
			f.fail("expected a quoted key")
			return
		}
		key, ok := f.str()
		if !ok {
			return
		}
		f.ws()
		if f.i >= len(f.s) || f.s[f.i] != ':' {
			f.fail("expected ':' after a key")
			return
		}
		f.i++
		n := f.pushKey(key)
		f.value(depth+1, emit)
		f.path = f.path[:n]
		if f.closes('}', "an object") {
			return
		}
	}
}

// arrayShape classifies the elements of the array starting at f.i without consuming it.
type arrayShape int

const (
	shapeEmpty arrayShape = iota
	shapeScalars
	shapeKeyValue
	shapeMixed
)

func (f *flattener) array(depth int, emit bool) {
	if !emit {
		f.elements(depth, func(int) { f.value(depth+1, false) })
		return
	}
	start := f.i
	shape := f.shape(depth)
	if f.err != nil {
		return
	}
	f.i = start
	switch shape {
	case shapeEmpty:
		f.elements(depth, nil)
		f.set("")
	case shapeScalars:
		var sb strings.Builder
		f.elements(depth, func(k int) {
			f.ws()
			v, _ := f.scalar()
			if k > 0 {
				sb.WriteByte(',')
			}
			sb.WriteString(v)
		})
		f.set(sb.String())
	case shapeKeyValue:
		f.elements(depth, func(int) { f.keyValue(depth + 1) })
	default:
		f.elements(depth, func(k int) {
			n := f.pushKey(strconv.Itoa(k))
			f.value(depth+1, true)
			f.path = f.path[:n]
		})
	}
}

// elements walks the elements of the array at f.i, calling each (which must consume one value).
func (f *flattener) elements(depth int, each func(k int)) {
	if depth > maxDepth {
		f.fail("nesting too deep")
		return
	}
	f.i++ // [
	f.ws()
	if f.i < len(f.s) && f.s[f.i] == ']' {
		f.i++
		return
	}
	for k := 0; f.err == nil; k++ {
		f.ws()
		if each == nil {
			f.value(depth+1, false)
		} else {
			each(k)
		}
		if f.err != nil {
			return
		}
		if f.closes(']', "an array") {
			return
		}
	}
}

// closes steps past what follows a member of an object or an element of an array: a comma (false: more
// follow) or the closing bracket (true). Anything else, or the end of the input, fails (true, f.err set).
func (f *flattener) closes(closer byte, in string) bool {
	f.ws()
	if f.i >= len(f.s) {
		f.fail("unexpected end of input in " + in)
		return true
	}
	switch f.s[f.i] {
	case ',':
		f.i++
		return false
	case closer:
		f.i++
		return true
	}
	f.fail("expected ',' or '" + string(closer) + "' in " + in)
	return true
}

// shape validates the array at f.i and says how to flatten it.
func (f *flattener) shape(depth int) arrayShape {
	scalars, kv, n := true, true, 0
	f.elements(depth, func(int) {
		n++
		f.ws()
		if f.i >= len(f.s) {
			f.fail("unexpected end of input")
			return
		}
		switch f.s[f.i] {
		case '{':
			scalars = false
			if kv {
				_, _, ok := f.peekKeyValue(depth + 1)
				kv = ok
			} else {
				f.value(depth+1, false)
			}
		case '[':
			scalars, kv = false, false
			f.value(depth+1, false)
		default:
			kv = false
			f.value(depth+1, false)
		}
	})
	switch {
	case n == 0:
		return shapeEmpty
	case scalars:
		return shapeScalars
	case kv:
		return shapeKeyValue
	}
	return shapeMixed
}

// peekKeyValue parses an object and reports whether it has the GA4 shape {"key": "...", "value": {...}}
// where value holds only scalars; it returns the key and the first non-null *_value member.
func (f *flattener) peekKeyValue(depth int) (key, val string, ok bool) {
	f.i++ // {
	hasKey, hasValue, ok := false, false, true
	f.ws()
	if f.i < len(f.s) && f.s[f.i] == '}' {
		f.i++
		return "", "", false
	}
	for f.err == nil {
		f.ws()
		if f.i >= len(f.s) || f.s[f.i] != '"' {
			f.fail("expected a quoted key")
			return "", "", false
		}
		name, _ := f.str()
		f.ws()
		if f.i >= len(f.s) || f.s[f.i] != ':' {
			f.fail("expected ':' after a key")
			return "", "", false
		}
		f.i++
		f.ws()
		switch {
		case name == "key" && f.i < len(f.s) && f.s[f.i] == '"':
			key, _ = f.str()
			hasKey = true
		case name == "value" && f.i < len(f.s) && f.s[f.i] == '{':
			var good bool
			val, good = f.typedValue(depth + 1)
			hasValue = true
			ok = ok && good
		default:
			ok = false
			f.value(depth+1, false)
		}
		if f.closes('}', "an object") {
			if f.err != nil {
				return "", "", false
			}
			break
		}
	}
	return key, val, ok && hasKey && hasValue && f.err == nil
}

// typedValue parses GA4's {"string_value": ..., "int_value": ..., ...} and returns the first non-null
// member whose name ends in "_value"; ok is false if a member is not a scalar.
func (f *flattener) typedValue(depth int) (string, bool) {
	var out string
	found, ok := false, true
	f.elementsOfObject(depth, func(name string) {
		f.ws()
		if f.i < len(f.s) && (f.s[f.i] == '{' || f.s[f.i] == '[') {
			ok = false
			f.value(depth+1, false)
			return
		}
		isNull := strings.HasPrefix(f.s[f.i:], "null")
		v, _ := f.scalar()
		if !found && !isNull && strings.HasSuffix(name, "_value") {
			out, found = v, true
		}
	})
	return out, ok
}

// elementsOfObject walks the members of the object at f.i, calling each with the member name; each must
// consume the value.
func (f *flattener) elementsOfObject(depth int, each func(name string)) {
	f.i++ // {
	f.ws()
	if f.i < len(f.s) && f.s[f.i] == '}' {
		f.i++
		return
	}
	for f.err == nil {
		f.ws()
		if f.i >= len(f.s) || f.s[f.i] != '"' {
			f.fail("expected a quoted key")
			return
		}
		name, _ := f.str()
		f.ws()
		if f.i >= len(f.s) || f.s[f.i] != ':' {
			f.fail("expected ':' after a key")
			return
		}
		f.i++
		each(name)
		if f.closes('}', "an object") {
			return
		}
	}
}

// keyValue emits one GA4 {key, value} element as <path>.<key> = value.
func (f *flattener) keyValue(depth int) {
	key, val, _ := f.peekKeyValue(depth)
	if f.err != nil {
		return
	}
	n := f.pushKey(key)
	f.set(val)
	f.path = f.path[:n]
}
