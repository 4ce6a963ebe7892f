package ingest

// Record is one row of an input file. Values[i] belongs to the reader's Columns()[i]; a slice shorter than
// the column list means the trailing columns are missing from this row. Line is where the row starts in
// the file: the physical line for CSV, TSV, JSON Lines and XES, the sheet row for XLSX, the line on which
// the object opens for JSON.
type Record struct {
	Line   int
	Values []string
}

// Reader streams the records of one file; it never holds the whole file in memory.
//
// Columns may grow while reading (a JSON object with a key not seen before adds a column at the end), so
// callers resolve a column name with Index each time it returns -1. Next returns io.EOF after the last
// record, and an error wrapping a *ParseError when the file itself cannot be parsed at some point.
// The Record's Values slice is only valid until the next call to Next.
type Reader interface {
	Columns() []string
	Index(column string) int
	Next() (Record, error)
	Close() error
}
