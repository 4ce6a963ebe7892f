package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// MaxLineBytes bounds one JSON Lines line; a longer line is skipped with ErrLineTooLong.
const MaxLineBytes = 64 << 20

// jsonlReader streams JSON Lines: one object per line, flattened like JSON records. A line that does not
// parse is a non-fatal *ParseError with its line and column; the next call to Next reads the next line.
// Blank lines are skipped.
type jsonlReader struct {
	path   string
	br     *bufio.Reader
	closer io.Closer
	fl     flattener
	buf    []byte
	line   int
	err    error
}

func newJSONLReader(path string, text *bufio.Reader, closer io.Closer) *jsonlReader {
	r := &jsonlReader{path: path, br: text, closer: closer}
	r.fl.cols = newColumnSet(nil)
	return r
}

func (r *jsonlReader) Columns() []string       { return r.fl.cols.names }
func (r *jsonlReader) Index(column string) int { return r.fl.cols.lookup(column) }
func (r *jsonlReader) Close() error            { return r.closer.Close() }

func (r *jsonlReader) Next() (Record, error) {
	for {
		if r.err != nil {
			return Record{}, r.err
		}
		line, tooLong, err := r.readLine()
		if err != nil {
			if err != io.EOF {
				r.err = fmt.Errorf("%s: %w", r.path, err)
				return Record{}, r.err
			}
			r.err = io.EOF // after this last line
			if len(line) == 0 && !tooLong {
				return Record{}, io.EOF
			}
		}
		r.line++
		if tooLong {
			return Record{}, &ParseError{Path: r.path, Line: r.line, Err: fmt.Errorf("%w: more than %d bytes", ErrLineTooLong, MaxLineBytes)}
		}
		trimmed := bytes.TrimSpace(line)
		if len(trimmed) == 0 {
			continue
		}
		if err := r.fl.record(string(line)); err != nil {
			col := 0
			if off := r.fl.errOffset(); off >= 0 {
				col = off + 1
			}
			if errors.Is(err, ErrNotObject) {
				col = bytes.Index(line, trimmed[:1]) + 1
			}
			return Record{}, &ParseError{Path: r.path, Line: r.line, Column: col, Err: err}
		}
		return Record{Line: r.line, Values: r.fl.vals}, nil
	}
}

// readLine returns the next line without its line ending, in a buffer reused between calls. A line over
// MaxLineBytes is consumed and reported through tooLong.
func (r *jsonlReader) readLine() (line []byte, tooLong bool, err error) {
	r.buf = r.buf[:0]
	for {
		chunk, err := r.br.ReadSlice('\n')
		if !tooLong {
			if len(r.buf)+len(chunk) > MaxLineBytes {
				tooLong = true
				r.buf = r.buf[:0]
			} else {
				r.buf = append(r.buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		b := r.buf
		if n := len(b); n > 0 && b[n-1] == '\n' {
			b = b[:n-1]
			if n := len(b); n > 0 && b[n-1] == '\r' {
				b = b[:n-1]
			}
		}
		return b, tooLong, err
	}
}
