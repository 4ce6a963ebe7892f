package store_test

import (
	"reflect"
	"testing"

	"wayline/internal/record"
	"wayline/internal/store"
)

func TestSummaryCountsDistinctIdentifiers(t *testing.T) {
	ws := openTemp(t)
	empty, err := ws.Summary()
	if err != nil {
		t.Fatal(err)
	}
	if empty.Batches != 0 || empty.Rows != 0 || len(empty.Identifiers) != 0 || empty.MinTime != 0 {
		t.Errorf("empty workspace: got %+v, want zeros", empty)
	}

	// Two files name the same people: ana appears in both (by email), bo twice in the first.
	rows := []record.Row{
		{Identifiers: []record.Identifier{{Type: "email", Value: "ana@x.com"}, {Type: "customer_id", Value: "1"}},
			Events: []record.Event{{Time: 500, Touchpoint: "signup", Channel: "web", Device: "mobile"}}},
		{Identifiers: []record.Identifier{{Type: "email", Value: "bo@x.com"}},
			Events: []record.Event{{Time: 100, Touchpoint: "visit", Channel: "web"}}},
		{Identifiers: []record.Identifier{{Type: "email", Value: "bo@x.com"}, {Type: "customer_id", Value: "2"}},
			Attributes: []record.Attribute{{Name: "plan", Value: "pro"}}},
	}
	later := []record.Row{
		{Identifiers: []record.Identifier{{Type: "email", Value: "ana@x.com"}, {Type: "phone", Value: "+4930123"}},
			Events: []record.Event{{Time: 900, Touchpoint: "call", Channel: "phone"}, {Time: 50, Touchpoint: "call", Channel: "phone"}}},
	}
	addAll := func(name, source string, rows []record.Row) store.Batch {
		im, err := ws.BeginImport(store.NewBatch{Files: []store.FileInfo{{Name: name, Source: source}}})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if _, err := im.Add(0, r, contentFingerprint(r)); err != nil {
				t.Fatal(err)
			}
		}
		im.Reject(store.Rejection{File: name, Line: 99, Reason: "no identifier"})
		b, _, err := im.Commit()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	addAll("crm.csv", "CRM", rows)
	second := addAll("calls.xlsx", "", later)

	got, err := ws.Summary()
	if err != nil {
		t.Fatal(err)
	}
	want := store.Summary{
		Batches: 2, Rows: 4, Events: 4, Links: 3, Attributes: 1, Rejected: 2,
		Identifiers: map[string]int{"email": 2, "customer_id": 2, "phone": 1},
		MinTime:     50, MaxTime: 900,
		Sources:     map[string]int{"CRM": 2, "calls.xlsx": 2},
		Channels:    map[string]int{"web": 2, "phone": 2},
		Devices:     map[string]int{"mobile": 1},
		Touchpoints: map[string]int{"signup": 1, "visit": 1, "call": 2},
		Files:       []store.FileInfo{{Name: "crm.csv", Source: "CRM"}, {Name: "calls.xlsx"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Summary:\n got %+v\nwant %+v", got, want)
	}

	// The cached copy must not be changed through the returned maps, and a write must refresh it.
	got.Identifiers["email"] = 1000
	if err := ws.RemoveBatch(second.ID); err != nil {
		t.Fatal(err)
	}
	after, err := ws.Summary()
	if err != nil {
		t.Fatal(err)
	}
	if after.Batches != 1 || after.Identifiers["email"] != 2 || after.Identifiers["phone"] != 0 || after.MaxTime != 500 {
		t.Errorf("Summary after removing a batch: got %+v, want 1 batch, 2 emails, no phone, max time 500", after)
	}
}
