package identity_test

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"
	"time"

	"wayline/internal/demo"
	"wayline/internal/identity"
	"wayline/internal/importer"
	"wayline/internal/model"
	"wayline/internal/store"
)

// pairScores returns pairwise precision and recall of "same person" over the items, from the contingency
// table of (truth cluster, predicted cluster) counts: true-positive pairs are Σ C(n_ij, 2), predicted
// pairs Σ_j C(n_.j, 2), true pairs Σ_i C(n_i., 2). Linear in the items, not quadratic.
func pairScores(truth, pred []string) (precision, recall float64) {
	pairs := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	cell, rows, cols := map[[2]string]int{}, map[string]int{}, map[string]int{}
	for i := range truth {
		cell[[2]string{truth[i], pred[i]}]++
		rows[truth[i]]++
		cols[pred[i]]++
	}
	var tp, predicted, actual float64
	for _, n := range cell {
		tp += pairs(n)
	}
	for _, n := range cols {
		predicted += pairs(n)
	}
	for _, n := range rows {
		actual += pairs(n)
	}
	precision, recall = 1, 1
	if predicted > 0 {
		precision = tp / predicted
	}
	if actual > 0 {
		recall = tp / actual
	}
	return precision, recall
}

func TestPairScores(t *testing.T) {
	// truth {a,b,c} {d}; predicted {a,b} {c,d}: 1 true pair of 2 predicted, 1 of 3 true.
	p, r := pairScores([]string{"1", "1", "1", "2"}, []string{"x", "x", "y", "y"})
	if p != 0.5 || r != 1.0/3 {
		t.Errorf("got precision %v recall %v, want 0.5 and 1/3", p, r)
	}
}

// TestDemoTruth imports the demo's six exports (5,000 customers, seed 1) as a user would, one batch per
// file, resolves with the default rules and scores the profiles against truth.csv.
func TestDemoTruth(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and imports the 5,000-customer demo")
	}
	dir := t.TempDir()
	opts := demo.Options{Customers: 5000, Seed: 1}
	manifest, err := demo.Export(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	ws, err := store.Open(filepath.Join(dir, "demo.wayline"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	for _, f := range manifest.Files {
		recipe := f.Recipe
		req := importer.Request{Files: []string{filepath.Join(dir, f.Name)}, Recipe: &recipe}
		if _, err := importer.Run(context.Background(), ws, req); err != nil {
			t.Fatalf("import %s: %v", f.Name, err)
		}
	}
	m, err := model.Load(ws)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	res := identity.Resolve(m, identity.DefaultRules())
	elapsed := time.Since(start)

	tf, err := os.Open(filepath.Join(dir, manifest.TruthFile))
	if err != nil {
		t.Fatal(err)
	}
	defer tf.Close()
	records, err := csv.NewReader(tf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := records[0]; len(got) < 3 || got[0] != "identifier_type" || got[1] != "identifier" || got[2] != "person" {
		t.Fatalf("got truth header %v", got)
	}
	var truth, pred []string
	missing := 0
	for _, rec := range records[1:] {
		truth = append(truth, rec[2])
		p, ok := res.ProfileOf(rec[0], rec[1])
		if !ok {
			missing++
			pred = append(pred, "missing:"+rec[0]+"="+rec[1]) // its own cluster: can only cost recall
			continue
		}
		pred = append(pred, res.Profiles[p].ID)
	}
	precision, recall := pairScores(truth, pred)
	s := res.Stats()
	t.Logf("demo %d customers: %d rows, %d identifier values in truth (%d not found); Resolve %v",
		opts.Customers, len(m.Rows), len(truth), missing, elapsed)
	t.Logf("profiles %d (median size %d, p99 %d, max %d), blocked values %d on %d rows, over-stitched %d, flagged %d",
		s.Profiles, s.MedianSize, s.P99Size, s.MaxSize, s.Blocked, s.BlockedRows, s.OverStitched, s.Flagged)
	t.Logf("pairwise precision %.5f, recall %.5f", precision, recall)
	if precision < 0.99 || recall < 0.99 {
		t.Errorf("got precision %.5f and recall %.5f, want both >= 0.99", precision, recall)
	}
	if missing > 0 {
		t.Errorf("%d identifier values of truth.csv are in no profile", missing)
	}
	if len(res.OverStitched) != 0 {
		t.Errorf("got over-stitch warnings on the demo: %+v", res.OverStitched)
	}
	// The planted junk is blocked, and every one of them is found in the data.
	blocked := map[string]bool{}
	for _, b := range res.BlockedValues() {
		blocked[b.Value] = true
	}
	for _, v := range manifest.Planted.BlockedValues {
		if !blocked[v] {
			t.Errorf("planted junk value %q is not among the blocked values %v", v, res.BlockedValues())
		}
	}
	persons := map[string]bool{}
	for _, p := range truth {
		persons[p] = true
	}
	if got, want := len(res.Profiles), len(persons); got != want {
		t.Errorf("got %d profiles, want %d (one per person in truth.csv)", got, want)
	}
}
