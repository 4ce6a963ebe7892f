package ingest

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Format names as they appear in Options.Format, Recipe.Format and Info.Format.
const (
	FormatCSV   = "csv"
	FormatTSV   = "tsv"
	FormatJSON  = "json"
	FormatJSONL = "jsonl"
	FormatXLSX  = "xlsx"
	FormatXES   = "xes"
)

// Options says how to read a file; every empty field is detected. They mirror the reading fields of
// Recipe.
type Options struct {
	Format    string // csv, tsv, json, jsonl, xlsx, xes
	Delimiter string // CSV/TSV: one character
	Encoding  string // utf-8, utf-16le, utf-16be, latin-1
	Sheet     string // XLSX: sheet name; default the first sheet
	Records   string // JSON: dotted path of the array of records inside a top-level object
	NoHeader  bool   // CSV/TSV: the first row is data; columns are named col1, col2, ...
}

// Info reports what Open found or was told.
type Info struct {
	Format     string   `json:"format"`
	Encoding   string   `json:"encoding,omitempty"`   // text formats only
	Delimiter  string   `json:"delimiter,omitempty"`  // CSV/TSV only
	Sheet      string   `json:"sheet,omitempty"`      // XLSX: the sheet being read
	Sheets     []string `json:"sheets,omitempty"`     // XLSX: every sheet, in workbook order
	Records    string   `json:"records,omitempty"`    // JSON: dotted path of the records array; "" for a top-level array
	Compressed string   `json:"compressed,omitempty"` // "gzip" when the file was gzip-compressed
	Size       int64    `json:"size"`                 // bytes on disk
}

// sniffSize is how much of a file detection looks at.
const sniffSize = 64 << 10

// OpenRecipe opens path with the reading fields of a recipe.
func OpenRecipe(path string, r Recipe) (Reader, Info, error) {
	return Open(path, Options{Format: r.Format, Delimiter: r.Delimiter, Encoding: r.Encoding, Sheet: r.Sheet,
		Records: r.Records, NoHeader: r.NoHeader})
}

// Open detects what path holds (unless opts say) and returns a streaming Reader for it. Errors: a
// *FileError wrapping ErrEmptyFile, ErrBinaryFile, ErrUnknownFormat, ErrUnknownEncoding, ErrNoRecords or
// ErrSheetNotFound; a *ParseError when the start of the file (a header, the XES root) is broken; or the
// error from the file system.
func Open(path string, opts Options) (Reader, Info, error) {
	info := Info{}
	format := strings.ToLower(strings.TrimSpace(opts.Format))
	switch format {
	case "", FormatCSV, FormatTSV, FormatJSON, FormatJSONL, FormatXLSX, FormatXES:
	case "ndjson":
		format = FormatJSONL
	default:
		return nil, info, fileErr(path, ErrUnknownFormat, fmt.Sprintf("format %q", opts.Format),
			"use csv, tsv, json, jsonl, xlsx or xes")
	}
	enc := ""
	if opts.Encoding != "" {
		var ok bool
		if enc, ok = normalizeEncoding(opts.Encoding); !ok {
			return nil, info, fileErr(path, ErrUnknownEncoding, fmt.Sprintf("encoding %q", opts.Encoding),
				"use utf-8, utf-16le, utf-16be or latin-1")
		}
	}

	f, err := os.Open(path)
	if err != nil {
		return nil, info, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, info, err
	}
	if st.IsDir() {
		f.Close()
		return nil, info, fileErr(path, ErrUnknownFormat, "a folder", "choose a file")
	}
	info.Size = st.Size()
	if info.Size == 0 {
		f.Close()
		return nil, info, fileErr(path, ErrEmptyFile, "", actionExport)
	}

	r, err := openFile(path, f, format, enc, opts, &info)
	if err != nil {
		f.Close()
		return nil, info, err
	}
	return r, info, nil
}

// closers closes several things in order (the gzip stream, then the file).
type closers []io.Closer

