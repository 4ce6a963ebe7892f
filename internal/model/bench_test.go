package model_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

// benchStore is a workspace of 1,000,000 one-event rows of 100,000 customers, built once per process.
var benchStore = sync.OnceValues(func() (string, error) {
	dir, err := filepathTemp()
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "bench.wayline")
	ws, err := store.Open(path, store.Options{})
	if err != nil {
		return "", err
	}
	defer ws.Close()
	im, err := ws.BeginImport(store.NewBatch{Files: []store.FileInfo{{Name: "events.csv"}}})
	if err != nil {
		return "", err
	}
	touch := []string{"Home page", "Product viewed", "Added to cart", "Checkout: payment", "Order completed"}
	for i := 0; i < 1_000_000; i++ {
		c := (i * 7919) % 100_000
		r := record.Row{Line: i + 2, Identifiers: []record.Identifier{{Type: "customer_id", Value: fmt.Sprintf("cust-%06d", c)}},
			Events: []record.Event{{Time: int64(i) * 1e6, Touchpoint: touch[i%len(touch)], Channel: "web"}}}
		if _, err := im.Add(0, r, store.Fingerprint{byte(i), byte(i >> 8), byte(i >> 16), 7}); err != nil {
			return "", err
		}
	}
	if _, _, err = im.Commit(); err != nil {
		return "", err
	}
	return path, model.SaveSnapshot(ws)
})

func filepathTemp() (string, error) { return os.MkdirTemp("", "wayline-model-bench-") }

// BenchmarkLoad opens the million rows as Load does: from the workspace's snapshot.
func BenchmarkLoad(b *testing.B) {
	benchLoad(b, model.Load)
}

// BenchmarkLoadSnapshot decodes the snapshot only (what Load does when it is valid); with BenchmarkLoadRows
// in the same run it gives the snapshot's ratio.
func BenchmarkLoadSnapshot(b *testing.B) {
	benchLoad(b, model.LoadSnapshot)
}

// BenchmarkLoadRows reads the million rows into a model, ignoring the snapshot: what Load falls back to
// when the snapshot is stale. (Reading in parts on both cores and merging the dictionaries was tried and
// measured no faster: the merge and the second dictionary cost what the second core saves.)
func BenchmarkLoadRows(b *testing.B) {
	benchLoad(b, model.LoadRows)
}

func benchLoad(b *testing.B, load func(*store.Workspace) (*model.Model, error)) {
	path, err := benchStore()
	if err != nil {
		b.Fatal(err)
	}
	ws, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer ws.Close()
	b.ResetTimer()
	for range b.N {
		m, err := load(ws)
		if err != nil {
			b.Fatal(err)
		}
		if m.Events.Len() != 1_000_000 {
			b.Fatalf("%d events", m.Events.Len())
		}
	}
}

// BenchmarkSaveSnapshot is what an import adds after its commit: read every row, encode, write. It also
// reports the snapshot's size and the workspace file's size without it.
func BenchmarkSaveSnapshot(b *testing.B) {
	path, err := benchStore()
	if err != nil {
		b.Fatal(err)
	}
	ws, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ws.Close()
	m, err := model.LoadRows(ws)
	if err != nil {
		b.Fatal(err)
	}
	data, err := model.EncodeSnapshot(m)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if err := model.SaveSnapshot(ws); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(len(data))/1e6, "snapshot-MB")
}

// BenchmarkEncodeSnapshot is the encoding alone, on a loaded model.
func BenchmarkEncodeSnapshot(b *testing.B) {
	path, err := benchStore()
	if err != nil {
		b.Fatal(err)
	}
	ws, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	m, err := model.LoadRows(ws)
	ws.Close()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if _, err := model.EncodeSnapshot(m); err != nil {
			b.Fatal(err)
		}
	}
}
