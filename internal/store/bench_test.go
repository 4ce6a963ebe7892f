package store_test

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"wayline/internal/benchmem"
	"wayline/internal/store"
)

const benchRows = 1_000_000

// BenchmarkImport1M imports a million rows (one customer_id, one event with touchpoint, channel, device and
// value) as one batch into a fresh workspace. It reports ns/row and the process's peak resident memory
// during the import (VmHWM, reset before each run; Linux only) next to the Go heap's peak.
func BenchmarkImport1M(b *testing.B) {
	for range b.N {
		path := filepath.Join(b.TempDir(), "bench.wayline")
		ws := openBench(b, path)
		benchmem.ResetPeak()
		var peakHeap uint64
		b.StartTimer()
		im, err := ws.BeginImport(oneFile("big.csv"))
		if err != nil {
			b.Fatal(err)
		}
		for i := range benchRows {
			if _, err := im.Add(0, customerRow(i), seqFingerprint(1, i)); err != nil {
				b.Fatal(err)
			}
			if i%100_000 == 0 {
				peakHeap = max(peakHeap, benchmem.HeapInUse())
			}
		}
		peakHeap = max(peakHeap, benchmem.HeapInUse())
		if _, _, err := im.Commit(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if kb, ok := benchmem.PeakKB(); ok && kb > 400<<10 {
			b.Errorf("peak RSS %d MB, want under 400 MB", kb>>10)
		}
		reportMemory(b, peakHeap)
		st, _ := os.Stat(path)
		b.ReportMetric(float64(st.Size())/benchRows, "file-B/row")
		ws.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchRows), "ns/row")
}

// BenchmarkBboltRowByRow is the baseline the store's design is measured against: the same encoded rows
// put with random keys, one transaction per 1,000 rows, default fill percent: what a naive store does.
func BenchmarkBboltRowByRow(b *testing.B) {
	value := bytes.Repeat([]byte{'x'}, 60) // about the size of an encoded customerRow
	for range b.N {
		b.StopTimer()
		db, err := bolt.Open(filepath.Join(b.TempDir(), "naive.db"), 0o600, nil)
		if err != nil {
			b.Fatal(err)
		}
		benchmem.ResetPeak()
		rng := rand.New(rand.NewPCG(1, 2))
		b.StartTimer()
		var key [16]byte
		for start := 0; start < benchRows; start += 1000 {
			err := db.Update(func(tx *bolt.Tx) error {
				bk, err := tx.CreateBucketIfNotExists([]byte("rows"))
				if err != nil {
					return err
				}
				for range 1000 {
					binary.BigEndian.PutUint64(key[:8], rng.Uint64())
					binary.BigEndian.PutUint64(key[8:], rng.Uint64())
					if err := bk.Put(key[:], value); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		reportMemory(b, benchmem.HeapInUse())
		db.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchRows), "ns/row")
}

func openBench(b *testing.B, path string) *store.Workspace {
	b.Helper()
	b.StopTimer()
	ws, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return ws
}

// reportMemory reports the peak resident set (VmHWM) and the Go heap peak sampled during the run.
func reportMemory(b *testing.B, peakHeap uint64) {
	b.Helper()
	if kb, ok := benchmem.PeakKB(); ok {
		b.ReportMetric(float64(kb)/1024, "peak-RSS-MB")
	}
	b.ReportMetric(float64(peakHeap)/(1<<20), "peak-heap-MB")
}
