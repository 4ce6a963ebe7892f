package persona_test

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"wayline/internal/demo"
	"wayline/internal/explore"
	"wayline/internal/model"
	"wayline/internal/persona"
	"wayline/internal/record"
	"wayline/internal/store"
)

func TestDeterministic(t *testing.T) {
	d := loadDemo(t, demo3000)
	a, err := persona.Run(d.snap, persona.Options{Seed: 7, Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	b, err := persona.Run(d.snap, persona.Options{Seed: 7, Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		t.Fatalf("two runs with one seed differ:\n%s\n%s", ja, jb)
	}
}

// shuffled rebuilds the snapshot's model with its rows in a random order, as if the files had been
// imported in another order, and analyses it under the same rules and stages.
func shuffled(t *testing.T, snap *explore.Snapshot, seed uint64) *explore.Snapshot {
	t.Helper()
	m := snap.Model
	out := model.New()
	for _, b := range m.Batches {
		var files []store.FileInfo
		for _, f := range b.Files {
			files = append(files, store.FileInfo{Name: f.Name, Source: m.Str(f.Source)})
		}
		out.AddBatch(b.ID, files)
	}
	order := rand.New(rand.NewPCG(seed, 1)).Perm(len(m.Rows))
	for _, ri := range order {
		row := m.Rows[ri]
		rec := record.Row{File: int(row.File), Line: int(row.Line)}
		for k := row.IDs.Start; k < row.IDs.End; k++ {
			rec.Identifiers = append(rec.Identifiers, record.Identifier{Type: m.Str(m.IDType[k]), Value: m.Str(m.IDValue[k])})
		}
		for k := row.Attrs.Start; k < row.Attrs.End; k++ {
			rec.Attributes = append(rec.Attributes, record.Attribute{Name: m.Str(m.AttrName[k]), Value: m.Str(m.AttrValue[k])})
		}
		e := &m.Events
		for k := row.FirstEvent; k < row.FirstEvent+row.NumEvents; k++ {
			ev := record.Event{Time: e.Time[k], Touchpoint: m.Str(e.Touchpoint[k]), Channel: m.Str(e.Channel[k]),
				Device: m.Str(e.Device[k]), Text: m.Str(e.Text[k])}
			if v := e.Value[k]; !math.IsNaN(v) {
				ev.Value, ev.HasValue = v, true
			}
			if r := e.Rating[k]; !math.IsNaN(float64(r)) {
				ev.Rating, ev.RatingScale = float64(r), 1
			}
			rec.Events = append(rec.Events, ev)
		}
		out.Add(row.Batch, rec)
	}
	s, err := (&explore.Snapshot{Model: out}).Rebuild(snap.Rules, snap.Stages)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestOrderIndependent(t *testing.T) {
	d := loadDemo(t, demo3000)
	for _, method := range []string{persona.MethodFeatures, persona.MethodSequences} {
		a, err := persona.Run(d.snap, persona.Options{Method: method, Seed: 3, Now: fixedClock})
		if err != nil {
			t.Fatal(err)
		}
		b, err := persona.Run(shuffled(t, d.snap, 99), persona.Options{Method: method, Seed: 3, Now: fixedClock})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a.Members, b.Members) {
			t.Fatalf("%s: the shuffled model has other customers", method)
		}
		diff := 0
		for i := range a.Labels {
			if a.Labels[i] != b.Labels[i] {
				diff++
			}
		}
		if diff > 0 {
			t.Errorf("%s: %d of %d customers have another persona after shuffling the rows", method, diff, len(a.Labels))
		}
		for c := range a.Personas {
			if a.Personas[c].Name != b.Personas[c].Name || a.Personas[c].Size != b.Personas[c].Size {
				t.Errorf("%s: persona %d is %q (%d) in order and %q (%d) shuffled", method, c,
					a.Personas[c].Name, a.Personas[c].Size, b.Personas[c].Name, b.Personas[c].Size)
			}
		}
	}
}

// TestStability renames a persona, saves the result as the app does (JSON), re-runs on a bigger
// workspace and checks that Match carries the name, notes and colour over.
func TestStability(t *testing.T) {
	d := loadDemo(t, demo3000)
	first, err := persona.Run(d.snap, persona.Options{Seed: 1, Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	persona.Match(nil, first)
	if first.Changed {
		t.Errorf("a first run is not a change")
	}
	var support string
	for _, p := range first.Personas {
		if p.Status != persona.StatusNew {
			t.Errorf("first run: %s has status %q, want new", p.ID, p.Status)
		}
		if strings.Contains(strings.ToLower(p.AutoName), "support") {
			support = p.ID
		}
	}
	if support == "" {
		t.Fatal("no support persona to rename")
	}
	if _, err := first.Rename(support, "Unhappy regulars"); err != nil {
		t.Fatal(err)
	}
	if _, err := first.SetNotes(support, "call them back"); err != nil {
		t.Fatal(err)
	}
	if _, err := first.SetColor(support, "#123456"); err != nil {
		t.Fatal(err)
	}
	if _, err := first.Rename("persona-99", "x"); err == nil {
		t.Error("renaming an unknown persona: got no error")
	}
	raw, err := json.Marshal(first.Save())
	if err != nil {
		t.Fatal(err)
	}
	var saved persona.Saved
	if err := json.Unmarshal(raw, &saved); err != nil {
		t.Fatal(err)
	}

	// The same data again: everything stable, nothing changed.
	again, err := persona.Run(d.snap, persona.Options{Seed: 1, Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	persona.Match(&saved, again)
	if again.Changed {
		t.Error("re-running on the same data: got changed, want not")
	}
	for _, p := range again.Personas {
		if p.Moved > 1e-9 {
			t.Errorf("same data: %s moved %g", p.ID, p.Moved)
		}
		if p.Status != persona.StatusStable {
			t.Errorf("same data: %s %q is %s, want stable", p.ID, p.Name, p.Status)
		}
	}

	// More customers of the same kinds.
	bigger := loadDemo(t, demo.Options{Customers: 3600, Seed: 2})
	next, err := persona.Run(bigger.snap, persona.Options{Seed: 1, Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	persona.Match(&saved, next)
	ari, _ := scoreARI(bigger, next)
	t.Logf("3,600 customers, seed 2: k = %d, ARI %.4f", next.K, ari)
	found := false
	for _, p := range next.Personas {
		t.Logf("%s %-34q %-8s %d customers, centre moved %.3f", p.ID, p.Name, p.Status, p.Size, p.Moved)
		if p.ID == support {
			found = true
			if p.Name != "Unhappy regulars" || p.Notes != "call them back" || p.Color != "#123456" {
				t.Errorf("renamed persona came back as %q, notes %q, colour %q", p.Name, p.Notes, p.Color)
			}
			if !strings.Contains(strings.ToLower(p.AutoName), "support") {
				t.Errorf("the persona now called %q is %q: matched to the wrong one", p.Name, p.AutoName)
			}
		}
		if p.Status == persona.StatusNew {
			t.Errorf("%s %q is new on a workspace with the same kinds of customers", p.ID, p.Name)
		}
	}
	if !found {
		t.Errorf("no persona kept the id %s", support)
	}

	// The restored result labels the new workspace: old customers by their saved persona, new ones by KNN.
	restored, err := saved.Restore()
	if err != nil {
		t.Fatal(err)
	}
	labels, err := persona.Assign(restored, bigger.snap)
	if err != nil {
		t.Fatal(err)
	}
	placed := 0
	for p, l := range labels {
		if l >= 0 {
			placed++
		} else if bigger.snap.Journeys.Profile(p).Events > 0 {
			t.Fatalf("customer %d got no persona", p)
		}
	}
	if placed != next.Customers {
		t.Errorf("placed %d customers, want %d", placed, next.Customers)
	}
}

func TestCompare(t *testing.T) {
	d := loadDemo(t, demo3000)
	r, err := persona.Run(d.snap, persona.Options{Seed: 1, Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	c, err := persona.Compare(r, []string{r.Personas[1].ID, r.Personas[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Personas) != 2 || c.Personas[0].ID != r.Personas[1].ID || len(c.Features) != len(r.Features) {
		t.Fatalf("got %d personas and %d features, want 2 in the asked order and %d", len(c.Personas), len(c.Features), len(r.Features))
	}
	for _, f := range c.Features {
		if f.Feature == "converted" {
			if f.Values[0] != r.Personas[1].ConversionRate || f.Values[1] != r.Personas[0].ConversionRate {
				t.Errorf("converted: got %v, want the personas' conversion rates", f.Values)
			}
		}
	}
	if _, err := persona.Compare(r, []string{"nope"}); err == nil {
		t.Error("comparing an unknown persona: got no error")
	}
}

// TestMatchChangedAndNew edits a saved result: a persona whose behaviour moved a lot is marked changed,
// and a persona the saved result does not have is new, with an id never used before.
func TestMatchChangedAndNew(t *testing.T) {
	d := loadDemo(t, demo3000)
	r, err := persona.Run(d.snap, persona.Options{Seed: 1, Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	saved := r.Save()
	prev := *saved.Result
	prev.Personas = append([]persona.Persona(nil), r.Personas...)
	// Persona 1 used to contact support constantly and had hardly any touches; the largest persona is gone
	// from the saved result under the id persona-7 that no other run used.
	moved := prev.Personas[1]
	moved.Means = map[string]float64{}
	for k, v := range r.Personas[1].Means {
		moved.Means[k] = v
	}
	moved.Means["support"] = 40
	moved.Means["touches"] = 2
	prev.Personas[1] = moved
	prev.Personas = prev.Personas[1:]
	prev.Personas[len(prev.Personas)-1].ID = "persona-7"
	saved.Result = &prev

	now, err := persona.Run(d.snap, persona.Options{Seed: 1, Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	persona.Match(saved, now)
	if !now.Changed {
		t.Error("got Changed false, want true")
	}
	want := map[string]string{r.Personas[1].ID: persona.StatusChanged, "persona-8": persona.StatusNew}
	for _, p := range now.Personas {
		t.Logf("%s %q %s moved %.2f", p.ID, p.Name, p.Status, p.Moved)
		if s, ok := want[p.ID]; ok {
			if p.Status != s {
				t.Errorf("%s: got status %s, want %s", p.ID, p.Status, s)
			}
			delete(want, p.ID)
		} else if p.Status != persona.StatusStable {
			t.Errorf("%s: got status %s, want stable", p.ID, p.Status)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing personas %v", want)
	}
}
