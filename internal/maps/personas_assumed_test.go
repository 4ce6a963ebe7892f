package maps_test

import (
	"math"
	"testing"

	"wayline/internal/maps"
	"wayline/internal/persona"
)

// handPersonas: A is set apart by support (d 2, listed), B by email (clustered on, centroid 1.5) and
// orders twice the average (not clustered on, not listed).
func handPersonas() *persona.Result {
	return &persona.Result{Used: []string{"support", "channel.email"}, Personas: []persona.Persona{
		{ID: "persona-1", Name: "Callers", Size: 50, Centroid: []float64{2, -0.5},
			Distinguishing: []persona.Distinction{{Feature: "support", EffectSize: 2}},
			Means:          map[string]float64{"support": 5, "channel.email": 0.1, "orders": 0.5}},
		{ID: "persona-2", Name: "Readers", Size: 50, Centroid: []float64{-0.4, 1.5},
			Means: map[string]float64{"support": 0.5, "channel.email": 0.7, "orders": 1.5}},
	}}
}

func TestMatchPersonasKnownAnswers(t *testing.T) {
	r := handPersonas()
	assumed := []maps.AssumedPersona{
		{Name: "Email fans", Expect: []maps.Expectation{{Feature: "channel.email", Level: "high"}, {Feature: "orders", Level: "high"}}},
		{Name: "Complainers", Expect: []maps.Expectation{{Feature: "SUPPORT", Level: "high"}, {Feature: "unknown.feature", Level: "low"}}},
	}
	matches, unassumed := maps.MatchPersonas(assumed, r)
	// Email fans vs Readers: email centroid 1.5, orders (1.5 − 1) / 1 = 0.5 → (tanh(1.875) + tanh(0.625)) / 2.
	wantFans := (math.Tanh(1.5/maps.LargeEffect) + math.Tanh(0.5/maps.LargeEffect)) / 2
	// Complainers vs Callers: support d 2; the unknown feature is no evidence → (tanh(2.5) + 0) / 2.
	wantCallers := math.Tanh(2/maps.LargeEffect) / 2
	if len(matches) != 2 || matches[0].Discovered != "persona-2" || matches[1].Discovered != "persona-1" {
		t.Fatalf("got %+v, want Email fans → persona-2 and Complainers → persona-1", matches)
	}
	if math.Abs(matches[0].Similarity-wantFans) > 1e-12 || math.Abs(matches[1].Similarity-wantCallers) > 1e-12 {
		t.Errorf("got similarities %v and %v, want %v and %v", matches[0].Similarity, matches[1].Similarity, wantFans, wantCallers)
	}
	if !matches[0].Matched || !matches[1].Matched || len(unassumed) != 0 {
		t.Errorf("got matched %v %v, unassumed %v; want both matched and none unassumed", matches[0].Matched, matches[1].Matched, unassumed)
	}
	if e := matches[1].Evidence[1]; e.Known || e.Score != 0 {
		t.Errorf("unknown feature: got %+v, want unknown with score 0", e)
	}

	// A persona whose expectation contradicts every discovered persona matches none; both are unassumed.
	matches, unassumed = maps.MatchPersonas([]maps.AssumedPersona{{Name: "Quiet", Expect: []maps.Expectation{
		{Feature: "support", Level: "high"}, {Feature: "channel.email", Level: "high"}}}}, r)
	if matches[0].Matched || len(unassumed) != 2 {
		t.Errorf("got %+v and unassumed %v, want no match and both unassumed", matches, unassumed)
	}

	// By name, without expectations.
	matches, _ = maps.MatchPersonas([]maps.AssumedPersona{{Name: "Newsletter readers"}}, r)
	if matches[0].Discovered != "persona-2" || math.Abs(matches[0].Similarity-0.5) > 1e-12 || !matches[0].Matched {
		t.Errorf("by name: got %+v, want Readers with Jaccard 1/2", matches[0])
	}

	// More assumed than discovered: the pairing maximises the total, so Helpdesk regulars (a closer fit)
	// takes Callers, and Complainers, left over, reports its closest persona, unmatched.
	matches, _ = maps.MatchPersonas([]maps.AssumedPersona{assumed[1], assumed[0], {Name: "Helpdesk regulars",
		Expect: []maps.Expectation{{Feature: "support", Level: "high"}}}}, r)
	if matches[0].Matched || matches[0].Discovered != "persona-1" || !matches[2].Matched || matches[2].Discovered != "persona-1" {
		t.Errorf("left over: got %+v and %+v, want Complainers unmatched and Helpdesk regulars matched, both persona-1", matches[0], matches[2])
	}

	if m, u := maps.MatchPersonas(assumed, nil); len(m) != 2 || m[0].Matched || m[0].Discovered != "" || len(u) != 0 {
		t.Errorf("no discovered personas: got %+v, %v", m, u)
	}
}
