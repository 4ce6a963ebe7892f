package ingest_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"wayline/internal/ingest"
)

// writeTemp writes data to a file named name in a fresh temporary directory and returns its path.
func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// drained is everything a reader returned.
type drained struct {
	info  ingest.Info
	cols  []string
	recs  [][]string
	lines []int
	errs  []*ingest.ParseError
}

// get returns the value of column name in record i ("" when absent).
func (d drained) get(i int, name string) string {
	for c, n := range d.cols {
		if n == name {
			if c < len(d.recs[i]) {
				return d.recs[i][c]
			}
			return ""
		}
	}
	return ""
}

// drain opens path and reads it to the end, collecting records (copied) and parse errors. A non-parse
// error fails the test.
func drain(t testing.TB, path string, opts ingest.Options) drained {
	t.Helper()
	r, info, err := ingest.Open(path, opts)
	if err != nil {
		t.Fatalf("Open(%s): %v", filepath.Base(path), err)
	}
	defer r.Close()
	d := drained{info: info}
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *ingest.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Next: %v", err)
			}
			d.errs = append(d.errs, pe)
			if len(d.errs) > 1000 {
				t.Fatalf("too many parse errors; last: %v", err)
			}
			continue
		}
		d.recs = append(d.recs, append([]string(nil), rec.Values...))
		d.lines = append(d.lines, rec.Line)
	}
	d.cols = append([]string(nil), r.Columns()...)
	return d
}

// sharedData finds /work/shared/data by walking up from the package directory; it skips the test when
// the folder is absent.
func sharedData(t testing.TB, rel string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		cand := filepath.Join(dir, "shared", "data")
		if st, err := os.Stat(cand); err == nil && st.IsDir() {
			p := filepath.Join(cand, rel)
			if _, err := os.Stat(p); err != nil {
				t.Skipf("shared data file %s absent", rel)
			}
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("shared/data not found")
		}
		dir = parent
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
