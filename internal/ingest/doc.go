// Package ingest reads customer exports and turns their rows into record.Rows. This file documents the
// readers: detection, encodings, the five formats and time parsing; recipes (what each column means),
// inspection and presets build on them.
//
// # Basics
//
// Open(path, Options) sniffs the content — not the extension — and returns a streaming Reader plus an
// Info saying what it found; OpenRecipe does the same with a Recipe's reading fields. Every empty option is
// detected:
//
//   - gzip (magic 1f 8b) is decompressed and its content sniffed again (XES logs ship as .xes.gz);
//   - a ZIP archive holding xl/workbook.xml is an XLSX workbook; any other ZIP, and well-known binary
//     formats (PNG, JPEG, PDF, legacy .xls, SQLite, executables), fail with ErrBinaryFile;
//   - text is decoded to UTF-8 first: a byte-order mark decides (UTF-8, UTF-16 LE/BE); without one,
//     NUL bytes in every other position mean UTF-16; valid UTF-8 is UTF-8; anything else is read as
//     Latin-1 (Windows-1252, so "€" and smart quotes survive). NUL bytes or more than 5% control
//     characters in what is left mean a binary file;
//   - "<" starts an XES log; "[" a JSON document; "{" a JSON document or JSON Lines, which it is when
//     the first line is a complete object and another line starts with "{" (or that single object wraps
//     no array of records);
//   - anything else is delimited text, the delimiter chosen among , ; tab | by how consistently it splits
//     the first 50 records (quotes respected). Tab makes the format "tsv".
//
// Readers return records one at a time; Values is reused between calls. Columns come from the header
// row (CSV, XLSX), flattened keys (JSON, JSON Lines) or attribute keys (XES) and may grow while reading
// for the last three. Duplicate header names get _2, _3 suffixes and empty ones become column_N, so that
// every column can be named in a recipe.
//
//   - CSV/TSV: encoding/csv with ReuseRecord; one allocation per row. Record.Line is the line the row
//     starts on (quoted newlines included). Rows with too few or too many fields are returned as they
//     are — Values shorter or longer than Columns() — for the recipe layer to judge. NoHeader names the
//     columns col1..colN after the first row.
//   - JSON: a top-level array of objects, or the first array of objects found in document order inside a
//     top-level object (Info.Records names it; Options.Records picks another by dotted path). Elements
//     are decoded one at a time, never the whole document. Nested objects become dotted columns
//     (context.device.type); arrays of scalars are joined with ","; arrays of GA4-style
//     {key, value:{string_value, int_value, ...}} objects become one column per key
//     (event_params.page_location) holding the non-null value; other arrays are indexed (items.0.sku).
//     Numbers keep their exact text, null is empty. Line is where the object opens.
//   - JSON Lines: one object per line, flattened the same way.
//   - XLSX: the first sheet unless Options.Sheet names one (case-insensitively); the first non-empty
//     row is the header; empty rows are skipped; Line is the sheet row. Cells with a date or time number
//     format come back as ISO 8601 text (2024-01-15, 2024-01-15T13:45:00); numbers come back as stored
//     (plain decimals rounded to Excel's 15 digits), never as displayed, so "12%", "1,234.00" and
//     "1.23E+05" do not happen.
//   - XES and XES.gz: each <event> is a record with its attributes by key (concept:name, time:timestamp,
//     lifecycle:transition, org:resource, ...) and its trace's attributes as case:<key>
//     (case:concept:name is the case id). Line is the line of the <event> element.
//
// ParseTime reads one value in a TimeLayout into Unix microseconds, UTC; DetectTimeLayout chooses the
// layout for a column from sample values and explains the choice in a TimeReport. ISO 8601 and its
// everyday variants (space instead of T, " UTC", no zone meaning UTC, fractions, offsets) are parsed by
// hand without time.Parse, since this runs once per row. Day/month order is decided from data: a first
// number above 12 means day first, a second number above 12 means month first.
//
// # Caveats
//
// Errors: problems with the whole file are *FileError wrapping a sentinel (ErrEmptyFile, ErrBinaryFile,
// ...) with an action for the user. A problem at one place is a *ParseError with line and column. A
// ParseError without Fatal is skippable: CSV resumes at the line after a quoting error (encoding/csv drops
// the rest of the broken record), JSON Lines at the next line, a JSON element that is not an object is
// skipped. A Fatal one (JSON syntax, broken XML) means the rest of the file was not read, and Next
// returns io.EOF from then on.
//
// CSV quoting is strict (LazyQuotes off): a stray quote inside an unquoted field (5" screen) is an error
// for that row rather than silently accepted, because lazy quoting lets one unclosed quote swallow the rest
// of the file without a word. An unclosed quote still absorbs the following lines up to the next quote
// character; the error then names the line where that record started.
//
// Encoding detection looks at the first 64 KB; a Latin-1 file whose first non-ASCII byte comes later is
// read as UTF-8 and that byte passes through unchanged — name the encoding in the recipe for such files.
// A JSON Lines file whose first line is longer than 64 KB is taken for a JSON document; name the format.
//
// The JSON records array is the first array of objects in document order: in {"meta": {"links":
// [{...}]}, "data": [...]} that is meta.links, so name data in Options.Records. A document with no such
// array fails with ErrNoRecords. Readers stop growing at MaxColumns columns (a record that would exceed it
// is a ParseError wrapping ErrTooManyColumns): JSON whose keys are ids rather than field names is not a
// table.
//
// XLSX: excelize opens the workbook (reading it into memory, as Excel files are bounded in size) and
// answers style questions; the cells are streamed from the worksheet XML. Formulas give their cached
// value. The 1900 date system's phantom 1900-02-29 collapses onto 1900-02-28; 1904 workbooks are honoured.
// Elapsed durations ([h]:mm) stay numbers.
//
// TimeExcelSerial is never chosen by DetectTimeLayout: a column of numbers near 45000 could be anything.
// When every date leaves day/month order open (03/04/2024), DetectTimeLayout reads month first and says
// Ambiguous; Recipe.DayFirst settles it. Two-digit years 00–69 are 2000s, 70–99 the 1900s.
package ingest
