package identity_test

import (
	"fmt"
	"math/rand/v2"
	"syscall"
	"testing"
	"time"

	"wayline/internal/identity"
	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

// benchModel builds the benchmark workspace's shape in memory: customers people, each with a customer id,
// an e-mail, usually a phone and one to three browsers; a CRM row, a sign-in row per browser, an order row
// for half of them (with a non-merging order id) and a mail row for the other half; about 3.3 events a row.
// 100,000 customers give some 330,000 rows, 1,100,000 events and 500,000 identifier values.
func benchModel(customers int) *model.Model {
	rng := rand.New(rand.NewPCG(1, 2))
	m := model.New()
	crm := m.AddBatch(1, []store.FileInfo{{Name: "crm.csv"}})
	web := m.AddBatch(2, []store.FileInfo{{Name: "web.jsonl"}})
	shop := m.AddBatch(3, []store.FileInfo{{Name: "orders.csv"}})
	line := [4]int{}
	events := func(n int) []record.Event {
		ev := make([]record.Event, n)
		for i := range ev {
			ev[i] = record.Event{Time: rng.Int64N(1 << 50), Touchpoint: "Page view", Channel: "web"}
		}
		return ev
	}
	add := func(b uint32, ids []record.Identifier, n int) {
		line[b]++
		m.Add(b, record.Row{Line: line[b], Identifiers: ids, Events: events(n)})
	}
	for c := range customers {
		cid := record.Identifier{Type: "customer_id", Value: fmt.Sprintf("C%07d", c)}
		email := record.Identifier{Type: "email", Value: fmt.Sprintf("person%d@example.com", c)}
		ids := []record.Identifier{cid, email}
		if rng.IntN(10) < 6 {
			ids = append(ids, record.Identifier{Type: "phone", Value: fmt.Sprintf("+1555%07d", c)})
		}
		add(crm, ids, 1)
		for d := rng.IntN(3); d >= 0; d-- {
			anon := record.Identifier{Type: "anonymous_id", Value: fmt.Sprintf("%08x-%04x-4%03x", rng.Uint32(), c&0xffff, d)}
			user := cid
			if rng.IntN(100) == 0 {
				user.Value = "unknown" // the tag bug
			}
			add(web, []record.Identifier{anon, user}, 2+rng.IntN(5))
		}
		if c%2 == 0 {
			add(shop, []record.Identifier{email, cid, {Type: "order_id", Value: fmt.Sprintf("#%d", 1000+c/2)}}, 1)
		} else {
			add(shop, []record.Identifier{email}, 3)
		}
	}
	return m
}

// BenchmarkResolve also reports the process CPU time per Resolve (cpu-ms/op, garbage collection
// included): on a shared machine the wall time mostly measures the neighbours.
func BenchmarkResolve(b *testing.B) {
	m := benchModel(100_000)
	var res *identity.Result
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		res = identity.Resolve(m, identity.DefaultRules())
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
	s := res.Stats()
	b.ReportMetric(float64(s.Profiles), "profiles")
	b.ReportMetric(float64(len(m.Rows)), "rows")
	b.ReportMetric(float64(m.Events.Len()), "events")
	b.ReportMetric(float64(s.Identifiers), "identifiers")
}

// cpuTime is the process's user and system time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkSearch(b *testing.B) {
	res := identity.Resolve(benchModel(100_000), identity.DefaultRules())
	res.Search("warm", 1) // builds the index outside the loop
	for b.Loop() {
		res.Search("person4242", 50)
	}
}

func TestBenchModelShape(t *testing.T) {
	m := benchModel(1000)
	res := identity.Resolve(m, identity.DefaultRules())
	// One profile per customer, plus one per browser whose only sign-in carried the junk "unknown".
	people := 0
	for _, p := range res.Profiles {
		switch p.LabelType {
		case "email":
			people++
		case "anonymous_id":
			if p.Size != 1 {
				t.Errorf("got an anonymous profile with %d values, want 1", p.Size)
			}
		default:
			t.Errorf("got a profile labelled by %s", p.LabelType)
		}
	}
	if people != 1000 {
		t.Errorf("got %d profiles with an e-mail, want 1000 (one per generated customer)", people)
	}
	if len(res.OverStitched) != 0 {
		t.Errorf("got over-stitch warnings %+v on well-formed data", res.OverStitched)
	}
}
