package journey_test

import (
	"sort"
	"testing"

	"wayline/internal/journey"
	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

// ev is one hand-written event; each becomes its own row with the identifier case_id = who.
type ev struct {
	who        string
	t          int64 // seconds
	tp         string
	ch, dev    string
	src        string // file (and source) name; "web" when empty
	value      float64
	hasValue   bool
	attr, attv string
}

// fixture is a model built from events with one profile per distinct who (profiles numbered by name).
type fixture struct {
	m          *model.Model
	rowProfile []int32
	names      []string // profile index → who
}

func newFixture(evs []ev) fixture {
	m := model.New()
	var files []store.FileInfo
	fileOf := map[string]int{}
	for _, e := range evs {
		src := e.src
		if src == "" {
			src = "web"
		}
		if _, ok := fileOf[src]; !ok {
			fileOf[src] = len(files)
			files = append(files, store.FileInfo{Name: src + ".csv", Source: src})
		}
	}
	b := m.AddBatch(1, files)
	whoSet := map[string]bool{}
	for _, e := range evs {
		whoSet[e.who] = true
	}
	f := fixture{m: m}
	for w := range whoSet {
		f.names = append(f.names, w)
	}
	sort.Strings(f.names)
	index := map[string]int32{}
	for i, w := range f.names {
		index[w] = int32(i)
	}
	for line, e := range evs {
		src := e.src
		if src == "" {
			src = "web"
		}
		r := record.Row{File: fileOf[src], Line: line + 2,
			Identifiers: []record.Identifier{{Type: "case_id", Value: e.who}}}
		if e.tp != "" {
			r.Events = []record.Event{{Time: e.t * 1e6, Touchpoint: e.tp, Channel: e.ch, Device: e.dev, Value: e.value,
				HasValue: e.hasValue}}
		}
		if e.attr != "" {
			r.Attributes = []record.Attribute{{Name: e.attr, Value: e.attv}}
		}
		m.Add(b, r)
		f.rowProfile = append(f.rowProfile, index[e.who])
	}
	return f
}

func (f fixture) build(t testing.TB, sm *journey.StageModel) *journey.Journeys {
	t.Helper()
	model := journey.StageModel{Stages: journey.DefaultStages()}
	if sm != nil {
		model = *sm
	}
	j, err := journey.Build(f.m, f.rowProfile, len(f.names), model)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return j
}

func (f fixture) view(t testing.TB, sm *journey.StageModel, flt journey.Filter) *journey.View {
	t.Helper()
	v, err := f.build(t, sm).Apply(flt)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	return v
}

// who maps profile indices back to names.
func (f fixture) who(ps []int32) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, f.names[p])
	}
	return out
}

// path is a shorthand for a sequence of touchpoints of one customer at 1-minute steps.
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
