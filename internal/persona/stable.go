package persona

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"wayline/internal/persona/cluster"
)

// Stability thresholds, in standard deviations of the current run's scaled features, as the root mean
// square over the features both runs share (so the number does not grow with the number of features).
const (
	// ChangedDistance: a matched persona whose centre moved further than this is marked changed. Re-running
	// on the same customers moves nothing; another demo with a fifth more customers of the same kinds
	// moves centres by 0.03 to 0.08; a persona that gained or lost a whole behaviour (say, twice the
	// support contacts) moves by well over 0.35.
	ChangedDistance = 0.35
	// MatchDistance: a new persona further than this from every old one is not matched at all (it is new,
	// and the old one is gone) rather than inheriting a name that no longer describes it.
	MatchDistance = 1.5
)

// SavedVersion is the version of the Saved format.
const SavedVersion = 1

// Saved is everything a workspace keeps of the last run, as one JSON document: the result as shown
// (personas with ids, names, auto names, notes, colours, centroids and raw means), the feature space
// (names and scales) and every clustered customer's persona by stable profile id. Restore turns it back
// into a Result that Assign, PersonaMap, Compare and Match accept.
type Saved struct {
	Version     int               `json:"version"`
	Result      *Result           `json:"result"`
	Features    []string          `json:"features"`
	Scales      []Scale           `json:"scales"`
	Assignments map[string]string `json:"assignments"` // stable profile id → persona id
}

// Save returns the record to persist.
func (r *Result) Save() *Saved {
	s := &Saved{Version: SavedVersion, Result: r, Features: append([]string(nil), r.Used...),
		Scales: append([]Scale(nil), r.Scales...), Assignments: make(map[string]string, len(r.Members))}
	for i, id := range r.Members {
		s.Assignments[id] = r.Personas[r.Labels[i]].ID
	}
	return s
}

// Restore rebuilds the result a Saved record was made from, members and scaling included.
func (s *Saved) Restore() (*Result, error) {
	if s == nil || s.Result == nil {
		return nil, fmt.Errorf("%w: nothing saved", ErrNoResult)
	}
	if s.Version != SavedVersion {
		return nil, fmt.Errorf("%w: saved personas have format %d, this version reads %d: run personas again", ErrNoResult, s.Version, SavedVersion)
	}
	r := *s.Result
	r.Personas = append([]Persona(nil), s.Result.Personas...)
	r.Used = append([]string(nil), s.Features...)
	r.Scales = append([]Scale(nil), s.Scales...)
	index := make(map[string]int, len(r.Personas))
	for c, p := range r.Personas {
		index[p.ID] = c
	}
	r.Members = make([]string, 0, len(s.Assignments))
	for id := range s.Assignments {
		r.Members = append(r.Members, id)
	}
	sort.Strings(r.Members)
	r.Labels = make([]int, len(r.Members))
	for i, id := range r.Members {
		c, ok := index[s.Assignments[id]]
		if !ok {
			return nil, fmt.Errorf("%w: customer %s is in persona %q, which the saved result does not have", ErrNoResult, id, s.Assignments[id])
		}
		r.Labels[i] = c
	}
	return &r, nil
}

// Match carries the identity of previous personas over to a new result: new personas are matched to old
// ones by the Hungarian method on the distance between their centres, and a matched persona takes the old
// one's id, notes and colour, and its name when the user had renamed it (an unrenamed persona takes its
// new automatic name). A matched persona whose centre moved more than ChangedDistance is marked changed,
// the others stable; a persona matched to none (or only to one further than MatchDistance) is new and gets
// an id not used before. now.Changed says whether anything is new, changed or gone.
//
// Centres are compared in the new run's scaled space: each persona's raw feature means, taken through the
// new run's scales, over the features both runs clustered on.
func Match(previous *Saved, now *Result) {
	for c := range now.Personas {
		now.Personas[c].Status, now.Personas[c].Moved = StatusNew, 0
	}
	if previous == nil || previous.Result == nil || len(previous.Result.Personas) == 0 {
		now.Changed = false
		return
	}
	prev := previous.Result.Personas
	var shared []Scale
	had := map[string]bool{}
	for _, f := range previous.Features {
		had[f] = true
	}
	for j, name := range now.Used {
		if had[name] {
			shared = append(shared, now.Scales[j])
		}
	}
	centre := func(p Persona) []float64 {
		v := make([]float64, len(shared))
		for j, s := range shared {
			v[j] = s.Apply(p.Means[s.Feature])
		}
		return v
	}
	cost := make([][]float64, len(now.Personas))
	for c, p := range now.Personas {
		a := centre(p)
		cost[c] = make([]float64, len(prev))
		for q, old := range prev {
			cost[c][q] = rmsDistance(a, centre(old))
		}
	}
	match := make([]int, len(now.Personas))
	for c := range match {
		match[c] = -1
	}
	if len(shared) > 0 {
		for c, q := range cluster.Hungarian(cost) {
			if q >= 0 && cost[c][q] <= MatchDistance {
				match[c] = q
			}
		}
	}

	used := map[string]bool{}
	next := 1
	for _, p := range prev {
		next = max(next, idNumber(p.ID)+1)
	}
	matched := 0
	for c := range now.Personas {
		per := &now.Personas[c]
		q := match[c]
		if q < 0 {
			continue
		}
		matched++
		old := prev[q]
		per.ID, per.Notes, per.Color = old.ID, old.Notes, old.Color
		if old.Name != "" && old.Name != old.AutoName {
			per.Name = old.Name
		} else {
			per.Name = per.AutoName
		}
		per.Status, per.Moved = StatusStable, cost[c][q]
		if cost[c][q] > ChangedDistance {
			per.Status = StatusChanged
			now.Changed = true
		}
		used[per.ID] = true
	}
	for c := range now.Personas {
		per := &now.Personas[c]
		if match[c] >= 0 {
			continue
		}
		for used[fmt.Sprintf("persona-%d", next)] {
			next++
		}
		per.ID = fmt.Sprintf("persona-%d", next)
		per.Color = colorFor(next)
		per.Name, per.Notes = per.AutoName, ""
		used[per.ID] = true
		next++
		now.Changed = true
	}
	if matched < len(prev) {
		now.Changed = true
	}
	uniqueNames(now)
}

