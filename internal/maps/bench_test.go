package maps_test

import (
	"math/rand/v2"
	"strconv"
	"sync"
	"testing"

	"wayline/internal/friction"
	"wayline/internal/journey"
	"wayline/internal/maps"
	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

// benchView is the journey benchmark's workspace shape: 100,000 customers, about 1,000,000 events on 25
// touchpoints in a walk that mostly moves forward (see internal/journey/bench_test.go), four sources, and
// a rating on a third of the support and retention events.
var benchView = sync.OnceValues(func() (*journey.View, error) {
	const customers = 100_000
	touchpoints := []string{"Home page", "Search ad", "Social ad", "Product viewed", "Product compared",
		"Category page", "Email open", "Email click", "Newsletter", "Added to cart", "Checkout: cart",
		"Checkout: shipping", "Checkout: payment", "Order completed", "Store visit", "Store purchase", "Store call",
		"Ticket opened", "Ticket solved", "Return request", "Signed in", "Review submitted", "Referral shared",
		"Retargeting ad", "Account: orders"}
	channels := []string{"web", "email", "display", "paid_social", "store", "support"}
	sources := []string{"web", "crm", "shop", "helpdesk"}
	files := make([]store.FileInfo, len(sources))
	for i, s := range sources {
		files[i] = store.FileInfo{Name: s + ".csv", Source: s}
	}
	m := model.New()
	b := m.AddBatch(1, files)
	rng := rand.New(rand.NewPCG(1, 2))
	var rowProfile []int32
	for c := range customers {
		n := 1 + rng.IntN(19)
		t := int64(1_700_000_000+rng.IntN(30_000_000)) * 1e6
		tp := rng.IntN(5)
		id := []record.Identifier{{Type: "customer_id", Value: "c" + strconv.Itoa(c)}}
		for range n {
			t += int64(rng.IntN(86_400)) * 1e6
			tp = (tp + rng.IntN(4)) % len(touchpoints)
			ev := record.Event{Time: t, Touchpoint: touchpoints[tp], Channel: channels[tp%len(channels)]}
			if tp >= 17 && tp <= 21 && rng.IntN(3) == 0 {
				ev.Rating, ev.RatingScale = float64(1+rng.IntN(5)), 5
			}
			m.Add(b, record.Row{File: rng.IntN(len(sources)), Line: len(rowProfile) + 2, Identifiers: id,
				Events: []record.Event{ev}})
			rowProfile = append(rowProfile, int32(c))
		}
	}
	j, err := journey.Build(m, rowProfile, customers, journey.StageModel{Stages: journey.DefaultStages()})
	if err != nil {
		return nil, err
	}
	return j.Apply(journey.Filter{})
})

// BenchmarkRedraw is the map's redraw path on the 100,000-customer workspace: friction, moments of truth
// and the observed map for a view, and each part alone.
func BenchmarkRedraw(b *testing.B) {
	v, err := benchView()
	if err != nil {
		b.Fatal(err)
	}
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
