package ingest

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// xesReader streams an XES event log (IEEE 1849) with encoding/xml: each <event> is a record. Columns are
// the trace's concept:name as case:concept:name, every other trace attribute as case:<key>, and the event's
// attributes by key (concept:name, time:timestamp, lifecycle:transition, org:resource, ...). Nested
// attributes (XES 2.0 lists and containers) become <parent>.<child>. Log-level attributes and <global>
// defaults are not copied onto events. An XML error stops the reader with a fatal *ParseError.
type xesReader struct {
	path   string
	dec    *xml.Decoder
	closer io.Closer
	cols   columnSet
	vals   []string

	trace    []traceAttr // attributes of the current trace
	inTrace  bool
	keyStack []string // keys of the open attribute elements
	err      error
	caseBuf  []byte
}

type traceAttr struct {
	col   int
	value string
}

func newXESReader(path string, text *bufio.Reader, closer io.Closer) (*xesReader, error) {
	dec := xml.NewDecoder(text)
	// The text layer has already decoded the file to UTF-8, whatever the prolog declares.
	dec.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	r := &xesReader{path: path, dec: dec, closer: closer, cols: newColumnSet(nil)}
	for {
		tok, err := dec.Token()
		if err != nil {
			if err == io.EOF {
				return nil, fileErr(path, ErrUnknownFormat, "XML without a root element", actionExport)
			}
			return nil, r.xmlErr(err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if se.Name.Local != "log" {
				return nil, fileErr(path, ErrUnknownFormat,
					fmt.Sprintf("XML whose root is <%s>, not an XES <log>", se.Name.Local), actionExport+" or XES")
			}
			return r, nil
		}
	}
}

func (r *xesReader) xmlErr(err error) error {
	line, _ := r.dec.InputPos()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line = se.Line
		err = errors.New(se.Msg)
	}
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return &ParseError{Path: r.path, Line: line, Err: err, Fatal: true}
}

func (r *xesReader) Columns() []string       { return r.cols.names }
func (r *xesReader) Index(column string) int { return r.cols.lookup(column) }
func (r *xesReader) Close() error            { return r.closer.Close() }

// column returns the index of name, adding it if new.
func (r *xesReader) column(name []byte) int {
	if i, ok := r.cols.index[string(name)]; ok {
		return i
	}
	return r.cols.add(string(name))
}

// attrKeyValue returns the key and value attributes of an XES attribute element.
// hasValue is false for a list or container, which only groups nested attributes.
func attrKeyValue(se xml.StartElement) (key, value string, hasKey, hasValue bool) {
	for _, a := range se.Attr {
		switch a.Name.Local {
		case "key":
			key, hasKey = a.Value, true
		case "value":
			value, hasValue = a.Value, true
		}
	}
	return key, value, hasKey, hasValue
}

// path joins the open attribute keys and key with ".".
func (r *xesReader) keyPath(prefix, key string) []byte {
	b := append(r.caseBuf[:0], prefix...)
	for _, k := range r.keyStack {
		if k == "" {
			continue
		}
		b = append(b, k...)
		b = append(b, '.')
	}
	b = append(b, key...)
	r.caseBuf = b
	return b
}

func (r *xesReader) Next() (Record, error) {
	if r.err != nil {
		return Record{}, r.err
	}
	for {
		tok, err := r.dec.Token()
		if err != nil {
			if err == io.EOF {
				r.err = io.EOF
				return Record{}, r.err
			}
			pe := r.xmlErr(err)
			r.err = io.EOF
			return Record{}, pe
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "global", "extension", "classifier":
				if err := r.dec.Skip(); err != nil {
					pe := r.xmlErr(err)
					r.err = io.EOF
					return Record{}, pe
				}
			case "trace":
				r.inTrace, r.trace, r.keyStack = true, r.trace[:0], r.keyStack[:0]
			case "event":
				line, _ := r.dec.InputPos()
				if err := r.readEvent(); err != nil {
					r.err = io.EOF
					return Record{}, err
				}
				return Record{Line: line, Values: r.vals}, nil
			default:
				key, value, _, hasValue := attrKeyValue(t)
				if hasValue && r.inTrace {
					idx := r.column(r.keyPath("case:", key))
					r.trace = append(r.trace, traceAttr{col: idx, value: value})
				}
				r.keyStack = append(r.keyStack, key) // "" for an element without a key keeps the stack balanced
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "trace":
				r.inTrace = false
				r.keyStack = r.keyStack[:0]
			default:
				if n := len(r.keyStack); n > 0 {
					r.keyStack = r.keyStack[:n-1]
				}
			}
		}
	}
}

// readEvent reads the attributes of an <event> (its start already consumed) into r.vals.
func (r *xesReader) readEvent() error {
	r.vals = r.vals[:0]
	setVal := func(idx int, v string) {
		for len(r.vals) <= idx {
			r.vals = append(r.vals, "")
		}
		r.vals[idx] = v
	}
	for _, a := range r.trace {
		setVal(a.col, a.value)
	}
	var stack []string
	saved := r.keyStack
	for depth := 1; depth > 0; {
		tok, err := r.dec.Token()
		if err != nil {
			return r.xmlErr(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			key, value, _, hasValue := attrKeyValue(t)
			if hasValue {
				r.keyStack = stack
				setVal(r.column(r.keyPath("", key)), value)
			}
			stack = append(stack, key)
		case xml.EndElement:
			depth--
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	r.keyStack = saved
	return nil
}
