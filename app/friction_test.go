package app_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wayline/app"
	"wayline/internal/demo"
)

func planted(t *testing.T, exportDir string) demo.Planted {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(exportDir, "planted.json"))
	if err != nil {
		t.Fatal(err)
	}
	var p demo.Planted
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestFrictionOverviewFindsThePlantedPoint(t *testing.T) {
	a, dir := openDemo(t)
	truth := planted(t, dir)
	ov, err := a.Friction.Overview(app.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ov.Touchpoints) == 0 || ov.Touchpoints[0].Touchpoint != truth.FrictionTouchpoint {
		t.Fatalf("worst touchpoint %+v, want the planted %q first", ov.Touchpoints[:min(2, len(ov.Touchpoints))], truth.FrictionTouchpoint)
	}
	if len(ov.Stages) != 6 || ov.Customers != 400 || len(ov.Moments) == 0 {
		t.Errorf("got %d stages, %d customers, %d moments; want 6, 400 and some", len(ov.Stages), ov.Customers, len(ov.Moments))
	}
	if ov.Wasted.Touches == 0 {
		t.Errorf("got no wasted touches, want the planted retargeting after purchase")
	}
	// Not-enough cells travel as null scores, never as zero friction.
	b, _ := json.Marshal(ov.Touchpoints)
	var raw []map[string]any
	json.Unmarshal(b, &raw)
	for _, c := range raw {
		if c["enough"] == false && c["score"] != nil {
			t.Fatalf("cell %v has too little evidence but a score %v", c["touchpoint"], c["score"])
		}
	}
}

func TestFrictionHeatmapHasAColumnPerPersona(t *testing.T) {
	a, _ := openDemo(t)
	h, err := a.Friction.Heatmap(app.Filter{}, "stage")
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Columns) != 1 || len(h.Rows) != 6 || len(h.Cells[0]) != 1 {
		t.Fatalf("before personas: %d columns, %d rows; want 1 and 6", len(h.Columns), len(h.Rows))
	}
	res, err := a.Personas.Run(app.PersonaRunOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	h, err = a.Friction.Heatmap(app.Filter{}, "touchpoint")
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Columns) != 1+len(res.Personas) {
		t.Fatalf("got %d columns, want all customers + %d personas", len(h.Columns), len(res.Personas))
	}
	sum := 0
	for i, col := range h.Columns[1:] {
		if col.ID != res.Personas[i].ID || col.Name != res.Personas[i].Name || col.Customers != res.Personas[i].Size {
			t.Errorf("column %d is %+v, want persona %s (%d customers)", i+1, col, res.Personas[i].ID, res.Personas[i].Size)
		}
		sum += col.Customers
	}
	if sum != h.Columns[0].Customers {
		t.Errorf("persona columns hold %d customers, all customers %d", sum, h.Columns[0].Customers)
	}
	for r, row := range h.Cells {
		if len(row) != len(h.Columns) || row[0].Touchpoint != h.Rows[r].Name {
			t.Fatalf("row %d: %d cells for %d columns, first cell %q for row %q", r, len(row), len(h.Columns), row[0].Touchpoint, h.Rows[r].Name)
		}
		for c, cell := range row[1:] {
			if cell.Persona != h.Columns[c+1].ID {
				t.Fatalf("cell %d,%d belongs to %q, want %q", r, c+1, cell.Persona, h.Columns[c+1].ID)
			}
		}
	}
	if _, err := a.Friction.Heatmap(app.Filter{}, "channel"); err == nil || !strings.Contains(err.Error(), "stage or touchpoint") {
		t.Errorf("rows channel: got %v, want an error naming the choices", err)
	}
}

func TestFrictionSettingsPersistAndValidate(t *testing.T) {
	a, _ := openDemo(t)
	s, err := a.Friction.Settings()
	if err != nil || s.MinCustomers <= 0 || s.Weights.Exit <= 0 {
		t.Fatalf("defaults %+v, %v", s, err)
	}
	s.MinCustomers = 5
	s.Weights.Support = 0
	if _, err := a.Friction.SetSettings(s); err != nil {
		t.Fatal(err)
	}
	cur, _ := a.Workspace.Current()
	a.Close()
	if _, err := a.Workspace.Open(cur.Path); err != nil {
		t.Fatal(err)
	}
	if got, _ := a.Friction.Settings(); got.MinCustomers != 5 || got.Weights.Support != 0 {
		t.Fatalf("after reopening: %+v, want min 5 and support weight 0", got)
	}
	bad := s
	bad.Weights.Exit = -1
	if _, err := a.Friction.SetSettings(bad); err == nil {
		t.Fatal("a negative weight was accepted")
	}
	if got, _ := a.Friction.Settings(); got.Weights.Exit != s.Weights.Exit {
		t.Errorf("a refused change altered the stored weights: %+v", got)
	}
	if got, err := a.Friction.ResetSettings(); err != nil || got.MinCustomers != 30 || got.Weights.Support != 2 {
		t.Errorf("reset: %+v, %v; want the documented defaults", got, err)
	}
}

func TestObservedMapAgreesWithFriction(t *testing.T) {
	a, _ := openDemo(t)
	m, err := a.Maps.Observed(app.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	stages, _ := a.Identity.Stages()
	if len(m.Stages) != len(stages.Stages) || m.Customers != 400 {
		t.Fatalf("got %d stages and %d customers, want %d and 400", len(m.Stages), m.Customers, len(stages.Stages))
	}
	ov, _ := a.Friction.Overview(app.Filter{})
	for i, s := range m.Stages {
		if s.Name != stages.Stages[i] || s.Friction.Stage != s.Name || s.Friction.Customers != ov.Stages[i].Customers {
			t.Errorf("stage %d: %s with friction cell %+v, want %s as in the stage model and the overview", i, s.Name, s.Friction, stages.Stages[i])
		}
		for _, tp := range s.Touchpoints {
			if tp.Customers > s.Customers || tp.Customers <= 0 {
				t.Errorf("%s/%s: %d customers in a stage of %d", s.Name, tp.Touchpoint, tp.Customers, s.Customers)
			}
		}
	}
	// A filter applies to the map: one source keeps fewer customers.
	opts, _ := a.Explore.FilterOptions()
	sub, err := a.Maps.Observed(app.Filter{Sources: opts.Sources[:1]})
	if err != nil || sub.Customers >= m.Customers || sub.Customers == 0 {
		t.Errorf("filtered to %s: %d customers (%v), want fewer than %d", opts.Sources[0], sub.Customers, err, m.Customers)
	}
}
