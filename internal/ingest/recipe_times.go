package ingest

import "strings"

// decideTimeLayouts picks the layout of every event time column from the sample: DetectTimeLayout on the
// column's sample values, then Recipe.DayFirst, when set, settles day/month order whatever the data
// suggested (the user has looked; "03/04/2024" cannot tell them apart).
func (p *Plan) decideTimeLayouts(sample []Record) {
	p.reports = make([]TimeReport, len(p.events))
	done := map[int]int{} // plan column → event index already decided
	for i := range p.events {
		ev := &p.events[i]
		if j, ok := done[ev.time]; ok {
			ev.layout, p.reports[i] = p.events[j].layout, p.reports[j]
			continue
		}
		done[ev.time] = i
		values := make([]string, 0, len(sample))
		idx := p.cols[ev.time].idx
		if idx < 0 {
			idx = p.rd.Index(p.cols[ev.time].name)
		}
		for _, rec := range sample {
			if idx >= 0 && idx < len(rec.Values) {
				if v := strings.TrimSpace(rec.Values[idx]); v != "" {
					values = append(values, v)
				}
			}
		}
		layout, rep := DetectTimeLayout(values)
		if df := p.recipe.DayFirst; df != nil && (layout.Kind == TimeDMY || layout.Kind == TimeMDY) {
			want := TimeMDY
			order := "month/day/year"
			if *df {
				want, order = TimeDMY, "day/month/year"
			}
			if layout.Kind != want || rep.Ambiguous {
				layout.Kind = want
				rep.Layout = layout
				rep.Ambiguous = false
				rep.Parsed, rep.Failed = 0, nil
				for _, v := range values {
					if _, err := ParseTime(v, layout); err == nil {
						rep.Parsed++
					} else if len(rep.Failed) < 3 {
						rep.Failed = append(rep.Failed, v)
					}
				}
				rep.Summary = "Read as " + order + ", as the recipe's dayFirst says."
				if len(rep.Failed) > 0 {
					rep.Summary += " Some values do not fit (like " + strconvQuote(rep.Failed[0]) + ")."
				}
			}
		}
		ev.layout, p.reports[i] = layout, rep
	}
}

// expectedLayout is the "(expected ...)" part of a bad-date message, in the notation people use.
func expectedLayout(l TimeLayout) string {
	switch l.Kind {
	case TimeISO:
		return " (expected an ISO 8601 date such as 2024-01-31 or 2024-01-31T13:45:00Z)"
	case TimeDMY:
		return " (expected DD/MM/YYYY)"
	case TimeMDY:
		return " (expected MM/DD/YYYY)"
	case TimeUnixSeconds:
		return " (expected Unix time in seconds)"
	case TimeUnixMillis:
		return " (expected Unix time in milliseconds)"
	case TimeUnixMicros:
		return " (expected Unix time in microseconds)"
	case TimeUnixNanos:
		return " (expected Unix time in nanoseconds)"
	case TimeExcelSerial:
		return " (expected an Excel serial date)"
	}
	return ""
}
