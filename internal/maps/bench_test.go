package maps_test

import (
	"testing"

	"wayline/internal/demo/demotest"
	"wayline/internal/friction"
	"wayline/internal/maps"
)

// BenchmarkRedraw is the map's redraw path on the 100,000-customer workspace: friction, moments of truth
// and the observed map for a view, and each part alone.
func BenchmarkRedraw(b *testing.B) {
	v := demotest.Bench(b, 100_000)
	fr, err := friction.Compute(v, nil, nil, friction.DefaultSettings())
	if err != nil {
		b.Fatal(err)
	}
	moments, err := friction.MomentsOfTruth(v, 0)
	if err != nil {
		b.Fatal(err)
	}
	if m := maps.Observed(v, fr, moments); m.Customers != 100_000 || len(m.Stages[0].Touchpoints) == 0 {
		b.Fatalf("bench map has %d customers and an empty first stage", m.Customers)
	}
	b.ResetTimer()
	b.Run("All", func(b *testing.B) {
		for b.Loop() {
			fr, _ := friction.Compute(v, nil, nil, friction.DefaultSettings())
			moments, _ := friction.MomentsOfTruth(v, 0)
			maps.Observed(v, fr, moments)
		}
	})
	b.Run("Friction", func(b *testing.B) {
		for b.Loop() {
			friction.Compute(v, nil, nil, friction.DefaultSettings())
		}
	})
	b.Run("Moments", func(b *testing.B) {
		for b.Loop() {
			friction.MomentsOfTruth(v, 0)
		}
	})
	b.Run("Observed", func(b *testing.B) {
		for b.Loop() {
			maps.Observed(v, fr, moments)
		}
	})
}
