package ingest

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// xlsxReader streams one worksheet of an XLSX workbook.
//
// excelize opens and validates the workbook and answers the questions about styles (which number format
// a cell style has) and the date system. The cells themselves are streamed straight from the worksheet's
// XML part with encoding/xml, because excelize's row iterator hides each cell's style, and without the
// style a date is indistinguishable from a number. Values are returned as:
//   - cells with a date or time number format: ISO 8601 text (2024-01-15, 2024-01-15T13:45:00,
//     13:45:00 for a time of day), converted from Excel's serial day number;
//   - other numbers: the stored number in plain decimal notation, rounded to Excel's 15 significant
//     digits, never in the display format (no "1.23E+05", "12%" or "1,234.00");
//   - booleans TRUE/FALSE, errors as Excel shows them (#N/A), text as is.
//
// The first row with any value is the header. Empty rows are skipped. Record.Line is the sheet row.
type xlsxReader struct {
	path     string
	book     *excelize.File
	zr       *zip.ReadCloser
	part     io.ReadCloser
	dec      *xml.Decoder
	sst      []string
	date1904 bool
	kinds    map[int]cellKind
	cols     columnSet
	vals     []string
	err      error
}

type cellKind uint8

const (
	cellPlain cellKind = iota
	cellDate
	cellDateTime
	cellTime
)

func openXLSX(path, sheet string, info *Info) (r *xlsxReader, err error) {
	// excelize is a large parser of untrusted input; a panic in it must not take the application down.
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fileErr(path, ErrBinaryFile, fmt.Sprintf("a damaged XLSX workbook (%v)", p), "open it in Excel and save it again")
		}
	}()
	book, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fileErr(path, ErrBinaryFile, "an XLSX workbook that cannot be opened: "+err.Error(),
			"open it in Excel and save it again, without a password")
	}
	xr := &xlsxReader{path: path, book: book, kinds: map[int]cellKind{}}
	r = xr
	ok := false
	defer func() {
		if !ok {
			xr.Close()
		}
	}()
	info.Sheets = book.GetSheetList()
	if len(info.Sheets) == 0 {
		return nil, fileErr(path, ErrEmptyFile, "a workbook without sheets", actionExport)
	}
	if sheet == "" {
		sheet = info.Sheets[0]
	} else {
		found := ""
		for _, s := range info.Sheets {
			if strings.EqualFold(s, sheet) {
				found = s
			}
		}
		if found == "" {
			return nil, fileErr(path, ErrSheetNotFound, fmt.Sprintf("no sheet %q; the sheets are %s", sheet, strings.Join(info.Sheets, ", ")),
				"choose one of those sheets")
		}
		sheet = found
	}
	info.Sheet = sheet
	if props, err := book.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		r.date1904 = *props.Date1904
	}

	if r.zr, err = zip.OpenReader(path); err != nil {
		return nil, fileErr(path, ErrBinaryFile, "a damaged XLSX workbook", "open it in Excel and save it again")
	}
	sheetPart, sstPart, err := workbookParts(r.zr, sheet)
	if err != nil {
		return nil, fileErr(path, ErrBinaryFile, "a damaged XLSX workbook: "+err.Error(), "open it in Excel and save it again")
	}
	if sstPart != "" {
		if r.sst, err = readSharedStrings(r.zr, sstPart); err != nil {
			return nil, fileErr(path, ErrBinaryFile, "a damaged XLSX workbook: "+err.Error(), "open it in Excel and save it again")
		}
	}
	zf := findZipFile(r.zr, sheetPart)
	if zf == nil {
		return nil, fileErr(path, ErrBinaryFile, "a damaged XLSX workbook: no part "+sheetPart, "open it in Excel and save it again")
	}
	if r.part, err = zf.Open(); err != nil {
		return nil, fileErr(path, ErrBinaryFile, "a damaged XLSX workbook: "+err.Error(), "open it in Excel and save it again")
	}
	r.dec = xml.NewDecoder(bufio.NewReaderSize(r.part, 64<<10))

	// The header: the first row with a value.
	for {
		_, vals, err := r.readRow()
		if err == io.EOF {
			r.cols = newColumnSet(nil)
			break
		}
		if err != nil {
			return nil, err
		}
		if len(vals) > 0 {
			r.cols = newColumnSet(uniqueHeader(vals))
			break
		}
	}
	ok = true
	return r, nil
}

func (r *xlsxReader) Columns() []string       { return r.cols.names }
func (r *xlsxReader) Index(column string) int { return r.cols.lookup(column) }

func (r *xlsxReader) Close() error {
	var first error
	if r.part != nil {
		first = r.part.Close()
	}
	if r.zr != nil {
		if err := r.zr.Close(); err != nil && first == nil {
			first = err
		}
	}
	if err := r.book.Close(); err != nil && first == nil {
		first = err
	}
	return first
}

