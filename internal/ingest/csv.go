package ingest

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
)

// csvReader streams delimited text through encoding/csv.
//
// Quoting is strict (LazyQuotes off): a stray quote is reported, not silently merged into the following
// lines. encoding/csv drops the rest of the broken record and resumes at the next line, so a quoting error
// is a non-fatal *ParseError and the next call to Next continues there. Rows with more or fewer fields
// than the header are returned as they are (FieldsPerRecord is -1): Values longer than Columns() means
// extra fields, shorter means missing ones, and the recipe layer decides.
type csvReader struct {
	path   string
	cr     *csv.Reader
	closer io.Closer
	cols   columnSet
	first  []string // NoHeader: the first row, read to learn the width, returned by the first Next
	line0  int
	err    error // sticky fatal error
}

func newCSVReader(path string, text *bufio.Reader, closer io.Closer, delim rune, noHeader bool) (*csvReader, error) {
	cr := csv.NewReader(text)
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	r := &csvReader{path: path, cr: cr, closer: closer}

	rec, err := cr.Read()
	switch {
	case err == io.EOF:
		return nil, fileErr(path, ErrEmptyFile, "no rows", actionExport)
	case err != nil:
		var ce *csv.ParseError
		if errors.As(err, &ce) {
			return nil, &ParseError{Path: path, Line: ce.Line, Column: ce.Column, Err: ce.Err, Fatal: true}
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if noHeader {
		r.cols = newColumnSet(genericNames(len(rec)))
		r.first = rec
		r.line0, _ = cr.FieldPos(0)
	} else {
		r.cols = newColumnSet(uniqueHeader(rec))
	}
	return r, nil
}

func (r *csvReader) Columns() []string       { return r.cols.names }
func (r *csvReader) Index(column string) int { return r.cols.lookup(column) }
func (r *csvReader) Close() error            { return r.closer.Close() }

func (r *csvReader) Next() (Record, error) {
	if r.err != nil {
		return Record{}, r.err
	}
	if r.first != nil {
		rec := r.first
		r.first = nil
		return Record{Line: r.line0, Values: rec}, nil
	}
	rec, err := r.cr.Read()
	if err != nil {
		if err == io.EOF {
			r.err = io.EOF
			return Record{}, io.EOF
		}
		var ce *csv.ParseError
		if errors.As(err, &ce) {
			// An unclosed quote swallows the lines up to the next quote; say where the record began so the
			// user can find the culprit.
			inner := ce.Err
			if ce.StartLine != ce.Line {
				inner = fmt.Errorf("%w (the record starts on line %d)", ce.Err, ce.StartLine)
			}
			pe := &ParseError{Path: r.path, Line: ce.Line, Column: ce.Column, Err: inner}
			return Record{}, pe
		}
		r.err = fmt.Errorf("%s: %w", r.path, err)
		return Record{}, r.err
	}
	line, _ := r.cr.FieldPos(0)
	return Record{Line: line, Values: rec}, nil
}
