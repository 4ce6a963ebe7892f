package model_test

import (
	"math"
	"testing"

	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

func TestAddKeepsColumnsAligned(t *testing.T) {
	m := model.New()
	b := m.AddBatch(7, []store.FileInfo{{Name: "orders.csv", Source: "Shop"}, {Name: "web.jsonl"}})
	m.Add(b, record.Row{File: 0, Line: 2,
		Identifiers: []record.Identifier{{Type: "email", Value: "a@x.com"}, {Type: "customer_id", Value: "c1"}},
		Events: []record.Event{{Time: 10, Touchpoint: "Order placed", Channel: "web", Value: 12.5, HasValue: true},
			{Time: 20, Touchpoint: "Review", Rating: 4, RatingScale: 5}},
		Attributes: []record.Attribute{{Name: "plan", Value: "gold"}}})
	m.Add(b, record.Row{File: 1, Line: 9, Identifiers: []record.Identifier{{Type: "email", Value: "a@x.com"}}})

	if len(m.Rows) != 2 || m.Events.Len() != 2 || len(m.IDType) != 3 || len(m.AttrName) != 1 {
		t.Fatalf("got %d rows, %d events, %d ids, %d attrs; want 2, 2, 3, 1", len(m.Rows), m.Events.Len(), len(m.IDType), len(m.AttrName))
	}
	// The same string is interned once.
	if m.IDValue[0] != m.IDValue[2] {
		t.Errorf("a@x.com interned twice: %d and %d", m.IDValue[0], m.IDValue[2])
	}
	e := m.Events
	if m.Str(e.Touchpoint[0]) != "Order placed" || m.Str(e.Source[0]) != "Shop" || e.Value[0] != 12.5 {
		t.Errorf("event 0: %q from %q value %v; want Order placed from Shop, 12.5", m.Str(e.Touchpoint[0]), m.Str(e.Source[0]), e.Value[0])
	}
	if !math.IsNaN(e.Value[1]) || e.Rating[1] != 0.8 || !math.IsNaN(float64(e.Rating[0])) {
		t.Errorf("values %v ratings %v; want NaN value for event 1, rating 0.8 and NaN for event 0", e.Value, e.Rating)
	}
	if e.Channel[1] != model.None || m.Str(e.Channel[0]) != "web" {
		t.Errorf("channels %v; want web then None", e.Channel)
	}
	if batch, file, line := m.Where(1); batch != 7 || file != "web.jsonl" || line != 9 {
		t.Errorf("Where(1) = %d %q %d, want 7 web.jsonl 9", batch, file, line)
	}
	if id, ok := m.Lookup("web"); !ok || m.Str(id) != "web" {
		t.Errorf("Lookup(web) = %d %v", id, ok)
	}
	if _, ok := m.Lookup("never seen"); ok {
		t.Error("Lookup found a string that is not in the model")
	}
	r := m.Rows[0]
	if r.IDs.Len() != 2 || r.FirstEvent != 0 || r.NumEvents != 2 || m.Rows[1].FirstEvent != 2 {
		t.Errorf("row spans %+v %+v", r, m.Rows[1])
	}
}

// TestLoadEqualsAdd checks that loading a workspace gives exactly the model that adding its rows one by one
// gives: the fast path through the store's bytes must not differ from the plain one.
func TestLoadEqualsAdd(t *testing.T) {
	ws, err := store.Open(t.TempDir()+"/m.wayline", store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	rows := []record.Row{
		{Line: 2, Identifiers: []record.Identifier{{Type: "email", Value: "a@x.com"}}, Events: []record.Event{
			{Time: 5, Touchpoint: "Visit", Channel: "web", Device: "mobile"},
			{Time: 9, Touchpoint: "Review", Rating: 3, RatingScale: 4, Text: "fine", Value: 2.5, HasValue: true}},
			Attributes: []record.Attribute{{Name: "plan", Value: "gold"}}},
		{Line: 3, Identifiers: []record.Identifier{{Type: "email", Value: "b@x.com"}, {Type: "phone", Value: "+1555"}}},
		{Line: 4, Events: []record.Event{{Time: 7, Touchpoint: "Visit"}}},
	}
	files := []store.FileInfo{{Name: "f.csv", Source: "Src"}}
	im, err := ws.BeginImport(store.NewBatch{Files: files})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if _, err := im.Add(0, r, store.Fingerprint{byte(i + 1)}); err != nil {
			t.Fatal(err)
		}
	}
	b, _, err := im.Commit()
	if err != nil {
		t.Fatal(err)
	}
	got, err := model.Load(ws)
	if err != nil {
		t.Fatal(err)
	}
	want := model.New()
	bi := want.AddBatch(b.ID, files)
	for _, r := range rows {
		want.Add(bi, r)
	}
	if len(got.Rows) != len(want.Rows) || got.Events.Len() != want.Events.Len() {
		t.Fatalf("got %d rows %d events, want %d and %d", len(got.Rows), got.Events.Len(), len(want.Rows), want.Events.Len())
	}
	for i := range want.Rows {
		if got.Rows[i] != want.Rows[i] {
			t.Errorf("row %d: got %+v, want %+v", i, got.Rows[i], want.Rows[i])
		}
	}
	for i := 0; i < want.Events.Len(); i++ {
		g, w := got.Events, want.Events
		if got.Str(g.Touchpoint[i]) != want.Str(w.Touchpoint[i]) || got.Str(g.Channel[i]) != want.Str(w.Channel[i]) ||
			got.Str(g.Device[i]) != want.Str(w.Device[i]) || got.Str(g.Text[i]) != want.Str(w.Text[i]) ||
			got.Str(g.Source[i]) != want.Str(w.Source[i]) || g.Time[i] != w.Time[i] || g.Row[i] != w.Row[i] ||
			!sameFloat(g.Value[i], w.Value[i]) || !sameFloat(float64(g.Rating[i]), float64(w.Rating[i])) {
			t.Errorf("event %d differs", i)
		}
	}
	for i := range want.IDValue {
		if got.Str(got.IDValue[i]) != want.Str(want.IDValue[i]) || got.Str(got.IDType[i]) != want.Str(want.IDType[i]) {
			t.Errorf("identifier %d differs", i)
		}
	}
	if got.Str(got.AttrValue[0]) != "gold" {
		t.Errorf("attribute value %q, want gold", got.Str(got.AttrValue[0]))
	}
}

func sameFloat(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }
