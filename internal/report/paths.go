package report

import (
	"math"

	"wayline/internal/journey"
)

// paths lists the most common paths (repeats collapsed: A A B is the path A B).
func (a *analysis) paths(limit int) pathSection {
	vs := a.view.Variants(journey.VariantOptions{CollapseRepeats: true, Limit: limit})
	out := pathSection{Coverage: percent(vs.Coverage) + " of customers follow one of these " + thousands(len(vs.Variants)) +
		" paths; there are " + count(vs.Distinct) + " distinct paths in all."}
	top := 0.0
	for _, v := range vs.Variants {
		top = math.Max(top, v.Share)
	}
	for _, v := range vs.Variants {
		bar := 0.0
		if top > 0 {
			bar = v.Share / top * 100
		}
		out.Rows = append(out.Rows, pathRow{Steps: v.Path, Customers: count(v.Customers), Share: percent(v.Share),
			Conversion: percent(v.ConversionRate), Duration: duration(v.MedianSeconds), Bar: round1(bar)})
	}
	return out
}

// momentRows lists the moments of truth as friction ranks them: by removal effect, then lift.
func (a *analysis) momentRows(limit int) []momentRow {
	var out []momentRow
	for i, m := range a.moments {
		if i == limit {
			break
		}
		out = append(out, momentRow{Touchpoint: m.Touchpoint, Stage: m.Stage, With: count(m.With), ConvWith: percent(m.ConvWith),
			ConvWithout: percent(m.ConvWithout), Lift: points(m.Lift), Removal: percent(m.RemovalEffect), Positive: m.Lift > 0, Negative: m.Lift < 0})
	}
	return out
}
