package importer_test

import (
	"context"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"wayline/internal/benchmem"
	"wayline/internal/demo"
	"wayline/internal/importer"
	"wayline/internal/store"
)

// benchFiles writes the 1,000,000-row events file (≈70 MB) once per process, as CSV and as NDJSON.
var benchFiles = sync.OnceValues(func() (string, string) {
	dir, err := os.MkdirTemp("", "wayline-bench-")
	if err != nil {
		panic(err)
	}
	csvPath, ndPath := filepath.Join(dir, "events.csv"), filepath.Join(dir, "events.ndjson")
	for path, write := range map[string]func(io.Writer, int, int64) error{csvPath: demo.WriteEventsCSV, ndPath: demo.WriteEventsNDJSON} {
		f, err := os.Create(path)
		if err != nil {
			panic(err)
		}
		if err := write(f, 1_000_000, 1); err != nil {
			panic(err)
		}
		f.Close()
	}
	return csvPath, ndPath
})

func benchImport(b *testing.B, path string) {
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	r := eventsRecipe
	b.SetBytes(st.Size())
	var snapshot time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ws, err := store.Open(filepath.Join(b.TempDir(), "bench.wayline"), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		benchmem.ResetPeak()
		b.StartTimer()
		res, err := importer.Run(context.Background(), ws, importer.Request{Files: []string{path}, Recipe: &r})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if kb, ok := benchmem.PeakKB(); ok {
			b.ReportMetric(float64(kb)/1024, "peak-RSS-MB")
		}
		if res.Counts.Events != 1_000_000 {
			b.Fatalf("got %d events, want 1,000,000", res.Counts.Events)
		}
		snapshot += res.Snapshot
		ws.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ns/row")
	// The part of each import spent writing the model snapshot after the commit.
	b.ReportMetric(float64(snapshot.Milliseconds())/float64(b.N), "snapshot-ms")
}

// BenchmarkImportCSV1M imports the 1,000,000-row events CSV into a new workspace.
func BenchmarkImportCSV1M(b *testing.B) {
	csvPath, _ := benchFiles()
	benchImport(b, csvPath)
}

// BenchmarkImportNDJSON1M imports the same events as JSON Lines.
func BenchmarkImportNDJSON1M(b *testing.B) {
	_, ndPath := benchFiles()
	benchImport(b, ndPath)
}

// BenchmarkBaselineCSVRead only reads the CSV with encoding/csv: the floor any import stands on, measured
// in the same run so the import's figure can be quoted as a ratio.
func BenchmarkBaselineCSVRead(b *testing.B) {
	csvPath, _ := benchFiles()
	st, _ := os.Stat(csvPath)
	b.SetBytes(st.Size())
	for i := 0; i < b.N; i++ {
		f, err := os.Open(csvPath)
		if err != nil {
			b.Fatal(err)
		}
		r := csv.NewReader(f)
		r.ReuseRecord = true
		n := 0
		for {
			_, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		f.Close()
		if n != 1_000_001 {
			b.Fatalf("read %d records, want 1,000,001", n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ns/row")
}
