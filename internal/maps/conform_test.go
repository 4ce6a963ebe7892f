package maps_test

import (
	"errors"
	"math"
	"reflect"
	"testing"

	"wayline/internal/maps"
)

// conformMap is Awareness [H (expected 0.5)], Consideration [P, C (0.4, optional)], Decision [K, pay],
// Purchase [Buy, Review]. "pay" matches the data's "Pay" ignoring case; Review is not in the data.
var conformMap = maps.Assumed{ID: "current-state", Name: "Current state", Stages: []maps.AssumedStage{
	{Name: "Awareness", Touchpoints: []maps.AssumedTouchpoint{{Touchpoint: "H", ExpectedShare: 0.5}}},
	{Name: "Consideration", Touchpoints: []maps.AssumedTouchpoint{{Touchpoint: "P"}, {Touchpoint: "C", ExpectedShare: 0.4}}},
	{Name: "Decision", Touchpoints: []maps.AssumedTouchpoint{{Touchpoint: "K"}, {Touchpoint: "pay"}}},
	{Name: "Purchase", Touchpoints: []maps.AssumedTouchpoint{{Touchpoint: "Buy"}, {Touchpoint: "Review"}}},
}}

var conformJourneys = []string{
	0:  "H P C K Pay Buy",       // the map exactly
	1:  "H P K Pay Buy",         // leaves out C, which is optional
	2:  "H P X K Pay Buy",       // one unplanned touch
	3:  "P K Pay Buy",           // skips Awareness
	4:  "H P K P Pay Buy",       // comes back to P: a loop
	5:  "H K P Pay Buy",         // jumps over P, then does it: out of order
	6:  "H P C",                 // ends in Consideration
	7:  "X Ad",                  // nothing planned
	8:  "H P K Pay Buy Ad Ad P", // follows; what comes after Buy is not judged
	9:  "H Pay K Buy",           // skips P and K, then K out of order
	10: "H P K Buy",             // skips pay
}

func TestCompareKnownAnswers(t *testing.T) {
	v := conformView(t, conformJourneys...)
	c, err := maps.Compare(v, conformMap, maps.Tolerance{})
	if err != nil {
		t.Fatal(err)
	}
	if c.MapID != "current-state" || c.Customers != 11 || c.Followed != 4 || c.ReachedEnd != 9 || c.OffPath != 1 {
		t.Errorf("got map %q, customers %d, followed %d, reached end %d, off path %d; want current-state, 11, 4, 9, 1",
			c.MapID, c.Customers, c.Followed, c.ReachedEnd, c.OffPath)
	}
	if math.Abs(c.FollowedShare-4.0/11) > 1e-12 {
		t.Errorf("got followed share %v, want 4/11", c.FollowedShare)
	}
	wantStages := []maps.StageConformance{
		{Stage: "Awareness", Reached: 10, Entered: 9, Followed: 9, Skipped: 1},
		{Stage: "Consideration", Reached: 10, Entered: 9, Followed: 8, Skipped: 1, OutOfOrder: 1, Loops: 2, Unplanned: 1, Left: 1},
		{Stage: "Decision", Reached: 9, Entered: 9, Followed: 7, OutOfOrder: 1},
		{Stage: "Purchase", Reached: 9, Entered: 9, Followed: 9, Unplanned: 1},
	}
	if !reflect.DeepEqual(c.Stages, wantStages) {
		t.Errorf("stages:\ngot  %+v\nwant %+v", c.Stages, wantStages)
	}
	wantTouch := []maps.TouchpointConformance{
		{Touchpoint: "H", Stage: "Awareness", Observed: true, Customers: 9, Events: 9, Reached: 10, Share: 0.9, ExpectedShare: 0.5, Skipped: 1},
		{Touchpoint: "P", Stage: "Consideration", Observed: true, Customers: 9, Events: 11, Reached: 10, Share: 0.9, Skipped: 1, OutOfOrder: 1, Loops: 2},
		{Touchpoint: "C", Stage: "Consideration", Observed: true, Optional: true, Customers: 2, Events: 2, Reached: 10, Share: 0.2, ExpectedShare: 0.4, Skipped: 8},
		{Touchpoint: "K", Stage: "Decision", Observed: true, Customers: 9, Events: 9, Reached: 9, Share: 1, OutOfOrder: 1},
		{Touchpoint: "pay", Stage: "Decision", Observed: true, Customers: 8, Events: 8, Reached: 9, Share: 8.0 / 9, Skipped: 1},
		{Touchpoint: "Buy", Stage: "Purchase", Observed: true, Customers: 9, Events: 9, Reached: 9, Share: 1},
		{Touchpoint: "Review", Stage: "Purchase", Reached: 9},
	}
	if !reflect.DeepEqual(c.Touchpoints, wantTouch) {
		t.Errorf("touchpoints:\ngot  %+v\nwant %+v", c.Touchpoints, wantTouch)
	}
	wantUnplanned := []maps.UnplannedTouchpoint{
		{Touchpoint: "Ad", Stage: "Purchase", ModelStage: "Retention", Customers: 2, Events: 3},
		{Touchpoint: "X", Stage: "", ModelStage: "Consideration", Customers: 2, Events: 2}, // a tie goes to "before the path"
	}
	if !reflect.DeepEqual(c.Unplanned, wantUnplanned) {
		t.Errorf("unplanned:\ngot  %+v\nwant %+v", c.Unplanned, wantUnplanned)
	}

	type dep struct {
		kind, after, to string
		who             []int32
	}
	wantDep := []dep{
		{maps.DepartEnded, "C", "", []int32{6}},
		{maps.DepartSkip, "", "P", []int32{3}},
		{maps.DepartSkip, "H", "K", []int32{5}},
		{maps.DepartSkip, "H", "Pay", []int32{9}},
		{maps.DepartSkip, "K", "Buy", []int32{10}},
		{maps.DepartUnplanned, "", "X", []int32{7}},
		{maps.DepartUnplanned, "P", "X", []int32{2}},
	}
	var gotDep []dep
	total := 0
	for _, d := range c.Departures {
		gotDep = append(gotDep, dep{d.Kind, d.After, d.To, sortedProfiles(d.Profiles)})
		total += d.Customers
		if d.Customers != len(d.Profiles) || math.Abs(d.Share-float64(d.Customers)/11) > 1e-12 {
			t.Errorf("departure %+v: customers, profiles and share disagree", d)
		}
	}
	if !reflect.DeepEqual(gotDep, wantDep) {
		t.Errorf("departures:\ngot  %+v\nwant %+v", gotDep, wantDep)
	}
	if total != c.Customers-c.Followed {
		t.Errorf("got %d customers in departures, want every one who does not follow (%d)", total, c.Customers-c.Followed)
	}

	type gap struct {
		kind, stage, touchpoint string
		customers               int
		who                     []int32
	}
	wantGaps := []gap{
		{maps.GapShareAbove, "Awareness", "H", 4, []int32{0, 1, 2, 4, 5, 6, 8, 9, 10}},
		{maps.GapUnplanned, "", "X", 2, []int32{2, 7}},
		{maps.GapUnplanned, "Purchase", "Ad", 2, []int32{7, 8}},
		{maps.GapShareBelow, "Consideration", "C", 2, []int32{1, 2, 3, 4, 5, 8, 9, 10}},
		{maps.GapLoop, "Consideration", "P", 2, []int32{4, 8}},
		{maps.GapLeft, "Consideration", "", 1, []int32{6}},
		{maps.GapStageSkipped, "Awareness", "", 1, []int32{3}},
		{maps.GapStageSkipped, "Consideration", "", 1, []int32{9}},
		{maps.GapSkipped, "Decision", "pay", 1, []int32{10}},
		{maps.GapOutOfOrder, "Consideration", "P", 1, []int32{5}},
		{maps.GapOutOfOrder, "Decision", "K", 1, []int32{9}},
		{maps.GapNotInData, "Purchase", "Review", 0, []int32{}},
	}
	var gotGaps []gap
	for _, g := range c.Gaps {
		gotGaps = append(gotGaps, gap{g.Kind, g.Stage, g.Touchpoint, g.Customers, sortedProfiles(g.Profiles)})
		if g.Text == "" {
			t.Errorf("gap %+v has no text", g)
		}
	}
	if !reflect.DeepEqual(gotGaps, wantGaps) {
		t.Errorf("gaps:\ngot  %+v\nwant %+v", gotGaps, wantGaps)
	}
}

