package maps_test

import (
	"math"
	"os"
	"slices"
	"testing"

	"wayline/internal/demo"
	"wayline/internal/demo/demotest"
	"wayline/internal/friction"
	"wayline/internal/journey"
	"wayline/internal/maps"
)

func TestMain(m *testing.M) { os.Exit(demotest.Run(m)) }

// demo3000 is the 3,000-customer demo these tests read, analysed with the stage model it stores (the one
// its journeys were planted with).
var demo3000 = demo.Options{Customers: 3000, Seed: 1}

func demoMap(t *testing.T) (*demotest.Data, *maps.Map) {
	t.Helper()
	d := demotest.Load(t, demo3000)
	v, err := d.Snap.Journeys.Apply(journey.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	fr, err := friction.Compute(v, nil, nil, friction.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	moments, err := friction.MomentsOfTruth(v, 0)
	if err != nil {
		t.Fatal(err)
	}
	return d, maps.Observed(v, fr, moments)
}

func TestDemoMap(t *testing.T) {
	d, m := demoMap(t)
	var names []string
	for _, s := range m.Stages {
		names = append(names, s.Name)
		t.Logf("%-13s %5d customers (%.2f), skipped %4d, %d sources, friction %.3f, emotion %.2f (%d ratings)", s.Name,
			s.Customers, s.Reached, s.Skipped, s.Sources, s.Friction.Score, s.Emotion.Score, s.Emotion.Ratings)
		for _, a := range s.Actions {
			t.Logf("    action %-45s %5d (%.2f)", a.Label, a.Customers, a.Share)
		}
		for _, p := range s.Pains {
			t.Logf("    pain   %-22s %.3f [%.3f, %.3f] %d customers", p.Touchpoint, p.Score, p.Low, p.High, p.Evidence.Customers)
		}
		for _, o := range s.Opportunities {
			t.Logf("    opportunity %s (removal %.3f)", o.Text, o.RemovalEffect)
		}
	}
	if !slices.Equal(names, d.Planted.Stages) || len(names) != 6 {
		t.Fatalf("got stages %v, want the planted six %v", names, d.Planted.Stages)
	}
	if m.Customers != d.Planted.Customers || m.Converted != d.Planted.Buyers {
		t.Errorf("got %d customers, %d converted; want the planted %d and %d buyers", m.Customers, m.Converted, d.Planted.Customers, d.Planted.Buyers)
	}
	// The planted checkout friction is among the pains of its stage.
	want := d.Planted.FrictionTouchpoint
	stage := m.Stages[slices.Index(names, d.Planted.TouchpointStages[want])]
	if !slices.ContainsFunc(stage.Pains, func(c friction.Cell) bool { return c.Touchpoint == want }) {
		t.Errorf("%s pains %v, want the planted %q among them", stage.Name, stage.Pains, want)
	}
	// Stage skips are planted per person; identity resolution recovers the people, so the counts agree.
	for _, s := range m.Stages {
		if planted := d.Planted.StageSkips[s.Name]; math.Abs(float64(s.Skipped-planted)) > 0.02*float64(d.Planted.Customers) {
			t.Errorf("%s: got %d skipped, planted %d", s.Name, s.Skipped, planted)
		}
	}
	// Only support tickets carry ratings (Retention); every other stage has no emotion evidence.
	for _, s := range m.Stages {
		if rated := s.Emotion.Ratings > 0; rated != (s.Name == "Retention") {
			t.Errorf("%s: got %d ratings, want ratings only in Retention", s.Name, s.Emotion.Ratings)
		}
	}
	if e := m.Stages[4].Emotion; !(e.Low <= e.Score && e.Score <= e.High) || e.Score < -2 || e.Score > 2 {
		t.Errorf("Retention emotion %+v: score outside its interval or the −2…+2 scale", e)
	}
	// Store researchers all buy after a store visit: a Decision opportunity.
	if !slices.ContainsFunc(m.Stages[2].Opportunities, func(o maps.Opportunity) bool { return o.Touchpoint == "Store visit" }) &&
		!slices.ContainsFunc(m.Stages[2].Opportunities, func(o maps.Opportunity) bool { return o.Touchpoint == "Store call" }) {
		t.Errorf("Decision opportunities %+v, want a store step among them", m.Stages[2].Opportunities)
	}
	// Every touchpoint on the map carries its friction cell.
	for _, s := range m.Stages {
		for _, tp := range s.Touchpoints {
			if tp.Friction.Touchpoint != tp.Touchpoint || tp.Friction.Evidence.Customers != tp.Customers {
				t.Errorf("%s: friction cell %q with %d customers, want its own with %d", tp.Touchpoint, tp.Friction.Touchpoint,
					tp.Friction.Evidence.Customers, tp.Customers)
			}
		}
	}
}
