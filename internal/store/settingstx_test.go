package store_test

import (
	"encoding/json"
	"errors"
	"testing"

	"wayline/internal/store"
)

func TestUpdateSettingsAllOrNothing(t *testing.T) {
	ws := openTemp(t)
	if err := ws.SetSetting("a", json.RawMessage(`1`)); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := ws.UpdateSettings(func(s store.SettingsTx) error {
		if err := s.Put("a", json.RawMessage(`2`)); err != nil {
			return err
		}
		if got := string(s.Get("a")); got != "2" {
			t.Errorf("Get inside the transaction: got %s, want 2", got)
		}
		if err := s.Put("b", json.RawMessage(`3`)); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("got %v, want fn's error", err)
	}
	if v, _ := ws.Setting("a"); string(v) != "1" {
		t.Errorf("a after a failed transaction: got %s, want 1", v)
	}
	if v, _ := ws.Setting("b"); v != nil {
		t.Errorf("b after a failed transaction: got %s, want nothing", v)
	}
	err = ws.UpdateSettings(func(s store.SettingsTx) error {
		if err := s.Put("", json.RawMessage(`1`)); !errors.Is(err, store.ErrInvalidName) {
			t.Errorf("empty name: got %v, want ErrInvalidName", err)
		}
		if err := s.Put("c", json.RawMessage(`{`)); !errors.Is(err, store.ErrInvalidJSON) {
			t.Errorf("bad JSON: got %v, want ErrInvalidJSON", err)
		}
		if err := s.Delete("a"); err != nil {
			return err
		}
		return s.Put("b", json.RawMessage(`3`))
	})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := ws.Setting("a"); v != nil {
		t.Errorf("a after delete: got %s, want nothing", v)
	}
	if v, _ := ws.Setting("b"); string(v) != "3" {
		t.Errorf("b: got %s, want 3", v)
	}
}

func TestSettingsWithPrefix(t *testing.T) {
	ws := openTemp(t)
	for _, n := range []string{"x.2", "x.10", "y.1", "x", "w.1", "x.1"} {
		if err := ws.SetSetting(n, json.RawMessage(`"`+n+`"`)); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	err := ws.SettingsWithPrefix("x.", func(name string, v json.RawMessage) error {
		if string(v) != `"`+name+`"` {
			t.Errorf("%s: got value %s", name, v)
		}
		got = append(got, name)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"x.1", "x.10", "x.2"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("got %v, want %v", got, want)
	}
	stop := errors.New("stop")
	n := 0
	err = ws.SettingsWithPrefix("", func(string, json.RawMessage) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("stopping: got %v after %d calls, want stop after 1", err, n)
	}
}

func TestUpdateSettingsReadOnlyAndClock(t *testing.T) {
	ws := openTemp(t)
	if got, want := ws.Now(), fixedClock(); !got.Equal(want) {
		t.Errorf("Now: got %v, want the injected %v", got, want)
	}
	path := ws.Path()
	ws.Close()
	ro, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	err = ro.UpdateSettings(func(s store.SettingsTx) error { return s.Put("a", json.RawMessage(`1`)) })
	if !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("got %v, want ErrReadOnly", err)
	}
}
