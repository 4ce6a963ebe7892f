package friction_test

// Compute walks large views on several goroutines; these tests hold it to the result of one walk, to the bit.

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"wayline/internal/demo"
	"wayline/internal/demo/demotest"
	"wayline/internal/friction"
	"wayline/internal/journey"
	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

// randomStages places the random journeys' touchpoints; "Ticket" is a support contact (Retention, support
// channel) and "Order" the goal.
var randomStages = journey.StageModel{
	Stages: journey.DefaultStages(),
	Mapping: []journey.StageAssignment{
		{Touchpoint: "Home", Stage: "Awareness"}, {Touchpoint: "Ad", Stage: "Awareness"},
		{Touchpoint: "Product", Stage: "Consideration"}, {Touchpoint: "Compare", Stage: "Consideration"},
		{Touchpoint: "Cart", Stage: "Decision"}, {Touchpoint: "Pay", Stage: "Decision"},
		{Touchpoint: "Order", Stage: "Purchase"}, {Touchpoint: "Ticket", Stage: "Retention"},
		{Touchpoint: "Review", Stage: "Retention"},
	},
	Goal: []string{"Order"},
}

// randomView builds customers random journeys from seed: loops, backtracks, support contacts, ratings on
// several scales (thirds, tenths and arbitrary fractions down to slivers, whose float sums round and so depend
// on their order), texts, sittings far apart,
// and sources spread over more than one 64-bit word. It returns the view and random persona labels (-1 for
// none) for nPersonas personas.
func randomView(t testing.TB, seed uint64, customers, nPersonas int) (*journey.View, []int32, []string) {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 7))
	tps := []string{"Home", "Ad", "Product", "Compare", "Cart", "Pay", "Order", "Ticket", "Review"}
	channels := []string{"web", "email", "display", "support"}
	sources := 1 + rng.IntN(90)
	files := make([]store.FileInfo, sources)
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
		for range 1 + rng.IntN(25) {
			switch rng.IntN(10) {
			case 0:
				at += int64(rng.IntN(10*86_400)) * 1e6 // days later
			case 1, 2:
				at += int64(rng.IntN(3600)) * 1e6
			default:
				at += int64(rng.IntN(120)) * 1e6
			}
			if rng.IntN(3) > 0 {
				tp = (tp + rng.IntN(3) - 1 + len(tps)) % len(tps) // mostly nearby: loops and backtracks
			} else {
				tp = rng.IntN(len(tps))
			}
			ev := record.Event{Time: at, Touchpoint: tps[tp], Channel: channels[rng.IntN(len(channels))]}
			if tps[tp] == "Ticket" {
				ev.Channel = "support"
			}
			switch rng.IntN(8) {
			case 0, 1:
				scale := []float64{3, 4, 10}[rng.IntN(3)]
				ev.Rating, ev.RatingScale = float64(rng.IntN(int(scale)+1)), scale
			case 2:
				// Slivers of a rating next to whole ones: float sums that round, so their order shows.
				ev.Rating, ev.RatingScale = rng.Float64()*[]float64{1, 1e-7}[rng.IntN(2)], 1
			}
			if rng.IntN(3) == 0 {
				ev.Text = "item " + strconv.Itoa(rng.IntN(4))
			}
			m.Add(b, record.Row{File: rng.IntN(sources), Line: len(rowProfile) + 2, Identifiers: id,
				Events: []record.Event{ev}})
			rowProfile = append(rowProfile, int32(c))
		}
	}
	j, err := journey.Build(m, rowProfile, customers, randomStages)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	v, err := j.Apply(journey.Filter{})
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	var labels []int32
	var names []string
	if nPersonas > 0 {
		labels = make([]int32, j.Profiles())
		for p := range labels {
			labels[p] = int32(rng.IntN(nPersonas+1)) - 1
		}
		for k := range nPersonas {
			names = append(names, "P"+strconv.Itoa(k))
		}
	}
	return v, labels, names
}

// sameAsOneWalk checks Compute with 2, 3 and 8 workers against one walk.
func sameAsOneWalk(t *testing.T, v *journey.View, labels []int32, names []string) {
	t.Helper()
	s := friction.DefaultSettings()
	s.MinCustomers = 5 // scores for the small random views too
	want, err := friction.ComputeWorkers(v, labels, names, s, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Touchpoints) == 0 {
		t.Fatal("one walk found no touchpoint: nothing to compare")
	}
	for _, workers := range []int{2, 3, 8} {
		got, err := friction.ComputeWorkers(v, labels, names, s, workers)
		if err != nil {
			t.Fatal(err)
		}
		if ok, diff := demotest.SameBits(got, want, "Result"); !ok {
			t.Errorf("%d workers: got a different result than one walk: %s", workers, diff)
		}
	}
	if got, err := friction.Compute(v, labels, names, s); err != nil {
		t.Fatal(err)
	} else if ok, diff := demotest.SameBits(got, want, "Result"); !ok {
		t.Errorf("Compute: got a different result than one walk: %s", diff)
	}
}

func TestParallelComputeRandomJourneys(t *testing.T) {
	for seed := range uint64(20) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			v, labels, names := randomView(t, seed, 20+int(seed)*53, int(seed%4))
			sameAsOneWalk(t, v, labels, names)
		})
	}
}

func TestParallelComputeDemo(t *testing.T) {
	d := demotest.Load(t, demo.Options{Customers: 3000, Seed: 1})
	v, err := d.Snap.Journeys.Apply(journey.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	labels := make([]int32, d.Snap.Journeys.Profiles())
	for p := range labels {
		labels[p] = int32(p%4) - 1
	}
	sameAsOneWalk(t, v, nil, nil)
	sameAsOneWalk(t, v, labels, []string{"a", "b", "c"})
}

// The comparison itself sees a difference in the last bit of one rating sum, and none between NaNs.
func TestSameBitsSeesTheLastBit(t *testing.T) {
	r := &friction.Result{Touchpoints: []friction.Cell{{Score: math.NaN()}, {Components: friction.Components{MeanRating: 0.3}}}}
	same := &friction.Result{Touchpoints: []friction.Cell{{Score: math.NaN()}, {Components: friction.Components{MeanRating: 0.3}}}}
	next := &friction.Result{Touchpoints: []friction.Cell{{Score: math.NaN()},
		{Components: friction.Components{MeanRating: math.Nextafter(0.3, 1)}}}}
	if ok, diff := demotest.SameBits(r, same, "Result"); !ok {
		t.Errorf("got a difference between equal results: %s", diff)
	}
	if ok, _ := demotest.SameBits(r, next, "Result"); ok {
		t.Error("got no difference for a rating one bit apart")
	}
}
