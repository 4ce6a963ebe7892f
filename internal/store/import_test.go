package store_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"wayline/internal/record"
	"wayline/internal/store"
)

func TestImportRoundTrip(t *testing.T) {
	ws := openTemp(t)
	rows := []record.Row{
		customerRow(0),
		{
			Line: 7,
			Identifiers: []record.Identifier{
				{Type: "email", Value: "ana@example.com"}, {Type: "phone", Value: "+4915112345678"},
				{Type: "customer_id", Value: "ü-42"},
			},
			Events: []record.Event{
				{Time: -1, Touchpoint: "ticket", Channel: "support", Rating: 2, RatingScale: 5, Text: "slow\nreply"},
				{Time: 1 << 60, Touchpoint: "order", Value: 0, HasValue: true},
			},
			Attributes: []record.Attribute{{Name: "plan", Value: "pro"}, {Name: "region", Value: ""}},
		},
		{Line: 9, Attributes: []record.Attribute{{Name: "plan", Value: "free"}}},
	}
	nb := store.NewBatch{
		Files:  []store.FileInfo{{Name: "a.csv", Source: "Shop"}, {Name: "b.jsonl", Format: "jsonl"}},
		Recipe: json.RawMessage(`{"name":"mixed"}`),
	}
	im, err := ws.BeginImport(nb)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		r.File = 99 // Add must overwrite it from its file argument
		added, err := im.Add(i%2, r, contentFingerprint(r))
		if err != nil || !added {
			t.Fatalf("Add row %d: got (%v, %v), want (true, nil)", i, added, err)
		}
	}
	nb.Files[0].Rows, nb.Files[1].Rows = 2, 1
	im.SetFiles(nb.Files)
	b, dup, err := im.Commit()
	if err != nil || dup {
		t.Fatalf("Commit: got (dup %v, %v), want (false, nil)", dup, err)
	}

	got := rowsByBatch(t, ws)[b.ID]
	want := make([]record.Row, len(rows))
	for i, r := range rows {
		r.File = i % 2
		want[i] = r
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stored rows:\n got %+v\nwant %+v", got, want)
	}

	wantCounts := store.Counts{Rows: 3, Events: 3, Links: 2, Attributes: 3}
	if b.Counts != wantCounts {
		t.Errorf("Counts: got %+v, want %+v", b.Counts, wantCounts)
	}
	stored, err := ws.Batch(b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !stored.Time.Equal(epoch) || stored.Counts != wantCounts || string(stored.Recipe) != `{"name":"mixed"}` {
		t.Errorf("stored batch: got time %v counts %+v recipe %s", stored.Time, stored.Counts, stored.Recipe)
	}
	if !reflect.DeepEqual(stored.Files, nb.Files) {
		t.Errorf("stored files: got %+v, want %+v", stored.Files, nb.Files)
	}
	st := stored.Stats
	if st.MinTime != -1 || st.MaxTime != 1<<60 {
		t.Errorf("time span: got [%d, %d], want [-1, %d]", st.MinTime, st.MaxTime, int64(1)<<60)
	}
	wantSources := map[string]int{"Shop": 1, "b.jsonl": 2} // b.jsonl has no Source: its name stands in
	if !reflect.DeepEqual(st.Sources, wantSources) {
		t.Errorf("Sources: got %v, want %v", st.Sources, wantSources)
	}
	wantTypes := map[string]int{"customer_id": 2, "email": 1, "phone": 1}
	if !reflect.DeepEqual(st.IdentifierTypes, wantTypes) {
		t.Errorf("IdentifierTypes: got %v, want %v", st.IdentifierTypes, wantTypes)
	}
	if want := map[string]int{"web": 1, "support": 1}; !reflect.DeepEqual(st.Channels, want) {
		t.Errorf("Channels: got %v, want %v (empty labels are not counted)", st.Channels, want)
	}
}

