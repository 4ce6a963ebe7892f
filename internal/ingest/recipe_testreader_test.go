package ingest_test

import (
	"io"

	"wayline/internal/ingest"
)

// memReader is an in-memory ingest.Reader. With grow set it behaves like the JSON readers: a column
// listed in later[i] appears when record i is read.
type memReader struct {
	cols  []string
	rows  [][]string
	next  int
	grow  bool
	later map[int][]string
}

func newMemReader(cols []string, rows ...[]string) *memReader {
	return &memReader{cols: append([]string(nil), cols...), rows: rows}
}

func (m *memReader) Columns() []string { return m.cols }

func (m *memReader) Index(name string) int {
	for i, c := range m.cols {
		if c == name {
			return i
		}
	}
	return -1
}

func (m *memReader) Next() (ingest.Record, error) {
	if m.next >= len(m.rows) {
		return ingest.Record{}, io.EOF
	}
	m.cols = append(m.cols, m.later[m.next]...)
	r := ingest.Record{Line: m.next + 2, Values: m.rows[m.next]}
	m.next++
	return r, nil
}

func (m *memReader) Close() error { return nil }

// ColumnsGrow tells Compile to resolve missing columns lazily, as it does for JSON readers.
func (m *memReader) ColumnsGrow() bool { return m.grow }

// records reads everything left in the reader.
func (m *memReader) records() []ingest.Record {
	var out []ingest.Record
	for {
		r, err := m.Next()
		if err != nil {
			return out
		}
		out = append(out, r)
	}
}
