package maps_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"wayline/internal/demo"
	"wayline/internal/explore"
	"wayline/internal/friction"
	"wayline/internal/importer"
	"wayline/internal/journey"
	"wayline/internal/maps"
	"wayline/internal/store"
)

type demoData struct {
	snap    *explore.Snapshot
	planted demo.Planted
}

// demoOnce is a 3,000-customer demo workspace analysed with the stage model its journeys were planted with.
var demoOnce = sync.OnceValues(func() (*demoData, error) {
	opts := demo.Options{Customers: 3000, Seed: 1}
	dir, err := os.MkdirTemp("", "wayline-maps-test-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "demo.wayline")
	if err := importer.BuildDemo(context.Background(), path, opts, nil); err != nil {
		return nil, err
	}
	manifest, err := demo.Export(filepath.Join(dir, "export"), opts)
	if err != nil {
		return nil, err
	}
	ws, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer ws.Close()
	snap, err := explore.Load(ws)
	if err != nil {
		return nil, err
	}
	sm := journey.StageModel{Stages: manifest.Planted.Stages, Goal: manifest.Planted.GoalTouchpoints}
	for tp, st := range manifest.Planted.TouchpointStages {
		sm.Mapping = append(sm.Mapping, journey.StageAssignment{Touchpoint: tp, Stage: st})
	}
	if snap, err = snap.Rebuild(snap.Rules, sm); err != nil {
		return nil, err
	}
	return &demoData{snap: snap, planted: manifest.Planted}, nil
})

func demoMap(t *testing.T) (*demoData, *maps.Map) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and imports a demo workspace")
	}
	d, err := demoOnce()
	if err != nil {
		t.Fatal(err)
	}
	v, err := d.snap.Journeys.Apply(journey.Filter{})
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
	if !slices.Equal(names, d.planted.Stages) || len(names) != 6 {
		t.Fatalf("got stages %v, want the planted six %v", names, d.planted.Stages)
	}
	if m.Customers != d.planted.Customers || m.Converted != d.planted.Buyers {
		t.Errorf("got %d customers, %d converted; want the planted %d and %d buyers", m.Customers, m.Converted, d.planted.Customers, d.planted.Buyers)
	}
	// The planted checkout friction is among the pains of its stage.
	want := d.planted.FrictionTouchpoint
	stage := m.Stages[slices.Index(names, d.planted.TouchpointStages[want])]
	if !slices.ContainsFunc(stage.Pains, func(c friction.Cell) bool { return c.Touchpoint == want }) {
		t.Errorf("%s pains %v, want the planted %q among them", stage.Name, stage.Pains, want)
	}
	// Stage skips are planted per person; identity resolution recovers the people, so the counts agree.
	for _, s := range m.Stages {
		if planted := d.planted.StageSkips[s.Name]; math.Abs(float64(s.Skipped-planted)) > 0.02*float64(d.planted.Customers) {
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
