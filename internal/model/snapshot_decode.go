package model

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"
	"math/bits"
)

// DecodeSnapshot decodes what EncodeSnapshot wrote. Any damage (checksum, structure, an id out of range, a
// count the bytes cannot hold) returns an error wrapping ErrBadSnapshot and never panics; memory allocated
// is bounded by a small multiple of len(data) before the data is trusted. The model shares nothing with
// data.
func DecodeSnapshot(data []byte) (*Model, error) {
	if len(data) < len(snapshotMagic)+1+4 || string(data[:len(snapshotMagic)]) != snapshotMagic {
		return nil, fmt.Errorf("%w: not a model snapshot", ErrBadSnapshot)
	}
	if v := data[len(snapshotMagic)]; v != snapshotVersion {
		return nil, fmt.Errorf("%w: format version %d, this Wayline reads %d", ErrBadSnapshot, v, snapshotVersion)
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.Checksum(body, castagnoli) != sum {
		return nil, fmt.Errorf("%w: checksum mismatch", ErrBadSnapshot)
	}
	return decodeSections(body[len(snapshotMagic)+1:])
}

// decodeSections decodes a snapshot's sections, the checksum already verified.
func decodeSections(b []byte) (*Model, error) {
	var sec [numSections][]byte
	for i := range sec {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			return nil, fmt.Errorf("%w: section %d is cut short", ErrBadSnapshot, i)
		}
		sec[i], b = b[k:k+int(n)], b[k+int(n):]
	}
	if len(b) != 0 {
		return nil, fmt.Errorf("%w: %d bytes after the last section", ErrBadSnapshot, len(b))
	}
	var counts [6]int
	c := sec[0]
	for i := range counts {
		v, k := binary.Uvarint(c)
		if k <= 0 || v > math.MaxUint32 {
			return nil, fmt.Errorf("%w: bad counts", ErrBadSnapshot)
		}
		counts[i], c = int(v), c[k:]
	}
	nDict, nBatches, nRows, nIDs, nAttrs, nEvents := counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]
	// Each entry of a column takes at least one byte, so a count larger than its section is a lie: checking
	// this first bounds every allocation below by the input's size.
	if len(c) != 0 || nDict < 1 || nDict-1 > len(sec[1]) || nBatches > len(sec[3]) || nRows > len(sec[4]) ||
		nIDs > len(sec[10]) || nAttrs > len(sec[12]) || nEvents > len(sec[14]) {
		return nil, fmt.Errorf("%w: counts do not fit the sections", ErrBadSnapshot)
	}
	m := &Model{}
	if err := m.decodeDict(nDict, sec[1], sec[2]); err != nil {
		return nil, err
	}
	if err := m.decodeBatches(nBatches, sec[3]); err != nil {
		return nil, err
	}
	if err := m.decodeRows(nRows, nIDs, nAttrs, nEvents, sec[4:10]); err != nil {
		return nil, err
	}
	dict := uint64(nDict)
	m.IDType, m.IDValue = make([]uint32, nIDs), make([]uint32, nIDs)
	m.AttrName, m.AttrValue = make([]uint32, nAttrs), make([]uint32, nAttrs)
	for i, col := range [][]uint32{m.IDType, m.IDValue, m.AttrName, m.AttrValue} {
		if err := uvarints(sec[10+i], col, dict); err != nil {
			return nil, fmt.Errorf("%w: section %d: %v", ErrBadSnapshot, 10+i, err)
		}
	}
	return m, m.decodeEvents(nEvents, sec[14:])
}

// decodeDict reads the dictionary: one string holds every byte, and each entry is a piece of it.
func (m *Model) decodeDict(n int, lengths, all []byte) error {
	m.dict = make([]string, n)
	m.index = make(map[string]uint32, n)
	m.index[""] = None
	s := string(all)
	off := 0
	for i := 1; i < n; i++ {
		l, k := binary.Uvarint(lengths)
		if k <= 0 || l > uint64(len(s)-off) {
			return fmt.Errorf("%w: dictionary entry %d", ErrBadSnapshot, i)
		}
		lengths = lengths[k:]
		str := s[off : off+int(l)]
		off += int(l)
		if _, dup := m.index[str]; dup {
			return fmt.Errorf("%w: dictionary entry %d repeats %q", ErrBadSnapshot, i, str)
		}
		m.dict[i], m.index[str] = str, uint32(i)
	}
	if len(lengths) != 0 || off != len(s) {
		return fmt.Errorf("%w: dictionary lengths and bytes disagree", ErrBadSnapshot)
	}
	return nil
}

