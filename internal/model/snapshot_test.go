package model_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"wayline/internal/demo"
	"wayline/internal/importer"
	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

// equalModels fails t unless got and want hold the same dictionary (id by id), batches, rows and columns,
// floats compared bit for bit.
func equalModels(t *testing.T, got, want *model.Model) {
	t.Helper()
	if got.DictSize() != want.DictSize() {
		t.Fatalf("dictionary: got %d strings, want %d", got.DictSize(), want.DictSize())
	}
	for i := 0; i < want.DictSize(); i++ {
		if g, w := got.Str(uint32(i)), want.Str(uint32(i)); g != w {
			t.Fatalf("dictionary id %d: got %q, want %q", i, g, w)
		}
		if id, ok := got.Lookup(want.Str(uint32(i))); !ok || id != uint32(i) {
			t.Fatalf("Lookup(%q): got %d %v, want %d", want.Str(uint32(i)), id, ok, i)
		}
	}
	if len(got.Batches) != len(want.Batches) {
		t.Fatalf("got %d batches, want %d", len(got.Batches), len(want.Batches))
	}
	for i, w := range want.Batches {
		g := got.Batches[i]
		if g.ID != w.ID || len(g.Files) != len(w.Files) {
			t.Fatalf("batch %d: got %+v, want %+v", i, g, w)
		}
		for j := range w.Files {
			if g.Files[j] != w.Files[j] {
				t.Fatalf("batch %d file %d: got %+v, want %+v", i, j, g.Files[j], w.Files[j])
			}
		}
	}
	if len(got.Rows) != len(want.Rows) {
		t.Fatalf("got %d rows, want %d", len(got.Rows), len(want.Rows))
	}
	for i := range want.Rows {
		if got.Rows[i] != want.Rows[i] {
			t.Fatalf("row %d: got %+v, want %+v", i, got.Rows[i], want.Rows[i])
		}
	}
	u32 := map[string][2][]uint32{
		"IDType": {got.IDType, want.IDType}, "IDValue": {got.IDValue, want.IDValue},
		"AttrName": {got.AttrName, want.AttrName}, "AttrValue": {got.AttrValue, want.AttrValue},
		"Row": {got.Events.Row, want.Events.Row}, "Touchpoint": {got.Events.Touchpoint, want.Events.Touchpoint},
		"Channel": {got.Events.Channel, want.Events.Channel}, "Device": {got.Events.Device, want.Events.Device},
		"Source": {got.Events.Source, want.Events.Source}, "Text": {got.Events.Text, want.Events.Text},
	}
	for name, c := range u32 {
		if len(c[0]) != len(c[1]) {
			t.Fatalf("%s: got %d entries, want %d", name, len(c[0]), len(c[1]))
		}
		for i := range c[1] {
			if c[0][i] != c[1][i] {
				t.Fatalf("%s[%d]: got %d, want %d", name, i, c[0][i], c[1][i])
			}
		}
	}
	g, w := got.Events, want.Events
	if len(g.Time) != len(w.Time) || len(g.Value) != len(w.Value) || len(g.Rating) != len(w.Rating) {
		t.Fatalf("event columns: got %d/%d/%d entries, want %d/%d/%d", len(g.Time), len(g.Value), len(g.Rating),
			len(w.Time), len(w.Value), len(w.Rating))
	}
	for i := range w.Time {
		if g.Time[i] != w.Time[i] {
			t.Fatalf("Time[%d]: got %d, want %d", i, g.Time[i], w.Time[i])
		}
		if math.Float64bits(g.Value[i]) != math.Float64bits(w.Value[i]) {
			t.Fatalf("Value[%d]: got %v, want %v", i, g.Value[i], w.Value[i])
		}
		if math.Float32bits(g.Rating[i]) != math.Float32bits(w.Rating[i]) {
			t.Fatalf("Rating[%d]: got %v, want %v", i, g.Rating[i], w.Rating[i])
		}
	}
}

// checkSnapshot loads ws both ways and requires the same model; it returns the snapshot's model.
func checkSnapshot(t *testing.T, ws *store.Workspace) *model.Model {
	t.Helper()
	rows, err := model.LoadRows(ws)
	if err != nil {
		t.Fatalf("LoadRows: %v", err)
	}
	snap, err := model.LoadSnapshot(ws)
	if err != nil {
		t.Fatalf("LoadSnapshot: %v", err)
	}
	equalModels(t, snap, rows)
	return snap
}

func TestSnapshotOfTheDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the demo workspace")
	}
	path := filepath.Join(t.TempDir(), "demo.wayline")
	if err := importer.BuildDemo(context.Background(), path, demo.Options{Customers: 1500}, nil); err != nil {
		t.Fatal(err)
	}
	ws, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	m := checkSnapshot(t, ws)
	if m.Events.Len() == 0 || len(m.Batches) < 2 || len(m.AttrName) == 0 {
		t.Fatalf("demo model: %d events, %d batches, %d attributes; want some of each", m.Events.Len(), len(m.Batches), len(m.AttrName))
	}
	loaded, err := model.Load(ws)
	if err != nil {
		t.Fatal(err)
	}
	equalModels(t, loaded, m)
}

// randomRow is a row with a random mix of everything the model stores, including the edge cases: no
// identifiers or events, negative and huge times, NaN and infinite values, ratings on odd scales.
func randomRow(r *rand.Rand, line, files int) (int, record.Row) {
	pick := func(prefix string, n int) string {
		if r.IntN(6) == 0 {
			return ""
		}
		return fmt.Sprintf("%s%d", prefix, r.IntN(n))
	}
	row := record.Row{Line: line}
	for range r.IntN(3) {
		row.Identifiers = append(row.Identifiers, record.Identifier{Type: pick("t", 3), Value: pick("v", 500)})
	}
	times := []int64{0, -1, math.MaxInt64, math.MinInt64, 1_700_000_000_000_000}
	for range r.IntN(4) {
		ev := record.Event{Time: times[r.IntN(len(times))] + r.Int64N(1e12), Touchpoint: pick("tp", 20),
			Channel: pick("ch", 4), Device: pick("dev", 3), Text: pick("text é ", 50)}
		switch r.IntN(5) {
		case 0:
			ev.Value, ev.HasValue = r.Float64()*1000, true
		case 1:
			ev.Value, ev.HasValue = float64(r.IntN(100))+0.5, true
		case 2:
			ev.Value, ev.HasValue = []float64{math.Inf(1), math.Inf(-1), math.Copysign(0, -1), math.NaN()}[r.IntN(4)], true
		case 3:
			ev.Value = 3 // stored without HasValue: absent
		}
		if r.IntN(3) == 0 {
			ev.Rating, ev.RatingScale = float64(r.IntN(11)), []float64{5, 10, 3.5}[r.IntN(3)]
		}
		row.Events = append(row.Events, ev)
	}
	for range r.IntN(3) {
		row.Attributes = append(row.Attributes, record.Attribute{Name: pick("a", 5), Value: pick("x", 40)})
	}
	return r.IntN(files), row
}

// TestSnapshotOfRandomWorkspaces imports random batches, removes some and re-imports others, and after
// each change compares the snapshot the importer path writes with a row scan.
func TestSnapshotOfRandomWorkspaces(t *testing.T) {
	for seed := range uint64(4) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 99))
			ws, err := store.Open(filepath.Join(t.TempDir(), "r.wayline"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer ws.Close()
			var ids []uint64
			for step := range 6 {
				if len(ids) > 1 && r.IntN(3) == 0 {
					k := r.IntN(len(ids))
					if err := ws.RemoveBatch(ids[k]); err != nil {
						t.Fatal(err)
					}
					ids = append(ids[:k], ids[k+1:]...)
				} else {
					files := []store.FileInfo{{Name: fmt.Sprintf("f%d.csv", step), Source: []string{"", "Shop", "CRM"}[r.IntN(3)]},
						{Name: "g.jsonl", Source: "Web"}, {Name: fmt.Sprintf("h%d.csv", step%2)}}
					im, err := ws.BeginImport(store.NewBatch{Files: files})
					if err != nil {
						t.Fatal(err)
					}
					for i := range 50 + r.IntN(300) {
						file, row := randomRow(r, i+2, len(files))
						fp := store.Fingerprint{byte(step), byte(i), byte(i >> 8), byte(seed)}
						if _, err := im.Add(file, row, fp); err != nil {
							t.Fatal(err)
						}
					}
					b, _, err := im.Commit()
					if err != nil {
						t.Fatal(err)
					}
					ids = append(ids, b.ID)
				}
				if _, err := model.LoadSnapshot(ws); !errors.Is(err, model.ErrNoSnapshot) {
					t.Fatalf("step %d: after a change, LoadSnapshot gave %v, want ErrNoSnapshot", step, err)
				}
				if err := model.SaveSnapshot(ws); err != nil {
					t.Fatalf("SaveSnapshot: %v", err)
				}
				checkSnapshot(t, ws)
			}
		})
	}
}

