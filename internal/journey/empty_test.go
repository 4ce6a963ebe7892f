package journey_test

import (
	"testing"

	"wayline/internal/journey"
)

// TestEmptyView runs every analysis on a filter that keeps nobody: empty results, no panics, no nil lists.
func TestEmptyView(t *testing.T) {
	f, sm := flowFixture()
	v := f.view(t, sm, journey.Filter{Sources: []string{"nowhere"}})
	if v.Len() != 0 {
		t.Fatalf("kept %d customers, want 0", v.Len())
	}
	fl, err := v.Flow(journey.FlowOptions{MaxNodes: 1, MinEdgeShare: 0.5})
	if err != nil || len(fl.Nodes) != 2 || len(fl.Edges) != 0 || fl.Hidden != (journey.Hidden{}) {
		t.Errorf("flow: %+v, %v; want only start and end", fl, err)
	}
	if vs := v.Variants(journey.VariantOptions{}); vs.Variants == nil || vs.Distinct != 0 || vs.Coverage != 0 {
		t.Errorf("variants: %+v", vs)
	}
	if r, err := v.Funnel(journey.FunnelSpec{Steps: abc}); err != nil || r.Customers != 0 || r.Steps[1].ConversionFromPrev != 0 {
		t.Errorf("funnel: %+v, %v", r, err)
	}
	if mv := v.Movement(); mv.Customers != 0 || mv.StageSkips == nil || mv.TouchesAfterConversion.Touchpoints == nil {
		t.Errorf("movement: %+v", mv)
	}
	if l, err := v.Customers(journey.CustomerQuery{}); err != nil || l.Total != 0 || l.Rows == nil {
		t.Errorf("customers: %+v, %v", l, err)
	}
	if ps, err := v.Cohort(journey.Cohort{Kind: journey.CohortNode, Node: journey.StartNode}); err != nil || ps == nil || len(ps) != 0 {
		t.Errorf("cohort: %v, %v; want an empty list", ps, err)
	}
	if s := v.Summary(); s.Customers != 0 || s.TotalCustomers != 3 || s.ConversionRate != 0 {
		t.Errorf("summary: %+v", s)
	}
}
