package store_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"wayline/internal/record"
	"wayline/internal/store"
)

func ExampleWorkspace_BeginImport() {
	dir, err := os.MkdirTemp("", "wayline-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	ws, err := store.Open(filepath.Join(dir, "acme.wayline"), store.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer ws.Close()

	rows := []record.Row{
		{Line: 2, Identifiers: []record.Identifier{{Type: "email", Value: "ana@example.com"}},
			Events: []record.Event{{Time: 1_700_000_000_000_000, Touchpoint: "signup", Channel: "web"}}},
		{Line: 3, Identifiers: []record.Identifier{{Type: "email", Value: "bo@example.com"}},
			Events: []record.Event{{Time: 1_700_000_100_000_000, Touchpoint: "order", Value: 49.9, HasValue: true}}},
	}
	importFile := func() {
		im, err := ws.BeginImport(store.NewBatch{Files: []store.FileInfo{{Name: "signups.csv"}}})
		if err != nil {
			log.Fatal(err)
		}
		defer im.Rollback() // does nothing after Commit
		for _, r := range rows {
			// Real callers hash the row's content; the line number will do here.
			if _, err := im.Add(0, r, store.Fingerprint{byte(r.Line)}); err != nil {
				log.Fatal(err)
			}
		}
		im.Reject(store.Rejection{File: "signups.csv", Line: 4, Column: "date", Reason: "not a date"})
		b, duplicate, err := im.Commit()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("batch %d: %d rows, %d events, %d rejected, %d duplicates, duplicate=%v\n",
			b.ID, b.Counts.Rows, b.Counts.Events, b.Counts.Rejected, b.Counts.Duplicates, duplicate)
	}
	importFile()
	importFile() // the same rows again: nothing is written

	s, err := ws.Summary()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("workspace %s: %d batch, %d distinct emails\n", ws.Name(), s.Batches, s.Identifiers["email"])
	// Output:
	// batch 1: 2 rows, 2 events, 1 rejected, 0 duplicates, duplicate=false
	// batch 0: 0 rows, 0 events, 1 rejected, 2 duplicates, duplicate=true
	// workspace acme: 1 batch, 2 distinct emails
}
