package journey_test

import (
	"fmt"
	"slices"
	"testing"

	"wayline/internal/journey"
)

// trailKey is a trail copied out of EachTrail's reused buffers.
func trailKey(tr *journey.Trail) string {
	return fmt.Sprint(tr.Index, tr.Profile, tr.Converted, tr.Time, tr.Touchpoint, tr.Stage, tr.Channel, tr.Source, tr.Event)
}

// Walking the ranges Split gives, one after the other, hands out exactly EachTrail's trails in its order, and
// the ranges have about as many events each.
func TestSplitRangesCoverTheView(t *testing.T) {
	var evs []ev
	for c := range 40 {
		who := fmt.Sprintf("c%02d", c)
		for k := range 1 + c%7 {
			tp := []string{"Home", "Product page", "Newsletter", "Purchase"}[(c+k)%4]
			evs = append(evs, ev{who: who, t: int64(k * 60), tp: tp, ch: []string{"web", "email"}[k%2]})
		}
	}
	f := newFixture(evs)
	for _, filter := range []journey.Filter{{}, {Channels: []string{"web"}}} {
		v := f.view(t, nil, filter)
		var want []string
		v.EachTrail(func(tr *journey.Trail) { want = append(want, trailKey(tr)) })
		for _, n := range []int{-1, 0, 1, 2, 3, 7, 40, 100} {
			bounds := v.Split(n)
			if bounds[0] != 0 || bounds[len(bounds)-1] != v.Len() || len(bounds)-1 > max(n, 1) {
				t.Fatalf("Split(%d) on %d customers: got bounds %v, want 0 … %d in at most %d ranges", n, v.Len(), bounds, v.Len(), max(n, 1))
			}
			var got []string
			events := 0
			for k := 0; k+1 < len(bounds); k++ {
				if bounds[k] >= bounds[k+1] {
					t.Fatalf("Split(%d): got an empty or reversed range in %v", n, bounds)
				}
				part := 0
				v.EachTrailIn(bounds[k], bounds[k+1], func(tr *journey.Trail) {
					got = append(got, trailKey(tr))
					part += tr.Len()
				})
				// A range overshoots its even share by less than one customer's trail (at most 7 events); with
				// few ranges no share is smaller than a trail, so none are merged.
				if share := v.PassingEvents() / max(n, 1); n <= 7 && part > share+7 {
					t.Errorf("Split(%d): range %d has %d events, want at most %d + 7", n, k, part, share)
				}
				events += part
			}
			if !slices.Equal(got, want) {
				t.Errorf("Split(%d) bounds %v: the ranges' trails differ from EachTrail's", n, bounds)
			}
			if events != v.PassingEvents() {
				t.Errorf("Split(%d): got %d events over the ranges, want PassingEvents %d", n, events, v.PassingEvents())
			}
		}
	}
}

// An empty view splits into no range.
func TestSplitEmptyView(t *testing.T) {
	f := newFixture([]ev{{who: "a", t: 0, tp: "Home", ch: "web"}})
	v := f.view(t, nil, journey.Filter{Channels: []string{"email"}})
	if got := v.Split(4); !slices.Equal(got, []int{0}) {
		t.Errorf("got bounds %v, want [0]", got)
	}
	v.EachTrailIn(0, 0, func(*journey.Trail) { t.Error("got a trail in an empty range") })
}

// TouchpointChannels lists what Touchpoints lists, per touchpoint.
func TestTouchpointChannelsMatchTouchpoints(t *testing.T) {
	f := newFixture([]ev{{who: "a", t: 0, tp: "Home", ch: "web"}, {who: "a", t: 60, tp: "Home", ch: "email"},
		{who: "b", t: 0, tp: "Purchase", ch: "store"}})
	j := f.build(t, nil)
	infos := j.Touchpoints()
	for tp, name := range j.TouchpointNames() {
		if infos[tp].Touchpoint != name {
			t.Fatalf("touchpoint %d: Touchpoints names %q, TouchpointNames %q", tp, infos[tp].Touchpoint, name)
		}
		if got, want := j.TouchpointChannels(uint32(tp)), infos[tp].Channels; !slices.Equal(got, want) {
			t.Errorf("%s: got channels %v, want %v", name, got, want)
		}
	}
}
