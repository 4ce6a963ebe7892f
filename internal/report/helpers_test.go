package report_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"
	"time"

	"wayline/internal/demo"
	"wayline/internal/demo/demotest"
	"wayline/internal/explore"
	"wayline/internal/importer"
	"wayline/internal/ingest"
	"wayline/internal/persona"
	"wayline/internal/report"
	"wayline/internal/store"
)

// reportDay fixes the report's date so outputs are reproducible.
var reportDay = time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC)

// fixture is a workspace in a temporary folder with its snapshot; the export folder holds what the demo
// wrote (truth.csv and the raw files), when it is a demo.
type fixture struct {
	ws        *store.Workspace
	snap      *explore.Snapshot
	exportDir string
}

// openWorkspace creates a workspace in t.TempDir() and closes it when the test ends.
func openWorkspace(t *testing.T) *store.Workspace {
	t.Helper()
	ws := openWorkspaceIn(t, t.TempDir())
	t.Cleanup(func() { ws.Close() })
	return ws
}

func openWorkspaceIn(t *testing.T, dir string) *store.Workspace {
	t.Helper()
	ws, err := store.Open(filepath.Join(dir, "client.wayline"), store.Options{Now: func() time.Time { return reportDay }})
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

// demoFixture copies the demo workspace (built as importer.BuildDemo builds it, with its planted stage
// model) into dir, opens it with the report's clock and discovers personas, so every section of the report
// has content; the export folder is the demo's (truth.csv and the raw files). The workspace stays open: the
// caller closes it.
func demoFixture(t *testing.T, customers int, dir string) *fixture {
	t.Helper()
	d := demotest.Load(t, demo.Options{Customers: customers, Seed: 1})
	ws, err := store.Open(d.CopyTo(t, dir), store.Options{Now: func() time.Time { return reportDay }})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := explore.Load(ws)
	if err != nil {
		t.Fatal(err)
	}
	r, err := persona.Run(snap, persona.Options{Seed: 1, Now: func() time.Time { return reportDay }})
	if err != nil {
		t.Fatal(err)
	}
	if err := persona.StoreSaved(ws, r); err != nil {
		t.Fatal(err)
	}
	return &fixture{ws: ws, snap: snap, exportDir: d.ExportDir}
}

// csvFixture imports one CSV with the given recipe into a new workspace.
func csvFixture(t *testing.T, content string, recipe ingest.Recipe) *fixture {
	t.Helper()
	path := filepath.Join(t.TempDir(), "events.csv")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	ws := openWorkspace(t)
	if _, err := importer.Run(context.Background(), ws, importer.Request{Files: []string{path}, Recipe: &recipe}); err != nil {
		t.Fatal(err)
	}
	snap, err := explore.Load(ws)
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{ws: ws, snap: snap}
}

// write renders the fixture's report.
func (f *fixture) write(t *testing.T, o report.Options) string {
	t.Helper()
	if o.Now.IsZero() {
		o.Now = reportDay
	}
	var b bytes.Buffer
	if err := report.Write(&b, f.snap, f.ws, o); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return b.String()
}

// readCSV reads a CSV file the demo wrote, header first.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	rows, err := csv.NewReader(fh).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// column returns the values of a named column, header excluded.
func column(t *testing.T, rows [][]string, name string) []string {
	t.Helper()
	for c, h := range rows[0] {
		if h == name {
			var out []string
			for _, r := range rows[1:] {
				out = append(out, r[c])
			}
			return out
		}
	}
	t.Fatalf("no column %q in %v", name, rows[0])
	return nil
}
