package friction_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"wayline/internal/demo"
	"wayline/internal/explore"
	"wayline/internal/friction"
	"wayline/internal/importer"
	"wayline/internal/ingest"
	"wayline/internal/journey"
	"wayline/internal/store"
)

// benchSnapshot is the journey issue's benchmark workspace (1,000,000 demo-like events of 100,000
// customers), imported and loaded once per process.
var benchSnapshot = sync.OnceValues(func() (*explore.Snapshot, error) {
	dir, err := os.MkdirTemp("", "wayline-friction-bench-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	csvPath := filepath.Join(dir, "events.csv")
	f, err := os.Create(csvPath)
	if err != nil {
		return nil, err
	}
	if err := demo.WriteEventsCSV(f, 1_000_000, 1); err != nil {
		return nil, err
	}
	f.Close()
	ws, err := store.Open(filepath.Join(dir, "bench.wayline"), store.Options{})
	if err != nil {
		return nil, err
	}
	defer ws.Close()
	r := ingest.Recipe{Identifiers: []ingest.IdentifierSpec{{Column: "customer_id", Type: "customer_id"}},
		Events: []ingest.EventSpec{{Time: "timestamp", Touchpoint: ingest.Field{Column: "touchpoint"},
			Channel: &ingest.Field{Column: "channel"}, Value: "value"}}}
	if _, err := importer.Run(context.Background(), ws, importer.Request{Files: []string{csvPath}, Recipe: &r}); err != nil {
		return nil, err
	}
	return explore.Load(ws)
})

// BenchmarkCompute is friction for all touchpoints and stages × five synthetic personas on the benchmark
// workspace (target: under 300 ms).
func BenchmarkCompute(b *testing.B) {
	snap, err := benchSnapshot()
	if err != nil {
		b.Fatal(err)
	}
	v, err := snap.Journeys.Apply(journey.Filter{})
	if err != nil {
		b.Fatal(err)
	}
	labels := make([]int32, snap.Journeys.Profiles())
	for p := range labels {
		labels[p] = int32(p%6) - 1
	}
	names := []string{"A", "B", "C", "D", "E"}
	b.ResetTimer()
	cpu0 := cpuTime()
	for range b.N {
		r, err := friction.Compute(v, labels, names, friction.DefaultSettings())
		if err != nil {
			b.Fatal(err)
		}
		if len(r.PersonaTouchpoints) != 5 || len(r.Touchpoints) == 0 {
			b.Fatalf("%d persona rows, %d touchpoints", len(r.PersonaTouchpoints), len(r.Touchpoints))
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(snap.Journeys.Events()), "events")
}

// cpuTime is the process's user and system CPU time: on a shared machine wall time swings with other
// people's load, CPU time of this single-threaded computation does not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
