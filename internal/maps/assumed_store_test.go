package maps_test

import (
	"errors"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"wayline/internal/maps"
	"wayline/internal/store"
)

func TestAssumedStoreRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "maps.wayline")
	ws, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := maps.ListAssumed(ws); err != nil || len(got) != 0 {
		t.Fatalf("fresh workspace: got %v, %v; want no maps", got, err)
	}
	future := conformMap
	future.ID, future.Name, future.Kind = "future-state", "Future state", maps.KindFuture
	future.Updated = time.Date(2026, 7, 2, 9, 30, 0, 0, time.FixedZone("CEST", 2*3600))
	current := conformMap
	current.Kind = maps.KindCurrent
	current.Personas = []maps.AssumedPersona{{Name: "Bargain hunter", Expect: []maps.Expectation{{Feature: "orders", Level: maps.LevelHigh}}}}
	for _, a := range []maps.Assumed{future, current} {
		if err := maps.SaveAssumed(ws, a); err != nil {
			t.Fatal(err)
		}
	}
	renamed := current
	renamed.Name = "Current state (v2)"
	if err := maps.SaveAssumed(ws, renamed); err != nil {
		t.Fatal(err)
	}
	if err := maps.SaveAssumed(ws, maps.Assumed{ID: "bad id!", Name: "x"}); !errors.Is(err, maps.ErrInvalidAssumed) {
		t.Errorf("saving an invalid map: got %v, want ErrInvalidAssumed", err)
	}
	ws.Close()

	// Reopen: the maps live in the workspace file.
	ws, err = store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	got, err := maps.ListAssumed(ws)
	if err != nil {
		t.Fatal(err)
	}
	future.Updated = future.Updated.UTC()
	want := []maps.Assumed{renamed, future} // sorted by id
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("after reopening:\ngot  %+v\nwant %+v", got, want)
	}
	one, err := maps.LoadAssumed(ws, "future-state")
	if err != nil || !reflect.DeepEqual(one, future) {
		t.Errorf("LoadAssumed: got %+v, %v; want %+v", one, err, future)
	}
	if _, err := maps.LoadAssumed(ws, "nope"); !errors.Is(err, maps.ErrAssumedNotFound) {
		t.Errorf("LoadAssumed of an unknown id: got %v, want ErrAssumedNotFound", err)
	}
	if err := maps.DeleteAssumed(ws, "current-state"); err != nil {
		t.Fatal(err)
	}
	if err := maps.DeleteAssumed(ws, "current-state"); !errors.Is(err, maps.ErrAssumedNotFound) {
		t.Errorf("deleting twice: got %v, want ErrAssumedNotFound", err)
	}
	if got, _ := maps.ListAssumed(ws); len(got) != 1 || got[0].ID != "future-state" {
		t.Errorf("after delete: got %+v, want only future-state", got)
	}
	if err := maps.DeleteAssumed(ws, "future-state"); err != nil {
		t.Fatal(err)
	}
	if raw, err := ws.Setting(maps.AssumedSetting); err != nil || raw != nil {
		t.Errorf("after deleting every map: got setting %s, %v; want it removed", raw, err)
	}
}

func TestAssumedStoreDamaged(t *testing.T) {
	ws, err := store.Open(filepath.Join(t.TempDir(), "damaged.wayline"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if err := ws.SetSetting(maps.AssumedSetting, []byte(`{"not":"a list"}`)); err != nil {
		t.Fatal(err)
	}
	if _, err := maps.ListAssumed(ws); !errors.Is(err, maps.ErrAssumedDamaged) {
		t.Errorf("got %v, want ErrAssumedDamaged", err)
	}
	if err := ws.SetSetting(maps.AssumedSetting, []byte(`[{"id":"a"}]`)); err != nil {
		t.Fatal(err)
	}
	if _, err := maps.LoadAssumed(ws, "a"); !errors.Is(err, maps.ErrAssumedDamaged) {
		t.Errorf("got %v, want ErrAssumedDamaged", err)
	}
}
