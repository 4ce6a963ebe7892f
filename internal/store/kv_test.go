package store_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"wayline/internal/store"
)

func TestRecipes(t *testing.T) {
	ws := openTemp(t)
	if got, err := ws.Recipes(); err != nil || len(got) != 0 {
		t.Fatalf("Recipes of a new workspace: got (%v, %v), want empty", got, err)
	}
	if err := ws.SaveRecipe("shop", json.RawMessage(`{"name":"shop","v":1}`)); err != nil {
		t.Fatal(err)
	}
	if err := ws.SaveRecipe("shop", json.RawMessage(`{"name":"shop","v":2}`)); err != nil {
		t.Fatal(err)
	}
	if err := ws.SaveRecipe("crm", json.RawMessage(`{}`)); err != nil {
		t.Fatal(err)
	}
	want := map[string]json.RawMessage{"shop": json.RawMessage(`{"name":"shop","v":2}`), "crm": json.RawMessage(`{}`)}
	if got, err := ws.Recipes(); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Recipes: got (%s, %v), want %s", got, err, want)
	}
	if err := ws.DeleteRecipe("crm"); err != nil {
		t.Fatal(err)
	}
	if err := ws.DeleteRecipe("crm"); !errors.Is(err, store.ErrNoRecipe) {
		t.Errorf("deleting twice: got %v, want ErrNoRecipe", err)
	}
	tests := []struct {
		name, key, value string
		want             error
	}{
		{"empty name", "", `{}`, store.ErrInvalidName},
		{"broken JSON", "x", `{"a":`, store.ErrInvalidJSON},
		{"empty value", "x", ``, store.ErrInvalidJSON},
	}
	for _, tt := range tests {
		if err := ws.SaveRecipe(tt.key, json.RawMessage(tt.value)); !errors.Is(err, tt.want) {
			t.Errorf("SaveRecipe %s: got %v, want %v", tt.name, err, tt.want)
		}
	}
}

func TestSecretIsStableAcrossOpens(t *testing.T) {
	ws := openTemp(t)
	first, err := ws.Secret("pseudonym")
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != 32 || bytes.Equal(first, make([]byte, 32)) {
		t.Fatalf("secret: got %x, want 32 random bytes", first)
	}
	other, err := ws.Secret("other")
	if err != nil || bytes.Equal(first, other) {
		t.Errorf("a second name: got (%x, %v), want a different secret", other, err)
	}
	ws.Close()
	again, err := store.Open(ws.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	got, err := again.Secret("pseudonym")
	if err != nil || !bytes.Equal(got, first) {
		t.Errorf("after reopening: got (%x, %v), want %x", got, err, first)
	}
	if _, err := again.Secret(""); !errors.Is(err, store.ErrInvalidName) {
		t.Errorf("empty name: got %v, want ErrInvalidName", err)
	}
}

func TestSettings(t *testing.T) {
	ws := openTemp(t)
	if v, err := ws.Setting("stages"); err != nil || v != nil {
		t.Errorf("unset: got (%s, %v), want (nil, nil)", v, err)
	}
	if err := ws.SetSetting("stages", json.RawMessage(`["Awareness","Purchase"]`)); err != nil {
		t.Fatal(err)
	}
	if v, err := ws.Setting("stages"); err != nil || string(v) != `["Awareness","Purchase"]` {
		t.Errorf("after set: got (%s, %v)", v, err)
	}
	if err := ws.SetSetting("stages", nil); err != nil {
		t.Fatal(err)
	}
	if v, err := ws.Setting("stages"); err != nil || v != nil {
		t.Errorf("after removal: got (%s, %v), want (nil, nil)", v, err)
	}
	if err := ws.SetSetting("x", json.RawMessage(`nope`)); !errors.Is(err, store.ErrInvalidJSON) {
		t.Errorf("invalid JSON: got %v, want ErrInvalidJSON", err)
	}
	if err := ws.SetSetting("", json.RawMessage(`1`)); !errors.Is(err, store.ErrInvalidName) {
		t.Errorf("empty name: got %v, want ErrInvalidName", err)
	}
}
