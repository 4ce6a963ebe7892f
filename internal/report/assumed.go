package report

import (
	"fmt"

	"wayline/internal/journey"
	"wayline/internal/maps"
)

// assumed compares the customers with a saved assumed map: o.Assumed, else the first saved one.
func (a *analysis) assumed() (assumedSection, error) {
	if a.ws == nil {
		if a.o.Assumed != "" {
			return assumedSection{}, fmt.Errorf("%w: %q (no workspace to read it from)", ErrNoAssumed, a.o.Assumed)
		}
		return assumedSection{None: "No assumed map saved."}, nil
	}
	all, err := maps.ListAssumed(a.ws)
	if err != nil {
		return assumedSection{}, err
	}
	if len(all) == 0 {
		if a.o.Assumed != "" {
			return assumedSection{}, fmt.Errorf("%w: %q (the workspace has none)", ErrNoAssumed, a.o.Assumed)
		}
		return assumedSection{None: "No assumed map saved. Draw the map the workshop believes in (Workshop in the app, or 'wayline map --assumed MAP.json') and export the report again to see where reality departs from it."}, nil
	}
	am := all[0]
	if a.o.Assumed != "" {
		found := false
		for _, m := range all {
			if m.ID == a.o.Assumed {
				am, found = m, true
				break
			}
		}
		if !found {
			return assumedSection{}, fmt.Errorf("%w: %q", ErrNoAssumed, a.o.Assumed)
		}
	}
	view, who, err := a.assumedView(am)
	if err != nil {
		return assumedSection{}, err
	}
	cmp, err := maps.Compare(view, am, maps.Tolerance{})
	if err != nil {
		return assumedSection{}, err
	}
	out := assumedSection{Name: am.Name, Kind: am.Kind, Customers: count(cmp.Customers) + " " + who,
		Followed: percent(cmp.FollowedShare) + " (" + count(cmp.Followed) + " customers) follow it end to end, with no unplanned touch, step out of order or skipped step before its last stage."}
	if len(all) > 1 {
		out.Others = fmt.Sprintf("The workspace holds %d assumed maps; this report compares with %q.", len(all), am.Name)
	}
	for _, s := range cmp.Stages {
		out.Stages = append(out.Stages, assumedStageRow{Stage: s.Stage, Reached: count(s.Reached), Followed: count(s.Followed),
			Skipped: count(s.Skipped), OutOfOrder: count(s.OutOfOrder), Loops: count(s.Loops)})
	}
	for i, g := range cmp.Gaps {
		if i == 10 {
			break
		}
		out.Gaps = append(out.Gaps, labelled{g.Text, count(g.Customers) + " customers"})
	}
	for i, u := range cmp.Unplanned {
		if i == 8 {
			break
		}
		where := u.Stage
		if where == "" {
			where = "before the path"
		}
		out.Unplanned = append(out.Unplanned, labelled{u.Touchpoint + " (" + where + ")", count(u.Customers) + " customers, " + count(u.Events) + " events"})
	}
	for i, d := range cmp.Departures {
		if i == 8 {
			break
		}
		out.Departures = append(out.Departures, labelled{departure(d), count(d.Customers) + " (" + percent(d.Share) + ")"})
	}
	if len(am.Personas) > 0 {
		matches, unassumed := maps.MatchPersonas(am.Personas, a.personas)
		for _, m := range matches {
			v := "resembles no discovered persona"
			switch {
			case m.Matched:
				v = fmt.Sprintf("resembles %s (similarity %.2f)", m.Name, m.Similarity)
			case m.Name != "":
				v = fmt.Sprintf("resembles no discovered persona (closest: %s, similarity %.2f)", m.Name, m.Similarity)
			}
			out.Personas = append(out.Personas, labelled{m.Assumed, v})
		}
		for _, id := range unassumed {
			for _, p := range a.personas.Personas {
				if p.ID == id {
					out.Unassumed = append(out.Unassumed, p.Name+" ("+percent(p.Share)+" of customers)")
				}
			}
		}
	}
	return out, nil
}

// assumedView is the view an assumed map is compared on: everyone, or the persona the map is meant for.
func (a *analysis) assumedView(am maps.Assumed) (*journey.View, string, error) {
	if am.Persona == "" || a.personas == nil {
		return a.view, "customers compared", nil
	}
	for i, p := range a.personas.Personas {
		if p.ID == am.Persona {
			v, err := a.snap.Journeys.Apply(journey.Filter{Personas: []int32{int32(i)}, PersonaOf: a.personaOf})
			return v, "customers of the persona " + p.Name + " compared", err
		}
	}
	return a.view, "customers compared (the persona this map is meant for no longer exists, so everyone)", nil
}

// departure says where customers first left the assumed path.
func departure(d maps.Departure) string {
	after := "before the first planned step"
	if d.After != "" {
		after = "after " + d.After
	}
	switch d.Kind {
	case maps.DepartEnded:
		return "Journey ended " + after
	case maps.DepartUnplanned:
		return "Went to " + d.To + ", which is not planned, " + after
	case maps.DepartOutOfOrder:
		return "Went back to " + d.To + " " + after
	case maps.DepartSkip:
		return "Skipped ahead to " + d.To + " " + after
	}
	return d.Kind + " " + after
}
