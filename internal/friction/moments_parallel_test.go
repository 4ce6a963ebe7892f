package friction_test

// MomentsOfTruth walks large views on several goroutines; these tests hold it to the result of one walk, to
// the bit.

import (
	"fmt"
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

// momentsSameAsOneWalk checks MomentsOfTruth with 2, 3 and 8 workers, and as called, against one walk.
func momentsSameAsOneWalk(t *testing.T, v *journey.View) {
	t.Helper()
	want, err := friction.MomentsWorkers(v, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	converting := 0
	for _, m := range want {
		if m.RemovalEffect > 0 {
			converting++
		}
	}
	if converting == 0 {
		t.Fatalf("one walk found no moment with a removal effect among %d: nothing to compare", len(want))
	}
	for _, workers := range []int{2, 3, 8} {
		got, err := friction.MomentsWorkers(v, 0, workers)
		if err != nil {
			t.Fatal(err)
		}
		if ok, diff := demotest.SameBits(got, want, "Moments"); !ok {
			t.Errorf("%d workers: got different moments than one walk: %s", workers, diff)
		}
	}
	if got, err := friction.MomentsOfTruth(v, 0); err != nil {
		t.Fatal(err)
	} else if ok, diff := demotest.SameBits(got, want, "Moments"); !ok {
		t.Errorf("MomentsOfTruth: got different moments than one walk: %s", diff)
	}
}

func TestParallelMomentsRandomJourneys(t *testing.T) {
	for seed := range uint64(20) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			v, _, _ := randomView(t, seed, 20+int(seed)*53, 0)
			momentsSameAsOneWalk(t, v)
		})
	}
}

func TestParallelMomentsDemo(t *testing.T) {
	v, err := demotest.Load(t, demo.Options{Customers: 3000, Seed: 1}).Snap.Journeys.Apply(journey.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	momentsSameAsOneWalk(t, v)
}

// More touchpoints than the dense transition table takes: the chain counts in a map, merged key by key.
func TestParallelMomentsManyTouchpoints(t *testing.T) {
	const names = 1100
	rng := rand.New(rand.NewPCG(3, 5))
	m := model.New()
	b := m.AddBatch(1, []store.FileInfo{{Name: "web.csv", Source: "web"}, {Name: "rest.csv", Source: "rest"}})
	var rowProfile []int32
	add := func(c, file int, at int64, tp string) {
		m.Add(b, record.Row{File: file, Line: len(rowProfile) + 2,
			Identifiers: []record.Identifier{{Type: "customer_id", Value: "c" + strconv.Itoa(c)}},
			Events:      []record.Event{{Time: at, Touchpoint: tp, Channel: "web"}}})
		rowProfile = append(rowProfile, int32(c))
	}
	// One customer from "rest" brings every touchpoint into the journeys; the view keeps "web" only, where
	// 300 customers use a few dozen of them, so the chain stays small enough to solve quickly.
	for k := range names {
		add(0, 1, int64(1_600_000_000+k)*1e6, "t"+strconv.Itoa(k))
	}
	customers := 300
	for c := 1; c <= customers; c++ {
		at := int64(1_700_000_000+c*10_000) * 1e6
		for k := range 1 + rng.IntN(8) {
			add(c, 0, at+int64(k)*60e6, "t"+strconv.Itoa(rng.IntN(40)*27))
		}
		if rng.IntN(3) == 0 {
			add(c, 0, at+3600e6, "Buy")
		}
	}
	j, err := journey.Build(m, rowProfile, customers+1, momentsStages)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(j.TouchpointNames()); got <= 1023 {
		t.Fatalf("got %d touchpoints, want more than the dense table's 1023", got)
	}
	v, err := j.Apply(journey.Filter{Sources: []string{"web"}})
	if err != nil {
		t.Fatal(err)
	}
	if v.Len() != customers {
		t.Fatalf("view has %d customers, want %d", v.Len(), customers)
	}
	momentsSameAsOneWalk(t, v)
}
