package model

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"
	"math/bits"
)

// A snapshot is a Model encoded column by column, stored in the workspace (store.WriteSnapshot) so that
// opening it decodes a few large byte runs instead of a million rows. It is derived data: Load uses it only
// when the store says it belongs to the current rows (generation), its checksum holds and it names the
// workspace's batches; otherwise Load reads the rows and, in a writable workspace, writes a fresh one.
//
// # Format (version 1)
//
//	magic "WLMS" | version byte (1) | 21 sections | CRC-32C (Castagnoli) of all bytes before it, 4 bytes LE
//
// Each section is a uvarint byte length followed by that many bytes, in this order (n… are the counts in
// section 0; "uvarint column" is one uvarint per entry; "delta column" is one zigzag varint per entry, the
// difference from the entry before, the first from 0):
//
//	 0 counts         uvarints: dictionary size, batches, rows, identifiers, attributes, events
//	 1 dict lengths   uvarint byte length of strings 1… (string 0 is always "")
//	 2 dict bytes     the strings 1… concatenated, each once
//	 3 batches        per batch: uvarint id, uvarint file count, per file: uvarint name length, name,
//	                  uvarint dictionary id of its source
//	 4 row batch      uvarint column (index into the batches)
//	 5 row file       uvarint column (index into the batch's files)
//	 6 row line       delta column
//	 7 row ids        uvarint column: how many identifiers the row has
//	 8 row attrs      uvarint column: how many attributes
//	 9 row events     uvarint column: how many events
//	10 id type        uvarint column of dictionary ids; 11 id value likewise
//	12 attr name      uvarint column of dictionary ids; 13 attr value likewise
//	14 event time     delta column (Unix microseconds)
//	15 touchpoint, 16 channel, 17 device, 18 text: uvarint columns of dictionary ids
//	19 value          bitmap of ⌈events/8⌉ bytes (bit i%8 of byte i/8 set: event i has no value, stored as
//	                  math.NaN()), then per valued event uvarint(bits.ReverseBytes64(Float64bits(v))):
//	                  short decimals end in zero bytes, so they take two or three bytes
//	20 rating         the same bitmap (no rating: float32 NaN), then per rated event its float32 bits, 4 bytes LE
//
// What follows from row order is not stored: a row's identifier, attribute and event ranges start where
// the previous row's end, an event's row is the row whose range holds it, and its source is the source of
// its row's file (None when the file index names no file). A snapshot is exactly the model Load builds
// from the rows: the same dictionary ids, the same float bits.
//
// A reader of a different version byte rejects the snapshot (ErrBadSnapshot) and Load rebuilds it, so
// changing the format means bumping snapshotVersion, nothing else.

const (
	snapshotMagic   = "WLMS"
	snapshotVersion = 1
	// snapshotName is the key the model's snapshot is stored under in the workspace.
	snapshotName = "model"
	numSections  = 21
)

var (
	castagnoli = crc32.MakeTable(crc32.Castagnoli)
	// noValue and noRating are the exact bits Events.append stores for an absent value or rating.
	noValue  = math.Float64bits(math.NaN())
	noRating = math.Float32bits(float32(math.NaN()))
)

