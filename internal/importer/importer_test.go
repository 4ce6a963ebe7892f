package importer_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wayline/internal/importer"
	"wayline/internal/ingest"
	"wayline/internal/record"
	"wayline/internal/store"
)

// sharedData finds ../shared/data by walking up from the package folder.
func sharedData(t testing.TB, rel string) string {
	t.Helper()
	dir, _ := os.Getwd()
	for d := dir; d != filepath.Dir(d); d = filepath.Dir(d) {
		p := filepath.Join(d, "shared", "data", rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Skipf("shared/data/%s not found above %s", rel, dir)
	return ""
}

func openWorkspace(t testing.TB) *store.Workspace {
	t.Helper()
	ws, err := store.Open(filepath.Join(t.TempDir(), "test.wayline"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := ws.Check(); err != nil {
			t.Errorf("consistency check: %v", err)
		}
		ws.Close()
	})
	return ws
}

func writeFile(t testing.TB, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// ordersRecipe reads the small orders files the tests write.
var ordersRecipe = ingest.Recipe{
	Source:      "orders",
	Identifiers: []ingest.IdentifierSpec{{Column: "email", Type: "email"}, {Column: "customer", Type: "customer_id"}},
	Events: []ingest.EventSpec{{Time: "created_at", Touchpoint: ingest.Field{Column: "step"},
		Channel: &ingest.Field{Const: "web"}, Value: "total"}},
}

const orders = `email,customer,created_at,step,total
Ana@Example.com ,c1,2024-03-01T10:00:00Z,Order placed,12.50
bo@example.com,c2,2024-03-02 11:00:00,Order placed,99
bo@example.com,c2,2024-03-05 09:30:00,"=cmd|' /C calc'!A0",0
`

func rowsOf(t testing.TB, ws *store.Workspace) []record.Row {
	t.Helper()
	var rows []record.Row
	if err := ws.ForEachRow(func(_ uint64, r record.Row) error { rows = append(rows, r); return nil }); err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestImportCountsAndNormalises(t *testing.T) {
	ws := openWorkspace(t)
	r := ordersRecipe
	res, err := importer.Run(context.Background(), ws, importer.Request{Files: []string{writeFile(t, "orders.csv", orders)}, Recipe: &r})
	if err != nil {
		t.Fatal(err)
	}
	c := res.Counts
	if c.Rows != 3 || c.Events != 3 || c.Links != 3 || c.Rejected != 0 || res.Duplicate {
		t.Fatalf("got counts %+v duplicate=%v, want 3 rows, 3 events, 3 links, 0 rejected", c, res.Duplicate)
	}
	rows := rowsOf(t, ws)
	if got := rows[0].Identifiers[0].Value; got != "ana@example.com" {
		t.Errorf("email stored as %q, want it normalised to ana@example.com", got)
	}
	// A formula-looking value is data: stored exactly as written, never evaluated or altered.
	if got := rows[2].Events[0].Touchpoint; got != "=cmd|' /C calc'!A0" {
		t.Errorf("touchpoint stored as %q, want the raw text", got)
	}
	if b := res.Batch; len(b.Files) != 1 || b.Files[0].Rows != 3 || b.Files[0].Format != "csv" || len(b.Files[0].SHA256) != 64 {
		t.Errorf("batch file info %+v, want 3 rows, csv, a sha256", b.Files)
	}
}

func TestReimportIsDuplicate(t *testing.T) {
	ws := openWorkspace(t)
	r := ordersRecipe
	path := writeFile(t, "orders.csv", orders)
	if _, err := importer.Run(context.Background(), ws, importer.Request{Files: []string{path}, Recipe: &r}); err != nil {
		t.Fatal(err)
	}
	// The same rows under another file name are still the same rows.
	again := writeFile(t, "orders-copy.csv", orders)
	res, err := importer.Run(context.Background(), ws, importer.Request{Files: []string{again}, Recipe: &r})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Duplicate || res.Counts.Duplicates != 3 {
		t.Fatalf("got duplicate=%v duplicates=%d, want true and 3", res.Duplicate, res.Counts.Duplicates)
	}
	if batches, _ := ws.Batches(); len(batches) != 1 {
		t.Fatalf("got %d batches, want 1: a duplicate import stores nothing", len(batches))
	}
	// One new row among old ones: only it is added.
	more := writeFile(t, "orders-more.csv", orders+"cy@example.com,c3,2024-04-01,Order placed,5\n")
	res, err = importer.Run(context.Background(), ws, importer.Request{Files: []string{more}, Recipe: &r})
	if err != nil {
		t.Fatal(err)
	}
	if res.Duplicate || res.Counts.Duplicates != 3 || res.Counts.Events != 1 {
		t.Fatalf("got %+v, want 1 new event and 3 duplicates", res.Counts)
	}
}

const badOrders = `email,customer,created_at,step,total
a@example.com,c1,2024-03-01T10:00:00Z,Order placed,10
b@example.com,c2,not a date,Order placed,20
c@example.com,c3,2024-03-03T10:00:00Z,,30
`

func TestBadRowsAreRejectedWithLineAndColumn(t *testing.T) {
	ws := openWorkspace(t)
	r := ordersRecipe
	res, err := importer.Run(context.Background(), ws, importer.Request{Files: []string{writeFile(t, "bad.csv", badOrders)}, Recipe: &r})
	if err != nil {
		t.Fatal(err)
	}
	if res.Counts.Rejected != 2 || res.Counts.Events != 1 {
		t.Fatalf("got %+v, want 2 rejected and 1 event", res.Counts)
	}
	want := []struct {
		line   int
		column string
	}{{3, "created_at"}, {4, "step"}}
	for i, w := range want {
		got := res.Rejections[i]
		if got.File != "bad.csv" || got.Line != w.line || got.Column != w.column || got.Reason == "" {
			t.Errorf("rejection %d = %+v, want bad.csv line %d column %q with a reason", i, got, w.line, w.column)
		}
	}
}

func TestStrictStoresNothing(t *testing.T) {
	ws := openWorkspace(t)
	r := ordersRecipe
	_, err := importer.Run(context.Background(), ws, importer.Request{Files: []string{writeFile(t, "bad.csv", badOrders)}, Recipe: &r, Strict: true})
	if !errors.Is(err, importer.ErrStrict) || !strings.Contains(err.Error(), "line 3") {
		t.Fatalf("got %v, want ErrStrict naming line 3", err)
	}
	if batches, _ := ws.Batches(); len(batches) != 0 {
		t.Fatalf("got %d batches after a failed strict import, want 0", len(batches))
	}
	if rows := rowsOf(t, ws); len(rows) != 0 {
		t.Fatalf("got %d rows stored, want 0", len(rows))
	}
}

func TestMissingColumnStoresNothing(t *testing.T) {
	ws := openWorkspace(t)
	r := ordersRecipe
	r.Identifiers = append(r.Identifiers, ingest.IdentifierSpec{Column: "phone_number", Type: "phone"})
	_, err := importer.Run(context.Background(), ws, importer.Request{Files: []string{writeFile(t, "orders.csv", orders)}, Recipe: &r})
	if err == nil || !strings.Contains(err.Error(), "phone_number") || !strings.Contains(err.Error(), "orders.csv") {
		t.Fatalf("got %v, want an error naming the file and the missing column", err)
	}
	if batches, _ := ws.Batches(); len(batches) != 0 {
		t.Fatalf("got %d batches, want 0", len(batches))
	}
}

func TestCancelledImportStoresNothing(t *testing.T) {
	ws := openWorkspace(t)
	var b strings.Builder
	b.WriteString("email,customer,created_at,step,total\n")
	for i := 0; i < 20000; i++ {
		b.WriteString("x@example.com,c1,2024-03-01T10:00:00Z,View,1\n")
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := ordersRecipe
	_, err := importer.Run(ctx, ws, importer.Request{Files: []string{writeFile(t, "big.csv", b.String())}, Recipe: &r,
		ProgressEvery: 1, Progress: func(p importer.Progress) {
			if p.Rows > 2000 {
				cancel()
			}
		}})
	if !errors.Is(err, importer.ErrCancelled) {
		t.Fatalf("got %v, want ErrCancelled", err)
	}
	if batches, _ := ws.Batches(); len(batches) != 0 {
		t.Fatalf("got %d batches, want 0", len(batches))
	}
}

func TestPseudonymizeStoresNoPlainEmail(t *testing.T) {
	ws := openWorkspace(t)
	r := ordersRecipe
	res, err := importer.Run(context.Background(), ws, importer.Request{Files: []string{writeFile(t, "orders.csv", orders)}, Recipe: &r, Pseudonymize: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Counts.Events != 3 {
		t.Fatalf("got %d events, want 3", res.Counts.Events)
	}
	rows := rowsOf(t, ws)
	seen := map[string]bool{}
	for _, row := range rows {
		for _, id := range row.Identifiers {
			if id.Type == "email" {
				if strings.Contains(id.Value, "@") {
					t.Errorf("email stored in the clear: %q", id.Value)
				}
				seen[id.Value] = true
			}
		}
	}
	// bo@example.com appears twice: both hash to the same value, so identities still match.
	if len(seen) != 2 {
		t.Errorf("got %d distinct pseudonymised emails, want 2", len(seen))
	}
}

func TestProcessMiningLogsImportWithTheirPreset(t *testing.T) {
	tests := []struct {
		file         string
		events, rows int
	}{
		{"process-mining/receipt.csv", 8577, 8577},
		{"process-mining/08_receipt.xes.gz", 8577, 8577},
		{"process-mining/running-example.csv", 42, 42},
		{"clickstream/2019-Oct-sample.csv", 1000, 1000},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			ws := openWorkspace(t)
			res, err := importer.Run(context.Background(), ws, importer.Request{Files: []string{sharedData(t, tt.file)}})
			if err != nil {
				t.Fatal(err)
			}
			if res.Counts.Rows != tt.rows || res.Counts.Events != tt.events || res.Counts.Rejected != 0 {
				t.Fatalf("got %+v, want %d rows, %d events, 0 rejected", res.Counts, tt.rows, tt.events)
			}
		})
	}
}

func TestRemoveBatchThenReimport(t *testing.T) {
	ws := openWorkspace(t)
	r := ordersRecipe
	path := writeFile(t, "orders.csv", orders)
	res, err := importer.Run(context.Background(), ws, importer.Request{Files: []string{path}, Recipe: &r})
	if err != nil {
		t.Fatal(err)
	}
	if err := ws.RemoveBatch(res.Batch.ID); err != nil {
		t.Fatal(err)
	}
	if rows := rowsOf(t, ws); len(rows) != 0 {
		t.Fatalf("got %d rows after removing the only batch, want 0", len(rows))
	}
	res, err = importer.Run(context.Background(), ws, importer.Request{Files: []string{path}, Recipe: &r})
	if err != nil || res.Duplicate || res.Counts.Events != 3 {
		t.Fatalf("re-import after removal: %+v, %v; want 3 new events", res.Counts, err)
	}
}
