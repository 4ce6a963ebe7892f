package app_test

import (
	"encoding/json"
	"math"
	"testing"

	"wayline/app"
)

func TestPersonasRunFilterRenameSurviveReopen(t *testing.T) {
	a, _ := openDemo(t)
	if cur, err := a.Personas.Current(); err != nil || len(cur.Personas) != 0 {
		t.Fatalf("before any run: %+v, %v; want no personas", cur, err)
	}
	if _, err := a.Personas.Map(); err == nil {
		t.Fatal("Map before any run succeeded")
	}
	res, err := a.Personas.Run(app.PersonaRunOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.K < 2 || len(res.Personas) != res.K || len(res.KScores) == 0 {
		t.Fatalf("run: k=%d, %d personas, %d k scores", res.K, len(res.Personas), len(res.KScores))
	}
	total := 0
	for _, p := range res.Personas {
		total += p.Size
		if p.Name == "" || p.ID == "" {
			t.Fatalf("persona without a name or id: %+v", p)
		}
	}
	if total != 400 {
		t.Fatalf("personas hold %d customers, want the 400 of the demo", total)
	}

	// The persona filter keeps exactly that persona's customers in every analysis.
	first := res.Personas[0]
	sum, err := a.Explore.Summary(app.Filter{Personas: []string{first.ID}})
	if err != nil || sum.Customers != first.Size {
		t.Fatalf("filtered by %s: %+v, %v; want %d customers", first.ID, sum, err, first.Size)
	}
	opts, _ := a.Explore.FilterOptions()
	if len(opts.PersonaNames) != res.K || opts.PersonaNames[0].ID != first.ID {
		t.Fatalf("filter options list %+v, want the %d personas", opts.PersonaNames, res.K)
	}

	if _, err := a.Personas.Rename(first.ID, "Our night owls"); err != nil {
		t.Fatal(err)
	}
	cmp, err := a.Personas.Compare([]string{res.Personas[0].ID, res.Personas[1].ID})
	if err != nil || len(cmp.Personas) != 2 || len(cmp.Features) == 0 || len(cmp.Features[0].Values) != 2 {
		t.Fatalf("compare: %+v, %v", cmp, err)
	}
	m, err := a.Personas.Map()
	if err != nil || len(m.Points) != 400 {
		t.Fatalf("map: %v points, %v; want 400", len(m.Points), err)
	}

	// A new run after reopening keeps the name the user gave.
	cur, _ := a.Workspace.Current()
	a.Close()
	if _, err := a.Workspace.Open(cur.Path); err != nil {
		t.Fatal(err)
	}
	again, err := a.Personas.Run(app.PersonaRunOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range again.Personas {
		if p.ID == first.ID {
			found = p.Name == "Our night owls" && p.Status == "stable"
		}
	}
	if !found {
		t.Fatalf("after a re-run the renamed persona %s is %+v", first.ID, again.Personas)
	}
}

func TestNumTravelsAsNullWhenUndefined(t *testing.T) {
	for _, tt := range []struct {
		in   float64
		want string
	}{{0.5, "0.5"}, {math.NaN(), "null"}, {math.Inf(1), "null"}, {math.Inf(-1), "null"}, {-2, "-2"}} {
		got, err := json.Marshal(app.KScore{K: 2, Silhouette: app.Num(tt.in)})
		if err != nil {
			t.Fatal(err)
		}
		if want := `{"k":2,"silhouette":` + tt.want + `,"bic":0}`; string(got) != want {
			t.Errorf("got %s, want %s", got, want)
		}
	}
}
