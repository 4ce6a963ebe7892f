package ingest

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encoding names as they appear in Options.Encoding, Recipe.Encoding and Info.Encoding.
const (
	EncUTF8    = "utf-8"
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
	EncLatin1  = "latin-1"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// normalizeEncoding maps the spellings people use to one of the Enc constants; ok is false for anything
// else. Latin-1 is read as Windows-1252, its superset for the bytes 0x80–0x9F: no export means the C1
// control characters there, while "smart quotes" and "€" from Windows tools are common.
func normalizeEncoding(name string) (string, bool) {
	switch strings.ToLower(strings.ReplaceAll(strings.TrimSpace(name), "_", "-")) {
	case "utf-8", "utf8":
		return EncUTF8, true
	case "utf-16le", "utf16le", "utf-16", "ucs-2", "ucs-2le":
		return EncUTF16LE, true
	case "utf-16be", "utf16be", "ucs-2be":
		return EncUTF16BE, true
	case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "windows-1252", "cp1252", "l1":
		return EncLatin1, true
	}
	return "", false
}

// detectEncoding looks at the first bytes of a file: a byte-order mark decides; without one, a pattern of
// NUL bytes in every other position means UTF-16 (text that is mostly ASCII); valid UTF-8 means UTF-8
// (ASCII is valid UTF-8); anything else is taken as Latin-1, which can decode every byte.
func detectEncoding(head []byte, atEOF bool) string {
	switch {
	case bytes.HasPrefix(head, bomUTF8):
		return EncUTF8
	case bytes.HasPrefix(head, bomUTF16LE):
		return EncUTF16LE
	case bytes.HasPrefix(head, bomUTF16BE):
		return EncUTF16BE
	}
	if enc := utf16ByNULs(head); enc != "" {
		return enc
	}
	if validUTF8Prefix(head, atEOF) {
		return EncUTF8
	}
	return EncLatin1
}

// utf16ByNULs recognises BOM-less UTF-16 by where the NUL bytes fall in the first 4 KB.
func utf16ByNULs(head []byte) string {
	n := min(len(head), 4096) &^ 1
	if n < 4 {
		return ""
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 >= pairs*4 && even*20 < pairs:
		return EncUTF16LE
	case even*10 >= pairs*4 && odd*20 < pairs:
		return EncUTF16BE
	}
	return ""
}

// validUTF8Prefix reports whether head is valid UTF-8, forgiving a rune cut off at the end of the sample.
func validUTF8Prefix(head []byte, atEOF bool) bool {
	if utf8.Valid(head) {
		return true
	}
	if atEOF {
		return false
	}
	for cut := 1; cut <= 3 && cut < len(head); cut++ {
		if utf8.Valid(head[:len(head)-cut]) {
			return true
		}
	}
	return false
}

// decodeText returns a reader of UTF-8 text for r in the given encoding, without any byte-order mark.
// UTF-8 passes through untouched, so the common case costs nothing.
func decodeText(r io.Reader, enc string) io.Reader {
	switch enc {
	case EncUTF16LE:
		return transform.NewReader(r, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder())
	case EncUTF16BE:
		return transform.NewReader(r, unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder())
	case EncLatin1:
		return charmap.Windows1252.NewDecoder().Reader(r)
	}
	return r
}

// binaryMagic names well-known binary formats by their first bytes. ZIP is handled apart because an XLSX
// workbook is a ZIP archive.
var binaryMagic = []struct {
	magic  string
	detail string
	action string
}{
	{"\x89PNG\r\n\x1a\n", "a PNG image", actionExport},
	{"\xff\xd8\xff", "a JPEG image", actionExport},
	{"GIF87a", "a GIF image", actionExport},
	{"GIF89a", "a GIF image", actionExport},
	{"%PDF-", "a PDF document", actionExport},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office file such as .xls", "open it in Excel and save it as .xlsx or CSV"},
	{"SQLite format 3\x00", "an SQLite database", actionExport},
	{"\x7fELF", "a program", actionExport},
	{"MZ", "a Windows program", actionExport},
	{"Rar!\x1a\x07", "a RAR archive", actionExport},
	{"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", actionExport},
	{"PAR1", "a Parquet file", actionExport},
	{"BZh", "a bzip2 archive", "decompress it first"},
	{"\xfd7zXZ\x00", "an xz archive", "decompress it first"},
	{"\x28\xb5\x2f\xfd", "a zstd archive", "decompress it first"},
}

// sniffBinary reports what binary format head starts with, if any known one.
func sniffBinary(head []byte) (detail, action string, ok bool) {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(head, []byte(m.magic)) {
			// "MZ" and "BZh" are short; require a NUL or high byte nearby so a CSV starting "MZ," passes.
			if len(m.magic) < 4 && !looksBinary(head) {
				continue
			}
			return m.detail, m.action, true
		}
	}
	return "", "", false
}

// looksBinary reports whether a sample of decoded text holds NUL bytes or too many control characters
// to be a data export. Tab, newline, carriage return, form feed and escape-free text pass.
func looksBinary(head []byte) bool {
	if len(head) == 0 {
		return false
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	var ctrl int
	for _, b := range head {
		if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v') || b == 0x7f {
			ctrl++
		}
	}
	return ctrl*20 > len(head) // more than 5%
}
