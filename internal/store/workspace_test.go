package store_test

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"wayline/internal/store"
)

func TestOpenCreatesAndNames(t *testing.T) {
	ws := openTemp(t)
	if got, want := ws.Name(), "test"; got != want {
		t.Errorf("Name: got %q, want %q", got, want)
	}
	if !strings.HasSuffix(ws.Path(), "test.wayline") {
		t.Errorf("Path: got %q, want it to end in test.wayline", ws.Path())
	}
	if _, err := os.Stat(ws.Path()); err != nil {
		t.Errorf("file not created: %v", err)
	}
	if got := schemaOf(t, ws); got != store.SchemaVersion() {
		t.Errorf("schema recorded: got %d, want %d", got, store.SchemaVersion())
	}
}

// schemaOf closes ws and reads its schema version with bbolt directly.
func schemaOf(t *testing.T, ws *store.Workspace) uint64 {
	t.Helper()
	ws.Close()
	var v uint64
	withBolt(t, ws.Path(), func(tx *bolt.Tx) error {
		v = binary.BigEndian.Uint64(tx.Bucket([]byte("meta")).Get([]byte("schema")))
		return nil
	})
	return v
}

// withBolt runs fn in a bbolt write transaction on path: how the tests build files from other versions.
func withBolt(t *testing.T, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	foreign := filepath.Join(dir, "foreign.db")
	withBolt(t, foreign, func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("etcd")); return err })
	newer := filepath.Join(dir, "newer.wayline")
	withBolt(t, newer, func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("meta"))
		if err != nil {
			return err
		}
		return b.Put([]byte("schema"), binary.BigEndian.AppendUint64(nil, store.SchemaVersion()+1))
	})
	oldVersion := filepath.Join(dir, "old.wayline")
	withBolt(t, oldVersion, func(tx *bolt.Tx) error { return nil })

	tests := []struct {
		name     string
		path     string
		opts     store.Options
		want     error
		wantText string
	}{
		{"text file", write("notes.wayline", []byte(strings.Repeat("customer,email\n", 1000))), store.Options{}, store.ErrNotWorkspace, "notes.wayline"},
		{"short file", write("short.wayline", []byte("hi")), store.Options{}, store.ErrNotWorkspace, "short.wayline"},
		{"bbolt file of another program", foreign, store.Options{}, store.ErrNotWorkspace, "another program"},
		{"newer schema", newer, store.Options{}, store.ErrNewerSchema, "update Wayline"},
		{"read-only needs upgrade", oldVersion, store.Options{ReadOnly: true}, store.ErrReadOnly, "open it once for writing"},
		{"read-only missing file", filepath.Join(dir, "missing.wayline"), store.Options{ReadOnly: true}, fs.ErrNotExist, "missing.wayline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws, err := store.Open(tt.path, tt.opts)
			if err == nil {
				ws.Close()
				t.Fatalf("got no error, want %v", tt.want)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("got %v, want an error wrapping %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("got message %q, want it to mention %q", err, tt.wantText)
			}
		})
	}
}

func TestReadOnly(t *testing.T) {
	ws := openTemp(t)
	b, _ := importRows(t, ws, "a.csv", 0, 10)
	if err := ws.SaveRecipe("r", json.RawMessage(`{}`)); err != nil {
		t.Fatal(err)
	}
	ws.Close()

	// Several read-only handles may share the file.
	ro1, err := store.Open(ws.Path(), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro1.Close()
	ro2, err := store.Open(ws.Path(), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("second read-only open: %v", err)
	}
	defer ro2.Close()

	if got := rowsByBatch(t, ro2)[b.ID]; len(got) != 10 {
		t.Errorf("rows read-only: got %d, want 10", len(got))
	}
	if err := ro1.Check(); err != nil {
		t.Errorf("Check read-only: %v", err)
	}
	writes := map[string]func() error{
		"BeginImport":  func() error { _, err := ro1.BeginImport(oneFile("b.csv")); return err },
		"RemoveBatch":  func() error { return ro1.RemoveBatch(b.ID) },
		"SaveRecipe":   func() error { return ro1.SaveRecipe("x", json.RawMessage(`{}`)) },
		"DeleteRecipe": func() error { return ro1.DeleteRecipe("r") },
		"SetSetting":   func() error { return ro1.SetSetting("x", json.RawMessage(`1`)) },
		"new Secret":   func() error { _, err := ro1.Secret("k"); return err },
	}
	for name, write := range writes {
		if err := write(); !errors.Is(err, store.ErrReadOnly) {
			t.Errorf("%s: got %v, want ErrReadOnly", name, err)
		}
	}
}

// TestMigrateFromVersion0 builds a version-0 file (bbolt created it, no Wayline transaction ran: what a
// crash during creation leaves) and checks that Open upgrades it to a working workspace.
func TestMigrateFromVersion0(t *testing.T) {
	for name, build := range map[string]func(tx *bolt.Tx) error{
		"empty bbolt file": func(tx *bolt.Tx) error { return nil },
		"meta without version": func(tx *bolt.Tx) error {
			_, err := tx.CreateBucket([]byte("meta"))
			return err
		},
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "v0.wayline")
			withBolt(t, path, build)
			ws, err := store.Open(path, store.Options{})
			if err != nil {
				t.Fatalf("Open v0: %v", err)
			}
			t.Cleanup(func() { closeAndCheck(t, ws) })
			if b, dup := importRows(t, ws, "a.csv", 0, 3); dup || b.Counts.Rows != 3 {
				t.Errorf("import into migrated file: got dup %v rows %d, want false 3", dup, b.Counts.Rows)
			}
			if got := schemaOf(t, ws); got != store.SchemaVersion() {
				t.Errorf("schema after migration: got %d, want %d", got, store.SchemaVersion())
			}
		})
	}
}
