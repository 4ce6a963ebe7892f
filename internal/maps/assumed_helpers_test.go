package maps_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"wayline/internal/journey"
	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

// conformStages places the touchpoints of the conformance tests: H(ome) in Awareness, P(roduct) and
// C(ompare) in Consideration, K (cart) and Pay in Decision, Buy in Purchase; X, Ad and Ticket are
// touchpoints no assumed map of the tests plans for.
var conformStages = journey.StageModel{
	Stages: journey.DefaultStages(),
	Mapping: []journey.StageAssignment{
		{Touchpoint: "H", Stage: "Awareness"}, {Touchpoint: "P", Stage: "Consideration"},
		{Touchpoint: "C", Stage: "Consideration"}, {Touchpoint: "K", Stage: "Decision"},
		{Touchpoint: "Pay", Stage: "Decision"}, {Touchpoint: "Buy", Stage: "Purchase"},
		{Touchpoint: "X", Stage: "Consideration"}, {Touchpoint: "Ad", Stage: "Retention"},
		{Touchpoint: "Ticket", Stage: "Retention"},
	},
	Goal: []string{"Buy"},
}

// conformView builds a view with one customer per string: its touchpoints space-separated, one minute
// apart, customers a day apart. Customer i is profile i.
func conformView(t testing.TB, journeys ...string) *journey.View {
	t.Helper()
	m := model.New()
	b := m.AddBatch(1, []store.FileInfo{{Name: "web.csv", Source: "web"}})
	var rowProfile []int32
	for c, j := range journeys {
		for k, tp := range strings.Fields(j) {
			ev := record.Event{Time: int64(1_700_000_000+c*86_400+k*60) * 1e6, Touchpoint: tp, Channel: "web"}
			m.Add(b, record.Row{File: 0, Line: len(rowProfile) + 2,
				Identifiers: []record.Identifier{{Type: "customer_id", Value: "c" + strconv.Itoa(c)}},
				Events:      []record.Event{ev}})
			rowProfile = append(rowProfile, int32(c))
		}
	}
	j, err := journey.Build(m, rowProfile, len(journeys), conformStages)
	if err != nil {
		t.Fatal(err)
	}
	v, err := j.Apply(journey.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// sortedProfiles returns a sorted copy, so profile lists compare regardless of order.
func sortedProfiles(ps []int32) []int32 {
	out := slices.Clone(ps)
	slices.Sort(out)
	if out == nil {
		out = []int32{}
	}
	return out
}
