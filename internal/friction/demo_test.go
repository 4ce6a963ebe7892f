package friction_test

import (
	"fmt"
	"os"
	"slices"
	"testing"

	"wayline/internal/demo"
	"wayline/internal/demo/demotest"
	"wayline/internal/friction"
	"wayline/internal/journey"
)

// demo3000 is the demo most tests here read: large enough for every touchpoint to have enough evidence.
var demo3000 = demo.Options{Customers: 3000, Seed: 1}

func TestMain(m *testing.M) { os.Exit(demotest.Run(m)) }

func TestDemoStoresPlantedStages(t *testing.T) {
	d := demotest.Load(t, demo3000)
	if got, want := d.Snap.Journeys.Stages(), d.Planted.Stages; !slices.Equal(got, want) {
		t.Errorf("stages: got %v, want the planted %v", got, want)
	}
	got, want := slices.Sorted(slices.Values(d.Snap.Stages.Goal)), slices.Sorted(slices.Values(d.Planted.GoalTouchpoints))
	if !slices.Equal(got, want) || d.Snap.Stages.GoalGuessed {
		t.Errorf("goal: got %v (guessed %v), want the planted %v", got, d.Snap.Stages.GoalGuessed, want)
	}
	for _, tp := range d.Snap.Journeys.Touchpoints() {
		if want, ok := d.Planted.TouchpointStages[tp.Touchpoint]; !ok || tp.Stage != want || tp.Guessed {
			t.Errorf("%q: stage %q (guessed %v), want the planted %q", tp.Touchpoint, tp.Stage, tp.Guessed, want)
		}
	}
}

// TestDemoPlantedFriction checks the planted checkout friction against the ranking on several demos: the
// planted payment step ranks first overall by score with the default weights, with the planted leavers as
// its exits. The runner-up is usually "Account: orders", where the support-heavy persona's anxious checks
// are followed by badly rated tickets (most buyers visit it too, routinely and without trouble).
func TestDemoPlantedFriction(t *testing.T) {
	configs := []demo.Options{{Customers: 3000, Seed: 1}, {Customers: 400, Seed: 2}, {Customers: 400, Seed: 3}}
	for _, opts := range configs {
		t.Run(fmt.Sprintf("%d customers seed %d", opts.Customers, opts.Seed), func(t *testing.T) {
			checkPlantedFriction(t, demotest.Load(t, opts))
		})
	}
}

func checkPlantedFriction(t *testing.T, d *demotest.Data) {
	v, err := d.Snap.Journeys.Apply(journey.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := friction.Compute(v, nil, nil, friction.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range r.Touchpoints {
		t.Logf("%2d %-22s %-13s score %.3f [%.3f %.3f] n=%d exit %.3f loop %.3f back %.3f stall %.3f support %.3f rating %.3f low %.3f effort %.3f",
			i+1, c.Touchpoint, c.Stage, c.Score, c.Low, c.High, c.Evidence.Customers, c.Components.ExitRate, c.Components.LoopRate,
			c.Components.BacktrackRate, c.Components.StallRatio, c.Components.SupportRate, c.Components.MeanRating,
			c.Components.LowRatingShare, c.Components.Effort)
	}
	purchase := slices.Index(d.Planted.Stages, "Purchase")
	rank := map[string]int{}
	firstBefore := ""
	var cell friction.Cell
	for i, c := range r.Touchpoints {
		if !c.Enough {
			continue
		}
		rank[c.Touchpoint] = i + 1
		if firstBefore == "" && slices.Index(d.Planted.Stages, c.Stage) < purchase {
			firstBefore = c.Touchpoint
		}
		if c.Touchpoint == d.Planted.FrictionTouchpoint {
			cell = c
		}
	}
	want := d.Planted.FrictionTouchpoint
	if firstBefore != want {
		t.Errorf("worst touchpoint before the purchase %q, want the planted %q", firstBefore, want)
	}
	if got := rank[want]; got != 1 {
		t.Errorf("planted %q ranks %d, want first", want, got)
	}
	// Every journey that ends at the payment step without an order is a planted leaver; identity may lose
	// a few of them (a leaver's trail split or merged), never invent many.
	t.Logf("%s: exits %d, planted leavers %d; loops %d customers", want, cell.Evidence.Exits, d.Planted.FrictionLeavers, cell.Evidence.Loops)
	if got, leavers := cell.Evidence.Exits, d.Planted.FrictionLeavers; got > leavers || got < leavers*9/10 {
		t.Errorf("exits at %q: got %d, want between 90%% and 100%% of the %d planted leavers", want, got, leavers)
	}
}

func TestDemoWastedRetargeting(t *testing.T) {
	d := demotest.Load(t, demo3000)
	v, err := d.Snap.Journeys.Apply(journey.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	w := friction.Wasted(v)
	ads := 0
	for _, tp := range w.Touchpoints {
		if tp.Touchpoint == d.Planted.RetargetingTouchpoint {
			ads += tp.Touches
		}
	}
	t.Logf("wasted %d touches of %d customers; %s %d, planted %d", w.Touches, w.Customers, d.Planted.RetargetingTouchpoint, ads, d.Planted.TouchesAfterPurchase)
	// Ad impressions carry only the cookie id, so the ads of a device never signed in stay anonymous: found
	// touches can be fewer than planted, never more, and most of them must be found.
	if planted := d.Planted.TouchesAfterPurchase; ads > planted || ads < planted*8/10 {
		t.Errorf("found %d wasted %q touches, want between 80%% and 100%% of the planted %d", ads, d.Planted.RetargetingTouchpoint, planted)
	}
	if m := v.Movement().TouchesAfterConversion; w.Touches != m.PaidEvents || w.Customers != m.PaidCustomers {
		t.Errorf("wasted %d touches of %d customers, want Movement's %d of %d", w.Touches, w.Customers, m.PaidEvents, m.PaidCustomers)
	}
}
