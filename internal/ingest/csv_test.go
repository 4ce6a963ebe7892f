package ingest_test

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wayline/internal/ingest"
)

func TestCSVRecords(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		cols  []string
		recs  [][]string
		lines []int
	}{
		{"quoted newline keeps the starting line", "id,note\n1,\"two\nlines\"\n2,plain\n",
			[]string{"id", "note"}, [][]string{{"1", "two\nlines"}, {"2", "plain"}}, []int{2, 4}},
		{"CRLF and blank lines", "a,b\r\n1,2\r\n\r\n3,4\r\n",
			[]string{"a", "b"}, [][]string{{"1", "2"}, {"3", "4"}}, []int{2, 4}},
		{"duplicate and empty headers", "Email, Email ,,Email_2,Email\nx,y,z,w,v\n",
			[]string{"Email", "Email_3", "column_3", "Email_2", "Email_4"}, [][]string{{"x", "y", "z", "w", "v"}}, []int{2}},
		{"wrong field counts are returned", "a,b,c\n1,2\n1,2,3,4\n",
			[]string{"a", "b", "c"}, [][]string{{"1", "2"}, {"1", "2", "3", "4"}}, []int{2, 3}},
		{"header only", "a,b\n", []string{"a", "b"}, nil, nil},
		{"escaped quotes", "a\n\"say \"\"hi\"\"\"\n", []string{"a"}, [][]string{{`say "hi"`}}, []int{2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := drain(t, writeTemp(t, "in.csv", []byte(tt.data)), ingest.Options{})
			if len(d.errs) > 0 {
				t.Fatalf("got parse errors %v", d.errs)
			}
			if !equalStrings(d.cols, tt.cols) {
				t.Errorf("got columns %q, want %q", d.cols, tt.cols)
			}
			if fmt.Sprint(d.recs) != fmt.Sprint(tt.recs) || fmt.Sprint(d.lines) != fmt.Sprint(tt.lines) {
				t.Errorf("got %q on lines %v, want %q on lines %v", d.recs, d.lines, tt.recs, tt.lines)
			}
		})
	}
}

func TestCSVQuoteErrorContinues(t *testing.T) {
	data := "id,name\n1,Ana\n2,Bo\"b\n3,\"Cy\"d\n4,Di\n"
	d := drain(t, writeTemp(t, "in.csv", []byte(data)), ingest.Options{})
	if len(d.errs) != 2 {
		t.Fatalf("got %d parse errors (%v), want 2", len(d.errs), d.errs)
	}
	if d.errs[0].Line != 3 || d.errs[0].Column != 5 || d.errs[1].Line != 4 {
		t.Errorf("got errors at %d:%d and %d, want 3:5 and 4", d.errs[0].Line, d.errs[0].Column, d.errs[1].Line)
	}
	if d.errs[0].Fatal || !strings.Contains(d.errs[0].Error(), "in.csv:3:5") {
		t.Errorf("got %q (fatal %v), want a non-fatal error naming in.csv:3:5", d.errs[0], d.errs[0].Fatal)
	}
	want := [][]string{{"1", "Ana"}, {"4", "Di"}}
	if fmt.Sprint(d.recs) != fmt.Sprint(want) || d.lines[1] != 5 {
		t.Errorf("got %q lines %v, want %q with Di on line 5", d.recs, d.lines, want)
	}
}

func TestCSVLargeField(t *testing.T) {
	big := strings.Repeat("x", 1<<20+17)
	data := "id,blob\n1,\"" + big + "\"\n2," + big + "\n3,end\n"
	d := drain(t, writeTemp(t, "big.csv", []byte(data)), ingest.Options{})
	if len(d.recs) != 3 || len(d.recs[0][1]) != len(big) || len(d.recs[1][1]) != len(big) || d.recs[2][1] != "end" {
		t.Fatalf("got %d records, want 3 with two 1 MB fields", len(d.recs))
	}
}

func TestCSVClickstream(t *testing.T) {
	d := drain(t, sharedData(t, "clickstream/2019-Oct-sample.csv"), ingest.Options{})
	if len(d.recs) != 1000 || len(d.errs) != 0 {
		t.Fatalf("got %d records and %d errors, want 1000 and 0", len(d.recs), len(d.errs))
	}
	var samples []string
	for i := range d.recs {
		samples = append(samples, d.get(i, "event_time"))
	}
	layout, rep := ingest.DetectTimeLayout(samples)
	if layout.Kind != ingest.TimeISO || rep.Parsed != 1000 {
		t.Fatalf("got layout %s with %d parsed (%s), want iso8601 with 1000", layout, rep.Parsed, rep.Summary)
	}
	got, err := ingest.ParseTime(d.get(0, "event_time"), layout)
	want := time.Date(2019, 10, 1, 0, 0, 0, 0, time.UTC).UnixMicro()
	if err != nil || got != want {
		t.Errorf("ParseTime(%q) = %d, %v; want %d", d.get(0, "event_time"), got, err, want)
	}
}

func TestCSVReceiptOffsets(t *testing.T) {
	d := drain(t, sharedData(t, "process-mining/receipt.csv"), ingest.Options{})
	if len(d.recs) != 8577 || len(d.errs) != 0 {
		t.Fatalf("got %d records and %d errors, want 8577 and 0", len(d.recs), len(d.errs))
	}
	l := ingest.TimeLayout{Kind: ingest.TimeISO}
	for i := range d.recs {
		if _, err := ingest.ParseTime(d.get(i, "time:timestamp"), l); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
	}
	// The first row: 2011-10-11 13:45:40.276000+02:00 is 11:45:40.276 UTC (summer time).
	got, _ := ingest.ParseTime(d.get(0, "time:timestamp"), l)
	want := time.Date(2011, 10, 11, 11, 45, 40, 276e6, time.UTC).UnixMicro()
	if got != want {
		t.Errorf("got %s, want %s", time.UnixMicro(got).UTC(), time.UnixMicro(want).UTC())
	}
	// Its case deadline 2011-12-06 13:41:31.788000+01:00 is in winter time.
	got, _ = ingest.ParseTime(d.get(0, "case:deadline"), l)
	want = time.Date(2011, 12, 6, 12, 41, 31, 788e6, time.UTC).UnixMicro()
	if got != want {
		t.Errorf("got %s, want %s", time.UnixMicro(got).UTC(), time.UnixMicro(want).UTC())
	}
}

// benchCSV writes a 1M-row CSV (about 70 MB) once per process.
func benchCSV(b *testing.B) string {
	b.Helper()
	p := filepath.Join(os.TempDir(), "wayline-bench-1m.csv")
	if st, err := os.Stat(p); err == nil && st.Size() > 60<<20 {
		return p
	}
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "event_time,event_type,product_id,price,user_id,user_session")
	for i := 0; i < 1_000_000; i++ {
		fmt.Fprintf(w, "2019-10-01 00:%02d:%02d UTC,view,%d,%d.%02d,%d,s%012d\n",
			i/60%60, i%60, 44600000+i%5000, i%500, i%100, 541312140+i%20000, i)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	return p
}

func BenchmarkReadCSV(b *testing.B) {
	p := benchCSV(b)
	st, _ := os.Stat(p)
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		r, _, err := ingest.Open(p, ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		r.Close()
		if n != 1_000_000 {
			b.Fatalf("got %d rows, want 1000000", n)
		}
	}
}
