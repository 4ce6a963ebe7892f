package journey_test

import (
	"slices"
	"testing"

	"wayline/internal/journey"
)

// A walk mixes trails that are runs of the journeys (handed out in place) with trails that have gaps
// (copied): every one carries its own events, in order, whatever came before it.
func TestEachTrailRunsAndGaps(t *testing.T) {
	f := newFixture([]ev{
		{who: "a", t: 0, tp: "Home", ch: "web"}, {who: "a", t: 60, tp: "Product page", ch: "web"},
		{who: "a", t: 120, tp: "Purchase", ch: "web"},
		{who: "b", t: 0, tp: "Newsletter", ch: "email"}, {who: "b", t: 60, tp: "Home", ch: "web"},
		{who: "b", t: 120, tp: "Newsletter", ch: "email"}, {who: "b", t: 180, tp: "Product page", ch: "web"},
		{who: "c", t: 0, tp: "Home", ch: "web"}, {who: "c", t: 60, tp: "Newsletter", ch: "email"},
		{who: "d", t: 0, tp: "Product page", ch: "web"},
	})
	j := f.build(t, nil)
	tests := []struct {
		filter journey.Filter
		want   [][]string // touchpoints per kept customer
	}{
		{journey.Filter{}, [][]string{{"Home", "Product page", "Purchase"},
			{"Newsletter", "Home", "Newsletter", "Product page"}, {"Home", "Newsletter"}, {"Product page"}}},
		// b has gaps (copied); a, c and d are runs (c's run is cut short of its email).
		{journey.Filter{Channels: []string{"web"}}, [][]string{{"Home", "Product page", "Purchase"},
			{"Home", "Product page"}, {"Home"}, {"Product page"}}},
		{journey.Filter{Channels: []string{"email"}}, [][]string{{"Newsletter", "Newsletter"}, {"Newsletter"}}},
	}
	for _, tt := range tests {
		v, err := j.Apply(tt.filter)
		if err != nil {
			t.Fatal(err)
		}
		walk := func() [][]string {
			var got [][]string
			v.EachTrail(func(tr *journey.Trail) {
				if n := tr.Len(); len(tr.Touchpoint) != n || len(tr.Stage) != n || len(tr.Channel) != n ||
					len(tr.Source) != n || len(tr.Event) != n {
					t.Fatalf("%v: customer %d: columns of unequal length", tt.filter.Channels, tr.Index)
				}
				var names []string
				for k, tp := range tr.Touchpoint {
					names = append(names, j.TouchpointNames()[tp])
					if ch := j.ChannelNames()[tr.Channel[k]]; len(tt.filter.Channels) > 0 && ch != tt.filter.Channels[0] {
						t.Errorf("%v: customer %d event %d: got channel %q", tt.filter.Channels, tr.Index, k, ch)
					}
					if k > 0 && tr.Time[k] < tr.Time[k-1] {
						t.Errorf("%v: customer %d: events out of order", tt.filter.Channels, tr.Index)
					}
				}
				got = append(got, names)
				// An append must not reach into the next customer's events, however the trail was made.
				tr.Touchpoint = append(tr.Touchpoint, 0)
				tr.Time = append(tr.Time, 0)
			})
			return got
		}
		for pass := range 2 {
			if got := walk(); !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("%v pass %d: got trails %v, want %v", tt.filter.Channels, pass, got, tt.want)
			}
		}
	}
}
