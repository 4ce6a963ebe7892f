package maps_test

import (
	"testing"

	"wayline/internal/demo/demotest"
	"wayline/internal/maps"
)

// BenchmarkCompare aligns 100,000 journeys with a nine-touchpoint assumed map (every gap keeps all of its
// customers' profiles).
func BenchmarkCompare(b *testing.B) {
	v := demotest.Bench(b, 100_000)
	a := maps.Assumed{ID: "bench", Name: "Bench", Stages: []maps.AssumedStage{
		{Name: "Awareness", Touchpoints: []maps.AssumedTouchpoint{{Touchpoint: "Home page", ExpectedShare: 0.7}, {Touchpoint: "Search ad", ExpectedShare: 0.3}}},
		{Name: "Consideration", Touchpoints: []maps.AssumedTouchpoint{{Touchpoint: "Product viewed"}, {Touchpoint: "Product compared", ExpectedShare: 0.2}}},
		{Name: "Decision", Touchpoints: []maps.AssumedTouchpoint{{Touchpoint: "Added to cart"}, {Touchpoint: "Checkout: cart"},
			{Touchpoint: "Checkout: shipping"}, {Touchpoint: "Checkout: payment"}}},
		{Name: "Purchase", Touchpoints: []maps.AssumedTouchpoint{{Touchpoint: "Order completed"}}},
	}}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		c, err := maps.Compare(v, a, maps.Tolerance{ExtraTouches: 2, AllowSkips: 1})
		if err != nil || c.Customers != 100_000 {
			b.Fatalf("got %v customers, %v", c.Customers, err)
		}
	}
}
