package friction_test

import (
	"encoding/json"
	"sort"
	"testing"

	"wayline/internal/journey"
	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

// ev is one hand-written event; each becomes its own row with the identifier case_id = who.
type ev struct {
	who    string
	t      int64 // seconds
	tp, ch string
	src    string  // source; "web" when empty
	rating float64 // on a 1..5 scale; 0 for none
	text   string  // the event's detail (the product viewed); "" for none
}

// fixture is a model built from events with one profile per distinct who (numbered by name).
type fixture struct {
	m          *model.Model
	rowProfile []int32
	names      []string
}

func newFixture(evs []ev) fixture {
	m := model.New()
	var files []store.FileInfo
	fileOf := map[string]int{}
	src := func(e ev) string {
		if e.src == "" {
			return "web"
		}
		return e.src
	}
	for _, e := range evs {
		if _, ok := fileOf[src(e)]; !ok {
			fileOf[src(e)] = len(files)
			files = append(files, store.FileInfo{Name: src(e) + ".csv", Source: src(e)})
		}
	}
	b := m.AddBatch(1, files)
	f := fixture{m: m}
	seen := map[string]bool{}
	for _, e := range evs {
		if !seen[e.who] {
			seen[e.who] = true
			f.names = append(f.names, e.who)
		}
	}
	sort.Strings(f.names)
	index := map[string]int32{}
	for i, w := range f.names {
		index[w] = int32(i)
	}
	for line, e := range evs {
		event := record.Event{Time: e.t * 1e6, Touchpoint: e.tp, Channel: e.ch, Text: e.text}
		if e.rating > 0 {
			event.Rating, event.RatingScale = e.rating-1, 4
		}
		m.Add(b, record.Row{File: fileOf[src(e)], Line: line + 2,
			Identifiers: []record.Identifier{{Type: "case_id", Value: e.who}}, Events: []record.Event{event}})
		f.rowProfile = append(f.rowProfile, index[e.who])
	}
	return f
}

// stageModel places touchpoints by name; the goal is "Order".
var stageModel = journey.StageModel{
	Stages: journey.DefaultStages(),
	Mapping: []journey.StageAssignment{
		{Touchpoint: "Home", Stage: "Awareness"}, {Touchpoint: "Product", Stage: "Consideration"},
		{Touchpoint: "Cart", Stage: "Decision"}, {Touchpoint: "Pay", Stage: "Decision"},
		{Touchpoint: "Order", Stage: "Purchase"}, {Touchpoint: "Ticket", Stage: "Retention"},
		{Touchpoint: "Ad", Stage: "Retention"},
	},
	Goal: []string{"Order"},
}

func (f fixture) view(t testing.TB) *journey.View {
	t.Helper()
	j, err := journey.Build(f.m, f.rowProfile, len(f.names), stageModel)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	v, err := j.Apply(journey.Filter{})
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	return v
}

// path is one customer's touchpoints at one-minute steps from start (seconds).
func path(who string, start int64, tps ...string) []ev {
	var out []ev
	for i, tp := range tps {
		out = append(out, ev{who: who, t: start + int64(i)*60, tp: tp})
	}
	return out
}

func join(parts ...[]ev) []ev {
	var out []ev
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// memStore is an in-memory friction.Store.
type memStore map[string]json.RawMessage

func (m memStore) Setting(name string) (json.RawMessage, error) { return m[name], nil }
func (m memStore) SetSetting(name string, v json.RawMessage) error {
	m[name] = v
	return nil
}