func TestDuplicateImportWritesNothing(t *testing.T) {
	ws := openTemp(t)
	first, dup := importRows(t, ws, "orders.csv", 0, 500)
	if dup || first.Counts.Rows != 500 {
		t.Fatalf("first import: got dup %v rows %d, want false 500", dup, first.Counts.Rows)
	}
	before, err := ws.Summary()
	if err != nil {
		t.Fatal(err)
	}
	again, dup := importRows(t, ws, "orders.csv", 0, 500)
	if !dup {
		t.Fatalf("re-import: got duplicate=false, want true")
	}
	if again.ID != 0 || again.Counts.Rows != 0 || again.Counts.Duplicates != 500 {
		t.Errorf("re-import batch: got id %d counts %+v, want id 0, 0 rows, 500 duplicates", again.ID, again.Counts)
	}
	batches, err := ws.Batches()
	if err != nil {
		t.Fatal(err)
	}
	if len(batches) != 1 {
		t.Errorf("batches after duplicate import: got %d, want 1", len(batches))
	}
	after, err := ws.Summary()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Errorf("Summary changed by a duplicate import:\n got %+v\nwant %+v", after, before)
	}
}

func TestPartialOverlapAddsOnlyNewRows(t *testing.T) {
	ws := openTemp(t)
	importRows(t, ws, "jan.csv", 0, 300)
	b, dup := importRows(t, ws, "jan-feb.csv", 200, 450) // 100 known, 150 new
	if dup {
		t.Fatal("got duplicate=true, want false: 150 rows are new")
	}
	if b.Counts.Rows != 150 || b.Counts.Duplicates != 100 {
		t.Errorf("counts: got %d rows %d duplicates, want 150 and 100", b.Counts.Rows, b.Counts.Duplicates)
	}
	rows := rowsByBatch(t, ws)[b.ID]
	if len(rows) != 150 || rows[0].Identifiers[0].Value != "c0000300" {
		t.Errorf("stored rows: got %d starting %v, want 150 starting c0000300", len(rows), rows[0].Identifiers)
	}
}