func (m *Model) decodeBatches(n int, b []byte) error {
	r := reader{b: b}
	m.Batches = make([]Batch, n)
	for i := range m.Batches {
		bt := &m.Batches[i]
		bt.ID = r.uvarint()
		files := r.uvarint()
		if files > uint64(len(r.b)) {
			r.fail()
			break
		}
		if files > 0 {
			bt.Files = make([]File, files)
		}
		for j := range bt.Files {
			bt.Files[j].Name = string(r.bytes())
			if src := r.uvarint(); src < uint64(len(m.dict)) {
				bt.Files[j].Source = uint32(src)
			} else {
				r.fail()
			}
		}
	}
	if r.bad || len(r.b) != 0 {
		return fmt.Errorf("%w: batches", ErrBadSnapshot)
	}
	return nil
}

// decodeRows reads the six row columns straight into the rows (one scratch column reused for each), then
// rebuilds the ranges the counts imply, checking that they cover the identifier, attribute and event
// columns exactly.
func (m *Model) decodeRows(n, nIDs, nAttrs, nEvents int, sec [][]byte) error {
	m.Rows = make([]Row, n)
	rows := m.Rows
	col := make([]uint32, n)
	column := func(i int, limit uint64) error {
		if err := uvarints(sec[i], col, limit); err != nil {
			return fmt.Errorf("%w: row column %d: %v", ErrBadSnapshot, i, err)
		}
		return nil
	}
	if err := column(0, uint64(len(m.Batches))); err != nil {
		return err
	}
	for i, v := range col {
		rows[i].Batch = v
	}
	if err := column(1, math.MaxUint16+1); err != nil {
		return err
	}
	for i, v := range col {
		rows[i].File = uint16(v)
	}
	// Counts go into the spans' ends for now; the loop below turns them into ranges.
	for k, set := range []func(r *Row, v uint32){
		func(r *Row, v uint32) { r.IDs.End = v },
		func(r *Row, v uint32) { r.Attrs.End = v },
		func(r *Row, v uint32) { r.NumEvents = v },
	} {
		if err := column(3+k, math.MaxUint32+1); err != nil {
			return err
		}
		for i, v := range col {
			set(&rows[i], v)
		}
	}
	b, line := sec[2], int64(0)
	var ids, attrs, events uint64
	for i := range rows {
		d, k := binary.Varint(b)
		if line += d; k <= 0 || line < 0 || line > math.MaxUint32 {
			return fmt.Errorf("%w: line of row %d", ErrBadSnapshot, i)
		}
		b = b[k:]
		r := &rows[i]
		// Sums in 64 bits, checked before they are narrowed: a count near 2³² must not wrap around.
		nextIDs, nextAttrs, nextEvents := ids+uint64(r.IDs.End), attrs+uint64(r.Attrs.End), events+uint64(r.NumEvents)
		if nextIDs > uint64(nIDs) || nextAttrs > uint64(nAttrs) || nextEvents > uint64(nEvents) {
			return fmt.Errorf("%w: row %d reaches past the columns", ErrBadSnapshot, i)
		}
		r.Line, r.FirstEvent = uint32(line), uint32(events)
		r.IDs = Span{uint32(ids), uint32(nextIDs)}
		r.Attrs = Span{uint32(attrs), uint32(nextAttrs)}
		ids, attrs, events = nextIDs, nextAttrs, nextEvents
	}
	if len(b) != 0 || ids != uint64(nIDs) || attrs != uint64(nAttrs) || events != uint64(nEvents) {
		return fmt.Errorf("%w: rows do not cover the columns", ErrBadSnapshot)
	}
	return nil
}

