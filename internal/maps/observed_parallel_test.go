package maps_test

// Observed walks large views on several goroutines; these tests hold it to the map of one walk, to the bit.

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"

	"wayline/internal/demo"
	"wayline/internal/demo/demotest"
	"wayline/internal/friction"
	"wayline/internal/journey"
	"wayline/internal/maps"
	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

// randomJourneys builds customers random journeys from seed over the default stages (touchpoints placed by
// guessing from their names), on channels that drift from the first customers to the last, from up to 90 sources, with ratings on whole scales and
// slivers of a rating whose float sums round, so their order shows.
func randomJourneys(t *testing.T, seed uint64, customers int) *journey.View {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 11))
	tps := []string{"Home page", "Search ad", "Product viewed", "Product compared", "Added to cart",
		"Checkout: payment", "Order completed", "Ticket opened", "Review submitted"}
	channels := []string{"web", "email", "display", "support", "store"}
	files := make([]store.FileInfo, 1+rng.IntN(90))
	for i := range files {
		files[i] = store.FileInfo{Name: "s" + strconv.Itoa(i) + ".csv", Source: "s" + strconv.Itoa(i)}
	}
	m := model.New()
	b := m.AddBatch(1, files)
	var rowProfile []int32
	for c := range customers {
		id := []record.Identifier{{Type: "customer_id", Value: "c" + strconv.Itoa(c)}}
		at := int64(1_700_000_000+rng.IntN(1_000_000)) * 1e6
		tp := rng.IntN(len(tps))
		for range 1 + rng.IntN(20) {
			at += int64(rng.IntN(7200)) * 1e6
			tp = (tp + rng.IntN(4) - 1 + len(tps)) % len(tps)
			// Channels drift with the customer's position, so no range of customers sees them all.
			ch := min(c*len(channels)/customers+rng.IntN(2), len(channels)-1)
			ev := record.Event{Time: at, Touchpoint: tps[tp], Channel: channels[ch]}
			switch rng.IntN(6) {
			case 0:
				ev.Rating, ev.RatingScale = float64(rng.IntN(11)), 10
			case 1:
				ev.Rating, ev.RatingScale = rng.Float64()*[]float64{1, 1e-7}[rng.IntN(2)], 1
			}
			m.Add(b, record.Row{File: rng.IntN(len(files)), Line: len(rowProfile) + 2, Identifiers: id,
				Events: []record.Event{ev}})
			rowProfile = append(rowProfile, int32(c))
		}
	}
	j, err := journey.Build(m, rowProfile, customers, journey.StageModel{Stages: journey.DefaultStages()})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	v, err := j.Apply(journey.Filter{})
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	return v
}

// sameMapAsOneWalk checks the observed map from 2, 3 and 8 walks against one walk's.
func sameMapAsOneWalk(t *testing.T, v *journey.View) {
	t.Helper()
	fr, err := friction.Compute(v, nil, nil, friction.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	moments, err := friction.MomentsOfTruth(v, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := maps.ObservedWorkers(v, fr, moments, 1)
	if want.Customers == 0 || want.Stages[0].Touchpoints == nil {
		t.Fatal("one walk drew an empty map: nothing to compare")
	}
	for _, workers := range []int{2, 3, 8} {
		if ok, diff := demotest.SameBits(maps.ObservedWorkers(v, fr, moments, workers), want, "Map"); !ok {
			t.Errorf("%d workers: got a different map than one walk: %s", workers, diff)
		}
	}
	if ok, diff := demotest.SameBits(maps.Observed(v, fr, moments), want, "Map"); !ok {
		t.Errorf("Observed: got a different map than one walk: %s", diff)
	}
}

func TestParallelObservedRandomJourneys(t *testing.T) {
	for seed := range uint64(12) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { sameMapAsOneWalk(t, randomJourneys(t, seed, 30+int(seed)*71)) })
	}
}

func TestParallelObservedDemo(t *testing.T) {
	d := demotest.Load(t, demo.Options{Customers: 3000, Seed: 1})
	for _, f := range []journey.Filter{{}, {Sources: d.Snap.Journeys.SourceNames()[:1]}} {
		v, err := d.Snap.Journeys.Apply(f)
		if err != nil {
			t.Fatal(err)
		}
		sameMapAsOneWalk(t, v)
	}
}
