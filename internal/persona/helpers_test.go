package persona_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"wayline/internal/demo"
	"wayline/internal/explore"
	"wayline/internal/importer"
	"wayline/internal/store"
)

// demoData is a demo workspace loaded for analysis, with the planted truth: the persona of every profile
// that truth.csv identifies (by majority over the profile's identifiers) and the planted persona names.
type demoData struct {
	snap    *explore.Snapshot
	persona []string // per profile; "" when truth.csv names none of its identifiers
	planted []demo.PlantedPersona
	path    string
}

var demoCache sync.Map // demo.Options → func() (*demoData, error)

// loadDemo builds the demo workspace for opts once per test process and returns it with its truth.
func loadDemo(t testing.TB, opts demo.Options) *demoData {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and imports a demo workspace")
	}
	f, _ := demoCache.LoadOrStore(opts, sync.OnceValues(func() (*demoData, error) { return buildDemo(opts) }))
	d, err := f.(func() (*demoData, error))()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func buildDemo(opts demo.Options) (*demoData, error) {
	dir, err := os.MkdirTemp("", "wayline-persona-test-")
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "demo.wayline")
	if err := importer.BuildDemo(context.Background(), path, opts, nil); err != nil {
		return nil, err
	}
	exportDir := filepath.Join(dir, "export")
	manifest, err := demo.Export(exportDir, opts)
	if err != nil {
		return nil, err
	}
	ws, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	snap, err := explore.Load(ws)
	ws.Close()
	if err != nil {
		return nil, err
	}
	tf, err := os.Open(filepath.Join(exportDir, manifest.TruthFile))
	if err != nil {
		return nil, err
	}
	defer tf.Close()
	records, err := csv.NewReader(tf).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(records) == 0 || len(records[0]) < 4 || records[0][3] != "persona" {
		return nil, fmt.Errorf("truth.csv header %v", records[0])
	}
	votes := make([]map[string]int, len(snap.Identity.Profiles))
	for _, rec := range records[1:] {
		p, ok := snap.Identity.ProfileOf(rec[0], rec[1])
		if !ok {
			continue
		}
		if votes[p] == nil {
			votes[p] = map[string]int{}
		}
		votes[p][rec[3]]++
	}
	d := &demoData{snap: snap, persona: make([]string, len(votes)), path: path}
	for p, v := range votes {
		best := 0
		for name, n := range v {
			if n > best || (n == best && name < d.persona[p]) {
				best, d.persona[p] = n, name
			}
		}
	}
	raw, err := os.ReadFile(filepath.Join(exportDir, manifest.PlantedFile))
	if err != nil {
		return nil, err
	}
	var planted demo.Planted
	if err := json.Unmarshal(raw, &planted); err != nil {
		return nil, err
	}
	d.planted = planted.Personas
	os.RemoveAll(exportDir)
	return d, nil
}
