package journey_test

import (
	"math/rand/v2"
	"sync"
	"syscall"
	"testing"
	"time"

	"wayline/internal/journey"
	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

// benchModel is 100,000 customers with 1,000,000 events spread over four source files, each file in time
// order (as exports are), so a customer's events arrive interleaved from several files.
var benchModel = sync.OnceValues(func() (*model.Model, []int32) {
	const customers, events = 100_000, 1_000_000
	touchpoints := []string{"Home page", "Search ad", "Social ad", "Product viewed", "Product compared",
		"Category page", "Email open", "Email click", "Newsletter", "Added to cart", "Checkout: cart",
		"Checkout: shipping", "Checkout: payment", "Order completed", "Store visit", "Store purchase", "Store call",
		"Ticket opened", "Ticket solved", "Return request", "Signed in", "Review submitted", "Referral shared",
		"Retargeting ad", "Account: orders"}
	channels := []string{"web", "email", "display", "paid_social", "store", "support"}
	devices := []string{"desktop", "mobile", "tablet"}
	sources := []string{"web", "crm", "shop", "helpdesk"}
	rng := rand.New(rand.NewPCG(1, 2))
	type gen struct {
		cust int32
		t    int64
		tp   int
	}
	perSource := make([][]gen, len(sources))
	for c := 0; c < customers; c++ {
		n := 1 + rng.IntN(19) // mean 10
		t := int64(1_700_000_000+rng.IntN(30_000_000)) * 1e6
		tp := rng.IntN(5)
		for i := 0; i < n; i++ {
			t += int64(rng.IntN(86_400)) * 1e6
			// A walk that mostly moves forward through the list of touchpoints.
			tp = (tp + rng.IntN(4)) % len(touchpoints)
			s := rng.IntN(len(sources))
			perSource[s] = append(perSource[s], gen{cust: int32(c), t: t, tp: tp})
		}
	}
	m := model.New()
	files := make([]store.FileInfo, len(sources))
	for i, s := range sources {
		files[i] = store.FileInfo{Name: s + ".csv", Source: s}
	}
	b := m.AddBatch(1, files)
	var rowProfile []int32
	custID := make([]string, customers)
	for c := range custID {
		custID[c] = "c" + itoa(c)
	}
	for s, gs := range perSource {
		// Each export is in time order.
		sortGen(gs, func(a, b gen) bool { return a.t < b.t })
		for line, g := range gs {
			m.Add(b, record.Row{File: s, Line: line + 2,
				Identifiers: []record.Identifier{{Type: "customer_id", Value: custID[g.cust]}},
				Events: []record.Event{{Time: g.t, Touchpoint: touchpoints[g.tp], Channel: channels[g.tp%len(channels)],
					Device: devices[(int(g.cust)+g.tp/7)%len(devices)], Value: float64(g.tp), HasValue: g.tp == 13}}})
			rowProfile = append(rowProfile, g.cust)
		}
	}
	if m.Events.Len() < events*9/10 || m.Events.Len() > events*11/10 {
		panic("bench model has the wrong size")
	}
	return m, rowProfile
})

func itoa(i int) string {
	var buf [20]byte
	k := len(buf)
	for {
		k--
		buf[k] = byte('0' + i%10)
		i /= 10
		if i == 0 {
			break
		}
	}
	return string(buf[k:])
}

func sortGen[T any](xs []T, less func(a, b T) bool) {
	// A bottom-up merge sort keeps the generator free of sort.Slice's reflection and is stable.
	orig := xs
	tmp := make([]T, len(xs))
	for width := 1; width < len(xs); width *= 2 {
		for lo := 0; lo < len(xs); lo += 2 * width {
			mid, hi := min(lo+width, len(xs)), min(lo+2*width, len(xs))
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if less(xs[j], xs[i]) {
					tmp[k] = xs[j]
					j++
				} else {
					tmp[k] = xs[i]
					i++
				}
				k++
			}
			k += copy(tmp[k:], xs[i:mid])
			copy(tmp[k:], xs[j:hi])
		}
		xs, tmp = tmp, xs
	}
	// After an odd number of passes the sorted data sits in the other buffer.
	copy(orig, xs)
}

