package report

import (
	"fmt"
	"strings"

	"wayline/internal/notes"
)

// notes lists the workshop's sticky notes, and evaluates every hypothesis on the data.
func (a *analysis) notes() (notesSection, error) {
	if a.ws == nil {
		return notesSection{None: "No notes."}, nil
	}
	list, err := notes.List(a.ws)
	if err != nil {
		return notesSection{}, err
	}
	if len(list) == 0 {
		return notesSection{None: "No notes or hypotheses yet. Add them on the map in the workshop view; hypotheses are tested on the data and appear here with their verdict."}, nil
	}
	var ids []string
	if a.personas != nil {
		for _, p := range a.personas.Personas {
			ids = append(ids, p.ID)
		}
	}
	var out notesSection
	for _, n := range list {
		target := a.target(n.Target)
		if n.Hypothesis == nil {
			nv := noteView{Kind: kindLabel(n.Kind), Target: target, Text: n.Text}
			if !a.o.Redact && n.Author != "" {
				// An author is a person's name: a redacted report leaves it out.
				nv.By = n.Author
			}
			out.Notes = append(out.Notes, nv)
			continue
		}
		h := *n.Hypothesis
		claim := h.Claim
		if claim == "" {
			claim = n.Text
		}
		hv := hypothesisView{Claim: claim, Target: target}
		v, err := notes.Evaluate(a.snap.Journeys, a.personaOf, ids, h, a.settings.MinCustomers)
		if err != nil {
			hv.Status, hv.Figures = "cannot be tested", err.Error()
		} else {
			hv.Status = v.Status
			hv.Supported, hv.Contradicted = v.Status == "supported", v.Status == "contradicted"
			hv.Figures = verdictFigures(h, v)
		}
		out.Hypotheses = append(out.Hypotheses, hv)
	}
	return out, nil
}

// verdictFigures gives the numbers behind a verdict: both groups, the difference with its interval, p.
func verdictFigures(h notes.Hypothesis, v notes.Verdict) string {
	var b strings.Builder
	if v.Reason != "" {
		b.WriteString(v.Reason + " ")
	}
	side := func(s notes.Side) string {
		if h.Metric == notes.MetricConversion {
			return fmt.Sprintf("%s customers, %s convert", count(s.Customers), percent(s.Rate))
		}
		return fmt.Sprintf("%s customers, mean %s", count(s.Customers), amount(s.Mean))
	}
	fmt.Fprintf(&b, "Group A: %s. Group B: %s.", side(v.A), side(v.B))
	if v.Tested {
		diff := func(x float64) string {
			if h.Metric == notes.MetricConversion {
				return points(x)
			}
			return amount(x)
		}
		fmt.Fprintf(&b, " Difference %s (95 %% interval %s to %s), p = %s, %s.", diff(v.Difference), diff(v.Low), diff(v.High), pValue(v.P), v.Test)
	}
	return b.String()
}

func pValue(p float64) string {
	if p < 0.001 {
		return "< 0.001"
	}
	return fmt.Sprintf("%.3f", p)
}

// target says what a note is stuck to, in words.
func (a *analysis) target(t notes.Target) string {
	persona := t.Persona
	if a.personas != nil {
		for _, p := range a.personas.Personas {
			if p.ID == t.Persona {
				persona = p.Name
			}
		}
	}
	var parts []string
	if t.Stage != "" {
		parts = append(parts, "stage "+t.Stage)
	}
	if t.Touchpoint != "" {
		parts = append(parts, "touchpoint "+t.Touchpoint)
	}
	if persona != "" {
		parts = append(parts, "persona "+persona)
	}
	if len(parts) == 0 {
		if t.Map != "" && t.Map != "observed" {
			return "the assumed map " + t.Map
		}
		return "the map"
	}
	return strings.Join(parts, ", ")
}

func kindLabel(k string) string {
	switch k {
	case "pain":
		return "Pain point"
	case "":
		return "Note"
	}
	return strings.ToUpper(k[:1]) + k[1:]
}
