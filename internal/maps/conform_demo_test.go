package maps_test

import (
	"regexp"
	"testing"
	"time"

	"wayline/internal/demo/demotest"
	"wayline/internal/journey"
	"wayline/internal/maps"
	"wayline/internal/persona"
)

// demoWebMap is the path a web shop's workshop would draw: home page, products, the cart and the three
// checkout steps, the order.
var demoWebMap = maps.Assumed{ID: "web-funnel", Name: "Web funnel", Kind: maps.KindCurrent, Stages: []maps.AssumedStage{
	{Name: "Awareness", Touchpoints: []maps.AssumedTouchpoint{{Touchpoint: "Home page", ExpectedShare: 0.8}}},
	{Name: "Consideration", Touchpoints: []maps.AssumedTouchpoint{{Touchpoint: "Product viewed", ExpectedShare: 0.9},
		{Touchpoint: "Product compared", ExpectedShare: 0.2}}},
	{Name: "Decision", Touchpoints: []maps.AssumedTouchpoint{{Touchpoint: "Added to cart"}, {Touchpoint: "Checkout: cart"},
		{Touchpoint: "Checkout: shipping"}, {Touchpoint: "Checkout: payment"}}},
	{Name: "Purchase", Touchpoints: []maps.AssumedTouchpoint{{Touchpoint: "Order completed"}}},
}}