// cpuTime is the process's user and system CPU time. The machine is shared, so wall time per op swings
// with other people's load; CPU time per op ("cpu-ms/op") does not, and for this single-threaded code it is
// what the wall time would be on an idle machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// measureCPU runs body b.N times and reports its CPU time per op.
func measureCPU(b *testing.B, body func()) {
	b.Helper()
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		body()
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}

var benchFunnel = journey.FunnelSpec{Steps: []journey.FunnelStep{
	{Label: "View", Touchpoints: []string{"Product viewed"}},
	{Label: "Cart", Touchpoints: []string{"Added to cart", "Checkout: cart"}},
	{Label: "Pay", Touchpoints: []string{"Checkout: payment"}},
	{Label: "Order", Touchpoints: []string{"Order completed", "Store purchase"}},
}, Mode: journey.FunnelClosed}

// BenchmarkJourneys is the figure: build journeys, then flow, variants and a 4-step funnel.
func BenchmarkJourneys(b *testing.B) {
	m, rowProfile := benchModel()
	measureCPU(b, func() {
		j, err := journey.Build(m, rowProfile, 100_000, journey.StageModel{Stages: journey.DefaultStages()})
		if err != nil {
			b.Fatal(err)
		}
		v, _ := j.Apply(journey.Filter{})
		if _, err := v.Flow(journey.FlowOptions{Level: journey.LevelTouchpoint}); err != nil {
			b.Fatal(err)
		}
		v.Variants(journey.VariantOptions{})
		if _, err := v.Funnel(benchFunnel); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkFilterChange applies a new filter and runs each analysis on the result.
func BenchmarkFilterChange(b *testing.B) {
	m, rowProfile := benchModel()
	j, err := journey.Build(m, rowProfile, 100_000, journey.StageModel{Stages: journey.DefaultStages()})
	if err != nil {
		b.Fatal(err)
	}
	// Two of three devices and most of the time range: about 60% of events and most customers pass.
	f := journey.Filter{Devices: []string{"mobile", "desktop"}, From: 1_705_000_000 * 1e6, To: 1_740_000_000 * 1e6}
	v, _ := j.Apply(f)
	if s := v.Summary(); s.Events < 400_000 || s.Customers < 50_000 {
		b.Fatalf("filter keeps %d customers and %d events; want a realistic share", s.Customers, s.Events)
	}
	if r, _ := v.Funnel(benchFunnel); r.Customers < 10_000 {
		b.Fatalf("funnel enters %d customers; want a realistic share", r.Customers)
	}
	b.ResetTimer()
	b.Run("Apply", func(b *testing.B) {
		measureCPU(b, func() { v, _ = j.Apply(f) })
	})
	b.Run("Flow", func(b *testing.B) {
		measureCPU(b, func() { v.Flow(journey.FlowOptions{Level: journey.LevelTouchpoint, MinEdgeShare: 0.001, MaxNodes: 15}) })
	})
	b.Run("FlowStage", func(b *testing.B) {
		measureCPU(b, func() { v.Flow(journey.FlowOptions{Level: journey.LevelStage}) })
	})
	b.Run("Variants", func(b *testing.B) {
		measureCPU(b, func() { v.Variants(journey.VariantOptions{CollapseRepeats: true}) })
	})
	b.Run("Funnel", func(b *testing.B) {
		measureCPU(b, func() { v.Funnel(benchFunnel) })
	})
	b.Run("Paths", func(b *testing.B) {
		measureCPU(b, func() { v.Paths(journey.PathsOptions{Anchor: "Product viewed"}) })
	})
	b.Run("Movement", func(b *testing.B) {
		measureCPU(b, func() { v.Movement() })
	})
	b.Run("Customers", func(b *testing.B) {
		measureCPU(b, func() { v.Customers(journey.CustomerQuery{Sort: journey.SortValue, Desc: true}) })
	})
	b.Run("Summary", func(b *testing.B) {
		measureCPU(b, func() { v.Summary() })
	})
}

// BenchmarkBuild is the share of BenchmarkJourneys spent ordering journeys and applying the stage model.
func BenchmarkBuild(b *testing.B) {
	m, rowProfile := benchModel()
	measureCPU(b, func() {
		if _, err := journey.Build(m, rowProfile, 100_000, journey.StageModel{Stages: journey.DefaultStages()}); err != nil {
			b.Fatal(err)
		}
	})
}