func (r *xlsxReader) Next() (rec Record, err error) {
	defer func() {
		if p := recover(); p != nil {
			r.err = io.EOF
			rec, err = Record{}, &ParseError{Path: r.path, Err: fmt.Errorf("damaged worksheet: %v", p), Fatal: true}
		}
	}()
	if r.err != nil {
		return Record{}, r.err
	}
	for {
		row, vals, err := r.readRow()
		if err != nil {
			if err != io.EOF {
				r.err = io.EOF
				return Record{}, err
			}
			r.err = io.EOF
			return Record{}, io.EOF
		}
		if len(vals) > 0 {
			return Record{Line: row, Values: vals}, nil
		}
	}
}

// readRow reads the next <row> and returns its number and values up to the last non-empty cell
// (nil for an empty row); io.EOF after the last row.
func (r *xlsxReader) readRow() (int, []string, error) {
	var rowNum, lastRow int
	inRow := false
	for {
		tok, err := r.dec.RawToken()
		if err != nil {
			if err == io.EOF {
				return 0, nil, io.EOF
			}
			line, _ := r.dec.InputPos()
			return 0, nil, &ParseError{Path: r.path, Line: line, Err: fmt.Errorf("worksheet XML: %w", err), Fatal: true}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				inRow = true
				rowNum = lastRow + 1
				if v := attr(t, "r"); v != "" {
					if n, err := strconv.Atoi(v); err == nil && n > 0 {
						rowNum = n
					}
				}
				r.vals = r.vals[:0]
			case "c":
				if inRow {
					if err := r.readCell(t); err != nil {
						return 0, nil, err
					}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "row":
				lastRow = rowNum
				n := len(r.vals)
				for n > 0 && r.vals[n-1] == "" {
					n--
				}
				return rowNum, r.vals[:n], nil
			case "sheetData":
				return 0, nil, io.EOF
			}
		}
	}
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// readCell reads one <c> element and stores its value at its column.
func (r *xlsxReader) readCell(start xml.StartElement) error {
	col := len(r.vals)
	if ref := attr(start, "r"); ref != "" {
		if c, ok := columnOfRef(ref); ok {
			col = c
		}
	}
	typ := attr(start, "t")
	style, _ := strconv.Atoi(attr(start, "s"))
	var v, inline strings.Builder
	var where string // the element whose text is being read
	phonetic := 0
	for depth := 1; depth > 0; {
		tok, err := r.dec.RawToken()
		if err != nil {
			line, _ := r.dec.InputPos()
			return &ParseError{Path: r.path, Line: line, Err: fmt.Errorf("worksheet XML: %w", err), Fatal: true}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if t.Name.Local == "rPh" {
				phonetic++
			}
			where = t.Name.Local
		case xml.EndElement:
			depth--
			if t.Name.Local == "rPh" {
				phonetic--
			}
			where = ""
		case xml.CharData:
			switch {
			case where == "v":
				v.Write(t)
			case where == "t" && phonetic == 0:
				inline.Write(t)
			}
		}
	}
	val := r.cellValue(typ, style, v.String(), inline.String())
	if col > MaxColumns {
		return nil // a cell far beyond any sane table is dropped rather than allocating a huge row
	}
	for len(r.vals) <= col {
		r.vals = append(r.vals, "")
	}
	r.vals[col] = val
	return nil
}

func (r *xlsxReader) cellValue(typ string, style int, v, inline string) string {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(r.sst) {
			return ""
		}
		return r.sst[i]
	case "inlineStr":
		return inline
	case "b":
		switch strings.TrimSpace(v) {
		case "1", "true":
			return "TRUE"
		case "0", "false":
			return "FALSE"
		}
		return v
	case "str", "e", "d":
		return v
	}
	v = strings.TrimSpace(v)
	if v == "" {
		return ""
	}
	if kind := r.kindOf(style); kind != cellPlain {
		if serial, err := strconv.ParseFloat(v, 64); err == nil {
			if us, ok := ExcelSerialToMicros(serial, r.date1904); ok {
				return formatExcelTime(us, serial, kind)
			}
		}
	}
	return plainNumber(v)
}

