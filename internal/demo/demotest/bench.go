package demotest

import (
	"math/rand/v2"
	"strconv"
	"sync"
	"testing"

	"wayline/internal/journey"
	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

// benchTouchpoints are the journey benchmark's 25 touchpoints (internal/journey/bench_test.go), in the
// order the walk moves through them.
var benchTouchpoints = []string{"Home page", "Search ad", "Social ad", "Product viewed", "Product compared",
	"Category page", "Email open", "Email click", "Newsletter", "Added to cart", "Checkout: cart",
	"Checkout: shipping", "Checkout: payment", "Order completed", "Store visit", "Store purchase", "Store call",
	"Ticket opened", "Ticket solved", "Return request", "Signed in", "Review submitted", "Referral shared",
	"Retargeting ad", "Account: orders"}

// Bench returns the view of all journeys of the benchmark workspace with customers customers (100,000 is
// the journey issue's size, about 1,000,000 events), built on the first call of the test binary. Each
// customer walks 1 to 19 events over the touchpoints, mostly forward, one row per event from one of four
// sources; a third of the support and retention events (tickets to reviews) carry a 1–5 rating. Stages are
// the defaults, placed by name; the seed is fixed. It skips under -short.
func Bench(tb testing.TB, customers int) *journey.View {
	tb.Helper()
	if testing.Short() {
		tb.Skip("builds the benchmark workspace")
	}
	f, _ := benches.LoadOrStore(customers, sync.OnceValues(func() (*journey.View, error) { return buildBench(customers) }))
	v, err := f.(func() (*journey.View, error))()
	if err != nil {
		tb.Fatalf("building the benchmark workspace (%d customers): %v", customers, err)
	}
	return v
}

func buildBench(customers int) (*journey.View, error) {
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
			tp = (tp + rng.IntN(4)) % len(benchTouchpoints)
			ev := record.Event{Time: t, Touchpoint: benchTouchpoints[tp], Channel: channels[tp%len(channels)]}
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
}