// decodeEvents reads the event columns (sections 14 to 20) and fills in each event's row and source.
func (m *Model) decodeEvents(n int, sec [][]byte) error {
	e := &m.Events
	e.Time = make([]int64, n)
	if err := deltas(sec[0], e.Time); err != nil {
		return fmt.Errorf("%w: event times: %v", ErrBadSnapshot, err)
	}
	e.Touchpoint, e.Channel, e.Device, e.Text = make([]uint32, n), make([]uint32, n), make([]uint32, n), make([]uint32, n)
	for i, col := range [][]uint32{e.Touchpoint, e.Channel, e.Device, e.Text} {
		if err := uvarints(sec[1+i], col, uint64(len(m.dict))); err != nil {
			return fmt.Errorf("%w: section %d: %v", ErrBadSnapshot, 15+i, err)
		}
	}
	var err error
	if e.Value, err = decodeValues(sec[5], n); err != nil {
		return err
	}
	if e.Rating, err = decodeRatings(sec[6], n); err != nil {
		return err
	}
	e.Row, e.Source = make([]uint32, n), make([]uint32, n)
	for i, r := range m.Rows {
		src := m.sourceOf(r)
		for j := r.FirstEvent; j < r.FirstEvent+r.NumEvents; j++ {
			e.Row[j], e.Source[j] = uint32(i), src
		}
	}
	return nil
}

func decodeValues(b []byte, n int) ([]float64, error) {
	bitmap, rest, ok := splitBitmap(b, n)
	if !ok {
		return nil, fmt.Errorf("%w: value bitmap", ErrBadSnapshot)
	}
	out := make([]float64, n)
	for i := range out {
		if bitmap[i/8]&(1<<(i%8)) != 0 {
			out[i] = math.Float64frombits(noValue)
			continue
		}
		v, k := binary.Uvarint(rest)
		if k <= 0 {
			return nil, fmt.Errorf("%w: value of event %d", ErrBadSnapshot, i)
		}
		out[i], rest = math.Float64frombits(bits.ReverseBytes64(v)), rest[k:]
	}
	if len(rest) != 0 {
		return nil, fmt.Errorf("%w: bytes after the values", ErrBadSnapshot)
	}
	return out, nil
}

func decodeRatings(b []byte, n int) ([]float32, error) {
	bitmap, rest, ok := splitBitmap(b, n)
	if !ok {
		return nil, fmt.Errorf("%w: rating bitmap", ErrBadSnapshot)
	}
	out := make([]float32, n)
	for i := range out {
		if bitmap[i/8]&(1<<(i%8)) != 0 {
			out[i] = math.Float32frombits(noRating)
			continue
		}
		if len(rest) < 4 {
			return nil, fmt.Errorf("%w: rating of event %d", ErrBadSnapshot, i)
		}
		out[i], rest = math.Float32frombits(binary.LittleEndian.Uint32(rest)), rest[4:]
	}
	if len(rest) != 0 {
		return nil, fmt.Errorf("%w: bytes after the ratings", ErrBadSnapshot)
	}
	return out, nil
}

func splitBitmap(b []byte, n int) (bitmap, rest []byte, ok bool) {
	size := (n + 7) / 8
	if len(b) < size {
		return nil, nil, false
	}
	return b[:size], b[size:], true
}

// uvarints fills col from b, one uvarint per entry, each below limit; b must hold exactly that.
func uvarints(b []byte, col []uint32, limit uint64) error {
	for i := range col {
		if len(b) > 0 && b[0] < 0x80 {
			if uint64(b[0]) >= limit {
				return fmt.Errorf("entry %d out of range", i)
			}
			col[i], b = uint32(b[0]), b[1:]
			continue
		}
		v, k := binary.Uvarint(b)
		if k <= 0 || v >= limit {
			return fmt.Errorf("entry %d is malformed or out of range", i)
		}
		col[i], b = uint32(v), b[k:]
	}
	if len(b) != 0 {
		return fmt.Errorf("%d bytes after the last entry", len(b))
	}
	return nil
}

// deltas fills col from b's zigzag varint differences; b must hold exactly that.
func deltas(b []byte, col []int64) error {
	var prev int64
	for i := range col {
		d, k := binary.Varint(b)
		if k <= 0 {
			return fmt.Errorf("entry %d is malformed", i)
		}
		prev += d
		col[i], b = prev, b[k:]
	}
	if len(b) != 0 {
		return fmt.Errorf("%d bytes after the last entry", len(b))
	}
	return nil
}

// reader reads uvarints and length-prefixed bytes, remembering the first failure.
type reader struct {
	b   []byte
	bad bool
}

func (r *reader) fail() { r.bad, r.b = true, nil }

func (r *reader) uvarint() uint64 {
	v, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[k:]
	return v
}

func (r *reader) bytes() []byte {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.fail()
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}
