package demo_test

import (
	"errors"
	"io"
	"path/filepath"
	"slices"
	"testing"

	"wayline/internal/ingest"
)

// TestRecipesApplyWithoutRejections imports every export the way `wayline import --recipe` does: open the
// file with its recipe, compile against a sample, apply every row. No row may be rejected, every
// identifier the rows assert must be a truth.csv identifier or a planted junk value, every truth
// identifier must be asserted somewhere, and every row's identifiers must belong to one person.
func TestRecipesApplyWithoutRejections(t *testing.T) {
	w := load(t, 800, 21)
	blocked := w.manifest.Planted.BlockedValues
	asserted := map[string]bool{}
	events := 0
	for fi, f := range w.manifest.Files {
		path := filepath.Join(w.dir, f.Name)
		rd, _, err := ingest.OpenRecipe(path, f.Recipe)
		if err != nil {
			t.Fatalf("%s: open: %v", f.Name, err)
		}
		var recs []ingest.Record
		for {
			rec, err := rd.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: read: %v", f.Name, err)
			}
			recs = append(recs, ingest.Record{Line: rec.Line, Values: slices.Clone(rec.Values)})
		}
		rd.Close()
		if len(recs) != f.Rows {
			t.Errorf("%s: reader saw %d rows, manifest says %d", f.Name, len(recs), f.Rows)
		}
		rd, _, err = ingest.OpenRecipe(path, f.Recipe)
		if err != nil {
			t.Fatal(err)
		}
		plan, err := ingest.Compile(f.Recipe, rd, recs[:min(len(recs), 1000)])
		if err != nil {
			t.Fatalf("%s: compile: %v", f.Name, err)
		}
		for {
			rec, err := rd.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: read: %v", f.Name, err)
			}
			row, err := plan.Apply(rec, fi)
			if err != nil {
				t.Fatalf("%s: rejected: %v", f.Name, err)
			}
			events += len(row.Events)
			owner := ""
			for _, id := range row.Identifiers {
				key := id.Type + "|" + id.Value
				if slices.Contains(blocked, id.Value) {
					continue
				}
				p, ok := w.owner[key]
				if !ok {
					t.Fatalf("%s line %d: identifier %s is not in truth.csv", f.Name, rec.Line, key)
				}
				if owner != "" && p != owner {
					t.Fatalf("%s line %d: identifiers of %s and %s on one row", f.Name, rec.Line, owner, p)
				}
				owner = p
				asserted[key] = true
			}
			if owner == "" {
				t.Fatalf("%s line %d: no identifier of any person", f.Name, rec.Line)
			}
			for _, ev := range row.Events {
				if ev.Touchpoint == "" || ev.Time == 0 {
					t.Fatalf("%s line %d: event %+v lacks a touchpoint or time", f.Name, rec.Line, ev)
				}
			}
		}
		rd.Close()
	}
	for key := range w.owner {
		if !asserted[key] {
			t.Errorf("truth identifier %s is asserted by no row", key)
		}
	}
	want := 0
	for _, p := range w.people {
		want += len(p.events)
	}
	if events != want {
		t.Errorf("recipes produced %d events, the files hold %d", events, want)
	}
}
