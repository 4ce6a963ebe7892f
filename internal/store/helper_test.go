package store_test

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"wayline/internal/record"
	"wayline/internal/store"
)

// openTemp opens a fresh workspace in t.TempDir. Cleanup closes it, reopens the file, runs Check (bbolt's
// tx.Check plus the store's invariants) and closes it again, so every test also proves it left a sound file.
func openTemp(t testing.TB) *store.Workspace {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.wayline")
	ws, err := store.Open(path, store.Options{Now: fixedClock})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { closeAndCheck(t, ws) })
	return ws
}

// closeAndCheck closes ws (again, if the test already did) and checks the file it leaves.
func closeAndCheck(t testing.TB, ws *store.Workspace) {
	t.Helper()
	if err := ws.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	again, err := store.Open(ws.Path(), store.Options{})
	if err != nil {
		t.Errorf("reopen for check: %v", err)
		return
	}
	defer again.Close()
	if err := again.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
}

var epoch = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

func fixedClock() time.Time { return epoch }

var (
	touchpoints = []string{"home", "product", "cart", "checkout", "support"}
	channels    = []string{"web", "email", "store"}
	devices     = []string{"desktop", "mobile", ""}
)

// customerRow is row i of a synthetic export: one customer_id and one event.
func customerRow(i int) record.Row {
	return record.Row{
		Line:        i + 2,
		Identifiers: []record.Identifier{{Type: "customer_id", Value: fmt.Sprintf("c%07d", i)}},
		Events: []record.Event{{
			Time:       epoch.UnixMicro() + int64(i)*1_000_000,
			Touchpoint: touchpoints[i%len(touchpoints)],
			Channel:    channels[i%len(channels)],
			Device:     devices[i%len(devices)],
			Value:      float64(i%100) + 0.99,
			HasValue:   true,
		}},
	}
}

// contentFingerprint hashes what a row asserts (not where it came from), as the importer does.
func contentFingerprint(r record.Row) store.Fingerprint {
	r.File, r.Line = 0, 0
	b, _ := json.Marshal(r)
	sum := sha256.Sum256(b)
	return store.Fingerprint(sum[:16])
}

// seqFingerprint is a cheap unique fingerprint for large imports: salt and row number.
func seqFingerprint(salt uint64, i int) store.Fingerprint {
	var fp store.Fingerprint
	binary.BigEndian.PutUint64(fp[:8], salt)
	binary.BigEndian.PutUint64(fp[8:], uint64(i))
	return fp
}

func oneFile(name string) store.NewBatch {
	return store.NewBatch{
		Files:  []store.FileInfo{{Name: name, Path: "/exports/" + name, Size: 1234, Format: "csv", Source: "Shop"}},
		Recipe: json.RawMessage(`{"name":"shop"}`),
	}
}

// importRows imports rows from and to (exclusive) as one batch of one file.
func importRows(t testing.TB, ws *store.Workspace, name string, from, to int) (store.Batch, bool) {
	t.Helper()
	im, err := ws.BeginImport(oneFile(name))
	if err != nil {
		t.Fatalf("BeginImport: %v", err)
	}
	defer im.Rollback()
	for i := from; i < to; i++ {
		row := customerRow(i)
		if _, err := im.Add(0, row, contentFingerprint(row)); err != nil {
			t.Fatalf("Add row %d: %v", i, err)
		}
	}
	b, dup, err := im.Commit()
	if err != nil {
		t.Fatalf("Commit: %v", err)
	}
	return b, dup
}

// rowsByBatch reads every stored row, grouped by batch.
func rowsByBatch(t testing.TB, ws *store.Workspace) map[uint64][]record.Row {
	t.Helper()
	out := map[uint64][]record.Row{}
	err := ws.ForEachRow(func(batch uint64, row record.Row) error {
		out[batch] = append(out[batch], row)
		return nil
	})
	if err != nil {
		t.Fatalf("ForEachRow: %v", err)
	}
	return out
}
