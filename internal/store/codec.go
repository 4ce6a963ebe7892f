package store

import (
	"encoding/binary"
	"fmt"
	"math"

	"wayline/internal/record"
)

// rowFormat is the first byte of every stored row. A new layout gets a new number and decodeRow keeps
// reading the old ones, so rows never need rewriting when the format grows.
const rowFormat = 1

// Event field flags: a field is written only when it differs from its zero value (compared bit for bit,
// so -0 and NaN survive a round trip).
const (
	flagHasValue byte = 1 << iota
	flagValue
	flagRating
	flagRatingScale
	flagText
	flagsKnown = flagHasValue | flagValue | flagRating | flagRatingScale | flagText
)

// Minimum encoded sizes, used to reject element counts that the remaining bytes cannot hold before
// allocating for them (a damaged length must not make the decoder allocate gigabytes).
const (
	minIdentifierSize = 2 // two empty strings
	minEventSize      = 5 // time, three empty strings, flags
	minAttributeSize  = 2
)

// appendRow appends the binary form of r to dst:
//
//	format byte (1)
//	varint file, varint line
//	uvarint n, n × (string type, string value)                      identifiers
//	uvarint n, n × (varint time, string touchpoint, string channel,
//	                string device, flags byte, [float64 value],
//	                [float64 rating], [float64 ratingScale], [string text])  events
//	uvarint n, n × (string name, string value)                      attributes
//
// Strings are a uvarint length then the bytes; floats are 8 bytes little-endian IEEE 754.
func appendRow(dst []byte, r record.Row) []byte {
	dst = append(dst, rowFormat)
	dst = binary.AppendVarint(dst, int64(r.File))
	dst = binary.AppendVarint(dst, int64(r.Line))
	dst = binary.AppendUvarint(dst, uint64(len(r.Identifiers)))
	for _, id := range r.Identifiers {
		dst = appendString(dst, id.Type)
		dst = appendString(dst, id.Value)
	}
	dst = binary.AppendUvarint(dst, uint64(len(r.Events)))
	for _, e := range r.Events {
		dst = binary.AppendVarint(dst, e.Time)
		dst = appendString(dst, e.Touchpoint)
		dst = appendString(dst, e.Channel)
		dst = appendString(dst, e.Device)
		var flags byte
		if e.HasValue {
			flags |= flagHasValue
		}
		if math.Float64bits(e.Value) != 0 {
			flags |= flagValue
		}
		if math.Float64bits(e.Rating) != 0 {
			flags |= flagRating
		}
		if math.Float64bits(e.RatingScale) != 0 {
			flags |= flagRatingScale
		}
		if e.Text != "" {
			flags |= flagText
		}
		dst = append(dst, flags)
		if flags&flagValue != 0 {
			dst = binary.LittleEndian.AppendUint64(dst, math.Float64bits(e.Value))
		}
		if flags&flagRating != 0 {
			dst = binary.LittleEndian.AppendUint64(dst, math.Float64bits(e.Rating))
		}
		if flags&flagRatingScale != 0 {
			dst = binary.LittleEndian.AppendUint64(dst, math.Float64bits(e.RatingScale))
		}
		if flags&flagText != 0 {
			dst = appendString(dst, e.Text)
		}
	}
	dst = binary.AppendUvarint(dst, uint64(len(r.Attributes)))
	for _, a := range r.Attributes {
		dst = appendString(dst, a.Name)
		dst = appendString(dst, a.Value)
	}
	return dst
}

func appendString(dst []byte, s string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(s)))
	return append(dst, s...)
}

// decodeRow decodes what appendRow wrote. Strings are copied out of b (bbolt's memory is only valid inside
// its transaction); labels that repeat across rows (types, touchpoints, channels, devices, attribute
// names) go through in, which may be nil. Errors wrap ErrCorrupt.
func decodeRow(b []byte, in *interner) (record.Row, error) {
	rb := rowBuilder{in: in}
	if err := visitRow(b, 0, &rb, &RawEvent{}); err != nil {
		return record.Row{}, err
	}
	return rb.row, nil
}

// rowBuilder is the RowVisitor that builds a record.Row.
type rowBuilder struct {
	in  *interner
	row record.Row
}

func (rb *rowBuilder) label(b []byte) string {
	if rb.in == nil {
		return string(b)
	}
	return rb.in.intern(b)
}

func (rb *rowBuilder) Row(_ uint64, file, line int) { rb.row = record.Row{File: file, Line: line} }

