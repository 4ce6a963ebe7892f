package journey_test

import (
	"reflect"
	"testing"

	"wayline/internal/journey"
)

func movementFixture() fixture {
	return newFixture([]ev{
		{who: "m1", t: 0, tp: "Home page", ch: "web", dev: "mobile"},
		{who: "m1", t: 10, tp: "Order completed", ch: "web", dev: "desktop"},
		{who: "m1", t: 20, tp: "Product viewed", ch: "email", dev: "desktop"},
		{who: "m1", t: 30, tp: "Home page", ch: "web"},
		{who: "m1", t: 40, tp: "Retargeting ad", ch: "display", dev: "mobile"},
		{who: "m2", t: 0, tp: "Product viewed", ch: "web", dev: "mobile"},
		{who: "m2", t: 10, tp: "Added to cart", ch: "web", dev: "mobile"},
	})
}

func TestMovement(t *testing.T) {
	f := movementFixture()
	v := f.view(t, nil, journey.Filter{})
	got := v.Movement()
	want := journey.Movement{
		Customers:  2,
		StageSkips: []journey.StageMove{{From: journey.Awareness, To: journey.Purchase, Customers: 1, Count: 1}},
		Backtracks: []journey.StageMove{
			{From: journey.Consideration, To: journey.Awareness, Customers: 1, Count: 1},
			{From: journey.Purchase, To: journey.Consideration, Customers: 1, Count: 1},
		},
		Revisits:          []journey.StageRevisit{{Stage: journey.Awareness, Customers: 1, Count: 1}},
		CustomersSkipping: 1, CustomersBacktracking: 1, CustomersRevisiting: 1,
		Entries: []journey.Entry{{Touchpoint: "Home page", Channel: "web", Customers: 1},
			{Touchpoint: "Product viewed", Channel: "web", Customers: 1}},
		Exits: []journey.Exit{{Touchpoint: "Added to cart", Customers: 1}, {Touchpoint: "Retargeting ad", Customers: 1, Converted: 1}},
		// web→email→web→display; mobile→desktop→(none, ignored)→mobile.
		ChannelSwitches: 3, DeviceSwitches: 2, CustomersSwitchingChannel: 1, CustomersSwitchingDevice: 1,
		TouchesAfterConversion: journey.AfterConversion{Events: 3, Customers: 1, PaidEvents: 1, PaidCustomers: 1,
			Touchpoints: []journey.TouchCount{
				{Touchpoint: "Home page", Channel: "web", Events: 1},
				{Touchpoint: "Product viewed", Channel: "email", Events: 1},
				{Touchpoint: "Retargeting ad", Channel: "display", Paid: true, Events: 1},
			}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("\ngot  %+v\nwant %+v", got, want)
	}
	cm := v.CustomerMovement(0)
	if wantCM := (journey.CustomerMovement{Skips: 1, Backtracks: 2, Revisits: 1, ChannelSwitches: 3, DeviceSwitches: 2,
		TouchesAfterConversion: 3, PaidAfterConversion: 1}); cm != wantCM {
		t.Errorf("m1: got %+v, want %+v", cm, wantCM)
	}
	if cm := v.CustomerMovement(1); cm != (journey.CustomerMovement{}) {
		t.Errorf("m2: got %+v, want nothing", cm)
	}
}

func TestMovementCohorts(t *testing.T) {
	f := movementFixture()
	v := f.view(t, nil, journey.Filter{})
	tests := []struct {
		c    journey.Cohort
		want []string
	}{
		{journey.Cohort{Movement: journey.MoveSkips}, []string{"m1"}},
		{journey.Cohort{Movement: journey.MoveSkips, From: journey.Awareness, To: journey.Decision}, []string{}},
		{journey.Cohort{Movement: journey.MoveBacktracks, To: journey.Awareness}, []string{"m1"}},
		{journey.Cohort{Movement: journey.MoveRevisits, Node: journey.Awareness}, []string{"m1"}},
		{journey.Cohort{Movement: journey.MoveEntries, Node: "Product viewed", Channel: "web"}, []string{"m2"}},
		{journey.Cohort{Movement: journey.MoveExits, Node: "Added to cart"}, []string{"m2"}},
		{journey.Cohort{Movement: journey.MoveChannelSwitches}, []string{"m1"}},
		{journey.Cohort{Movement: journey.MoveDeviceSwitches}, []string{"m1"}},
		{journey.Cohort{Movement: journey.MoveAfterConversion, Node: "Home page"}, []string{"m1"}},
		{journey.Cohort{Movement: journey.MovePaidAfterConvert}, []string{"m1"}},
		{journey.Cohort{Movement: journey.MoveConverted}, []string{"m1"}},
	}
	for _, tt := range tests {
		tt.c.Kind = journey.CohortMovement
		ps, err := v.Cohort(tt.c)
		if got := f.who(ps); err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%+v: got %v (%v), want %v", tt.c, got, err, tt.want)
		}
	}
	if ps, _ := v.Cohort(journey.Cohort{Kind: journey.CohortStage, Node: journey.Decision}); !reflect.DeepEqual(f.who(ps), []string{"m2"}) {
		t.Errorf("Decision stage cohort: got %v, want [m2]", f.who(ps))
	}
	if _, err := v.Cohort(journey.Cohort{Kind: journey.CohortMovement, Movement: "teleports"}); err == nil {
		t.Error("unknown movement: got no error")
	}
	if _, err := v.Cohort(journey.Cohort{Kind: "mood"}); err == nil {
		t.Error("unknown kind: got no error")
	}
}

func TestTouchesAfterConversionUnderFilter(t *testing.T) {
	// A filter on the display channel keeps only the ad, which still counts as after the purchase.
	f := movementFixture()
	v := f.view(t, nil, journey.Filter{Channels: []string{"display"}})
	got := v.Movement().TouchesAfterConversion
	if got.Events != 1 || got.PaidEvents != 1 || got.Customers != 1 {
		t.Errorf("got %+v, want the one paid touch", got)
	}
}

// TestPaidIsDecidedPerEvent: "Order completed" reached once from a paid channel does not make every later
// order on direct a paid touch; an ad is paid on any channel.
func TestPaidIsDecidedPerEvent(t *testing.T) {
	f := newFixture([]ev{
		{who: "a", t: 0, tp: "Order completed", ch: "cpc"},
		{who: "a", t: 10, tp: "Order completed", ch: "direct"},
		{who: "a", t: 20, tp: "Retargeting ad", ch: "direct"},
		{who: "a", t: 30, tp: "Signed in", ch: "paid_social"},
	})
	sm := &journey.StageModel{Stages: journey.DefaultStages(), Goal: []string{"Order completed"}}
	v := f.view(t, sm, journey.Filter{})
	got := v.Movement().TouchesAfterConversion
	if got.Events != 3 || got.PaidEvents != 2 {
		t.Fatalf("got %d touches after converting, %d paid; want 3 and 2 (the ad, the paid_social sign-in)", got.Events, got.PaidEvents)
	}
	for _, tc := range got.Touchpoints {
		if want := tc.Touchpoint != "Order completed"; tc.Paid != want {
			t.Errorf("%s on %s: paid %v, want %v", tc.Touchpoint, tc.Channel, tc.Paid, want)
		}
	}
	steps := v.Journeys().Timeline(0, 0)
	if steps[1].Paid || !steps[2].Paid {
		t.Errorf("timeline paid flags %v %v, want the direct order unpaid and the ad paid", steps[1].Paid, steps[2].Paid)
	}
}
