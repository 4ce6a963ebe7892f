package demotest_test

import (
	"os"
	"testing"

	"wayline/internal/demo"
	"wayline/internal/demo/demotest"
	"wayline/internal/explore"
	"wayline/internal/store"
)

func TestMain(m *testing.M) { os.Exit(demotest.Run(m)) }

func TestLoadOncePerOptions(t *testing.T) {
	opts := demo.Options{Customers: 150, Seed: 4}
	d := demotest.Load(t, opts)
	if again := demotest.Load(t, opts); again != d {
		t.Errorf("a second Load with the same options built again, want the same Data")
	}
	if other := demotest.Load(t, demo.Options{Customers: 150, Seed: 5}); other == d {
		t.Errorf("Load with another seed returned the first demo, want its own")
	}
	if d.Planted.Customers != 150 || d.Planted.Seed != 4 || d.Manifest.Planted.Customers != d.Planted.Customers {
		t.Errorf("planted %d customers, seed %d; want 150 and 4 in Planted and Manifest", d.Planted.Customers, d.Planted.Seed)
	}
	for _, name := range []string{d.Manifest.TruthFile, d.Manifest.PlantedFile, d.Manifest.Files[0].Name} {
		if _, err := os.Stat(d.ExportDir + "/" + name); err != nil {
			t.Errorf("export folder: %v", err)
		}
	}
	if d.Snap.Journeys.Customers() == 0 || d.Snap.Stages.GoalGuessed {
		t.Errorf("snapshot with %d customers, goal guessed %v; want journeys under the planted goal",
			d.Snap.Journeys.Customers(), d.Snap.Stages.GoalGuessed)
	}
}

// TestCopy checks that a copy opens writable, holds the same workspace, and that changing it leaves the
// next copy untouched.
func TestCopy(t *testing.T) {
	d := demotest.Load(t, demo.Options{Customers: 150, Seed: 4})
	path := d.Copy(t)
	ws, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := explore.Load(ws)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := snap.Journeys.Events(), d.Snap.Journeys.Events(); got != want {
		t.Errorf("the copy has %d events, want the demo's %d", got, want)
	}
	if err := ws.SetSetting("demotest.mark", []byte(`true`)); err != nil {
		t.Fatal(err)
	}
	ws.Close()
	fresh, err := store.Open(d.Copy(t), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	if raw, err := fresh.Setting("demotest.mark"); err != nil || raw != nil {
		t.Errorf("a fresh copy has the setting %q (%v) another copy wrote, want none", raw, err)
	}
}

func TestBench(t *testing.T) {
	v := demotest.Bench(t, 2000)
	if again := demotest.Bench(t, 2000); again != v {
		t.Errorf("a second Bench with the same size built again, want the same view")
	}
	if v.Len() != 2000 {
		t.Errorf("got %d customers, want 2000", v.Len())
	}
	if e := v.Journeys().Events(); e < 2000*8 || e > 2000*12 {
		t.Errorf("got %d events, want about ten a customer", e)
	}
}