// formatExcelTime writes a converted serial as ISO 8601: a date, a date and time, or a time of day.
func formatExcelTime(us int64, serial float64, kind cellKind) string {
	t := time.UnixMicro(us).UTC()
	frac := serial != math.Trunc(serial)
	clock := "15:04:05"
	if t.Nanosecond() != 0 {
		clock = "15:04:05.000"
	}
	switch {
	case kind == cellTime && serial < 1:
		return t.Format(clock)
	case kind == cellDate && !frac:
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02T" + clock)
}

// plainNumber keeps a stored number as written unless it is in E notation or carries more digits than
// Excel's 15 significant ones (0.30000000000000004 is shown by Excel as 0.3).
func plainNumber(v string) string {
	sig := 0
	for i := 0; i < len(v); i++ {
		if c := v[i]; c >= '0' && c <= '9' {
			if sig > 0 || c != '0' {
				sig++
			}
		} else if c == 'e' || c == 'E' {
			sig = 99
			break
		}
	}
	if sig <= 15 {
		return v
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return v
	}
	f, _ = strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
	if a := math.Abs(f); a == 0 || (a >= 1e-7 && a < 1e21) {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// kindOf classifies a cell style by its number format, asking excelize once per style.
func (r *xlsxReader) kindOf(style int) cellKind {
	if style <= 0 {
		return cellPlain
	}
	if k, ok := r.kinds[style]; ok {
		return k
	}
	k := cellPlain
	if st, err := r.book.GetStyle(style); err == nil && st != nil {
		if st.CustomNumFmt != nil {
			k = classifyNumFmt(*st.CustomNumFmt)
		} else {
			k = builtinNumFmtKind(st.NumFmt)
		}
	}
	r.kinds[style] = k
	return k
}

// builtinNumFmtKind classifies Excel's built-in number formats (ECMA-376 §18.8.30 and the East Asian
// locale ids).
func builtinNumFmtKind(id int) cellKind {
	switch {
	case id == 22:
		return cellDateTime
	case id >= 14 && id <= 17, id >= 27 && id <= 36, id >= 50 && id <= 58, id >= 71 && id <= 76, id >= 78 && id <= 81:
		return cellDate
	case id >= 18 && id <= 21, id == 45, id == 47:
		return cellTime
	}
	return cellPlain // 46 is [h]:mm:ss, an elapsed duration: a number, not an instant
}

// classifyNumFmt decides whether a custom format code shows a date, a date and time, a time of day or a
// number. Quoted text, escaped characters, colours and locale tags are ignored; an elapsed-time bracket
// such as [h] makes the value a duration, which stays a number.
func classifyNumFmt(code string) cellKind {
	if i := strings.IndexByte(code, ';'); i >= 0 {
		code = code[:i]
	}
	var b strings.Builder
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch c {
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				i = len(code)
			} else {
				i += j + 1
			}
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				i = len(code)
				continue
			}
			inner := strings.ToLower(code[i+1 : i+j])
			if inner != "" && strings.Trim(inner, "hms") == "" {
				return cellPlain
			}
			i += j
		default:
			b.WriteByte(c | 0x20) // ASCII lower case; other bytes are not format letters anyway
		}
	}
	s := b.String()
	hasDate := strings.ContainsAny(s, "yd")
	hasTime := strings.ContainsAny(s, "hs")
	if strings.Contains(s, "m") && !hasTime && !hasDate {
		hasDate = true // months alone (mmm-yy without y is rare, but "mmmm" is a month)
	}
	switch {
	case hasDate && hasTime:
		return cellDateTime
	case hasDate:
		return cellDate
	case hasTime:
		return cellTime
	}
	return cellPlain
}

// columnOfRef returns the 0-based column of a cell reference such as "AB12".
func columnOfRef(ref string) (int, bool) {
	col, n := 0, 0
	for n < len(ref) {
		c := ref[n] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		n++
		if col > 1<<20 {
			return 0, false
		}
	}
	if n == 0 {
		return 0, false
	}
	return col - 1, true
}

func findZipFile(zr *zip.ReadCloser, name string) *zip.File {
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, name) {
			return f
		}
	}
	return nil
}

// workbookParts finds the worksheet part of the named sheet and the shared strings part through
// xl/workbook.xml and its relationships.
func workbookParts(zr *zip.ReadCloser, sheet string) (sheetPart, sstPart string, err error) {
	type relsT struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	type workbookT struct {
		Sheets []struct {
			Name string     `xml:"name,attr"`
			Attr []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	var wb workbookT
	var rels relsT
	if err := decodePart(zr, "xl/workbook.xml", &wb); err != nil {
		return "", "", err
	}
	if err := decodePart(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return "", "", err
	}
	target := func(id string) string {
		for _, rel := range rels.Rels {
			if rel.ID == id {
				if strings.HasPrefix(rel.Target, "/") {
					return strings.TrimPrefix(rel.Target, "/")
				}
				return path.Join("xl", rel.Target)
			}
		}
		return ""
	}
	for _, s := range wb.Sheets {
		if !strings.EqualFold(s.Name, sheet) {
			continue
		}
		for _, a := range s.Attr {
			if a.Name.Local == "id" {
				sheetPart = target(a.Value)
			}
		}
	}
	if sheetPart == "" {
		return "", "", fmt.Errorf("sheet %q has no worksheet part", sheet)
	}
	for _, rel := range rels.Rels {
		if strings.HasSuffix(rel.Type, "/sharedStrings") {
			sstPart = target(rel.ID)
		}
	}
	return sheetPart, sstPart, nil
}

func decodePart(zr *zip.ReadCloser, name string, v any) error {
	f := findZipFile(zr, name)
	if f == nil {
		return fmt.Errorf("no part %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, 64<<20)).Decode(v)
}

// readSharedStrings streams the shared string table into memory (cells refer to it by index). Rich text
// runs are joined; phonetic guides (<rPh>) are left out.
func readSharedStrings(zr *zip.ReadCloser, name string) ([]string, error) {
	f := findZipFile(zr, name)
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(bufio.NewReader(rc))
	var out []string
	var cur strings.Builder
	inT, phonetic := false, 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("shared strings: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				cur.Reset()
			case "t":
				inT = true
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				out = append(out, cur.String())
			case "t":
				inT = false
			case "rPh":
				phonetic--
			}
		case xml.CharData:
			if inT && phonetic == 0 {
				cur.Write(t)
			}
		}
	}
}
