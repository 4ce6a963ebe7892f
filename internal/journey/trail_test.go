package journey_test

import (
	"slices"
	"testing"

	"wayline/internal/journey"
)

// EachTrail hands out exactly the view's passing events, in journey order, with names that resolve.
func TestEachTrailMatchesView(t *testing.T) {
	f := newFixture([]ev{
		{who: "a", t: 0, tp: "Home", ch: "web"}, {who: "a", t: 60, tp: "Product page", ch: "web"},
		{who: "a", t: 120, tp: "Purchase", ch: "store"}, {who: "b", t: 0, tp: "Newsletter", ch: "email"},
	})
	j := f.build(t, nil)
	v, err := j.Apply(journey.Filter{Channels: []string{"web"}})
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	var conv []bool
	v.EachTrail(func(tr *journey.Trail) {
		var names []string
		for k, tp := range tr.Touchpoint {
			names = append(names, j.TouchpointNames()[tp])
			if j.Stages()[tr.Stage[k]] != j.Stages()[j.TouchpointStage(tp)] {
				t.Errorf("event %d: got stage %d, want the touchpoint's stage %d", k, tr.Stage[k], j.TouchpointStage(tp))
			}
		}
		got = append(got, names)
		conv = append(conv, tr.Converted)
	})
	if len(got) != 1 || !slices.Equal(got[0], []string{"Home", "Product page"}) {
		t.Fatalf("got trails %v, want [[Home Product page]]", got)
	}
	if !conv[0] {
		t.Errorf("got converted false, want true: the purchase is in the date range on another channel")
	}
}

// A profiles cohort keeps the listed customers that the view keeps, whatever order or repeats they come in.
func TestProfilesCohortKeepsTheView(t *testing.T) {
	f := newFixture([]ev{{who: "a", t: 0, tp: "Home", ch: "web"}, {who: "b", t: 0, tp: "Home", ch: "email"},
		{who: "c", t: 0, tp: "Home", ch: "web"}})
	v := f.view(t, nil, journey.Filter{Channels: []string{"web"}})
	got, err := v.Cohort(journey.Cohort{Kind: journey.CohortProfiles, Profiles: []int32{2, 1, 2, 0, 7}})
	if err != nil {
		t.Fatal(err)
	}
	if names := f.who(got); !slices.Equal(names, []string{"a", "c"}) {
		t.Errorf("got %v, want [a c]: b is filtered out, 7 does not exist", names)
	}
}
