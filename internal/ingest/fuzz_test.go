package ingest_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wayline/internal/ingest"
)

// seedFiles adds every testdata file with one of the extensions as a seed.
func seedFiles(f *testing.F, exts ...string) {
	f.Helper()
	for _, ext := range exts {
		paths, _ := filepath.Glob(filepath.Join("testdata", "*"+ext))
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
}

// readEverything opens data as a file with the given options and reads it to the end, checking the
// contract: no panic, errors are *FileError or *ParseError (or I/O), Values never longer than the columns
// unless the reader is CSV, and reading ends.
func readEverything(t *testing.T, name string, data []byte, opts ingest.Options) {
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	r, info, err := ingest.Open(p, opts)
	if err != nil {
		var fe *ingest.FileError
		var pe *ingest.ParseError
		if !errors.As(err, &fe) && !errors.As(err, &pe) {
			t.Fatalf("Open: unexpected error type %T: %v", err, err)
		}
		return
	}
	defer r.Close()
	prevLine := 0
	for i := 0; ; i++ {
		if i > 1_000_000 {
			t.Fatal("reader does not end")
		}
		rec, err := r.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			var pe *ingest.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Next: unexpected error %T: %v", err, err)
			}
			continue
		}
		if info.Format != "csv" && info.Format != "tsv" && len(rec.Values) > len(r.Columns()) {
			t.Fatalf("got %d values for %d columns", len(rec.Values), len(r.Columns()))
		}
		if rec.Line < prevLine && info.Format != "xlsx" {
			t.Fatalf("line went back from %d to %d", prevLine, rec.Line)
		}
		prevLine = rec.Line
		for _, c := range r.Columns() {
			if r.Index(c) < 0 {
				t.Fatalf("Index(%q) = -1 for a listed column", c)
			}
		}
	}
}

func FuzzCSV(f *testing.F) {
	seedFiles(f, ".csv")
	f.Add([]byte("a,b\n\"x"))
	f.Add([]byte("\xef\xbb\xbfa\tb\n1\t2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		readEverything(t, "in.csv", data, ingest.Options{})
		readEverything(t, "in.csv", data, ingest.Options{Format: "csv", NoHeader: true, Delimiter: ";"})
	})
}

func FuzzJSON(f *testing.F) {
	seedFiles(f, ".json")
	f.Add([]byte(`{"a":{"b":[[{"key":"k","value":{"x_value":1}}]]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		readEverything(t, "in.json", data, ingest.Options{Format: "json"})
	})
}

func FuzzJSONL(f *testing.F) {
	seedFiles(f, ".jsonl")
	f.Add([]byte("{\"a\":\"\\ud800\"}\n{\"b\":[1,[2,{\"c\":null}]]}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		readEverything(t, "in.jsonl", data, ingest.Options{Format: "jsonl"})
	})
}

func FuzzXES(f *testing.F) {
	seedFiles(f, ".xes")
	if b, err := os.ReadFile(filepath.Join("testdata", "small.xes")); err == nil {
		var gz bytes.Buffer
		w := gzip.NewWriter(&gz)
		w.Write(b)
		w.Close()
		f.Add(gz.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		readEverything(t, "in.xes", data, ingest.Options{})
	})
}

func FuzzXLSX(f *testing.F) {
	dir := f.TempDir()
	b, err := os.ReadFile(buildWorkbook(f, dir))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(b[:len(b)/2])
	f.Fuzz(func(t *testing.T, data []byte) {
		readEverything(t, "in.xlsx", data, ingest.Options{})
	})
}

func FuzzParseTime(f *testing.F) {
	file, err := os.Open(filepath.Join("testdata", "times.txt"))
	if err != nil {
		f.Fatal(err)
	}
	sc := bufio.NewScanner(file)
	for sc.Scan() {
		for k := ingest.TimeAuto; k <= ingest.TimeExcelSerial; k++ {
			f.Add(sc.Text(), int(k))
		}
	}
	file.Close()
	f.Fuzz(func(t *testing.T, s string, kind int) {
		l := ingest.TimeLayout{Kind: ingest.TimeKind(kind)}
		us, err := ingest.ParseTime(s, l)
		if err != nil {
			if !errors.Is(err, ingest.ErrBadTime) {
				t.Fatalf("got %v, want ErrBadTime", err)
			}
			return
		}
		// Parsing is deterministic and ignores surrounding space.
		if again, err := ingest.ParseTime("  "+s+" ", l); err != nil || again != us {
			if strings.TrimSpace(s) == s {
				t.Fatalf("ParseTime(%q) = %d but with spaces %d, %v", s, us, again, err)
			}
		}
		ingest.DetectTimeLayout([]string{s, s})
	})
}