// uniqueNames adds a number to a name another persona already has (a carried-over name may equal a new
// persona's automatic one); renamed personas keep theirs.
func uniqueNames(r *Result) {
	taken := map[string]bool{}
	for _, p := range r.Personas {
		if p.Name != p.AutoName {
			taken[strings.ToLower(p.Name)] = true
		}
	}
	for c := range r.Personas {
		p := &r.Personas[c]
		if p.Name != p.AutoName {
			continue
		}
		name := p.Name
		for i := 2; taken[strings.ToLower(name)]; i++ {
			name = fmt.Sprintf("%s (%d)", p.Name, i)
		}
		p.Name = name
		p.AutoName = name
		taken[strings.ToLower(name)] = true
	}
}

func rmsDistance(a, b []float64) float64 {
	if len(a) == 0 {
		return math.Inf(1)
	}
	ss := 0.0
	for j := range a {
		ss += (a[j] - b[j]) * (a[j] - b[j])
	}
	return math.Sqrt(ss / float64(len(a)))
}

// idNumber reads the number of "persona-N", 0 for anything else.
func idNumber(id string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(id, "persona-"))
	if err != nil || !strings.HasPrefix(id, "persona-") {
		return 0
	}
	return n
}

// find returns the persona with the given id.
func (r *Result) find(id string) (*Persona, error) {
	for c := range r.Personas {
		if r.Personas[c].ID == id {
			return &r.Personas[c], nil
		}
	}
	return nil, fmt.Errorf("%w: persona %q", ErrNoResult, id)
}

// Rename gives a persona the user's name; an empty name goes back to the automatic one.
func (r *Result) Rename(id, name string) (Persona, error) {
	p, err := r.find(id)
	if err != nil {
		return Persona{}, err
	}
	name = strings.TrimSpace(name)
	if name == "" {
		name = p.AutoName
	}
	p.Name = name
	return *p, nil
}

// SetNotes stores the user's notes on a persona.
func (r *Result) SetNotes(id, notes string) (Persona, error) {
	p, err := r.find(id)
	if err != nil {
		return Persona{}, err
	}
	p.Notes = notes
	return *p, nil
}

// SetColor sets a persona's colour (any CSS colour the frontend accepts; empty restores the default).
func (r *Result) SetColor(id, color string) (Persona, error) {
	p, err := r.find(id)
	if err != nil {
		return Persona{}, err
	}
	color = strings.TrimSpace(color)
	if color == "" {
		color = colorFor(max(idNumber(id), 1))
	}
	p.Color = color
	return *p, nil
}

// Comparison is personas side by side: every feature's raw mean per persona.
type Comparison struct {
	Personas []Persona          `json:"personas"`
	Features []FeatureBySegment `json:"features"`
}

// FeatureBySegment is one feature's raw mean in each compared persona, in the order of
// Comparison.Personas.
type FeatureBySegment struct {
	Feature string    `json:"feature"`
	Label   string    `json:"label"`
	Values  []float64 `json:"values"`
}

// Compare puts the named personas side by side over every feature of the run, in the catalog's order.
func Compare(r *Result, ids []string) (*Comparison, error) {
	out := &Comparison{Personas: []Persona{}, Features: []FeatureBySegment{}}
	for _, id := range ids {
		p, err := r.find(id)
		if err != nil {
			return nil, err
		}
		out.Personas = append(out.Personas, *p)
	}
	for _, f := range r.Features {
		fb := FeatureBySegment{Feature: f.Name, Label: f.Label, Values: make([]float64, len(out.Personas))}
		for i, p := range out.Personas {
			fb.Values[i] = p.Means[f.Name]
		}
		out.Features = append(out.Features, fb)
	}
	return out, nil
}