func (cs closers) Close() error {
	var first error
	for _, c := range cs {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

func openFile(path string, f *os.File, format, enc string, opts Options, info *Info) (Reader, error) {
	br := bufio.NewReaderSize(f, sniffSize)
	head, _ := br.Peek(sniffSize)
	var closer io.Closer = f

	if bytes.HasPrefix(head, []byte{0x1f, 0x8b}) {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return nil, fileErr(path, ErrBinaryFile, "a damaged gzip file", "decompress it and check the result")
		}
		info.Compressed = "gzip"
		closer = closers{gz, f}
		br = bufio.NewReaderSize(gz, sniffSize)
		head, err = br.Peek(sniffSize)
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			// The stream breaks within its first bytes: a truncated or damaged archive.
			return nil, fileErr(path, ErrBinaryFile, "a damaged gzip file", "decompress it and check the result")
		}
		if len(head) == 0 {
			return nil, fileErr(path, ErrEmptyFile, "gzip-compressed", actionExport)
		}
	}

	if bytes.HasPrefix(head, []byte("PK\x03\x04")) || format == FormatXLSX {
		if info.Compressed == "" && isXLSX(path) {
			info.Format = FormatXLSX
			f.Close() // the workbook reader opens the file by path
			return openXLSX(path, opts.Sheet, info)
		}
		if format == FormatXLSX {
			return nil, fileErr(path, ErrUnknownFormat, "not an XLSX workbook", actionExport)
		}
		return nil, fileErr(path, ErrBinaryFile, "a ZIP archive", "unzip it and import the files inside")
	}
	if detail, action, ok := sniffBinary(head); ok {
		return nil, fileErr(path, ErrBinaryFile, detail, action)
	}

	atEOF := len(head) < sniffSize
	if enc == "" {
		enc = detectEncoding(head, atEOF)
		// An XML prolog may name a single-byte encoding that the sample alone cannot reveal.
		if enc == EncUTF8 && bytes.HasPrefix(bytes.TrimLeft(head, "\xef\xbb\xbf \t\r\n"), []byte("<?xml")) {
			if declared, ok := normalizeEncoding(xmlDeclaredEncoding(head)); ok && declared == EncLatin1 {
				enc = declared
			}
		}
	}
	info.Encoding = enc
	if enc != EncUTF16LE && enc != EncUTF16BE && looksBinary(head) {
		return nil, fileErr(path, ErrBinaryFile, "binary content", actionExport)
	}
	var text *bufio.Reader
	if enc == EncUTF8 {
		if bytes.HasPrefix(head, bomUTF8) {
			br.Discard(len(bomUTF8))
		}
		text = br
	} else {
		text = bufio.NewReaderSize(decodeText(br, enc), sniffSize)
	}
	thead, _ := text.Peek(sniffSize)
	trimmed := bytes.TrimLeft(thead, " \t\r\n\f\v")
	if len(trimmed) == 0 {
		return nil, fileErr(path, ErrEmptyFile, "only white space", actionExport)
	}
	if enc != EncUTF8 && looksBinary(thead) {
		return nil, fileErr(path, ErrBinaryFile, "binary content", actionExport)
	}

	if format == "" {
		format = sniffTextFormat(thead, atEOF, filepath.Ext(path))
	}
	info.Format = format
	switch format {
	case FormatCSV, FormatTSV:
		delim := opts.Delimiter
		if delim == "" {
			if format == FormatTSV {
				delim = "\t"
			} else {
				delim = string(detectDelimiter(thead, atEOF))
			}
		}
		if delim == `\t` || strings.EqualFold(delim, "tab") {
			delim = "\t"
		}
		runes := []rune(delim)
		if len(runes) != 1 || runes[0] == '"' || runes[0] == '\r' || runes[0] == '\n' {
			return nil, fileErr(path, ErrUnknownFormat, fmt.Sprintf("delimiter %q", opts.Delimiter),
				"use one character such as , ; | or tab")
		}
		if runes[0] == '\t' {
			info.Format = FormatTSV
		} else {
			info.Format = FormatCSV
		}
		info.Delimiter = delim
		return newCSVReader(path, text, closer, runes[0], opts.NoHeader)
	case FormatJSON:
		return newJSONReader(path, text, closer, opts.Records, info)
	case FormatJSONL:
		return newJSONLReader(path, text, closer), nil
	case FormatXES:
		return newXESReader(path, text, closer)
	}
	return nil, fileErr(path, ErrUnknownFormat, "", actionExport)
}

// isXLSX reports whether the ZIP archive at path is an Office Open XML workbook.
func isXLSX(path string) bool {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return false
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "xl/workbook.xml" {
			return true
		}
	}
	return false
}

// xmlDeclaredEncoding returns the encoding="..." of an XML prolog, or "".
func xmlDeclaredEncoding(head []byte) string {
	end := bytes.Index(head, []byte("?>"))
	if end < 0 {
		return ""
	}
	prolog := string(head[:end])
	i := strings.Index(prolog, "encoding=")
	if i < 0 || i+10 > len(prolog) {
		return ""
	}
	rest := prolog[i+9:]
	q := rest[0]
	if q != '"' && q != '\'' {
		return ""
	}
	rest = rest[1:]
	if j := strings.IndexByte(rest, q); j >= 0 {
		return rest[:j]
	}
	return ""
}

