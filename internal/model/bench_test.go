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
	_, _, err = im.Commit()
	return path, err
})

func filepathTemp() (string, error) { return os.MkdirTemp("", "wayline-model-bench-") }

// BenchmarkLoad reads the million rows into a model: the first step of opening a workspace for analysis.
// (Reading in parts on both cores and merging the dictionaries was tried and measured no faster: the merge
// and the second dictionary cost what the second core saves.)
func BenchmarkLoad(b *testing.B) {
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
		m, err := model.Load(ws)
		if err != nil {
			b.Fatal(err)
		}
		if m.Events.Len() != 1_000_000 {
			b.Fatalf("%d events", m.Events.Len())
		}
	}
}
