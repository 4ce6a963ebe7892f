package journey_test

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"wayline/internal/journey"
)

// randomFixture makes small random journeys with many same-second ties across two sources.
func randomFixture(seed uint64) ([]ev, fixture) {
	rng := rand.New(rand.NewPCG(seed, 7))
	tps := []string{"Home page", "Product viewed", "Added to cart", "Order completed", "Ticket opened", "Review submitted", "Banner"}
	chs := []string{"web", "email", "display", ""}
	var evs []ev
	for c := 0; c < 40; c++ {
		n := 1 + rng.IntN(8)
		for i := 0; i < n; i++ {
			evs = append(evs, ev{who: fmt.Sprintf("c%02d", c), t: int64(rng.IntN(6)), tp: tps[rng.IntN(len(tps))],
				ch: chs[rng.IntN(len(chs))], src: []string{"web", "crm"}[rng.IntN(2)]})
		}
	}
	rng.Shuffle(len(evs), func(a, b int) { evs[a], evs[b] = evs[b], evs[a] })
	return evs, newFixture(evs)
}

// naiveJourneys orders each customer's passing events by (time, source, line) with a plain sort.
func naiveJourneys(evs []ev, keep func(ev) bool) map[string][]ev {
	type lined struct {
		ev
		line int
	}
	by := map[string][]lined{}
	for i, e := range evs {
		if keep(e) {
			by[e.who] = append(by[e.who], lined{e, i})
		}
	}
	out := map[string][]ev{}
	for who, ls := range by {
		sort.Slice(ls, func(a, b int) bool {
			if ls[a].t != ls[b].t {
				return ls[a].t < ls[b].t
			}
			if ls[a].src != ls[b].src {
				return ls[a].src < ls[b].src
			}
			return ls[a].line < ls[b].line
		})
		for _, l := range ls {
			out[who] = append(out[who], l.ev)
		}
	}
	return out
}

func TestRandomJourneysAgreeWithNaiveCounts(t *testing.T) {
	for seed := uint64(1); seed <= 20; seed++ {
		evs, f := randomFixture(seed)
		filters := []struct {
			f    journey.Filter
			keep func(ev) bool
		}{
			{journey.Filter{}, func(ev) bool { return true }},
			{journey.Filter{Channels: []string{"web", journey.NoneLabel}}, func(e ev) bool { return e.ch == "web" || e.ch == "" }},
			{journey.Filter{From: 2e6, To: 4e6, Sources: []string{"crm"}}, func(e ev) bool { return e.t >= 2 && e.t <= 4 && e.src == "crm" }},
		}
		for fi, flt := range filters {
			v := f.view(t, nil, flt.f)
			js := naiveJourneys(evs, flt.keep)
			if v.Len() != len(js) {
				t.Fatalf("seed %d filter %d: %d customers, naive %d", seed, fi, v.Len(), len(js))
			}
			df, variants, collapsed := map[[2]string]int{}, map[string]int{}, map[string]int{}
			for _, j := range js {
				prev := journey.StartNode
				var seq, cseq []string
				for _, e := range j {
					df[[2]string{prev, e.tp}]++
					if len(cseq) == 0 || cseq[len(cseq)-1] != e.tp {
						cseq = append(cseq, e.tp)
					}
					prev = e.tp
					seq = append(seq, e.tp)
				}
				df[[2]string{prev, journey.EndNode}]++
				variants[strings.Join(seq, ">")]++
				collapsed[strings.Join(cseq, ">")]++
			}
			fl, err := v.Flow(journey.FlowOptions{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[[2]string]int{}
			for _, e := range fl.Edges {
				got[[2]string{e.From, e.To}] = e.Count
				ps, _ := v.Cohort(journey.Cohort{Kind: journey.CohortEdge, From: e.From, To: e.To})
				if len(ps) != e.Customers {
					t.Errorf("seed %d filter %d edge %s→%s: cohort %d, customers %d", seed, fi, e.From, e.To, len(ps), e.Customers)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(df) {
				t.Errorf("seed %d filter %d: directly-follows\ngot  %v\nwant %v", seed, fi, got, df)
			}
			for _, collapse := range []bool{false, true} {
				want := variants
				if collapse {
					want = collapsed
				}
				vs := v.Variants(journey.VariantOptions{Limit: -1, CollapseRepeats: collapse})
				gotV := map[string]int{}
				for _, x := range vs.Variants {
					gotV[strings.Join(x.Path, ">")] = x.Customers
					ps, _ := v.Cohort(journey.Cohort{Kind: journey.CohortVariant, Path: x.Path, CollapseRepeats: collapse})
					if len(ps) != x.Customers {
						t.Errorf("seed %d variant %v: cohort %d, customers %d", seed, x.Path, len(ps), x.Customers)
					}
				}
				if fmt.Sprint(gotV) != fmt.Sprint(want) {
					t.Errorf("seed %d filter %d collapse %v: variants\ngot  %v\nwant %v", seed, fi, collapse, gotV, want)
				}
			}
			checkMovementCohorts(t, v)
		}
	}
}

// checkMovementCohorts: every movement figure clicks through to as many customers.
func checkMovementCohorts(t *testing.T, v *journey.View) {
	t.Helper()
	mv := v.Movement()
	count := func(c journey.Cohort) int {
		c.Kind = journey.CohortMovement
		ps, err := v.Cohort(c)
		if err != nil {
			t.Fatal(err)
		}
		return len(ps)
	}
	for _, m := range mv.StageSkips {
		if n := count(journey.Cohort{Movement: journey.MoveSkips, From: m.From, To: m.To}); n != m.Customers {
			t.Errorf("skip %+v: cohort %d", m, n)
		}
	}
	for _, m := range mv.Backtracks {
		if n := count(journey.Cohort{Movement: journey.MoveBacktracks, From: m.From, To: m.To}); n != m.Customers {
			t.Errorf("backtrack %+v: cohort %d", m, n)
		}
	}
	for _, m := range mv.Revisits {
		if n := count(journey.Cohort{Movement: journey.MoveRevisits, Node: m.Stage}); n != m.Customers {
			t.Errorf("revisit %+v: cohort %d", m, n)
		}
	}
	for _, m := range mv.Entries {
		if n := count(journey.Cohort{Movement: journey.MoveEntries, Node: m.Touchpoint, Channel: m.Channel}); n != m.Customers {
			t.Errorf("entry %+v: cohort %d", m, n)
		}
	}
	for _, m := range mv.Exits {
		if n := count(journey.Cohort{Movement: journey.MoveExits, Node: m.Touchpoint}); n != m.Customers {
			t.Errorf("exit %+v: cohort %d", m, n)
		}
	}
	totals := []struct {
		name string
		want int
	}{
		{journey.MoveSkips, mv.CustomersSkipping}, {journey.MoveBacktracks, mv.CustomersBacktracking},
		{journey.MoveRevisits, mv.CustomersRevisiting}, {journey.MoveChannelSwitches, mv.CustomersSwitchingChannel},
		{journey.MoveDeviceSwitches, mv.CustomersSwitchingDevice}, {journey.MoveAfterConversion, mv.TouchesAfterConversion.Customers},
		{journey.MovePaidAfterConvert, mv.TouchesAfterConversion.PaidCustomers},
	}
	for _, tt := range totals {
		if n := count(journey.Cohort{Movement: tt.name}); n != tt.want {
			t.Errorf("%s: cohort %d, figure %d", tt.name, n, tt.want)
		}
	}
}
