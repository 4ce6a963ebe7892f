package journey_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"wayline/internal/journey"
)

func timelineTouchpoints(j *journey.Journeys, p int) []string {
	var out []string
	for _, s := range j.Timeline(p, 0) {
		out = append(out, s.Touchpoint)
	}
	return out
}

func TestTieBreaking(t *testing.T) {
	// All at the same second: order is source name (crm < web), then row (file line order), then event.
	f := newFixture([]ev{
		{who: "a", t: 100, tp: "w1", src: "web"},
		{who: "a", t: 100, tp: "c1", src: "crm"},
		{who: "a", t: 100, tp: "w2", src: "web"},
		{who: "a", t: 50, tp: "early", src: "web"},
		{who: "a", t: 100, tp: "c2", src: "crm"},
	})
	j := f.build(t, nil)
	want := []string{"early", "c1", "c2", "w1", "w2"}
	if got := timelineTouchpoints(j, 0); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	// The same events loaded in another order give the same journey.
	g := newFixture([]ev{
		{who: "a", t: 100, tp: "c1", src: "crm"},
		{who: "a", t: 100, tp: "c2", src: "crm"},
		{who: "a", t: 50, tp: "early", src: "web"},
		{who: "a", t: 100, tp: "w1", src: "web"},
		{who: "a", t: 100, tp: "w2", src: "web"},
	})
	if got := timelineTouchpoints(g.build(t, nil), 0); !reflect.DeepEqual(got, want) {
		t.Errorf("reordered load: got %v, want %v", got, want)
	}
}

func TestLongUnsortedJourney(t *testing.T) {
	// More than 64 events in reverse order take the real sort.
	var evs []ev
	for i := 200; i > 0; i-- {
		evs = append(evs, ev{who: "a", t: int64(i), tp: "x"})
	}
	j := newFixture(evs).build(t, nil)
	tl := j.Timeline(0, 0)
	for i := 1; i < len(tl); i++ {
		if tl[i].Time < tl[i-1].Time {
			t.Fatalf("step %d at %d before step %d at %d", i, tl[i].Time, i-1, tl[i-1].Time)
		}
	}
}

func TestBuildRejectsBadProfiles(t *testing.T) {
	f := newFixture(path("a", 0, "x", "y"))
	sm := journey.StageModel{Stages: journey.DefaultStages()}
	if _, err := journey.Build(f.m, f.rowProfile[:1], 1, sm); !errors.Is(err, journey.ErrRowProfile) {
		t.Errorf("short table: got %v, want ErrRowProfile", err)
	}
	if _, err := journey.Build(f.m, []int32{0, 5}, 1, sm); !errors.Is(err, journey.ErrRowProfile) {
		t.Errorf("profile out of range: got %v, want ErrRowProfile", err)
	}
	if _, err := journey.Build(f.m, f.rowProfile, 1, journey.StageModel{}); !errors.Is(err, journey.ErrStageModel) {
		t.Errorf("no stages: got %v, want ErrStageModel", err)
	}
	// Rows of no profile are left out; profiles without events are not customers.
	j, err := journey.Build(f.m, []int32{-1, 0}, 3, sm)
	if err != nil {
		t.Fatal(err)
	}
	if j.Events() != 1 || j.Customers() != 1 || j.Profiles() != 3 {
		t.Errorf("got %d events, %d customers, %d profiles; want 1, 1, 3", j.Events(), j.Customers(), j.Profiles())
	}
}

func TestProfileSummary(t *testing.T) {
	f := newFixture([]ev{
		{who: "a", t: 10, tp: "Home page", src: "web"},
		{who: "a", t: 20, tp: "Order completed", src: "shop", value: 30, hasValue: true},
		{who: "a", t: 30, tp: "Order completed", src: "shop", value: 12.5, hasValue: true},
		{who: "a", t: 40, tp: "Review submitted", src: "web"},
		{who: "b", t: 5, tp: "Home page"},
	})
	j := f.build(t, nil)
	got := j.Profile(0)
	want := journey.ProfileSummary{Events: 4, Value: 42.5, FirstSeen: 10e6, LastSeen: 40e6, Converted: true,
		FirstConversion: 20e6, StageReached: 5, Sources: []string{"shop", "web"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if b := j.Profile(1); b.Converted || b.StageReached != 0 || b.Value != 0 {
		t.Errorf("b: got %+v, want not converted, Awareness, no value", b)
	}
}

func TestSessions(t *testing.T) {
	f := newFixture([]ev{
		{who: "a", t: 0, tp: "x"},
		{who: "a", t: 1800, tp: "x"}, // exactly the gap: same session
		{who: "a", t: 3601, tp: "y"}, // 1801 s later: new session
		{who: "a", t: 3700, tp: "z"},
	})
	j := f.build(t, nil)
	s := j.Sessions(0, 0)
	want := []journey.Session{{First: 0, Last: 1, Start: 0, End: 1800e6}, {First: 2, Last: 3, Start: 3601e6, End: 3700e6}}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("got %+v, want %+v", s, want)
	}
	if s := j.Sessions(0, time.Minute); len(s) != 4 {
		t.Errorf("1-minute gap: got %d sessions, want 4", len(s))
	}
	tl := j.Timeline(0, 0)
	if tl[1].Session != 0 || tl[2].Session != 1 || tl[0].Channel != journey.NoneLabel || tl[0].Source != "web" {
		t.Errorf("timeline %+v", tl)
	}
}