func TestDuplicateWithinOneBatch(t *testing.T) {
	ws := openTemp(t)
	im, err := ws.BeginImport(oneFile("twice.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer im.Rollback()
	row := customerRow(1)
	for i, want := range []bool{true, false, false} {
		got, err := im.Add(0, row, contentFingerprint(row))
		if err != nil || got != want {
			t.Fatalf("Add #%d: got (%v, %v), want (%v, nil)", i, got, err, want)
		}
	}
	if c := im.Counts(); c.Rows != 1 || c.Duplicates != 2 {
		t.Errorf("Counts: got %+v, want 1 row and 2 duplicates", c)
	}
	if _, dup, err := im.Commit(); err != nil || dup {
		t.Errorf("Commit: got (dup %v, %v), want (false, nil)", dup, err)
	}
}

func TestRemoveBatchThenReimport(t *testing.T) {
	ws := openTemp(t)
	keep, _ := importRows(t, ws, "keep.csv", 0, 100)
	gone := importWithRejections(t, ws, 100, 300, 5)
	if err := ws.RemoveBatch(gone.ID); err != nil {
		t.Fatalf("RemoveBatch: %v", err)
	}
	if _, err := ws.Batch(gone.ID); !errors.Is(err, store.ErrNoBatch) {
		t.Errorf("Batch after removal: got %v, want ErrNoBatch", err)
	}
	if _, err := ws.Rejections(gone.ID); !errors.Is(err, store.ErrNoBatch) {
		t.Errorf("Rejections after removal: got %v, want ErrNoBatch", err)
	}
	rows := rowsByBatch(t, ws)
	if len(rows) != 1 || len(rows[keep.ID]) != 100 {
		t.Errorf("rows after removal: got %d batches, %d rows in the kept one; want 1 and 100", len(rows), len(rows[keep.ID]))
	}
	if err := ws.Check(); err != nil {
		t.Errorf("Check after removal: %v", err)
	}
	// The fingerprints went too, so the same rows import again as new.
	again := importWithRejections(t, ws, 100, 300, 5)
	if again.Counts.Rows != 200 || again.ID == gone.ID {
		t.Errorf("re-import: got %d rows in batch %d, want 200 rows in a new batch (not %d)", again.Counts.Rows, again.ID, gone.ID)
	}
	if err := ws.RemoveBatch(gone.ID); !errors.Is(err, store.ErrNoBatch) {
		t.Errorf("removing twice: got %v, want ErrNoBatch", err)
	}
}

// importWithRejections imports rows [from, to) plus n rejections.
func importWithRejections(t *testing.T, ws *store.Workspace, from, to, n int) store.Batch {
	t.Helper()
	im, err := ws.BeginImport(oneFile("mixed.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer im.Rollback()
	for i := from; i < to; i++ {
		row := customerRow(i)
		if _, err := im.Add(0, row, contentFingerprint(row)); err != nil {
			t.Fatal(err)
		}
	}
	for i := range n {
		im.Reject(store.Rejection{File: "mixed.csv", Line: i + 1, Column: "date", Reason: "not a date"})
	}
	b, _, err := im.Commit()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestRejectionsCappedButAllCounted(t *testing.T) {
	ws := openTemp(t)
	im, err := ws.BeginImport(oneFile("bad.csv"))
	if err != nil {
		t.Fatal(err)
	}
	const n = 2500
	for i := range n {
		im.Reject(store.Rejection{File: "bad.csv", Line: i + 2, Column: "amount", Reason: fmt.Sprintf("reason %d", i)})
	}
	im.Skip()
	b, dup, err := im.Commit()
	if err != nil || dup {
		t.Fatalf("Commit of an all-rejected import: got (dup %v, %v), want (false, nil): it keeps its rejections", dup, err)
	}
	if b.Counts.Rejected != n || b.Counts.Skipped != 1 || b.Counts.Rows != 0 {
		t.Errorf("Counts: got %+v, want %d rejected, 1 skipped, 0 rows", b.Counts, n)
	}
	rej, err := ws.Rejections(b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rej) != 1000 {
		t.Fatalf("kept rejections: got %d, want 1000", len(rej))
	}
	want := store.Rejection{File: "bad.csv", Line: 1001, Column: "amount", Reason: "reason 999"}
	if rej[0].Line != 2 || rej[999] != want {
		t.Errorf("kept rejections: got first line %d and last %+v, want line 2 and %+v", rej[0].Line, rej[999], want)
	}
}

func TestRollbackStoresNothing(t *testing.T) {
	ws := openTemp(t)
	im, err := ws.BeginImport(oneFile("x.csv"))
	if err != nil {
		t.Fatal(err)
	}
	row := customerRow(0)
	if _, err := im.Add(0, row, contentFingerprint(row)); err != nil {
		t.Fatal(err)
	}
	if err := im.Rollback(); err != nil {
		t.Fatal(err)
	}
	if _, err := im.Add(0, row, contentFingerprint(row)); !errors.Is(err, store.ErrImportClosed) {
		t.Errorf("Add after Rollback: got %v, want ErrImportClosed", err)
	}
	if _, _, err := im.Commit(); !errors.Is(err, store.ErrImportClosed) {
		t.Errorf("Commit after Rollback: got %v, want ErrImportClosed", err)
	}
	if err := im.Rollback(); err != nil {
		t.Errorf("second Rollback: got %v, want nil", err)
	}
	if b, dup := importRows(t, ws, "x.csv", 0, 1); dup || b.ID != 1 {
		t.Errorf("import after rollback: got id %d dup %v, want id 1 (the rolled-back id is free) and not duplicate", b.ID, dup)
	}
}

func TestImportErrors(t *testing.T) {
	ws := openTemp(t)
	if _, err := ws.BeginImport(store.NewBatch{}); !errors.Is(err, store.ErrFileIndex) {
		t.Errorf("BeginImport without files: got %v, want ErrFileIndex", err)
	}
	bad := oneFile("a.csv")
	bad.Recipe = json.RawMessage(`{"name":`)
	if _, err := ws.BeginImport(bad); !errors.Is(err, store.ErrInvalidJSON) {
		t.Errorf("BeginImport with a broken recipe: got %v, want ErrInvalidJSON", err)
	}

	im, err := ws.BeginImport(oneFile("a.csv"))
	if err != nil {
		t.Fatal(err)
	}
	row := customerRow(0)
	for _, file := range []int{-1, 1} {
		if _, err := im.Add(file, row, contentFingerprint(row)); !errors.Is(err, store.ErrFileIndex) {
			t.Errorf("Add(file %d): got %v, want ErrFileIndex", file, err)
		}
	}
	// While the import holds the write transaction, other writes fail fast instead of waiting on it.
	if _, err := ws.BeginImport(oneFile("b.csv")); !errors.Is(err, store.ErrImportRunning) {
		t.Errorf("second BeginImport: got %v, want ErrImportRunning", err)
	}
	if err := ws.SaveRecipe("r", json.RawMessage(`{}`)); !errors.Is(err, store.ErrImportRunning) {
		t.Errorf("SaveRecipe during import: got %v, want ErrImportRunning", err)
	}
	if err := ws.Check(); !errors.Is(err, store.ErrImportRunning) {
		t.Errorf("Check during import: got %v, want ErrImportRunning", err)
	}
	// Readers are not blocked and see the state before the import.
	if batches, err := ws.Batches(); err != nil || len(batches) != 0 {
		t.Errorf("Batches during import: got %d, %v; want 0, nil", len(batches), err)
	}
	im.SetFiles(nil)
	if _, _, err := im.Commit(); !errors.Is(err, store.ErrFileIndex) {
		t.Errorf("Commit after SetFiles with the wrong length: got %v, want ErrFileIndex", err)
	}
	if err := ws.SaveRecipe("r", json.RawMessage(`{}`)); err != nil {
		t.Errorf("SaveRecipe after the import ended: %v", err)
	}
}

func TestCloseRollsBackOpenImport(t *testing.T) {
	ws := openTemp(t)
	im, err := ws.BeginImport(oneFile("a.csv"))
	if err != nil {
		t.Fatal(err)
	}
	row := customerRow(0)
	if _, err := im.Add(0, row, contentFingerprint(row)); err != nil {
		t.Fatal(err)
	}
	if err := ws.Close(); err != nil {
		t.Fatalf("Close with an open import: %v", err)
	}
	again, err := store.Open(ws.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if batches, err := again.Batches(); err != nil || len(batches) != 0 {
		t.Errorf("batches after closing mid-import: got %d, %v; want 0, nil", len(batches), err)
	}
}

// TestImportAcrossChunks forces an import to span many transactions and checks what readers see
// meanwhile, that Commit stores it whole, and that Rollback removes the chunks already written.
func TestImportAcrossChunks(t *testing.T) {
	defer store.SetChunkBytes(4 << 10)()
	ws := openTemp(t)
	importRows(t, ws, "first.csv", 0, 10)

	for _, commit := range []bool{false, true} {
		im, err := ws.BeginImport(oneFile("big.csv"))
		if err != nil {
			t.Fatal(err)
		}
		for i := 100; i < 2100; i++ {
			row := customerRow(i)
			if _, err := im.Add(0, row, contentFingerprint(row)); err != nil {
				t.Fatal(err)
			}
		}
		// About 60 chunks are on disk now, under the pending marker; readers must not see them.
		if rows := rowsByBatch(t, ws); len(rows) != 1 || len(rows[im.ID()]) != 0 {
			t.Errorf("rows visible during import: got %d batches, %d rows of the pending one", len(rows), len(rows[im.ID()]))
		}
		if s, err := ws.Summary(); err != nil || s.Rows != 10 || s.Identifiers["customer_id"] != 10 {
			t.Errorf("Summary during import: got rows %d, ids %v, err %v; want 10, 10", s.Rows, s.Identifiers, err)
		}
		if !commit {
			if err := im.Rollback(); err != nil {
				t.Fatalf("Rollback: %v", err)
			}
			if err := ws.Check(); err != nil {
				t.Errorf("Check after rolling back written chunks: %v", err)
			}
			continue
		}
		b, dup, err := im.Commit()
		if err != nil || dup {
			t.Fatalf("Commit: got (dup %v, %v)", dup, err)
		}
		rows := rowsByBatch(t, ws)[b.ID]
		if len(rows) != 2000 || rows[0].Line != 102 || rows[1999].Line != 2101 {
			t.Errorf("committed rows: got %d, want 2000 in order", len(rows))
		}
	}
	if batches, err := ws.Batches(); err != nil || len(batches) != 2 {
		t.Errorf("batches: got %d, %v; want 2 (the rolled-back import left none)", len(batches), err)
	}
}
