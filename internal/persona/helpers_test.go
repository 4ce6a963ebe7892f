package persona_test

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"wayline/internal/demo"
	"wayline/internal/demo/demotest"
	"wayline/internal/explore"
)

func TestMain(m *testing.M) { os.Exit(demotest.Run(m)) }

// demoData is a demo workspace loaded for analysis, with the planted truth: the persona of every profile
// that truth.csv identifies (by majority over the profile's identifiers) and the planted persona names.
type demoData struct {
	snap    *explore.Snapshot
	persona []string // per profile; "" when truth.csv names none of its identifiers
	planted []demo.PlantedPersona
}

var demoCache sync.Map // demo.Options → func() (*demoData, error)

// loadDemo returns the demo workspace for opts, built once per test process, with its truth.
func loadDemo(t testing.TB, opts demo.Options) *demoData {
	t.Helper()
	built := demotest.Load(t, opts)
	f, _ := demoCache.LoadOrStore(opts, sync.OnceValues(func() (*demoData, error) { return withTruth(built) }))
	d, err := f.(func() (*demoData, error))()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// withTruth reads truth.csv and gives every profile of the demo the persona most of its identifiers belong to.
func withTruth(built *demotest.Data) (*demoData, error) {
	snap := built.Snap
	tf, err := os.Open(filepath.Join(built.ExportDir, built.Manifest.TruthFile))
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
	d := &demoData{snap: snap, persona: make([]string, len(votes)), planted: built.Planted.Personas}
	for p, v := range votes {
		best := 0
		for name, n := range v {
			if n > best || (n == best && name < d.persona[p]) {
				best, d.persona[p] = n, name
			}
		}
	}
	return d, nil
}