// EncodeSnapshot encodes m in the snapshot format above. Errors: ErrNotRowOrder for a model whose columns
// were not filled row by row (Load and Add always fill them so).
func EncodeSnapshot(m *Model) ([]byte, error) {
	if err := m.checkRowOrder(); err != nil {
		return nil, err
	}
	e := &m.Events
	n := e.Len()
	// Roughly: six bytes a row, two per identifier or attribute, ten per event, the dictionary's bytes.
	size := 64 + 6*len(m.Rows) + 4*(len(m.IDType)+len(m.AttrName)) + 10*n
	for _, s := range m.dict {
		size += len(s) + 1
	}
	w := &sectionWriter{out: make([]byte, 0, size)}
	w.out = append(w.out, snapshotMagic...)
	w.out = append(w.out, snapshotVersion)

	w.section(func(b []byte) []byte {
		for _, c := range []int{len(m.dict), len(m.Batches), len(m.Rows), len(m.IDType), len(m.AttrName), n} {
			b = binary.AppendUvarint(b, uint64(c))
		}
		return b
	})
	w.section(func(b []byte) []byte {
		for _, s := range m.dict[1:] {
			b = binary.AppendUvarint(b, uint64(len(s)))
		}
		return b
	})
	w.section(func(b []byte) []byte {
		for _, s := range m.dict[1:] {
			b = append(b, s...)
		}
		return b
	})
	w.section(func(b []byte) []byte {
		for _, bt := range m.Batches {
			b = binary.AppendUvarint(b, bt.ID)
			b = binary.AppendUvarint(b, uint64(len(bt.Files)))
			for _, f := range bt.Files {
				b = binary.AppendUvarint(b, uint64(len(f.Name)))
				b = append(b, f.Name...)
				b = binary.AppendUvarint(b, uint64(f.Source))
			}
		}
		return b
	})
	rowColumn := func(get func(r *Row) uint32) {
		w.section(func(b []byte) []byte {
			for i := range m.Rows {
				b = binary.AppendUvarint(b, uint64(get(&m.Rows[i])))
			}
			return b
		})
	}
	rowColumn(func(r *Row) uint32 { return r.Batch })
	rowColumn(func(r *Row) uint32 { return uint32(r.File) })
	w.section(func(b []byte) []byte {
		var prev int64
		for i := range m.Rows {
			line := int64(m.Rows[i].Line)
			b = binary.AppendVarint(b, line-prev)
			prev = line
		}
		return b
	})
	rowColumn(func(r *Row) uint32 { return uint32(r.IDs.Len()) })
	rowColumn(func(r *Row) uint32 { return uint32(r.Attrs.Len()) })
	rowColumn(func(r *Row) uint32 { return r.NumEvents })
	for _, col := range [][]uint32{m.IDType, m.IDValue, m.AttrName, m.AttrValue} {
		w.section(func(b []byte) []byte { return appendUvarints(b, col) })
	}
	w.section(func(b []byte) []byte {
		var prev int64
		for _, t := range e.Time {
			b = binary.AppendVarint(b, t-prev)
			prev = t
		}
		return b
	})
	for _, col := range [][]uint32{e.Touchpoint, e.Channel, e.Device, e.Text} {
		w.section(func(b []byte) []byte { return appendUvarints(b, col) })
	}
	w.section(func(b []byte) []byte {
		b, bitmap := appendBitmap(b, n)
		for i, v := range e.Value {
			if x := math.Float64bits(v); x == noValue {
				b[bitmap+i/8] |= 1 << (i % 8)
			} else {
				b = binary.AppendUvarint(b, bits.ReverseBytes64(x))
			}
		}
		return b
	})
	w.section(func(b []byte) []byte {
		b, bitmap := appendBitmap(b, n)
		for i, r := range e.Rating {
			if x := math.Float32bits(r); x == noRating {
				b[bitmap+i/8] |= 1 << (i % 8)
			} else {
				b = binary.LittleEndian.AppendUint32(b, x)
			}
		}
		return b
	})
	return binary.LittleEndian.AppendUint32(w.out, crc32.Checksum(w.out, castagnoli)), nil
}

// sectionWriter appends length-prefixed sections, encoding each into a reused scratch buffer first.
type sectionWriter struct{ out, scratch []byte }

func (w *sectionWriter) section(fill func([]byte) []byte) {
	w.scratch = fill(w.scratch[:0])
	w.out = binary.AppendUvarint(w.out, uint64(len(w.scratch)))
	w.out = append(w.out, w.scratch...)
}

func appendUvarints(b []byte, col []uint32) []byte {
	for _, v := range col {
		if v < 0x80 {
			b = append(b, byte(v))
		} else {
			b = binary.AppendUvarint(b, uint64(v))
		}
	}
	return b
}

// appendBitmap appends a zeroed bitmap of n bits and returns the grown slice and the bitmap's offset in
// it: bits are set through the offset, since later appends may move the slice.
func appendBitmap(b []byte, n int) ([]byte, int) {
	return append(b, make([]byte, (n+7)/8)...), len(b)
}

// checkRowOrder verifies what the format leaves implicit: every row's ranges follow the previous row's,
// every event points at its row and carries its file's source, and all columns have matching lengths.
func (m *Model) checkRowOrder() error {
	e := &m.Events
	n := e.Len()
	if len(m.dict) == 0 || m.dict[0] != "" || len(m.IDType) != len(m.IDValue) || len(m.AttrName) != len(m.AttrValue) ||
		len(e.Row) != n || len(e.Touchpoint) != n || len(e.Channel) != n || len(e.Device) != n || len(e.Source) != n ||
		len(e.Value) != n || len(e.Rating) != n || len(e.Text) != n {
		return fmt.Errorf("%w: columns of different lengths", ErrNotRowOrder)
	}
	var ids, attrs, events uint32
	for i, r := range m.Rows {
		if r.IDs.Start != ids || r.IDs.End < ids || r.Attrs.Start != attrs || r.Attrs.End < attrs || r.FirstEvent != events ||
			int(r.Batch) >= len(m.Batches) {
			return fmt.Errorf("%w: row %d", ErrNotRowOrder, i)
		}
		ids, attrs = r.IDs.End, r.Attrs.End
		source := m.sourceOf(r)
		for j := events; j < events+r.NumEvents; j++ {
			if int(j) >= n || e.Row[j] != uint32(i) || e.Source[j] != source {
				return fmt.Errorf("%w: event %d of row %d", ErrNotRowOrder, j, i)
			}
		}
		events += r.NumEvents
	}
	if int(ids) != len(m.IDType) || int(attrs) != len(m.AttrName) || int(events) != n {
		return fmt.Errorf("%w: columns longer than the rows' ranges", ErrNotRowOrder)
	}
	return nil
}

// sourceOf is the source a row's events carry: its file's, or None for a file the batch does not list.
func (m *Model) sourceOf(r Row) uint32 {
	if files := m.Batches[r.Batch].Files; int(r.File) < len(files) {
		return files[r.File].Source
	}
	return None
}
