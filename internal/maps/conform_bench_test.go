package maps_test

import (
	"math/rand/v2"
	"strconv"
	"sync"
	"testing"

	"wayline/internal/journey"
	"wayline/internal/maps"
	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

// conformBenchView is the journey benchmark's workspace shape: 100,000 customers, about 1,000,000 events
// on 25 touchpoints in a walk that mostly moves forward (internal/journey/bench_test.go), four sources.
var conformBenchView = sync.OnceValues(func() (*journey.View, error) {
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
			m.Add(b, record.Row{File: rng.IntN(len(sources)), Line: len(rowProfile) + 2, Identifiers: id,
				Events: []record.Event{{Time: t, Touchpoint: touchpoints[tp], Channel: channels[tp%len(channels)]}}})
			rowProfile = append(rowProfile, int32(c))
		}
	}
	j, err := journey.Build(m, rowProfile, customers, journey.StageModel{Stages: journey.DefaultStages()})
	if err != nil {
		return nil, err
	}
	return j.Apply(journey.Filter{})
})

// BenchmarkCompare aligns 100,000 journeys with a nine-touchpoint assumed map (every gap keeps all of its
// customers' profiles).
func BenchmarkCompare(b *testing.B) {
	v, err := conformBenchView()
	if err != nil {
		b.Fatal(err)
	}
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
