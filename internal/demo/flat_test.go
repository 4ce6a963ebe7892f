package demo_test

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"testing"
	"time"

	"wayline/internal/demo"
)

func TestWriteEventsCSV(t *testing.T) {
	var a, b bytes.Buffer
	if err := demo.WriteEventsCSV(&a, 5000, 3); err != nil {
		t.Fatal(err)
	}
	if err := demo.WriteEventsCSV(&b, 5000, 3); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two CSV writes with the same seed differ")
	}
	recs, err := csv.NewReader(bytes.NewReader(a.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(recs), 5001; got != want {
		t.Fatalf("got %d records, want %d (header + rows)", got, want)
	}
	if per := a.Len() / 5000; per < 55 || per > 80 {
		t.Errorf("got %d bytes a row, want about 70", per)
	}
	prev := time.Time{}
	for i, r := range recs[1:] {
		ts, err := time.Parse(time.RFC3339Nano, r[1])
		if err != nil {
			t.Fatalf("row %d: %v", i+1, err)
		}
		if ts.Before(prev) {
			t.Fatalf("row %d: %v before %v", i+1, ts, prev)
		}
		prev = ts
		if r[4] != "" {
			if _, err := strconv.ParseFloat(r[4], 64); err != nil {
				t.Fatalf("row %d: value %q", i+1, r[4])
			}
		}
	}
}

func TestWriteEventsNDJSONMatchesCSV(t *testing.T) {
	var c, j bytes.Buffer
	if err := demo.WriteEventsCSV(&c, 2000, 9); err != nil {
		t.Fatal(err)
	}
	if err := demo.WriteEventsNDJSON(&j, 2000, 9); err != nil {
		t.Fatal(err)
	}
	recs, _ := csv.NewReader(&c).ReadAll()
	sc := bufio.NewScanner(&j)
	i := 1
	for sc.Scan() {
		var e struct {
			CustomerID string   `json:"customer_id"`
			Timestamp  string   `json:"timestamp"`
			Touchpoint string   `json:"touchpoint"`
			Channel    string   `json:"channel"`
			Value      *float64 `json:"value"`
		}
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		r := recs[i]
		if e.CustomerID != r[0] || e.Timestamp != r[1] || e.Touchpoint != r[2] || e.Channel != r[3] {
			t.Fatalf("line %d: got %+v, want %v", i, e, r)
		}
		if (e.Value == nil) != (r[4] == "") {
			t.Fatalf("line %d: value %v vs %q", i, e.Value, r[4])
		}
		i++
	}
	if i != 2001 {
		t.Errorf("got %d JSON lines, want 2000", i-1)
	}
}

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.n -= len(p); f.n < 0 {
		return 0, io.ErrShortWrite
	}
	return len(p), nil
}

func TestWriteEventsReportsWriteErrors(t *testing.T) {
	if err := demo.WriteEventsCSV(&failWriter{n: 100}, 100000, 1); err == nil {
		t.Error("CSV: got nil error from a failing writer")
	}
	if err := demo.WriteEventsNDJSON(&failWriter{n: 100}, 100000, 1); err == nil {
		t.Error("NDJSON: got nil error from a failing writer")
	}
}

func BenchmarkWriteEventsCSV(b *testing.B) {
	for b.Loop() {
		if err := demo.WriteEventsCSV(io.Discard, 100000, 1); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExport(b *testing.B) {
	for b.Loop() {
		if _, err := demo.Export(b.TempDir(), demo.Options{Customers: 5000}); err != nil {
			b.Fatal(err)
		}
	}
}
