package notes_test

import (
	"context"
	"path/filepath"
	"testing"

	"wayline/internal/demo"
	"wayline/internal/explore"
	"wayline/internal/importer"
	"wayline/internal/journey"
	"wayline/internal/notes"
	"wayline/internal/store"
)

// demoJourneys builds a demo workspace of 2,000 customers and its journeys under the stage model the demo
// planted (the goal is the demo's order and till-purchase touchpoints).
func demoJourneys(t *testing.T) *journey.Journeys {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and imports a demo workspace")
	}
	dir := t.TempDir()
	opts := demo.Options{Customers: 2000, Seed: 1}
	path := filepath.Join(dir, "demo.wayline")
	if err := importer.BuildDemo(context.Background(), path, opts, nil); err != nil {
		t.Fatal(err)
	}
	manifest, err := demo.Export(filepath.Join(dir, "export"), opts)
	if err != nil {
		t.Fatal(err)
	}
	ws, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	snap, err := explore.Load(ws)
	if err != nil {
		t.Fatal(err)
	}
	sm := journey.StageModel{Stages: manifest.Planted.Stages, Goal: manifest.Planted.GoalTouchpoints}
	for tp, st := range manifest.Planted.TouchpointStages {
		sm.Mapping = append(sm.Mapping, journey.StageAssignment{Touchpoint: tp, Stage: st})
	}
	if snap, err = snap.Rebuild(snap.Rules, sm); err != nil {
		t.Fatal(err)
	}
	return snap.Journeys
}

// TestDemoStoreVisitors: in the demo every store visitor buys at the till (mobile researchers, loyal
// buyers), while half of the comparison shoppers never buy, so "customers who visit the store convert
// more than those who do not" is supported and its opposite contradicted.
func TestDemoStoreVisitors(t *testing.T) {
	j := demoJourneys(t)
	h := notes.Hypothesis{Claim: "Customers who visit the store convert more than those who do not",
		A: notes.Group{Touchpoints: []string{"Store visit"}}, Metric: notes.MetricConversion, Direction: notes.Higher}
	v, err := notes.Evaluate(j, nil, nil, h, 30)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("store visitors %d/%d (%.3f) against %d/%d (%.3f): difference %.3f [%.3f, %.3f], z %.2f, P %.3g: %s",
		v.A.Converted, v.A.Customers, v.A.Rate, v.B.Converted, v.B.Customers, v.B.Rate, v.Difference, v.Low, v.High, v.Statistic, v.P, v.Status)
	if v.Status != notes.Supported {
		t.Errorf("got %q (%s), want supported", v.Status, v.Reason)
	}
	if v.A.Customers+v.B.Customers != j.Customers() {
		t.Errorf("the groups cover %d customers, want all %d", v.A.Customers+v.B.Customers, j.Customers())
	}
	h.Direction = notes.Lower
	if v, _ = notes.Evaluate(j, nil, nil, h, 30); v.Status != notes.Contradicted {
		t.Errorf("claiming lower: got %q, want contradicted", v.Status)
	}
	// Value: store visitors (the mobile researchers) buy one small basket at the till, while the loyal buyers
	// and the support-heavy customers place several large orders: "store visitors spend more" is contradicted.
	h.Metric, h.Direction = notes.MetricValue, notes.Higher
	v, err = notes.Evaluate(j, nil, nil, h, 30)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("value: %.1f against %.1f, difference %.1f [%.1f, %.1f], t %.2f on %.0f df, P %.3g: %s",
		v.A.Mean, v.B.Mean, v.Difference, v.Low, v.High, v.Statistic, v.DF, v.P, v.Status)
	if v.Status != notes.Contradicted || v.A.Mean <= 0 {
		t.Errorf("value: got %q with mean %v, want contradicted on positive spending", v.Status, v.A.Mean)
	}
}