// TestLoadFallsBack covers Load when the snapshot is missing, stale or damaged: it reads the rows, and a
// writable workspace stores a good snapshot again while a read-only one leaves the file alone.
func TestLoadFallsBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.wayline")
	ws, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	addBatch := func(first int) {
		im, err := ws.BeginImport(store.NewBatch{Files: []store.FileInfo{{Name: "a.csv"}}})
		if err != nil {
			t.Fatal(err)
		}
		r := rand.New(rand.NewPCG(uint64(first), 1))
		for i := range 40 {
			_, row := randomRow(r, i, 1)
			if _, err := im.Add(0, row, store.Fingerprint{byte(first), byte(i)}); err != nil {
				t.Fatal(err)
			}
		}
		if _, _, err := im.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	addBatch(1)
	want, err := model.LoadRows(ws)
	if err != nil {
		t.Fatal(err)
	}

	// Missing: a writable Load reads the rows and stores the snapshot.
	if _, err := model.LoadSnapshot(ws); !errors.Is(err, model.ErrNoSnapshot) {
		t.Fatalf("before any Load: got %v, want ErrNoSnapshot", err)
	}
	got, err := model.Load(ws)
	if err != nil {
		t.Fatal(err)
	}
	equalModels(t, got, want)
	checkSnapshot(t, ws)

	// Damaged: every kind of damage is refused by LoadSnapshot and repaired by Load.
	gen, _ := ws.Generation()
	good, err := model.EncodeSnapshot(want)
	if err != nil {
		t.Fatal(err)
	}
	flipped := append([]byte{}, good...)
	flipped[len(flipped)/2] ^= 0x10
	otherVersion := append([]byte{}, good...)
	otherVersion[4] = 99
	for name, bad := range map[string][]byte{"flipped bit": flipped, "cut short": good[:len(good)-9],
		"other version": otherVersion, "empty": {}, "cut short, resealed": model.Reseal(good[:len(good)-20])} {
		if err := ws.WriteSnapshot("model", gen, bad); err != nil {
			t.Fatal(err)
		}
		if _, err := model.LoadSnapshot(ws); !errors.Is(err, model.ErrBadSnapshot) {
			t.Errorf("%s: LoadSnapshot gave %v, want ErrBadSnapshot", name, err)
		}
		got, err := model.Load(ws)
		if err != nil {
			t.Fatalf("%s: Load: %v", name, err)
		}
		equalModels(t, got, want)
		checkSnapshot(t, ws)
	}

	// A snapshot of other batches (as an older Wayline that did not keep the generation might leave) is
	// refused although its generation is current.
	other := model.New()
	other.AddBatch(12345, []store.FileInfo{{Name: "a.csv"}})
	data, err := model.EncodeSnapshot(other)
	if err != nil {
		t.Fatal(err)
	}
	if err := ws.WriteSnapshot("model", gen, data); err != nil {
		t.Fatal(err)
	}
	if _, err := model.LoadSnapshot(ws); !errors.Is(err, model.ErrBadSnapshot) {
		t.Errorf("snapshot of other batches: LoadSnapshot gave %v, want ErrBadSnapshot", err)
	}

	// Stale and read-only: a commit drops the snapshot; a read-only Load reads the rows and writes nothing.
	if err := model.SaveSnapshot(ws); err != nil {
		t.Fatal(err)
	}
	addBatch(2)
	want2, err := model.LoadRows(ws)
	if err != nil {
		t.Fatal(err)
	}
	ws.Close()
	ro, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	got, err = model.Load(ro)
	if err != nil {
		t.Fatalf("read-only Load of a stale snapshot: %v", err)
	}
	equalModels(t, got, want2)
	if _, err := model.LoadSnapshot(ro); !errors.Is(err, model.ErrNoSnapshot) {
		t.Errorf("after a read-only Load: LoadSnapshot gave %v, want ErrNoSnapshot", err)
	}
}

