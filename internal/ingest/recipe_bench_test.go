package ingest_test

import (
	"strconv"
	"testing"
	"time"

	"wayline/internal/ingest"
)

// TestApplyThroughput guards the promise that applying a recipe is not the bottleneck of an import:
// 1M rows of a 5-column CSV must apply in well under a second (measured ~0.3s on a 2-core laptop).
func TestApplyThroughput(t *testing.T) {
	if testing.Short() {
		t.Skip("throughput check skipped in -short mode")
	}
	cols := []string{"user_id", "email", "event_time", "event_type", "price"}
	r := mustRecipe(t, `{"identifiers":[{"column":"user_id","type":"user_id"},{"column":"email","type":"email"}],
		"events":[{"time":"event_time","touchpoint":"event_type","value":"price"}]}`)
	const n = 1_000_000
	recs := make([]ingest.Record, 1000)
	for i := range recs {
		recs[i] = ingest.Record{Line: i + 2, Values: []string{strconv.Itoa(500000 + i), "User" + strconv.Itoa(i) + "@Example.com",
			"2019-10-01 00:00:" + strconv.Itoa(10+i%50) + " UTC", "view", "35.79"}}
	}
	plan, err := ingest.Compile(r, newMemReader(cols), recs)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for i := 0; i < n; i++ {
		if _, err := plan.Apply(recs[i%len(recs)], 0); err != nil {
			t.Fatal(err)
		}
	}
	elapsed := time.Since(start)
	t.Logf("applied %d rows in %v (%.0f ns/row)", n, elapsed, float64(elapsed.Nanoseconds())/n)
	if elapsed > 3*time.Second {
		t.Errorf("applying %d rows took %v, want under 3s (budget: a few hundred ms on an idle machine)", n, elapsed)
	}
}

func BenchmarkApply(b *testing.B) {
	cols := []string{"user_id", "email", "event_time", "event_type", "price"}
	r := mustRecipe(b, `{"identifiers":[{"column":"user_id","type":"user_id"},{"column":"email","type":"email"}],
		"events":[{"time":"event_time","touchpoint":"event_type","value":"price"}]}`)
	rec := ingest.Record{Line: 2, Values: []string{"541312140", "ana@example.com", "2019-10-01 00:00:00 UTC", "view", "35.79"}}
	plan, err := ingest.Compile(r, newMemReader(cols), []ingest.Record{rec})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := plan.Apply(rec, 0); err != nil {
			b.Fatal(err)
		}
	}
}