func (rb *rowBuilder) Identifier(typ, value []byte) {
	rb.row.Identifiers = append(rb.row.Identifiers, record.Identifier{Type: rb.label(typ), Value: string(value)})
}

func (rb *rowBuilder) Event(e *RawEvent) {
	rb.row.Events = append(rb.row.Events, record.Event{Time: e.Time, Touchpoint: rb.label(e.Touchpoint),
		Channel: rb.label(e.Channel), Device: rb.label(e.Device), Value: e.Value, HasValue: e.HasValue,
		Rating: e.Rating, RatingScale: e.RatingScale, Text: string(e.Text)})
}

func (rb *rowBuilder) Attribute(name, value []byte) {
	rb.row.Attributes = append(rb.row.Attributes, record.Attribute{Name: rb.label(name), Value: string(value)})
}

// scanIdentifiers calls fn for each identifier of an encoded row without decoding the rest, for the
// distinct-identifier scan of Summary. The slices point into b.
func scanIdentifiers(b []byte, fn func(typ, value []byte)) error {
	d := decoder{b: b}
	if v := d.byte(); v != rowFormat && d.err == nil {
		return fmt.Errorf("%w: unknown row format %d", ErrCorrupt, v)
	}
	d.varint()
	d.varint()
	n := d.count(minIdentifierSize)
	for range n {
		typ, value := d.bytes(), d.bytes()
		if d.err != nil {
			break
		}
		fn(typ, value)
	}
	return d.err
}

// decoder reads the primitives of the row format. After the first error every read returns a zero value
// and err keeps the first cause, so callers check once at the end.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: row ends inside %s", ErrCorrupt, what)
	}
	d.b = nil
}

func (d *decoder) byte() byte {
	if len(d.b) < 1 {
		d.fail("a byte")
		return 0
	}
	v := d.b[0]
	d.b = d.b[1:]
	return v
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("a number")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail("a number")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) int() int {
	v := d.varint()
	if int64(int(v)) != v {
		if d.err == nil {
			d.err = fmt.Errorf("%w: number %d does not fit an int", ErrCorrupt, v)
		}
		return 0
	}
	return int(v)
}

// count reads an element count and checks that the remaining bytes can hold that many elements.
func (d *decoder) count(minSize int) int {
	v := d.uvarint()
	if d.err != nil {
		return 0
	}
	if v > uint64(len(d.b)/minSize) {
		d.err = fmt.Errorf("%w: count %d exceeds the row's %d remaining bytes", ErrCorrupt, v, len(d.b))
		d.b = nil
		return 0
	}
	return int(v)
}

func (d *decoder) bytes() []byte {
	n := d.uvarint()
	if d.err != nil {
		return nil
	}
	if n > uint64(len(d.b)) {
		d.fail("a string")
		return nil
	}
	v := d.b[:n:n]
	d.b = d.b[n:]
	return v
}

func (d *decoder) string() string {
	return string(d.bytes())
}

func (d *decoder) float() float64 {
	if len(d.b) < 8 {
		d.fail("a float")
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
	d.b = d.b[8:]
	return v
}

// interner shares one string per distinct label across the rows of a scan, so a million events on ten
// touchpoints hold ten touchpoint strings, not a million. It stops adding once full, so a high-cardinality
// field (a URL used as touchpoint) costs a bounded map and falls back to plain copies.
type interner struct {
	m map[string]string
}

const internerLimit = 1 << 16

func newInterner() *interner { return &interner{m: make(map[string]string)} }

func (in *interner) intern(b []byte) string {
	if s, ok := in.m[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(in.m) < internerLimit {
		in.m[s] = s
	}
	return s
}

// appendRejection encodes a rejection: format byte, string file, varint line, string column, string reason.
func appendRejection(dst []byte, r Rejection) []byte {
	dst = append(dst, rowFormat)
	dst = appendString(dst, r.File)
	dst = binary.AppendVarint(dst, int64(r.Line))
	dst = appendString(dst, r.Column)
	return appendString(dst, r.Reason)
}

func decodeRejection(b []byte) (Rejection, error) {
	d := decoder{b: b}
	if v := d.byte(); v != rowFormat && d.err == nil {
		return Rejection{}, fmt.Errorf("%w: unknown rejection format %d", ErrCorrupt, v)
	}
	r := Rejection{File: d.string(), Line: d.int(), Column: d.string(), Reason: d.string()}
	if d.err == nil && len(d.b) != 0 {
		d.err = fmt.Errorf("%w: %d unexpected bytes after a rejection", ErrCorrupt, len(d.b))
	}
	if d.err != nil {
		return Rejection{}, d.err
	}
	return r, nil
}
