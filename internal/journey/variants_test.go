package journey_test

import (
	"reflect"
	"testing"

	"wayline/internal/journey"
)

func variantFixture() fixture {
	return newFixture(join(
		path("a", 0, "A", "A", "B"),
		path("b", 0, "A", "B"),
		path("c", 0, "A", "B"),
		path("d", 0, "B", "A"),
		path("e", 0, "A", "A", "B"),
	))
}

func TestVariants(t *testing.T) {
	f := variantFixture()
	v := f.view(t, nil, journey.Filter{})
	got := v.Variants(journey.VariantOptions{})
	want := journey.Variants{TotalCustomers: 5, Distinct: 3, Covered: 5, Coverage: 1, Variants: []journey.Variant{
		// Equal counts: the variant seen first (profile a) comes first.
		{Path: []string{"A", "A", "B"}, Customers: 2, Share: 0.4, MedianSeconds: 120},
		{Path: []string{"A", "B"}, Customers: 2, Share: 0.4, MedianSeconds: 60},
		{Path: []string{"B", "A"}, Customers: 1, Share: 0.2, MedianSeconds: 60},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("repeats kept:\ngot  %+v\nwant %+v", got, want)
	}
	got = v.Variants(journey.VariantOptions{CollapseRepeats: true, Limit: 1})
	want = journey.Variants{TotalCustomers: 5, Distinct: 2, Covered: 4, Coverage: 0.8, Variants: []journey.Variant{
		{Path: []string{"A", "B"}, Customers: 4, Share: 0.8, MedianSeconds: 90},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("repeats collapsed, limit 1:\ngot  %+v\nwant %+v", got, want)
	}
	ps, _ := v.Cohort(journey.Cohort{Kind: journey.CohortVariant, Path: []string{"A", "B"}, CollapseRepeats: true})
	if w := f.who(ps); !reflect.DeepEqual(w, []string{"a", "b", "c", "e"}) {
		t.Errorf("collapsed A B cohort: got %v", w)
	}
	ps, _ = v.Cohort(journey.Cohort{Kind: journey.CohortVariant, Path: []string{"A", "B"}})
	if w := f.who(ps); !reflect.DeepEqual(w, []string{"b", "c"}) {
		t.Errorf("A B cohort: got %v", w)
	}
}

func TestVariantsLongPathsAndConversion(t *testing.T) {
	// A 300-step path is one variant of its full length, never truncated.
	var long []string
	for i := 0; i < 300; i++ {
		long = append(long, []string{"A", "B", "C"}[i%3])
	}
	long = append(long, "Order completed")
	f := newFixture(join(path("a", 0, long...), path("b", 0, long...), path("c", 0, long[:299]...)))
	v := f.view(t, nil, journey.Filter{})
	got := v.Variants(journey.VariantOptions{})
	if got.Distinct != 2 || len(got.Variants[0].Path) != 301 || got.Variants[0].Customers != 2 ||
		got.Variants[0].ConversionRate != 1 || got.Variants[1].Converted != 0 {
		t.Errorf("got %d distinct, first of %d steps with %d customers, conversion %v / %d",
			got.Distinct, len(got.Variants[0].Path), got.Variants[0].Customers, got.Variants[0].ConversionRate, got.Variants[1].Converted)
	}
}
