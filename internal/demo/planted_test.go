package demo_test

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"
)

var checkoutSteps = []string{"Checkout: cart", "Checkout: shipping", "Checkout: payment"}

func isGoal(w *world, tp string) bool { return slices.Contains(w.manifest.Planted.GoalTouchpoints, tp) }

// webEvents is a person's web analytics events in time order.
func webEvents(p *person) []event {
	var out []event
	for _, e := range p.events {
		if e.file == "web_events.jsonl" {
			out = append(out, e)
		}
	}
	return out
}

func TestFrictionTouchpointHasHighestExitRate(t *testing.T) {
	w := load(t, 2000, 5)
	friction := w.manifest.Planted.FrictionTouchpoint
	// Exit per event: the visit ends at this step (no next web event within 30 minutes, or the next one
	// is not a further checkout step or the order). A repeated step is a loop, not an exit.
	seen, exits := map[string]int{}, map[string]int{}
	// Exit per customer: reached the step and never bought afterwards.
	reached, lost := map[string]int{}, map[string]int{}
	loops := 0
	for _, p := range w.people {
		web := webEvents(p)
		touched := map[string]time.Time{}
		for i, e := range web {
			if !slices.Contains(checkoutSteps, e.tp) {
				continue
			}
			if _, ok := touched[e.tp]; !ok {
				touched[e.tp] = e.t
			}
			seen[e.tp]++
			if i+1 < len(web) && web[i+1].tp == e.tp {
				loops++
			}
			if i+1 == len(web) || web[i+1].t.Sub(e.t) > 30*time.Minute ||
				!(slices.Contains(checkoutSteps, web[i+1].tp) || web[i+1].tp == "Order completed") {
				exits[e.tp]++
			}
		}
		for tp, first := range touched {
			reached[tp]++
			bought := false
			for _, e := range p.events {
				if isGoal(w, e.tp) && e.t.After(first) {
					bought = true
				}
			}
			if !bought {
				lost[tp]++
			}
		}
	}
	rate := func(num, den map[string]int, tp string) float64 { return float64(num[tp]) / float64(den[tp]) }
	for _, tp := range checkoutSteps {
		t.Logf("%-20s events %5d exit rate %.3f; customers %5d never bought after %.3f", tp, seen[tp],
			rate(exits, seen, tp), reached[tp], rate(lost, reached, tp))
		if tp == friction {
			continue
		}
		if rate(exits, seen, tp) >= rate(exits, seen, friction) {
			t.Errorf("exit rate of %s (%.3f) is not below %s (%.3f)", tp, rate(exits, seen, tp), friction, rate(exits, seen, friction))
		}
		// Everyone who leaves at the cart or shipping step comes back and reaches payment later, so at
		// customer level the earlier steps can at most tie with the friction step.
		if rate(lost, reached, tp) > rate(lost, reached, friction) {
			t.Errorf("never-bought rate of %s (%.3f) is above %s (%.3f)", tp, rate(lost, reached, tp), friction, rate(lost, reached, friction))
		}
	}
	if r := rate(exits, seen, friction); r < 0.15 {
		t.Errorf("exit rate at %s is %.3f, want a clear friction point (≥ 0.15)", friction, r)
	}
	if loops != w.manifest.Planted.FrictionLoops {
		t.Errorf("loops at %s: counted %d, planted %d", friction, loops, w.manifest.Planted.FrictionLoops)
	}
}

func TestFrictionExitsAreFollowedBySupport(t *testing.T) {
	w := load(t, 2000, 6)
	exits, followed := 0, 0
	for _, p := range w.people {
		for i, e := range p.events {
			if e.tp != "Checkout: payment" || e.file != "web_events.jsonl" {
				continue
			}
			j := i + 1
			for j < len(p.events) && p.events[j].file != "web_events.jsonl" && p.events[j].tp != "Ticket opened" {
				j++
			}
			if j < len(p.events) && (p.events[j].tp == "Checkout: payment" || p.events[j].tp == "Order completed") &&
				p.events[j].t.Sub(e.t) < 30*time.Minute {
				continue
			}
			exits++
			if j < len(p.events) && p.events[j].tp == "Ticket opened" && p.events[j].t.Sub(e.t) < 4*time.Hour {
				followed++
			}
		}
	}
	if exits != w.manifest.Planted.FrictionExits {
		t.Errorf("payment exits: counted %d, planted %d", exits, w.manifest.Planted.FrictionExits)
	}
	if share := float64(followed) / float64(exits); share < 0.3 {
		t.Errorf("only %.2f of payment exits are followed by a ticket within 4 hours, want ≥ 0.3", share)
	}
}

