package notes

import (
	"fmt"
	"math"

	"wayline/internal/journey"
)

// sample is one group's per-customer figures.
type sample struct {
	converted int
	x         []float64 // the metric per customer (1/0 for conversion)
}

func (s *sample) add(m []float64, metric string, t *journey.Trail) {
	if t.Converted {
		s.converted++
	}
	switch metric {
	case MetricConversion:
		if t.Converted {
			s.x = append(s.x, 1)
		} else {
			s.x = append(s.x, 0)
		}
	case MetricValue:
		sum := 0.0
		for _, e := range t.Event {
			if v := m[e]; !math.IsNaN(v) {
				sum += v
			}
		}
		s.x = append(s.x, sum)
	case MetricEvents:
		s.x = append(s.x, float64(t.Len()))
	}
}

// selection is a group turned into a journey filter and a touchpoint condition.
type selection struct {
	filter journey.Filter
	touch  []bool // by dense touchpoint id; nil = no touchpoint condition
}

// matches reports whether a kept customer of the group's view has a passing event at one of its touchpoints.
func (s selection) matches(t *journey.Trail) bool {
	if s.touch == nil {
		return true
	}
	for _, tp := range t.Touchpoint {
		if s.touch[tp] {
			return true
		}
	}
	return false
}

// resolve turns a group into a selection, naming the first persona or touchpoint the data does not have.
func resolve(j *journey.Journeys, personaOf []int32, personaIDs []string, g Group, name string) (selection, error) {
	from, to, err := g.bounds(name)
	if err != nil {
		return selection{}, err
	}
	s := selection{filter: journey.Filter{From: from, To: to, Sources: g.Sources, Channels: g.Channels, Devices: g.Devices}}
	if len(g.Personas) > 0 {
		if len(personaOf) != j.Profiles() {
			return selection{}, fmt.Errorf("%w: %s filters on personas, but the workspace has no personas yet: discover them first, or drop the persona filter",
				ErrBadHypothesis, name)
		}
		label := map[string]int32{}
		for i, id := range personaIDs {
			label[id] = int32(i)
		}
		for _, id := range g.Personas {
			l, ok := label[id]
			if !ok {
				return selection{}, fmt.Errorf("%w: %s: there is no persona %q (personas are rediscovered from time to time: pick it again)",
					ErrBadHypothesis, name, id)
			}
			s.filter.Personas = append(s.filter.Personas, l)
		}
		s.filter.PersonaOf = personaOf
	}
	if len(g.Touchpoints) > 0 {
		names := j.TouchpointNames()
		id := make(map[string]int, len(names))
		for i, n := range names {
			id[n] = i
		}
		s.touch = make([]bool, len(names))
		for _, tp := range g.Touchpoints {
			i, ok := id[tp]
			if !ok {
				return selection{}, fmt.Errorf("%w: %s: no event has the touchpoint %q", ErrBadHypothesis, name, tp)
			}
			s.touch[i] = true
		}
	}
	return s, nil
}

// Evaluate tests h on the journeys. personaOf labels every profile (-1 = none) and personaIDs names the
// labels; both may be nil when h filters on no persona. minCustomers ≤ 0 means DefaultMinCustomers, and
// it is at least 2 (a variance needs two customers). See doc.go for how the groups are formed and how the
// status is decided. Errors: ErrBadHypothesis.
func Evaluate(j *journey.Journeys, personaOf []int32, personaIDs []string, h Hypothesis, minCustomers int) (Verdict, error) {
	if err := h.Validate(); err != nil {
		return Verdict{}, err
	}
	if minCustomers <= 0 {
		minCustomers = DefaultMinCustomers
	}
	minCustomers = max(minCustomers, 2)
	selA, err := resolve(j, personaOf, personaIDs, h.A, "group A")
	if err != nil {
		return Verdict{}, err
	}
	values := j.Model().Events.Value
	var a, b sample
	overlap := 0
	viewA, err := j.Apply(selA.filter)
	if err != nil {
		return Verdict{}, fmt.Errorf("%w: group A: %v", ErrBadHypothesis, err)
	}
	switch {
	case h.B == nil && selA.touch != nil:
		// "Customers who had X" against the customers of the same filters who did not.
		viewA.EachTrail(func(t *journey.Trail) {
			if selA.matches(t) {
				a.add(values, h.Metric, t)
			} else {
				b.add(values, h.Metric, t)
			}
		})
	case h.B == nil:
		// "Customers of these sources, channels, devices or personas" against everyone else in the date range.
		inA := make([]bool, j.Profiles())
		viewA.EachTrail(func(t *journey.Trail) {
			inA[t.Profile] = true
			a.add(values, h.Metric, t)
		})
		rest, err := j.Apply(journey.Filter{From: selA.filter.From, To: selA.filter.To})
		if err != nil {
			return Verdict{}, err
		}
		rest.EachTrail(func(t *journey.Trail) {
			if !inA[t.Profile] {
				b.add(values, h.Metric, t)
			}
		})
	default:
		selB, err := resolve(j, personaOf, personaIDs, *h.B, "group B")
		if err != nil {
			return Verdict{}, err
		}
		viewB, err := j.Apply(selB.filter)
		if err != nil {
			return Verdict{}, fmt.Errorf("%w: group B: %v", ErrBadHypothesis, err)
		}
		inA := make([]bool, j.Profiles())
		viewA.EachTrail(func(t *journey.Trail) {
			if selA.matches(t) {
				inA[t.Profile] = true
				a.add(values, h.Metric, t)
			}
		})
		viewB.EachTrail(func(t *journey.Trail) {
			if selB.matches(t) {
				if inA[t.Profile] {
					overlap++
				}
				b.add(values, h.Metric, t)
			}
		})
	}
	v := judge(a, b, h.Metric, h.Direction, minCustomers)
	v.Overlap = overlap
	return v, nil
}