func TestDemoComparison(t *testing.T) {
	d := demotest.Load(t, demo3000)
	v, err := d.Snap.Journeys.Apply(journey.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := maps.Compare(v, demoWebMap, maps.Tolerance{ExtraTouches: 2, AllowSkips: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("customers %d, followed %d (%.3f), reached the end %d", c.Customers, c.Followed, c.FollowedShare, c.ReachedEnd)
	for i, g := range c.Gaps[:min(len(c.Gaps), 5)] {
		t.Logf("  gap %d: %s", i+1, g.Text)
	}
	if c.Customers != v.Len() || c.FollowedShare <= 0 || c.FollowedShare >= 1 {
		t.Errorf("got %d customers and followed share %v, want the view's %d and a share strictly between 0 and 1",
			c.Customers, c.FollowedShare, v.Len())
	}
	loose, err := maps.Compare(v, demoWebMap, maps.Tolerance{ExtraTouches: 1000, AllowSkips: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if loose.Followed < c.Followed || loose.Followed > loose.ReachedEnd {
		t.Errorf("a looser tolerance: got %d following, want between %d and the %d who reach the end", loose.Followed, c.Followed, loose.ReachedEnd)
	}

	// The planted friction: customers loop on the payment step, leave there and open a ticket.
	fric := d.Planted.FrictionTouchpoint
	var fricTouch maps.TouchpointConformance
	for _, tp := range c.Touchpoints {
		if tp.Touchpoint == fric {
			fricTouch = tp
		}
	}
	for _, tp := range c.Touchpoints {
		if tp.Stage == "Decision" && tp.Touchpoint != fric && (tp.Loops >= fricTouch.Loops || tp.Events >= fricTouch.Events) {
			t.Errorf("%s: got %d looping customers and %d events, want fewer than the friction step %s (%d, %d)",
				tp.Touchpoint, tp.Loops, tp.Events, fric, fricTouch.Loops, fricTouch.Events)
		}
	}
	after := map[string]int{}
	var fromFric []maps.Departure
	for _, dep := range c.Departures {
		after[dep.After] += dep.Customers
		if dep.After == fric {
			fromFric = append(fromFric, dep)
		}
	}
	for _, step := range []string{"Added to cart", "Checkout: cart", "Checkout: shipping"} {
		if after[step] >= after[fric] {
			t.Errorf("got %d customers leaving the path after %s, want fewer than after %s (%d)", after[step], step, fric, after[fric])
		}
	}
	if len(fromFric) == 0 || !regexp.MustCompile(`(?i)ticket`).MatchString(fromFric[0].To) {
		t.Errorf("departures after %s: got %+v, want the largest to go to a support ticket", fric, fromFric)
	}

	// Touchpoints the web map does not plan for: the store path of the mobile researchers, and the
	// retargeting ads shown after buying.
	unplanned := map[string]maps.UnplannedTouchpoint{}
	for _, u := range c.Unplanned {
		unplanned[u.Touchpoint] = u
	}
	store := 0
	for _, p := range d.Planted.Personas {
		if regexp.MustCompile(`(?i)store`).MatchString(p.Name) {
			store = p.Size
		}
	}
	if got := unplanned["Store purchase"].Customers; got < store*9/10 || got > store*11/10 {
		t.Errorf("got %d customers buying in the store, unplanned; want about the %d planted store researchers", got, store)
	}
	if ad := unplanned[d.Planted.RetargetingTouchpoint]; ad.Customers == 0 || ad.Stage != "Purchase" {
		t.Errorf("got %+v, want the retargeting ad unplanned and mostly after the purchase", ad)
	}

	// The gap list: biggest first, each with the customers behind it.
	for i, g := range c.Gaps {
		if i > 0 && g.Customers > c.Gaps[i-1].Customers {
			t.Errorf("gap %d (%s, %d) is listed after a smaller one", i, g.Text, g.Customers)
		}
		share := g.Kind == maps.GapShareBelow || g.Kind == maps.GapShareAbove
		if !share && g.Customers != len(g.Profiles) || share && len(g.Profiles) < g.Customers {
			t.Errorf("gap %q: got %d customers and %d profiles", g.Text, g.Customers, len(g.Profiles))
		}
	}
	home := false
	for _, g := range c.Gaps {
		home = home || g.Kind == maps.GapShareBelow && g.Touchpoint == "Home page"
	}
	if !home {
		t.Errorf("want a share-below gap for Home page (observed %.2f, expected 0.8)", c.Touchpoints[0].Share)
	}
}

func TestDemoPersonaMatch(t *testing.T) {
	d := demotest.Load(t, demo3000)
	r, err := persona.Run(d.Snap, persona.Options{Seed: 1, Now: func() time.Time { return time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	assumed := []maps.AssumedPersona{
		{Name: "Bargain hunters", Description: "wait for the discount email", Expect: []maps.Expectation{
			{Feature: "channel.email", Level: maps.LevelHigh}, {Feature: "recency.days", Level: maps.LevelLow}}},
		{Name: "Unhappy callers", Expect: []maps.Expectation{
			{Feature: "support", Level: maps.LevelHigh}, {Feature: "Rating.Mean", Level: maps.LevelLow}}}, // case does not matter
		{Name: "Store loyalists", Expect: []maps.Expectation{
			{Feature: "channel.store", Level: maps.LevelHigh}, {Feature: "device.mobile", Level: maps.LevelHigh}}},
		{Name: "Luxury clients", Description: "big spenders"}, // no expectations: compared by name, and no name fits
	}
	matches, unassumed := maps.MatchPersonas(assumed, r)
	want := []*regexp.Regexp{regexp.MustCompile(`(?i)email|discount`), regexp.MustCompile(`(?i)support|at-risk|unhappy`),
		regexp.MustCompile(`(?i)mobile|store`), nil}
	if len(matches) != len(assumed) {
		t.Fatalf("got %d matches, want one per assumed persona", len(matches))
	}
	matched := map[string]bool{}
	for i, m := range matches {
		t.Logf("%s → %s %q: similarity %.2f, matched %v", m.Assumed, m.Discovered, m.Name, m.Similarity, m.Matched)
		if want[i] == nil {
			if m.Matched {
				t.Errorf("%s: got a match with %q (%.2f), want none", m.Assumed, m.Name, m.Similarity)
			}
			continue
		}
		if !m.Matched || !want[i].MatchString(m.Name) || m.Similarity < 0.5 {
			t.Errorf("%s: got %q (similarity %.2f, matched %v), want a persona named like %v", m.Assumed, m.Name, m.Similarity, m.Matched, want[i])
		}
		for _, e := range m.Evidence {
			if !e.Known || e.Score <= 0 {
				t.Errorf("%s: evidence %+v, want a known feature that agrees", m.Assumed, e)
			}
		}
		matched[m.Discovered] = true
	}
	if len(unassumed) != len(r.Personas)-len(matched) {
		t.Errorf("got unassumed %v, want the %d discovered personas no one matched", unassumed, len(r.Personas)-len(matched))
	}
	for _, id := range unassumed {
		if matched[id] {
			t.Errorf("%s is both matched and unassumed", id)
		}
	}
}
