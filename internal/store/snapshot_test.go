package store_test

import (
	"errors"
	"testing"

	"wayline/internal/store"
)

// readSnapshot returns the stored snapshot called name for the current generation, or nil.
func readSnapshot(t *testing.T, ws *store.Workspace, name string) []byte {
	t.Helper()
	var got []byte
	found, err := ws.ReadSnapshot(name, func(data []byte) error {
		got = append([]byte{}, data...)
		return nil
	})
	if err != nil {
		t.Fatalf("ReadSnapshot: %v", err)
	}
	if found && got == nil {
		got = []byte{}
	}
	return got
}

func TestSnapshotFollowsTheRows(t *testing.T) {
	ws := openTemp(t)
	gen0, err := ws.Generation()
	if err != nil || gen0 != 0 {
		t.Fatalf("new workspace: generation %d, %v; want 0", gen0, err)
	}
	if got := readSnapshot(t, ws, "model"); got != nil {
		t.Fatalf("new workspace has a snapshot %q", got)
	}
	b1, _ := importRows(t, ws, "a.csv", 0, 10)
	gen1, _ := ws.Generation()
	if gen1 != gen0+1 {
		t.Fatalf("after a commit: generation %d, want %d", gen1, gen0+1)
	}
	if err := ws.WriteSnapshot("model", gen1, []byte("one")); err != nil {
		t.Fatalf("WriteSnapshot: %v", err)
	}
	if got := readSnapshot(t, ws, "model"); string(got) != "one" {
		t.Fatalf("got snapshot %q, want one", got)
	}

	// A commit marks it stale in its own transaction: the snapshot is gone, and one computed from the
	// generation before the commit is refused.
	importRows(t, ws, "b.csv", 10, 20)
	if got := readSnapshot(t, ws, "model"); got != nil {
		t.Errorf("after a commit: got snapshot %q, want none", got)
	}
	if err := ws.WriteSnapshot("model", gen1, []byte("late")); !errors.Is(err, store.ErrStaleSnapshot) {
		t.Errorf("writing a snapshot of an older generation: got %v, want ErrStaleSnapshot", err)
	}
	gen2, _ := ws.Generation()
	if err := ws.WriteSnapshot("model", gen2, []byte("two")); err != nil {
		t.Fatalf("WriteSnapshot: %v", err)
	}

	// A duplicate-only import changes no rows and keeps the snapshot.
	if _, dup := importRows(t, ws, "a-again.csv", 0, 10); !dup {
		t.Fatal("re-import was not a duplicate")
	}
	if got := readSnapshot(t, ws, "model"); string(got) != "two" {
		t.Errorf("after a duplicate import: got snapshot %q, want two", got)
	}

	// Removing a batch marks it stale too.
	if err := ws.RemoveBatch(b1.ID); err != nil {
		t.Fatal(err)
	}
	if got := readSnapshot(t, ws, "model"); got != nil {
		t.Errorf("after RemoveBatch: got snapshot %q, want none", got)
	}
	if gen3, _ := ws.Generation(); gen3 != gen2+1 {
		t.Errorf("after RemoveBatch: generation %d, want %d", gen3, gen2+1)
	}
	// A failed removal changes nothing.
	if err := ws.RemoveBatch(b1.ID); !errors.Is(err, store.ErrNoBatch) {
		t.Fatalf("second RemoveBatch: %v", err)
	}
	if gen, _ := ws.Generation(); gen != gen2+1 {
		t.Errorf("after a failed RemoveBatch: generation %d, want %d", gen, gen2+1)
	}
}

func TestSnapshotReadOnly(t *testing.T) {
	ws := openTemp(t)
	importRows(t, ws, "a.csv", 0, 5)
	gen, _ := ws.Generation()
	if err := ws.WriteSnapshot("model", gen, []byte("kept")); err != nil {
		t.Fatal(err)
	}
	if err := ws.WriteSnapshot("", gen, nil); !errors.Is(err, store.ErrInvalidName) {
		t.Errorf("empty name: got %v, want ErrInvalidName", err)
	}
	ws.Close()
	ro, err := store.Open(ws.Path(), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if !ro.ReadOnly() || ws.ReadOnly() {
		t.Errorf("ReadOnly: got %v for the read-only open and %v for the writable one", ro.ReadOnly(), ws.ReadOnly())
	}
	if got := readSnapshot(t, ro, "model"); string(got) != "kept" {
		t.Errorf("read-only: got snapshot %q, want kept", got)
	}
	if err := ro.WriteSnapshot("model", gen, []byte("x")); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("read-only write: got %v, want ErrReadOnly", err)
	}
}

// TestSnapshotRolledBackImport checks that an import that is rolled back (or killed) leaves the snapshot
// valid: its rows never became visible.
func TestSnapshotRolledBackImport(t *testing.T) {
	defer store.SetChunkBytes(256)()
	ws := openTemp(t)
	importRows(t, ws, "a.csv", 0, 5)
	gen, _ := ws.Generation()
	if err := ws.WriteSnapshot("model", gen, []byte("kept")); err != nil {
		t.Fatal(err)
	}
	im, err := ws.BeginImport(oneFile("b.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for i := 100; i < 200; i++ {
		row := customerRow(i)
		if _, err := im.Add(0, row, contentFingerprint(row)); err != nil {
			t.Fatal(err)
		}
	}
	if err := ws.WriteSnapshot("model", gen, []byte("x")); !errors.Is(err, store.ErrImportRunning) {
		t.Errorf("write during an import: got %v, want ErrImportRunning", err)
	}
	if got := readSnapshot(t, ws, "model"); string(got) != "kept" {
		t.Errorf("during an import: got snapshot %q, want kept", got)
	}
	if err := im.Rollback(); err != nil {
		t.Fatal(err)
	}
	if got := readSnapshot(t, ws, "model"); string(got) != "kept" {
		t.Errorf("after a rollback: got snapshot %q, want kept", got)
	}
}
