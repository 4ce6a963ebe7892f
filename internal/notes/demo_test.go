package notes_test

import (
	"os"
	"testing"

	"wayline/internal/demo"
	"wayline/internal/demo/demotest"
	"wayline/internal/journey"
	"wayline/internal/notes"
)

func TestMain(m *testing.M) { os.Exit(demotest.Run(m)) }

// demoJourneys is a demo workspace of 2,000 customers and its journeys under the stage model the demo
// stores, the planted one (the goal is the demo's order and till-purchase touchpoints).
func demoJourneys(t *testing.T) *journey.Journeys {
	t.Helper()
	return demotest.Load(t, demo.Options{Customers: 2000, Seed: 1}).Snap.Journeys
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
