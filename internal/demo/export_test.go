package demo_test

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"

	"wayline/internal/demo"
	"wayline/internal/ingest"
)

func TestExportIsDeterministic(t *testing.T) {
	a, _ := export(t, 400, 7)
	b, _ := export(t, 400, 7)
	c, _ := export(t, 400, 8)
	entries, err := os.ReadDir(a)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 14 {
		t.Errorf("export wrote %d files, want 14 (6 exports, 6 recipes, truth, planted)", len(entries))
	}
	differs := false
	for _, e := range entries {
		x, _ := os.ReadFile(filepath.Join(a, e.Name()))
		y, err := os.ReadFile(filepath.Join(b, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two exports with the same seed", e.Name())
		}
		z, _ := os.ReadFile(filepath.Join(c, e.Name()))
		if !bytes.Equal(x, z) {
			differs = true
		}
	}
	if !differs {
		t.Error("exports with seeds 7 and 8 are identical")
	}
}

func TestExportRowCountsMatchManifest(t *testing.T) {
	w := load(t, 1000, 1)
	if len(w.manifest.Files) != 6 {
		t.Fatalf("got %d files, want 6", len(w.manifest.Files))
	}
	for _, f := range w.manifest.Files {
		if got := w.rows[f.Name]; got != f.Rows {
			t.Errorf("%s: read %d rows, manifest says %d", f.Name, got, f.Rows)
		}
		if f.Rows == 0 {
			t.Errorf("%s is empty", f.Name)
		}
	}
}

func TestRecipesBesideFilesParse(t *testing.T) {
	dir, m := export(t, 50, 1)
	for _, f := range m.Files {
		data, err := os.ReadFile(filepath.Join(dir, f.Name+".recipe.json"))
		if err != nil {
			t.Fatal(err)
		}
		r, err := ingest.ParseRecipe(data)
		if err != nil {
			t.Fatalf("%s.recipe.json: %v", f.Name, err)
		}
		if r.Fingerprint() != f.Recipe.Fingerprint() {
			t.Errorf("%s.recipe.json does not round-trip to the manifest's recipe", f.Name)
		}
	}
}

func TestPlantedJSONHasContractKeys(t *testing.T) {
	dir, m := export(t, 100, 1)
	data, err := os.ReadFile(filepath.Join(dir, m.PlantedFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"personas"`, `"name"`, `"size"`, `"frictionTouchpoint"`, `"touchesAfterPurchase"`} {
		if !bytes.Contains(data, []byte(key)) {
			t.Errorf("planted.json lacks key %s", key)
		}
	}
	if m.Planted.FrictionTouchpoint != "Checkout: payment" {
		t.Errorf("frictionTouchpoint: got %q, want %q", m.Planted.FrictionTouchpoint, "Checkout: payment")
	}
}

func TestPersonaSizesAndShares(t *testing.T) {
	for _, n := range []int{1, 100, 5000} {
		_, m := export(t, n, 3)
		total := 0
		for _, p := range m.Planted.Personas {
			total += p.Size
			if n >= 100 && p.Share < 0.08 {
				t.Errorf("n=%d: persona %q has share %.3f, want at least 0.08", n, p.Name, p.Share)
			}
		}
		if total != n {
			t.Errorf("n=%d: persona sizes sum to %d", n, total)
		}
	}
	_, m := export(t, 5000, 3)
	want := map[string]float64{
		"Mobile store researchers": 0.20, "Discount-driven email converters": 0.26,
		"Support-heavy at-risk customers": 0.13, "Loyal direct repeat buyers": 0.18,
		"Long-consideration comparison shoppers": 0.23,
	}
	sizes := map[int]bool{}
	for _, p := range m.Planted.Personas {
		if math.Abs(p.Share-want[p.Name]) > 0.005 {
			t.Errorf("persona %q: share %.3f, want %.2f ± 0.005", p.Name, p.Share, want[p.Name])
		}
		sizes[p.Size] = true
	}
	if len(sizes) != len(m.Planted.Personas) {
		t.Errorf("persona sizes are not all different: %v", sizes)
	}
}

func TestExportEdgeCases(t *testing.T) {
	for _, n := range []int{1, 2, 100} {
		w := load(t, n, 11)
		if len(w.people) != n {
			t.Errorf("n=%d: truth.csv has %d people", n, len(w.people))
		}
		for _, f := range w.manifest.Files {
			if got := w.rows[f.Name]; got != f.Rows {
				t.Errorf("n=%d %s: read %d rows, manifest says %d", n, f.Name, got, f.Rows)
			}
		}
	}
}

func TestExportOptions(t *testing.T) {
	tests := []struct {
		name string
		opts demo.Options
		want error
	}{
		{"too many", demo.Options{Customers: demo.MaxCustomers + 1}, demo.ErrTooManyCustomers},
		{"negative customers", demo.Options{Customers: -1}, demo.ErrBadOptions},
		{"negative months", demo.Options{Customers: 5, Months: -2}, demo.ErrBadOptions},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := demo.Export(t.TempDir(), tt.opts)
			if !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestExportDefaultsAndShortWindow(t *testing.T) {
	w := load(t, 300, 2) // default 6-month window
	start := demo.DefaultStart
	end := start.AddDate(0, 6, 0)
	for _, p := range w.people {
		for _, e := range p.events {
			if e.tp == "Account created" {
				continue // accounts may predate the window
			}
			if e.t.Before(start) || !e.t.Before(end) {
				t.Fatalf("%s: %s at %v is outside the window %v..%v", p.id, e.tp, e.t, start, end)
			}
		}
	}
	dir := t.TempDir()
	m, err := demo.Export(dir, demo.Options{Customers: 200, Months: 1, Start: start})
	if err != nil {
		t.Fatal(err)
	}
	if m.Planted.Buyers == 0 {
		t.Error("a one-month demo has no buyers")
	}
}