// sniffTextFormat decides among XES, JSON, JSON Lines and delimited text by content; the extension only
// breaks the tie between CSV and TSV.
func sniffTextFormat(head []byte, atEOF bool, ext string) string {
	t := bytes.TrimLeft(head, " \t\r\n\f\v")
	switch {
	case bytes.HasPrefix(t, []byte("<")):
		return FormatXES // the XES reader rejects XML whose root is not <log> with a clear error
	case bytes.HasPrefix(t, []byte("[")):
		return FormatJSON
	case bytes.HasPrefix(t, []byte("{")):
		if looksLikeJSONLines(t, atEOF) {
			return FormatJSONL
		}
		return FormatJSON
	}
	if strings.EqualFold(ext, ".tsv") || strings.EqualFold(ext, ".tab") {
		return FormatTSV
	}
	return FormatCSV
}

// looksLikeJSONLines: the first line is a complete JSON object, and either another line starts with "{"
// or that object holds no array of objects (so it is a one-record JSON Lines file, not a one-line JSON
// document wrapping its records).
func looksLikeJSONLines(t []byte, atEOF bool) bool {
	nl := bytes.IndexByte(t, '\n')
	first := t
	if nl >= 0 {
		first = t[:nl]
	} else if !atEOF {
		return false // a first line longer than the sample: a minified JSON document
	}
	first = bytes.TrimRight(first, " \t\r")
	if !json.Valid(first) {
		return false
	}
	if nl >= 0 && bytes.HasPrefix(bytes.TrimLeft(t[nl:], " \t\r\n"), []byte("{")) {
		return true
	}
	return !holdsArrayOfObjects(string(first))
}

// holdsArrayOfObjects reports whether a valid JSON text contains "[" followed by "{" outside strings.
func holdsArrayOfObjects(s string) bool {
	inStr, esc, afterBracket := false, false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if inStr {
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
			}
			continue
		}
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		case '"':
			inStr = true
		case '{':
			if afterBracket {
				return true
			}
		}
		afterBracket = c == '['
	}
	return false
}

// delimiterCandidates in order of preference when scores tie.
var delimiterCandidates = []byte{',', ';', '\t', '|'}

// detectDelimiter picks the delimiter whose count per record is most consistent over the first records
// of the sample (quotes respected, so a comma inside "Smith, Ana" does not count). A delimiter that never
// occurs scores nothing; a file with one column falls back to comma.
func detectDelimiter(head []byte, atEOF bool) byte {
	records := sampleRecords(head, atEOF, 50)
	best, bestScore, bestCount := byte(','), 0.0, 0
	for _, d := range delimiterCandidates {
		freq := map[int]int{}
		for _, rec := range records {
			freq[countOutsideQuotes(rec, d)]++
		}
		mode, modeN := 0, 0
		for count, n := range freq {
			if n > modeN || (n == modeN && count > mode) {
				mode, modeN = count, n
			}
		}
		if mode == 0 || len(records) == 0 {
			continue
		}
		score := float64(modeN) / float64(len(records))
		if score > bestScore || (score == bestScore && mode > bestCount) {
			best, bestScore, bestCount = d, score, mode
		}
	}
	return best
}

// sampleRecords splits the sample into up to max records, keeping quoted newlines inside a record and
// dropping a last record the sample cut off.
func sampleRecords(head []byte, atEOF bool, max int) [][]byte {
	var out [][]byte
	inQuote, start := false, 0
	for i := 0; i < len(head) && len(out) < max; i++ {
		switch head[i] {
		case '"':
			inQuote = !inQuote
		case '\n':
			if !inQuote {
				if rec := bytes.TrimRight(head[start:i], "\r"); len(bytes.TrimSpace(rec)) > 0 {
					out = append(out, rec)
				}
				start = i + 1
			}
		}
	}
	if atEOF && len(out) < max && start < len(head) && len(bytes.TrimSpace(head[start:])) > 0 {
		out = append(out, head[start:])
	}
	return out
}

func countOutsideQuotes(rec []byte, d byte) int {
	n, inQuote := 0, false
	for _, c := range rec {
		if c == '"' {
			inQuote = !inQuote
		} else if c == d && !inQuote {
			n++
		}
	}
	return n
}
