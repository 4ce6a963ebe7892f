package ingest

import (
	"errors"
	"fmt"
)

// ErrEmptyFile means the file holds no data: zero bytes, or only a byte-order mark and white space.
var ErrEmptyFile = errors.New("the file is empty")

// ErrBinaryFile means the file is not text that Wayline can read: an image, a PDF, an archive, a legacy
// .xls workbook or any other binary content.
var ErrBinaryFile = errors.New("the file is not a data export")

// ErrUnknownFormat means the format named in the options or recipe is not one Wayline reads, or the
// content matches none of them (an HTML page, an XML document that is not an XES log).
var ErrUnknownFormat = errors.New("unknown file format")

// ErrUnknownEncoding means the encoding named in the options or recipe is not one Wayline reads.
var ErrUnknownEncoding = errors.New("unknown text encoding")

// ErrNoRecords means a JSON document holds no array of objects to read records from, or not at the
// dotted path the options name.
var ErrNoRecords = errors.New("no array of records found")

// ErrSheetNotFound means the workbook has no sheet with the name the options or recipe ask for.
var ErrSheetNotFound = errors.New("sheet not found")

// ErrNotObject is the error inside a *ParseError when a JSON or JSON Lines record is not an object.
var ErrNotObject = errors.New("record is not a JSON object")

// ErrTooManyColumns is the error inside a *ParseError when a JSON record would add columns beyond
// MaxColumns: usually a document whose keys are data (ids, dates) rather than field names.
var ErrTooManyColumns = errors.New("too many distinct fields")

// ErrLineTooLong is the error inside a *ParseError when one JSON Lines line exceeds MaxLineBytes.
var ErrLineTooLong = errors.New("line too long")

// ErrBadTime means a value is not a time in the layout it was parsed with.
var ErrBadTime = errors.New("not a recognised date or time")

// actionExport is what a user can do about a file Wayline cannot read.
const actionExport = "export it as CSV, JSON or XLSX"

// FileError is a problem with a whole file: it names the file, what was found and what to do. It wraps
// one of the sentinel errors above, so errors.Is(err, ErrBinaryFile) works.
type FileError struct {
	Path   string
	Err    error  // a sentinel such as ErrEmptyFile or ErrBinaryFile
	Detail string // what was found, e.g. "a PNG image"; may be empty
	Action string // what to do, e.g. "export it as CSV, JSON or XLSX"; may be empty
}

func (e *FileError) Error() string {
	msg := e.Path + ": " + e.Err.Error()
	if e.Detail != "" {
		msg += " (" + e.Detail + ")"
	}
	if e.Action != "" {
		msg += ": " + e.Action
	}
	return msg
}

func (e *FileError) Unwrap() error { return e.Err }

func fileErr(path string, err error, detail, action string) error {
	return &FileError{Path: path, Err: err, Detail: detail, Action: action}
}

// ParseError is a problem at one place in a file. Reader.Next returns it for a broken record; unless
// Fatal is set, the reader has skipped the damage and the next call to Next continues after it. When Fatal
// is set the rest of the file could not be read and Next returns io.EOF from then on.
type ParseError struct {
	Path   string
	Line   int // 1-based line (sheet row for XLSX)
	Column int // 1-based byte column within the line; 0 when unknown
	Err    error
	Fatal  bool
}

func (e *ParseError) Error() string {
	msg := fmt.Sprintf("%s:%d", e.Path, e.Line)
	if e.Column > 0 {
		msg += fmt.Sprintf(":%d", e.Column)
	}
	msg += ": " + e.Err.Error()
	if e.Fatal {
		msg += "; the rest of the file was not read"
	}
	return msg
}

func (e *ParseError) Unwrap() error { return e.Err }
