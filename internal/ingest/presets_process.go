package ingest

import "strings"

// Process-mining logs (pm4py CSV, Disco/Celonis CSV, XES read as events with case:* trace attributes):
// a case id, an activity, a timestamp. The case is the customer's journey here, so it is the identifier
// (type case_id) and each activity a touchpoint.
var (
	pmCase     = []string{"case:concept:name", "Case ID", "case_id", "CaseID", "Case"}
	pmActivity = []string{"concept:name", "Activity", "activity", "Activity name", "Event"}
	pmTime     = []string{"time:timestamp", "Complete Timestamp", "Timestamp", "End Timestamp", "Start Timestamp"}
)

func detectProcessMining(v *sampleView) float64 {
	if v.has("case:concept:name", "concept:name") {
		return 0.95
	}
	return required(v, 0.7, [][]string{pmCase, pmActivity, pmTime}, []string{"lifecycle:transition", "Resource", "org:resource"})
}

func buildProcessMining(v *sampleView) Recipe {
	b := recipeBuilder{v: v}
	b.id("case_id", pmCase...)
	if ev := b.event(Field{Column: v.find(pmActivity...)}, pmTime...); ev != nil {
		ev.Channel = b.col("case:channel", "channel")
		if c := v.find("cost:total", "Costs", "Cost", "case:Amount", "Amount"); c != "" && v.numeric(c) {
			ev.Value = c
		}
	}
	// With start and complete events both present only completions count, so one activity is one step.
	if lc := v.find("lifecycle:transition"); lc != "" {
		if ci := v.column(lc); ci != nil && ci.Distinct > 1 {
			b.r.Skip = append(b.r.Skip, SkipRule{Column: lc, Equals: []string{"start", "schedule", "assign", "reassign", "suspend", "resume"}})
		}
	}
	for _, c := range v.withPrefix("case:") {
		switch c {
		case "case:concept:name", "case:channel":
			continue
		}
		if ci := v.column(c); ci != nil && ci.Type == ColCategorical && ci.Distinct > 1 {
			b.r.Attributes = append(b.r.Attributes, AttributeSpec{Column: c, Name: strings.TrimPrefix(c, "case:")})
		}
	}
	return b.r
}