func TestCompareTolerance(t *testing.T) {
	v := conformView(t, conformJourneys...)
	tests := []struct {
		tol  maps.Tolerance
		want int
	}{
		{maps.Tolerance{}, 4},                               // 0 1 4 8
		{maps.Tolerance{ExtraTouches: 1}, 5},                // + 2
		{maps.Tolerance{AllowSkips: 1}, 6},                  // + 3 10 (5 still goes out of order)
		{maps.Tolerance{ExtraTouches: 1, AllowSkips: 1}, 7}, // + 2 3 10; 7 has two unplanned touches
		// 5 and 9 go out of order, 6 and 7 never reach Purchase, whatever the tolerance.
		{maps.Tolerance{ExtraTouches: 2, AllowSkips: 5}, 7},
	}
	for _, tt := range tests {
		c, err := maps.Compare(v, conformMap, tt.tol)
		if err != nil {
			t.Fatal(err)
		}
		if c.Followed != tt.want {
			t.Errorf("tolerance %+v: got %d following, want %d", tt.tol, c.Followed, tt.want)
		}
		n := 0
		for _, d := range c.Departures {
			n += d.Customers
		}
		if n != c.Customers-c.Followed {
			t.Errorf("tolerance %+v: got %d departures, want %d", tt.tol, n, c.Customers-c.Followed)
		}
	}
}

func TestCompareErrors(t *testing.T) {
	v := conformView(t, "H P")
	if _, err := maps.Compare(nil, conformMap, maps.Tolerance{}); !errors.Is(err, maps.ErrNoJourneys) {
		t.Errorf("nil view: got %v, want ErrNoJourneys", err)
	}
	if _, err := maps.Compare(v, conformMap, maps.Tolerance{AllowSkips: -1}); !errors.Is(err, maps.ErrInvalidTolerance) {
		t.Errorf("negative tolerance: got %v, want ErrInvalidTolerance", err)
	}
	if _, err := maps.Compare(v, maps.Assumed{ID: "x", Name: "X"}, maps.Tolerance{}); !errors.Is(err, maps.ErrInvalidAssumed) {
		t.Errorf("map without stages: got %v, want ErrInvalidAssumed", err)
	}
}

func TestCompareEmptyView(t *testing.T) {
	v := conformView(t)
	c, err := maps.Compare(v, conformMap, maps.Tolerance{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Customers != 0 || c.FollowedShare != 0 || len(c.Departures) != 0 || len(c.Stages) != 4 || len(c.Touchpoints) != 7 {
		t.Errorf("got %+v, want no customers, zero shares and every stage and touchpoint listed", c)
	}
}
