package ingest_test

import (
	"strconv"
	"testing"
	"time"

	"wayline/internal/ingest"
)

// clickRecords builds n distinct 5-column clickstream records and a plan for them.
func clickRecords(t testing.TB, n int) (*ingest.Plan, []ingest.Record) {
	cols := []string{"user_id", "email", "event_time", "event_type", "price"}
	r := mustRecipe(t, `{"identifiers":[{"column":"user_id","type":"user_id"},{"column":"email","type":"email"}],
		"events":[{"time":"event_time","touchpoint":"event_type","value":"price"}]}`)
	recs := make([]ingest.Record, n)
	for i := range recs {
		recs[i] = ingest.Record{Line: i + 2, Values: []string{strconv.Itoa(500000 + i), "user" + strconv.Itoa(i) + "@example.com",
			"2019-10-01 00:" + strconv.Itoa(10+i/60%50) + ":" + strconv.Itoa(10+i%50) + " UTC", "view", strconv.Itoa(i%500) + ".79"}}
	}
	plan, err := ingest.Compile(r, newMemReader(cols), recs)
	if err != nil {
		t.Fatal(err)
	}
	return plan, recs
}

// TestApplyCost guards what keeps Apply fast — no per-row maps, no reflection: applying a recipe to a row
// allocates only the row's identifier and event slices. It also logs the time for 1M rows (about 0.7s on
// an idle 2-core machine, ~45% of it in ParseTime); time is not asserted because the test machines are
// shared and a timing bound would be flaky.
func TestApplyCost(t *testing.T) {
	plan, recs := clickRecords(t, 1000)
	allocs := testing.AllocsPerRun(1000, func() {
		if _, err := plan.Apply(recs[7], 0); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 2 {
		t.Errorf("Apply allocates %.1f times per row, want at most 2 (identifier and event slices)", allocs)
	}
	if testing.Short() {
		return
	}
	const n = 1_000_000
	start := time.Now()
	for i := 0; i < n; i++ {
		if _, err := plan.Apply(recs[i%len(recs)], 0); err != nil {
			t.Fatal(err)
		}
	}
	elapsed := time.Since(start)
	t.Logf("applied %d rows in %v (%.0f ns/row)", n, elapsed, float64(elapsed.Nanoseconds())/n)
}

func BenchmarkApply(b *testing.B) {
	plan, recs := clickRecords(b, 1000)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := plan.Apply(recs[i%len(recs)], 0); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
