package ingest

import (
	"sort"
	"strings"
)

// Limits on what a generic suggestion takes in; the user adds more in the wizard.
const (
	maxSuggestedIdentifiers = 4
	maxSuggestedAttributes  = 8
	minSuggestConfidence    = 0.5
)

// suggestRecipe builds a best-effort recipe from column roles when no preset matches:
//   - identifiers: the identifier columns, surest first;
//   - events: with a touchpoint column, one event on the best time column (the one named like
//     event_time or timestamp, else the first) carrying the touchpoint, channel, device, value, rating and
//     text columns; without one, an event per time column named after it ("Created At" → "Created"), so a
//     CRM row with created and closed dates gives two events;
//   - attributes: columns named like a person's attribute (plan, country, ...), and in a table without
//     events every categorical column.
func suggestRecipe(v *sampleView) Recipe {
	var r Recipe
	best := func(role string) string {
		name, conf := "", 0.0
		for _, c := range v.info {
			if c.Role == role && c.Confidence >= minSuggestConfidence && c.Confidence > conf {
				name, conf = c.Name, c.Confidence
			}
		}
		return name
	}
	var ids, attrs []ColumnInfo
	var times []string
	for _, c := range v.info {
		switch {
		case strings.HasPrefix(c.Role, RoleIdentifierPrefix) && c.Confidence >= minSuggestConfidence:
			ids = append(ids, c)
		case c.Role == RoleEventTime:
			times = append(times, c.Name)
		case c.Role == RoleAttribute && c.Confidence >= minSuggestConfidence:
			attrs = append(attrs, c)
		}
	}
	sort.SliceStable(ids, func(i, j int) bool { return ids[i].Confidence > ids[j].Confidence })
	seenType := map[string]bool{}
	for _, c := range ids {
		typ := strings.TrimPrefix(c.Role, RoleIdentifierPrefix)
		if seenType[typ] || len(r.Identifiers) == maxSuggestedIdentifiers {
			continue
		}
		seenType[typ] = true
		r.Identifiers = append(r.Identifiers, IdentifierSpec{Column: c.Name, Type: typ})
	}

	extras := func(ev *EventSpec) {
		if c := best(RoleChannel); c != "" {
			ev.Channel = &Field{Column: c}
		}
		if c := best(RoleDevice); c != "" {
			ev.Device = &Field{Column: c}
		}
		ev.Value = best(RoleValue)
		if c := best(RoleRating); c != "" {
			ev.Rating = ratingSpec(v, c)
		}
		ev.Text = best(RoleText)
	}
	if tp := best(RoleTouchpoint); tp != "" && len(times) > 0 {
		ev := EventSpec{Time: mainTimeColumn(times), Touchpoint: Field{Column: tp}}
		extras(&ev)
		r.Events = append(r.Events, ev)
	} else {
		for i, t := range times {
			ev := EventSpec{Time: t, Touchpoint: Field{Const: touchpointFromTime(t)}}
			if i == 0 {
				extras(&ev)
			}
			r.Events = append(r.Events, ev)
		}
	}
	// In a file of events, a category column usually describes the event (the brand viewed), not the
	// person; only columns whose names say so (plan, country) become profile attributes. A table without
	// events describes people, so all its categories do.
	for _, c := range attrs {
		if len(r.Attributes) == maxSuggestedAttributes {
			break
		}
		if len(r.Events) == 0 || nameHint(c.Name) == hintAttribute {
			r.Attributes = append(r.Attributes, AttributeSpec{Column: c.Name})
		}
	}
	return r
}

// mainTimeColumn prefers the column that names the moment of the event itself.
func mainTimeColumn(times []string) string {
	for _, want := range []string{"eventtime", "timetimestamp", "timestamp", "eventtimestamp", "time", "date", "createdat", "occurredat"} {
		for _, t := range times {
			if foldName(t) == want || lastSegments(t, 2) == want {
				return t
			}
		}
	}
	return times[0]
}

// touchpointFromTime names the event a time column records: "created_at" → "Created", "Close Date" →
// "Close", "Solved at" → "Solved".
func touchpointFromTime(col string) string {
	words := nameWords(col)
	for len(words) > 1 {
		switch words[len(words)-1] {
		case "at", "date", "time", "timestamp", "ts", "on", "datetime":
			words = words[:len(words)-1]
			continue
		}
		break
	}
	if len(words) == 0 {
		return col
	}
	s := strings.Join(words, " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// ratingSpec guesses a rating's scale from the sample: 0–10 when any value is above 5 (NPS), else 1–5
// (0–5 when a 0 is seen).
func ratingSpec(v *sampleView, col string) *RatingSpec {
	ci := v.column(col)
	minV, maxV := 1.0, 0.0
	for _, row := range v.rows {
		if ci != nil && ci.Index < len(row) {
			if f, ok := ParseNumber(row[ci.Index]); ok {
				minV, maxV = min(minV, f), max(maxV, f)
			}
		}
	}
	lo := 1.0
	if minV < 1 {
		lo = 0
	}
	if maxV > 5 {
		return &RatingSpec{Column: col, Min: 0, Scale: 10}
	}
	return &RatingSpec{Column: col, Min: lo, Scale: 5}
}
