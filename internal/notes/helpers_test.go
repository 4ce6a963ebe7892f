package notes_test

import (
	"path/filepath"
	"sort"
	"testing"
	"time"

	"wayline/internal/journey"
	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

// epoch is the injected clock's time; tick advances it so that every change has its own time.
var epoch = time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)

// openTemp opens a workspace in t.TempDir whose clock advances one second per reading, and checks the file
// when the test ends.
func openTemp(t testing.TB) *store.Workspace {
	t.Helper()
	now := epoch
	clock := func() time.Time { now = now.Add(time.Second); return now }
	ws, err := store.Open(filepath.Join(t.TempDir(), "notes.wayline"), store.Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := ws.Check(); err != nil {
			t.Errorf("Check: %v", err)
		}
		ws.Close()
	})
	return ws
}

// ev is one hand-written event; each becomes its own row with the identifier case_id = who.
type ev struct {
	who      string
	t        int64 // seconds
	tp       string
	dev      string
	value    float64
	hasValue bool
}

// build makes journeys with one profile per distinct who, profiles numbered in name order.
func build(t testing.TB, evs []ev) (*journey.Journeys, []string) {
	t.Helper()
	m := model.New()
	b := m.AddBatch(1, []store.FileInfo{{Name: "web.csv", Source: "web"}})
	seen := map[string]bool{}
	var names []string
	for _, e := range evs {
		if !seen[e.who] {
			seen[e.who] = true
			names = append(names, e.who)
		}
	}
	sort.Strings(names)
	index := map[string]int32{}
	for i, n := range names {
		index[n] = int32(i)
	}
	var rowProfile []int32
	for line, e := range evs {
		m.Add(b, record.Row{Line: line + 2, Identifiers: []record.Identifier{{Type: "case_id", Value: e.who}},
			Events: []record.Event{{Time: e.t * 1e6, Touchpoint: e.tp, Device: e.dev, Value: e.value, HasValue: e.hasValue}}})
		rowProfile = append(rowProfile, index[e.who])
	}
	j, err := journey.Build(m, rowProfile, len(names), journey.StageModel{Stages: journey.DefaultStages()})
	if err != nil {
		t.Fatal(err)
	}
	return j, names
}

// path is one customer's touchpoints at one-minute steps from start (seconds).
func path(who string, start int64, tps ...string) []ev {
	var out []ev
	for i, tp := range tps {
		out = append(out, ev{who: who, t: start + int64(i)*60, tp: tp})
	}
	return out
}

type notesFixture struct{ j *journey.Journeys }
