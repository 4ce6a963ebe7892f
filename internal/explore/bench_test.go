package explore_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"wayline/internal/benchmem"
	"wayline/internal/demo"
	"wayline/internal/explore"
	"wayline/internal/importer"
	"wayline/internal/ingest"
	"wayline/internal/journey"
	"wayline/internal/store"
)

// benchWorkspace is the benchmark workspace of the journey issue: 1,000,000 events of 100,000 customers,
// imported once per process.
var benchWorkspace = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "wayline-explore-bench-")
	if err != nil {
		return "", err
	}
	csvPath := filepath.Join(dir, "events.csv")
	f, err := os.Create(csvPath)
	if err != nil {
		return "", err
	}
	if err := demo.WriteEventsCSV(f, 1_000_000, 1); err != nil {
		return "", err
	}
	f.Close()
	path := filepath.Join(dir, "bench.wayline")
	ws, err := store.Open(path, store.Options{})
	if err != nil {
		return "", err
	}
	defer ws.Close()
	r := ingest.Recipe{Identifiers: []ingest.IdentifierSpec{{Column: "customer_id", Type: "customer_id"}},
		Events: []ingest.EventSpec{{Time: "timestamp", Touchpoint: ingest.Field{Column: "touchpoint"},
			Channel: &ingest.Field{Column: "channel"}, Value: "value"}}}
	_, err = importer.Run(context.Background(), ws, importer.Request{Files: []string{csvPath}, Recipe: &r})
	return path, err
})

var fourSteps = journey.FunnelSpec{Mode: journey.FunnelClosed, Steps: []journey.FunnelStep{
	{Label: "Viewed", Touchpoints: []string{"Product viewed"}},
	{Label: "Cart", Touchpoints: []string{"Added to cart"}},
	{Label: "Pay", Touchpoints: []string{"Checkout: payment"}},
	{Label: "Bought", Touchpoints: []string{"Order completed", "Store purchase"}},
}}

// staleWorkspace is a copy of the benchmark workspace whose model snapshot is unusable, as after a crash
// between a commit and its snapshot: a read-only open reads every row.
var staleWorkspace = sync.OnceValues(func() (string, error) {
	path, err := benchWorkspace()
	if err != nil {
		return "", err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	stale := filepath.Join(filepath.Dir(path), "stale.wayline")
	if err := os.WriteFile(stale, data, 0o600); err != nil {
		return "", err
	}
	ws, err := store.Open(stale, store.Options{})
	if err != nil {
		return "", err
	}
	defer ws.Close()
	gen, err := ws.Generation()
	if err != nil {
		return "", err
	}
	return stale, ws.WriteSnapshot("model", gen, []byte("unusable"))
})

// BenchmarkOpenAndAnalyse opens the benchmark workspace, builds profiles and journeys, then computes the
// flow, the variants and a four-step funnel: what the Flow view needs when a workspace opens. The import
// stored the model snapshot, so opening decodes it.
func BenchmarkOpenAndAnalyse(b *testing.B) {
	path, err := benchWorkspace()
	if err != nil {
		b.Fatal(err)
	}
	benchOpenAndAnalyse(b, path)
}

// BenchmarkOpenAndAnalyseRowScan is the same on a workspace whose snapshot is unusable, so opening reads
// every row: the figure before snapshots, measured in the same run.
func BenchmarkOpenAndAnalyseRowScan(b *testing.B) {
	path, err := staleWorkspace()
	if err != nil {
		b.Fatal(err)
	}
	benchOpenAndAnalyse(b, path)
}

func benchOpenAndAnalyse(b *testing.B, path string) {
	benchmem.ResetPeak()
	b.ResetTimer()
	for range b.N {
		ws, err := store.Open(path, store.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		snap, err := explore.Load(ws)
		if err != nil {
			b.Fatal(err)
		}
		ws.Close()
		v, err := snap.Journeys.Apply(journey.Filter{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := v.Flow(journey.FlowOptions{Level: journey.LevelTouchpoint}); err != nil {
			b.Fatal(err)
		}
		v.Variants(journey.VariantOptions{})
		f, err := v.Funnel(fourSteps)
		if err != nil {
			b.Fatal(err)
		}
		if snap.Journeys.Events() != 1_000_000 || f.Customers == 0 {
			b.Fatalf("%d events, %d in the funnel; want 1,000,000 and some", snap.Journeys.Events(), f.Customers)
		}
	}
	b.StopTimer()
	if kb, ok := benchmem.PeakKB(); ok {
		b.ReportMetric(float64(kb)/1024, "peak-RSS-MB")
	}
}

// BenchmarkFilterChange re-applies a filter and recomputes flow, variants and the funnel on an open
// workspace: what every change in the filter bar costs.
func BenchmarkFilterChange(b *testing.B) {
	path, err := benchWorkspace()
	if err != nil {
		b.Fatal(err)
	}
	ws, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	snap, err := explore.Load(ws)
	ws.Close()
	if err != nil {
		b.Fatal(err)
	}
	filters := []journey.Filter{{Channels: []string{"web"}}, {Channels: []string{"email", "store"}}, {}}
	b.ResetTimer()
	for i := range b.N {
		v, err := snap.Journeys.Apply(filters[i%len(filters)])
		if err != nil {
			b.Fatal(err)
		}
		if _, err := v.Flow(journey.FlowOptions{Level: journey.LevelTouchpoint}); err != nil {
			b.Fatal(err)
		}
		v.Variants(journey.VariantOptions{})
		if _, err := v.Funnel(fourSteps); err != nil {
			b.Fatal(err)
		}
	}
}
