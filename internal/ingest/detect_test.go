package ingest_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"wayline/internal/ingest"
)

func utf16Bytes(t *testing.T, s string, e unicode.Endianness, bom unicode.BOMPolicy) []byte {
	t.Helper()
	b, err := unicode.UTF16(e, bom).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestOpenDetects(t *testing.T) {
	const csvText = "name,city\nZoë,Paris\nAna,\"Lisbon, PT\"\n"
	tests := []struct {
		name      string
		file      string
		data      []byte
		format    string
		encoding  string
		delimiter string
		cols      []string
		first     []string
	}{
		{"comma", "a.csv", []byte(csvText), "csv", "utf-8", ",", []string{"name", "city"}, []string{"Zoë", "Paris"}},
		{"utf-8 BOM", "a.csv", append([]byte("\xef\xbb\xbf"), csvText...), "csv", "utf-8", ",", []string{"name", "city"}, []string{"Zoë", "Paris"}},
		{"semicolon with decimal commas", "a.csv", []byte("id;amount;note\n1;3,50;x\n2;4,25;\"a;b\"\n"), "csv", "utf-8", ";", []string{"id", "amount", "note"}, []string{"1", "3,50", "x"}},
		{"tab by content", "a.txt", []byte("a\tb\tc\n1\t2\t3\n"), "tsv", "utf-8", "\t", []string{"a", "b", "c"}, []string{"1", "2", "3"}},
		{"pipe", "a.txt", []byte("a|b\n1|2\n3|4\n"), "csv", "utf-8", "|", []string{"a", "b"}, []string{"1", "2"}},
		{"single column", "a.csv", []byte("email\na@x.io\n"), "csv", "utf-8", ",", []string{"email"}, []string{"a@x.io"}},
		{"utf-16le BOM", "a.csv", utf16Bytes(t, csvText, unicode.LittleEndian, unicode.UseBOM), "csv", "utf-16le", ",", []string{"name", "city"}, []string{"Zoë", "Paris"}},
		{"utf-16be BOM", "a.csv", utf16Bytes(t, csvText, unicode.BigEndian, unicode.UseBOM), "csv", "utf-16be", ",", []string{"name", "city"}, []string{"Zoë", "Paris"}},
		{"utf-16le no BOM", "a.csv", utf16Bytes(t, csvText, unicode.LittleEndian, unicode.IgnoreBOM), "csv", "utf-16le", ",", []string{"name", "city"}, []string{"Zoë", "Paris"}},
		{"latin-1", "a.csv", []byte("name,city\nZo\xeb,Paris\nAna,Lisboa\n"), "csv", "latin-1", ",", []string{"name", "city"}, []string{"Zoë", "Paris"}},
		{"windows-1252 euro", "a.csv", []byte("item,price\nbook,\x8012\n"), "csv", "latin-1", ",", []string{"item", "price"}, []string{"book", "€12"}},
		{"json array", "a.dat", []byte(`[{"a":1,"b":"x"}]`), "json", "utf-8", "", []string{"a", "b"}, []string{"1", "x"}},
		{"json wrapped", "a.dat", []byte("{\"count\":1,\n \"data\":[{\"a\":1}]}"), "json", "utf-8", "", []string{"a"}, []string{"1"}},
		{"json lines", "a.json", []byte("{\"a\":1}\n{\"a\":2}\n"), "jsonl", "utf-8", "", []string{"a"}, []string{"1"}},
		{"json lines one record", "a.json", []byte("{\"a\":1,\"tags\":[\"x\",\"y\"]}\n"), "jsonl", "utf-8", "", []string{"a", "tags"}, []string{"1", "x,y"}},
		{"minified wrapped json", "a.json", []byte(`{"rows":[{"a":1}]}`), "json", "utf-8", "", []string{"a"}, []string{"1"}},
		{"xes", "a.xml", []byte(`<?xml version="1.0"?><log><trace><string key="concept:name" value="c1"/><event><string key="concept:name" value="A"/></event></trace></log>`),
			"xes", "utf-8", "", []string{"case:concept:name", "concept:name"}, []string{"c1", "A"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := drain(t, writeTemp(t, tt.file, tt.data), ingest.Options{})
			if d.info.Format != tt.format || d.info.Encoding != tt.encoding || d.info.Delimiter != tt.delimiter {
				t.Errorf("got format %q encoding %q delimiter %q, want %q %q %q",
					d.info.Format, d.info.Encoding, d.info.Delimiter, tt.format, tt.encoding, tt.delimiter)
			}
			if !equalStrings(d.cols, tt.cols) {
				t.Errorf("got columns %q, want %q", d.cols, tt.cols)
			}
			if len(d.recs) == 0 || !equalStrings(d.recs[0], tt.first) {
				t.Fatalf("got records %q, want first %q", d.recs, tt.first)
			}
			if d.info.Size != int64(len(tt.data)) {
				t.Errorf("got size %d, want %d", d.info.Size, len(tt.data))
			}
		})
	}
}

func TestOpenOptionsOverride(t *testing.T) {
	// A file that sniffs as comma-separated, read with the options the user chose instead.
	p := writeTemp(t, "a.csv", []byte("a;b,c\n1;2,3\n"))
	d := drain(t, p, ingest.Options{Delimiter: ";", NoHeader: true})
	if !equalStrings(d.cols, []string{"col1", "col2"}) {
		t.Errorf("got columns %q, want col1 col2", d.cols)
	}
	if len(d.recs) != 2 || d.recs[0][1] != "b,c" || d.lines[1] != 2 {
		t.Errorf("got %q lines %v, want two records with b,c on line 1", d.recs, d.lines)
	}
	// Recipe fields reach Open through OpenRecipe.
	r, info, err := ingest.OpenRecipe(p, ingest.Recipe{Format: "tsv", Encoding: "latin-1"})
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	if info.Format != "tsv" || info.Delimiter != "\t" || info.Encoding != "latin-1" {
		t.Errorf("got %+v, want tsv, tab, latin-1", info)
	}
}

func TestOpenRejects(t *testing.T) {
	zipBytes := []byte("PK\x03\x04\x14\x00\x00\x00\x00\x00rest of a zip")
	tests := []struct {
		name    string
		data    []byte
		opts    ingest.Options
		want    error
		mention string
	}{
		{"empty", nil, ingest.Options{}, ingest.ErrEmptyFile, "export it as CSV, JSON or XLSX"},
		{"only BOM and spaces", []byte("\xef\xbb\xbf  \n\n"), ingest.Options{}, ingest.ErrEmptyFile, "empty"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), ingest.Options{}, ingest.ErrBinaryFile, "PNG"},
		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), ingest.Options{}, ingest.ErrBinaryFile, "PDF"},
		{"legacy xls", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), ingest.Options{}, ingest.ErrBinaryFile, "save it as .xlsx"},
		{"zip that is not xlsx", zipBytes, ingest.Options{}, ingest.ErrBinaryFile, "ZIP"},
		{"nul bytes", []byte("a,b\n\x00\x01\x02\x03\x00\x00\x05\x00\x07\x00"), ingest.Options{}, ingest.ErrBinaryFile, "export it as CSV, JSON or XLSX"},
		{"control characters", bytes.Repeat([]byte("\x01\x02\x03ab\x04\x05"), 20), ingest.Options{}, ingest.ErrBinaryFile, "binary"},
		{"unknown format option", []byte("a\n1\n"), ingest.Options{Format: "parquet"}, ingest.ErrUnknownFormat, "parquet"},
		{"unknown encoding option", []byte("a\n1\n"), ingest.Options{Encoding: "ebcdic"}, ingest.ErrUnknownEncoding, "ebcdic"},
		{"xlsx option on text", []byte("a\n1\n"), ingest.Options{Format: "xlsx"}, ingest.ErrUnknownFormat, "XLSX"},
		{"html", []byte("<!DOCTYPE html><html><body>x</body></html>"), ingest.Options{}, ingest.ErrUnknownFormat, "<html>"},
		{"json without records", []byte("{\n \"a\": 1,\n \"b\": {\"c\": 2}\n}\n"), ingest.Options{}, ingest.ErrNoRecords, "no array"},
		{"json records path missing", []byte(`{"data":[{"a":1}]}`), ingest.Options{Format: "json", Records: "items"}, ingest.ErrNoRecords, `"items"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeTemp(t, "input.dat", tt.data)
			r, _, err := ingest.Open(p, tt.opts)
			if err == nil {
				r.Close()
				t.Fatalf("got no error, want %v", tt.want)
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want errors.Is %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), tt.mention) {
				t.Errorf("got %q, want it to name the file and mention %q", err, tt.mention)
			}
		})
	}
}

func TestOpenMissingFile(t *testing.T) {
	if _, _, err := ingest.Open("/no/such/file.csv", ingest.Options{}); err == nil {
		t.Fatal("got no error for a missing file")
	}
}
