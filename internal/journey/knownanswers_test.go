package journey_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"wayline/internal/journey"
	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

// sharedData finds /work/shared/data by walking up from the package directory.
func sharedData(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", "data")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("shared/data not found")
		}
		dir = parent
	}
}

// logEvent is one line of a process-mining CSV.
type logEvent struct {
	caseID, activity string
	time             time.Time
	line             int
}

func readLog(t *testing.T, name string) []logEvent {
	t.Helper()
	f, err := os.Open(filepath.Join(sharedData(t), "process-mining", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	var out []logEvent
	for i, r := range recs[1:] {
		tm, err := time.Parse("2006-01-02 15:04:05.999999-07:00", r[col["time:timestamp"]])
		if err != nil {
			t.Fatalf("%s line %d: %v", name, i+2, err)
		}
		out = append(out, logEvent{caseID: r[col["case:concept:name"]], activity: r[col["concept:name"]], time: tm, line: i + 2})
	}
	return out
}

// independent computes directly-follows counts (with "" for start and end) and variant counts from first
// principles: group by case, order by time then file line, count consecutive pairs and whole sequences.
func independent(evs []logEvent) (map[[2]string]int, map[string]int) {
	cases := map[string][]logEvent{}
	for _, e := range evs {
		cases[e.caseID] = append(cases[e.caseID], e)
	}
	df := map[[2]string]int{}
	variants := map[string]int{}
	for _, c := range cases {
		sort.SliceStable(c, func(a, b int) bool {
			if !c[a].time.Equal(c[b].time) {
				return c[a].time.Before(c[b].time)
			}
			return c[a].line < c[b].line
		})
		prev := ""
		var seq []string
		for _, e := range c {
			df[[2]string{prev, e.activity}]++
			prev = e.activity
			seq = append(seq, e.activity)
		}
		df[[2]string{prev, ""}]++
		variants[strings.Join(seq, "\x00")]++
	}
	return df, variants
}

// throughPackage loads the same log into a model (case id as the identifier, one profile per case) and
// computes the flow and the variants.
func throughPackage(t *testing.T, evs []logEvent) (map[[2]string]int, map[string]int, *journey.Flow) {
	t.Helper()
	m := model.New()
	b := m.AddBatch(1, []store.FileInfo{{Name: "log.csv"}})
	profileOf := map[string]int32{}
	var rowProfile []int32
	for _, e := range evs {
		m.Add(b, record.Row{File: 0, Line: e.line, Identifiers: []record.Identifier{{Type: "case", Value: e.caseID}},
			Events: []record.Event{{Time: e.time.UnixMicro(), Touchpoint: e.activity}}})
		p, ok := profileOf[e.caseID]
		if !ok {
			p = int32(len(profileOf))
			profileOf[e.caseID] = p
		}
		rowProfile = append(rowProfile, p)
	}
	j, err := journey.Build(m, rowProfile, len(profileOf), journey.StageModel{Stages: journey.DefaultStages()})
	if err != nil {
		t.Fatal(err)
	}
	v, err := j.Apply(journey.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	flow, err := v.Flow(journey.FlowOptions{Level: journey.LevelTouchpoint})
	if err != nil {
		t.Fatal(err)
	}
	df := map[[2]string]int{}
	node := func(id string) string {
		if id == journey.StartNode || id == journey.EndNode {
			return ""
		}
		return id
	}
	for _, e := range flow.Edges {
		df[[2]string{node(e.From), node(e.To)}] += e.Count
	}
	vs := v.Variants(journey.VariantOptions{Limit: -1})
	variants := map[string]int{}
	for _, x := range vs.Variants {
		variants[strings.Join(x.Path, "\x00")] += x.Customers
	}
	if vs.Distinct != len(vs.Variants) || vs.Coverage != 1 {
		t.Errorf("distinct %d, listed %d, coverage %v; want all listed and coverage 1", vs.Distinct, len(vs.Variants), vs.Coverage)
	}
	return df, variants, flow
}

func TestKnownAnswers(t *testing.T) {
	for _, tt := range []struct {
		file                string
		cases, events, acts int
	}{
		{"running-example.csv", 6, 42, 8},
		{"receipt.csv", 1434, 8577, 27},
	} {
		t.Run(tt.file, func(t *testing.T) {
			evs := readLog(t, tt.file)
			wantDF, wantVariants := independent(evs)
			gotDF, gotVariants, flow := throughPackage(t, evs)
			if len(evs) != tt.events {
				t.Fatalf("read %d events, want %d", len(evs), tt.events)
			}
			if flow.TotalCustomers != tt.cases || len(flow.Nodes) != tt.acts+2 {
				t.Errorf("got %d customers and %d nodes, want %d and %d", flow.TotalCustomers, len(flow.Nodes), tt.cases, tt.acts+2)
			}
			if len(gotDF) != len(wantDF) {
				t.Errorf("got %d directly-follows pairs, want %d", len(gotDF), len(wantDF))
			}
			for k, want := range wantDF {
				if got := gotDF[k]; got != want {
					t.Errorf("directly-follows %q → %q: got %d, want %d", k[0], k[1], got, want)
				}
			}
			if len(gotVariants) != len(wantVariants) {
				t.Errorf("got %d variants, want %d", len(gotVariants), len(wantVariants))
			}
			for k, want := range wantVariants {
				if got := gotVariants[k]; got != want {
					t.Errorf("variant %q: got %d, want %d", strings.ReplaceAll(k, "\x00", " → "), got, want)
				}
			}
		})
	}
}