func TestEncodeRefusesModelsOutOfRowOrder(t *testing.T) {
	build := func() *model.Model {
		m := model.New()
		b := m.AddBatch(1, []store.FileInfo{{Name: "a.csv", Source: "Shop"}})
		for i := range 3 {
			m.Add(b, record.Row{Line: i, Identifiers: []record.Identifier{{Type: "email", Value: fmt.Sprint(i)}},
				Events: []record.Event{{Time: int64(i), Touchpoint: "Visit"}}})
		}
		return m
	}
	if _, err := model.EncodeSnapshot(build()); err != nil {
		t.Fatalf("a model built with Add: %v", err)
	}
	tests := []struct {
		name   string
		tamper func(m *model.Model)
	}{
		{"event range", func(m *model.Model) { m.Rows[1].FirstEvent = 0 }},
		{"identifier range", func(m *model.Model) { m.Rows[2].IDs.Start = 0 }},
		{"event row", func(m *model.Model) { m.Events.Row[2] = 0 }},
		{"event source", func(m *model.Model) { m.Events.Source[0] = model.None }},
		{"short column", func(m *model.Model) { m.Events.Text = m.Events.Text[:2] }},
		{"unlisted batch", func(m *model.Model) { m.Rows[0].Batch = 4 }},
		{"extra event", func(m *model.Model) { m.Rows[2].NumEvents = 0 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := build()
			tt.tamper(m)
			if _, err := model.EncodeSnapshot(m); !errors.Is(err, model.ErrNotRowOrder) {
				t.Errorf("got %v, want ErrNotRowOrder", err)
			}
		})
	}
}

// snapshotSeeds are valid snapshots for the fuzzer to mutate.
func snapshotSeeds(t testing.TB) [][]byte {
	var out [][]byte
	for seed := range uint64(3) {
		r := rand.New(rand.NewPCG(seed, 7))
		m := model.New()
		b := m.AddBatch(seed+1, []store.FileInfo{{Name: "a.csv", Source: "Shop"}, {Name: "b.csv"}})
		for i := range int(seed * 4) {
			file, row := randomRow(r, i, 2)
			row.File = file
			m.Add(b, row)
		}
		data, err := model.EncodeSnapshot(m)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

func FuzzSnapshotDecode(f *testing.F) {
	for _, s := range snapshotSeeds(f) {
		f.Add(s)
	}
	f.Add([]byte("WLMS\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, in := range [][]byte{data, model.Reseal(data)} {
			m, err := model.DecodeSnapshot(in)
			if err != nil {
				if !errors.Is(err, model.ErrBadSnapshot) {
					t.Fatalf("error %v does not wrap ErrBadSnapshot", err)
				}
				continue
			}
			// What decodes is a usable model: every range and id in bounds, and it encodes back to a
			// snapshot that decodes to the same model.
			for i := range m.Rows {
				m.Where(uint32(i))
				r := m.Rows[i]
				for j := r.IDs.Start; j < r.IDs.End; j++ {
					m.Str(m.IDType[j])
					m.Str(m.IDValue[j])
				}
			}
			for i := 0; i < m.Events.Len(); i++ {
				for _, id := range []uint32{m.Events.Touchpoint[i], m.Events.Channel[i], m.Events.Device[i],
					m.Events.Text[i], m.Events.Source[i]} {
					m.Str(id)
				}
			}
			again, err := model.EncodeSnapshot(m)
			if err != nil {
				t.Fatalf("a decoded model does not encode: %v", err)
			}
			back, err := model.DecodeSnapshot(again)
			if err != nil {
				t.Fatalf("a re-encoded model does not decode: %v", err)
			}
			equalModels(t, back, m)
		}
	})
}

func TestSnapshotRoundTripIsStable(t *testing.T) {
	for i, s := range snapshotSeeds(t) {
		m, err := model.DecodeSnapshot(s)
		if err != nil {
			t.Fatalf("seed %d: %v", i, err)
		}
		again, err := model.EncodeSnapshot(m)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, s) {
			t.Errorf("seed %d: re-encoding gave %d bytes differing from the %d decoded", i, len(again), len(s))
		}
	}
}