// TestFrictionLeavers counts, from the exports, the people whose last event other than a support ticket is
// the payment step and who never bought: planted.json's frictionLeavers (nothing — no visit, ad or e-mail —
// follows their last attempt).
func TestFrictionLeavers(t *testing.T) {
	w := load(t, 2000, 7)
	leavers := 0
	for _, p := range w.people {
		last, bought := "", false
		for _, e := range p.events {
			if isGoal(w, e.tp) {
				bought = true
			}
			if e.tp != "Ticket opened" && e.tp != "Ticket solved" {
				last = e.tp
			}
		}
		if last == w.manifest.Planted.FrictionTouchpoint && !bought {
			leavers++
		}
	}
	if got, want := leavers, w.manifest.Planted.FrictionLeavers; got != want {
		t.Errorf("people who left for good at the payment step: counted %d, planted %d", got, want)
	}
	// Comparison shoppers are 18 % of people; about 85 % of them sign in and half of those give up.
	if n := w.manifest.Planted.Customers; leavers < n*4/100 || leavers > n*12/100 {
		t.Errorf("%d leavers of %d people, want 4 %% to 12 %%", leavers, n)
	}
}

func TestTouchesAfterPurchase(t *testing.T) {
	w := load(t, 2000, 4)
	ads, after := 0, 0
	for _, p := range w.people {
		var first time.Time
		for _, e := range p.events {
			if isGoal(w, e.tp) {
				first = e.t
				break
			}
		}
		for _, e := range p.events {
			if e.tp != w.manifest.Planted.RetargetingTouchpoint {
				continue
			}
			ads++
			if !first.IsZero() && e.t.After(first) {
				after++
			}
		}
	}
	if after != w.manifest.Planted.TouchesAfterPurchase {
		t.Errorf("retargeting ads after purchase: counted %d, planted %d", after, w.manifest.Planted.TouchesAfterPurchase)
	}
	if after == 0 || after != ads {
		t.Errorf("got %d retargeting ads of which %d after purchase, want all of them after purchase", ads, after)
	}
}

func TestStageSkipsAndBuyers(t *testing.T) {
	w := load(t, 2000, 9)
	pl := w.manifest.Planted
	stageOf := map[string]int{}
	for tp, s := range pl.TouchpointStages {
		stageOf[tp] = slices.Index(pl.Stages, s)
	}
	skips := map[string]int{}
	buyers := 0
	loyalSkipping := 0
	for _, p := range w.people {
		touched := make([]bool, len(pl.Stages))
		top := -1
		bought := false
		for _, e := range p.events {
			s, ok := stageOf[e.tp]
			if !ok {
				t.Fatalf("touchpoint %q has no stage in planted.json", e.tp)
			}
			touched[s] = true
			top = max(top, s)
			bought = bought || isGoal(w, e.tp)
		}
		for s := 0; s < top; s++ {
			if !touched[s] {
				skips[pl.Stages[s]]++
			}
		}
		if bought {
			buyers++
		}
		if p.persona == "Loyal direct repeat buyers" && !touched[0] && !touched[1] {
			loyalSkipping++
		}
	}
	for _, s := range pl.Stages {
		if skips[s] != pl.StageSkips[s] {
			t.Errorf("people skipping %s: counted %d, planted %d", s, skips[s], pl.StageSkips[s])
		}
	}
	if buyers != pl.Buyers {
		t.Errorf("buyers: counted %d, planted %d", buyers, pl.Buyers)
	}
	loyal := pl.Personas[3]
	if loyal.Name != "Loyal direct repeat buyers" || loyalSkipping != loyal.Size {
		t.Errorf("%d of %d loyal buyers skip awareness and consideration, want all", loyalSkipping, loyal.Size)
	}
}

// features is a behaviour vector like the one persona clustering uses.
func features(p *person) []float64 {
	var web, mobile, desktop, mail, tickets, ratingSum, rated, store, orders, value, sessions, ads float64
	var last time.Time
	for _, e := range p.events {
		switch e.file {
		case "web_events.jsonl":
			if e.tp == "Retargeting ad" {
				ads++
				continue
			}
			web++
			if e.device == "mobile" {
				mobile++
			} else {
				desktop++
			}
			if e.t.Sub(last) > 30*time.Minute {
				sessions++
			}
			last = e.t
		case "email_activity.csv":
			mail++
		case "support_tickets.csv":
			if e.tp == "Ticket opened" {
				tickets++
			} else if e.rating > 0 {
				ratingSum += float64(e.rating)
				rated++
			}
		case "store_visits.csv":
			store++
		case "orders.csv":
			orders++
			value += e.value
		}
		if e.tp == "Store purchase" {
			value += e.value
		}
	}
	rating := 3.0
	if rated > 0 {
		rating = ratingSum / rated
	}
	share := 0.0
	if web > 0 {
		share = mobile / web
	}
	return []float64{math.Log1p(web), share, math.Log1p(sessions), math.Log1p(mail), math.Log1p(tickets), rating,
		math.Log1p(store), math.Log1p(orders), math.Log1p(value), math.Log1p(ads)}
}

