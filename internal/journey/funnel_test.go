package journey_test

import (
	"errors"
	"reflect"
	"testing"

	"wayline/internal/journey"
)

func funnelFixture() fixture {
	return newFixture(join(
		path("p1", 0, "A", "B", "C"),
		path("p2", 0, "B", "C"),
		path("p3", 0, "A", "X"),
		path("p4", 0, "A", "B"),
		[]ev{{who: "p5", t: 0, tp: "A"}, {who: "p5", t: 7200, tp: "B"}, {who: "p5", t: 7260, tp: "C"}},
	))
}

var abc = []journey.FunnelStep{{Label: "a", Touchpoints: []string{"A"}}, {Label: "b", Touchpoints: []string{"B"}},
	{Label: "c", Touchpoints: []string{"C"}}}

type stepFigures struct {
	entered, reached, dropped int
	fromPrev                  float64
	median                    float64
	droppedTo                 []journey.Destination
}

func figures(r *journey.FunnelResult) []stepFigures {
	var out []stepFigures
	for _, s := range r.Steps {
		out = append(out, stepFigures{s.Entered, s.Reached, s.Dropped, s.ConversionFromPrev, s.MedianSecondsFromPrev, s.DroppedTo})
	}
	return out
}

func TestFunnelModes(t *testing.T) {
	f := funnelFixture()
	v := f.view(t, nil, journey.Filter{})
	dest := func(d ...any) []journey.Destination {
		out := []journey.Destination{}
		for i := 0; i < len(d); i += 2 {
			out = append(out, journey.Destination{Touchpoint: d[i].(string), Customers: d[i+1].(int)})
		}
		return out
	}
	tests := []struct {
		name                 string
		spec                 journey.FunnelSpec
		customers, completed int
		steps                []stepFigures
	}{
		{"closed", journey.FunnelSpec{Steps: abc}, 4, 2, []stepFigures{
			{4, 4, 1, 1, 0, dest("X", 1)},
			{0, 3, 1, 0.75, 60, dest(journey.LeftLabel, 1)},
			{0, 2, 0, 2.0 / 3, 60, dest()},
		}},
		// p2 enters at B.
		{"open", journey.FunnelSpec{Steps: abc, Mode: journey.FunnelOpen}, 5, 3, []stepFigures{
			{4, 4, 1, 0.8, 0, dest("X", 1)},
			{1, 4, 1, 0.75, 60, dest(journey.LeftLabel, 1)},
			{0, 3, 0, 0.75, 60, dest()},
		}},
		// p5 takes two hours from A to B: outside a one-hour window it drops after A, and went on to B.
		{"closed with window", journey.FunnelSpec{Steps: abc, WindowSeconds: 3600}, 4, 1, []stepFigures{
			{4, 4, 2, 1, 0, dest("B", 1, "X", 1)},
			{0, 2, 1, 0.5, 60, dest(journey.LeftLabel, 1)},
			{0, 1, 0, 0.5, 60, dest()},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := v.Funnel(tt.spec)
			if err != nil {
				t.Fatal(err)
			}
			if r.Customers != tt.customers || r.Completed != tt.completed {
				t.Errorf("got %d customers, %d completed; want %d, %d", r.Customers, r.Completed, tt.customers, tt.completed)
			}
			if got := figures(r); !reflect.DeepEqual(got, tt.steps) {
				t.Errorf("steps:\ngot  %+v\nwant %+v", got, tt.steps)
			}
			for s, st := range r.Steps {
				reached, _ := v.Cohort(journey.Cohort{Kind: journey.CohortFunnelStep, Funnel: tt.spec, Step: s})
				dropped, _ := v.Cohort(journey.Cohort{Kind: journey.CohortFunnelDrop, Funnel: tt.spec, Step: s})
				if len(reached) != st.Reached || len(dropped) != st.Dropped {
					t.Errorf("step %d: cohorts of %d and %d, want %d reached and %d dropped", s, len(reached), len(dropped), st.Reached, st.Dropped)
				}
			}
		})
	}
}

func TestFunnelOptionalStep(t *testing.T) {
	f := newFixture(join(path("skip", 0, "A", "C"), path("all", 0, "A", "B", "C"), path("stop", 0, "A", "B")))
	v := f.view(t, nil, journey.Filter{})
	spec := journey.FunnelSpec{Steps: []journey.FunnelStep{abc[0], {Label: "b", Touchpoints: []string{"B"}, Optional: true}, abc[2]}}
	r, err := v.Funnel(spec)
	if err != nil {
		t.Fatal(err)
	}
	got := []int{r.Steps[0].Reached, r.Steps[1].Reached, r.Steps[2].Reached, r.Completed, r.Steps[1].Dropped}
	if want := []int{3, 2, 2, 2, 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("reached a, b, c, completed, dropped at b: got %v, want %v", got, want)
	}
	// From the previous required step (a): 2 of 3 reached c.
	if r.Steps[2].ConversionFromPrev != 2.0/3 || !r.Steps[1].Optional {
		t.Errorf("c from previous: got %v, want 2/3", r.Steps[2].ConversionFromPrev)
	}
}

func TestFunnelErrors(t *testing.T) {
	v := funnelFixture().view(t, nil, journey.Filter{})
	tests := []journey.FunnelSpec{
		{},
		{Steps: abc, Mode: "sideways"},
		{Steps: abc, WindowSeconds: -1},
		{Steps: []journey.FunnelStep{{Label: "x", Touchpoints: []string{"A"}, Optional: true}}},
		{Steps: []journey.FunnelStep{{Label: "empty"}}},
	}
	for i, spec := range tests {
		if _, err := v.Funnel(spec); !errors.Is(err, journey.ErrFunnel) {
			t.Errorf("spec %d: got %v, want ErrFunnel", i, err)
		}
	}
	if _, err := v.Cohort(journey.Cohort{Kind: journey.CohortFunnelStep, Funnel: journey.FunnelSpec{Steps: abc}, Step: 3}); !errors.Is(err, journey.ErrCohort) {
		t.Errorf("step 3 of 3: got %v, want ErrCohort", err)
	}
}