// TestPersonasAreSeparable checks that behaviour alone tells the personas apart: on standardised
// features, the nearest persona centroid recovers at least 90 % of people.
func TestPersonasAreSeparable(t *testing.T) {
	w := load(t, 2000, 12)
	var names []string
	var xs [][]float64
	for _, p := range w.people {
		names = append(names, p.persona)
		xs = append(xs, features(p))
	}
	d := len(xs[0])
	mean, sd := make([]float64, d), make([]float64, d)
	for _, x := range xs {
		for j, v := range x {
			mean[j] += v / float64(len(xs))
		}
	}
	for _, x := range xs {
		for j, v := range x {
			sd[j] += (v - mean[j]) * (v - mean[j]) / float64(len(xs))
		}
	}
	for j := range sd {
		sd[j] = math.Sqrt(sd[j]) + 1e-9
	}
	cent, cnt := map[string][]float64{}, map[string]float64{}
	for i, x := range xs {
		if cent[names[i]] == nil {
			cent[names[i]] = make([]float64, d)
		}
		for j, v := range x {
			cent[names[i]][j] += (v - mean[j]) / sd[j]
		}
		cnt[names[i]]++
	}
	for n, c := range cent {
		for j := range c {
			c[j] /= cnt[n]
		}
	}
	right := 0
	confused := map[string]int{}
	for i, x := range xs {
		best, bestD := "", math.Inf(1)
		for n, c := range cent {
			dist := 0.0
			for j, v := range x {
				z := (v-mean[j])/sd[j] - c[j]
				dist += z * z
			}
			if dist < bestD {
				best, bestD = n, dist
			}
		}
		if best == names[i] {
			right++
		} else {
			confused[names[i]+" → "+best]++
		}
	}
	acc := float64(right) / float64(len(xs))
	t.Logf("nearest-centroid accuracy %.3f; confusions %v", acc, confused)
	if acc < 0.9 {
		t.Errorf("personas recovered from behaviour: %.3f, want ≥ 0.9", acc)
	}
}

func TestIdentifiersInFilesAreInTruth(t *testing.T) {
	w := load(t, 1500, 13)
	// Every truth identifier is used somewhere, and every person has one.
	byPerson := map[string]int{}
	for key, p := range w.owner {
		byPerson[p]++
		if strings.HasPrefix(key, "email|") && key != strings.ToLower(key) {
			t.Errorf("truth email %q is not lower-case", key)
		}
	}
	if len(byPerson) != 1500 {
		t.Errorf("truth.csv covers %d people, want 1500", len(byPerson))
	}
	sizes := map[string]int{}
	for _, p := range w.people {
		sizes[p.persona]++
		if len(p.events) == 0 {
			t.Errorf("person %s has no events", p.id)
		}
	}
	for _, pp := range w.manifest.Planted.Personas {
		if sizes[pp.Name] != pp.Size {
			t.Errorf("persona %q: truth.csv has %d people, planted.json says %d", pp.Name, sizes[pp.Name], pp.Size)
		}
	}
	anonOnly := 0
	for p, n := range byPerson {
		if n == 1 {
			for key, q := range w.owner {
				if q == p && strings.HasPrefix(key, "anonymous_id|") {
					anonOnly++
				}
			}
		}
	}
	if anonOnly != w.manifest.Planted.AnonymousOnly || anonOnly == 0 {
		t.Errorf("people known only by one anonymous id: %d, planted %d (want > 0)", anonOnly, w.manifest.Planted.AnonymousOnly)
	}
}

func TestStoreVisitsAreDecidablyDayFirst(t *testing.T) {
	dir, m := export(t, 200, 1)
	recs := readCSV(t, dir+"/"+m.Files[4].Name)
	for _, r := range recs[1:] {
		if day := r[2][:2]; day > "12" {
			return
		}
	}
	t.Error("no store visit has a day above 12, so day-first order cannot be decided")
}
