package app

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"

	"wayline/internal/journey"
	"wayline/internal/maps"
	"wayline/internal/store"
)

// Workshop is the bound struct for the maps a workshop believes in: saved assumed maps, their comparison
// with what customers did, and assumed personas set beside the discovered ones.
type Workshop struct {
	app *App
	// saving serialises saves and deletions: maps.SaveAssumed reads, changes and writes one setting, and two
	// facilitators saving at once must not lose a map. One process holds the workspace (bbolt's file lock),
	// so a lock here is enough.
	saving sync.Mutex
}

// ComparisonDTO is maps.Comparison with each gap's customers as a count and an index to ask for them by.
type ComparisonDTO struct {
	*maps.Comparison
	Gaps []GapDTO `json:"gaps"`
}

// GapDTO is one gap: its customers are fetched with GapCustomers(…, Index, …).
type GapDTO struct {
	Index      int    `json:"index"`
	Kind       string `json:"kind"`
	Stage      string `json:"stage"`
	Touchpoint string `json:"touchpoint"`
	Customers  int    `json:"customers"`
	Text       string `json:"text"`
}

// PersonaMatchesDTO is the assumed personas of a map against the discovered ones.
type PersonaMatchesDTO struct {
	Matches   []maps.PersonaMatch `json:"matches"`
	Unassumed []PersonaOption     `json:"unassumed"`
}

// A draft from the data starts each stage with the touchpoints at least draftMinShare of its customers used
// (at least one), draftTouchpoints at most: the common path, not every rare detour.
const (
	draftTouchpoints = 10
	draftMinShare    = 0.1
)

// AssumedMaps lists the saved assumed maps, sorted by id.
func (w *Workshop) AssumedMaps() ([]maps.Assumed, error) {
	var out []maps.Assumed
	err := w.app.session.with(func(ws *store.Workspace) (err error) {
		out, err = maps.ListAssumed(ws)
		return err
	})
	return nonNilMaps(out), err
}

// SaveAssumed validates and stores a map (replacing one with the same id) and lists them all.
func (w *Workshop) SaveAssumed(a maps.Assumed) ([]maps.Assumed, error) {
	w.saving.Lock()
	defer w.saving.Unlock()
	var out []maps.Assumed
	err := w.app.session.with(func(ws *store.Workspace) (err error) {
		a.Updated = w.app.cfg.Now().UTC()
		if err := maps.SaveAssumed(ws, a); err != nil {
			return err
		}
		out, err = maps.ListAssumed(ws)
		return err
	})
	return nonNilMaps(out), err
}

// DeleteAssumed removes a saved map and lists the rest.
func (w *Workshop) DeleteAssumed(id string) ([]maps.Assumed, error) {
	w.saving.Lock()
	defer w.saving.Unlock()
	var out []maps.Assumed
	err := w.app.session.with(func(ws *store.Workspace) (err error) {
		if err := maps.DeleteAssumed(ws, id); err != nil {
			return err
		}
		out, err = maps.ListAssumed(ws)
		return err
	})
	return nonNilMaps(out), err
}

// ImportAssumed reads a map's JSON (as exported) and saves it.
func (w *Workshop) ImportAssumed(data string) (maps.Assumed, error) {
	a, err := maps.ParseAssumed([]byte(data))
	if err != nil {
		return maps.Assumed{}, err
	}
	if _, err := w.SaveAssumed(a); err != nil {
		return maps.Assumed{}, err
	}
	return a, nil
}

// ExportAssumed is a saved map's JSON, for a download.
func (w *Workshop) ExportAssumed(id string) (string, error) {
	a, err := w.load(id)
	if err != nil {
		return "", err
	}
	b, err := a.JSON()
	return string(b), err
}

// DraftFromObserved starts an assumed map from the data: the observed stages with their commonly used
// touchpoints and shares, each stage's touchpoints in the order customers typically meet them. It is not
// saved: a workshop edits it into what it believes first.
func (w *Workshop) DraftFromObserved(f Filter) (maps.Assumed, error) {
	_, v, err := w.app.Explore.view(f)
	if err != nil {
		return maps.Assumed{}, err
	}
	m := maps.Observed(v, nil, nil) // friction is not part of a draft
	when := typicalPlace(v)
	a := maps.Assumed{ID: "current-state", Name: "Current state", Kind: "current", Stages: []maps.AssumedStage{}}
	for _, s := range m.Stages {
		st := maps.AssumedStage{Name: s.Name, Touchpoints: []maps.AssumedTouchpoint{}}
		for _, t := range s.Touchpoints { // by customers, most used first
			if len(st.Touchpoints) == draftTouchpoints || len(st.Touchpoints) > 0 && t.Share < draftMinShare {
				break
			}
			st.Touchpoints = append(st.Touchpoints, maps.AssumedTouchpoint{Touchpoint: t.Touchpoint,
				ExpectedShare: math.Round(t.Share*100) / 100})
		}
		slices.SortStableFunc(st.Touchpoints, func(x, y maps.AssumedTouchpoint) int {
			return cmp.Compare(when[x.Touchpoint], when[y.Touchpoint])
		})
		a.Stages = append(a.Stages, st)
	}
	return a, nil
}

// typicalPlace is, per touchpoint, the mean place of its first event in the journeys that have it (0 = the
// journey's first event, 1 = its last): the order a draft expects touchpoints in.
func typicalPlace(v *journey.View) map[string]float64 {
	names := v.Journeys().TouchpointNames()
	sum, n := make([]float64, len(names)), make([]int, len(names))
	seen := make([]int, len(names)) // the customer index + 1 that last had the touchpoint
	v.EachTrail(func(t *journey.Trail) {
		last := max(t.Len()-1, 1)
		for k, tp := range t.Touchpoint {
			if seen[tp] != t.Index+1 {
				seen[tp] = t.Index + 1
				sum[tp] += float64(k) / float64(last)
				n[tp]++
			}
		}
	})
	out := make(map[string]float64, len(names))
	for tp, name := range names {
		if n[tp] > 0 {
			out[name] = sum[tp] / float64(n[tp])
		}
	}
	return out
}

// Compare sets a saved map against the filtered journeys.
func (w *Workshop) Compare(f Filter, id string, t maps.Tolerance) (ComparisonDTO, error) {
	comparison, err := w.compare(f, id, t)
	if err != nil {
		return ComparisonDTO{}, err
	}
	out := ComparisonDTO{Comparison: comparison, Gaps: []GapDTO{}}
	for i, g := range comparison.Gaps {
		out.Gaps = append(out.Gaps, GapDTO{Index: i, Kind: g.Kind, Stage: g.Stage, Touchpoint: g.Touchpoint,
			Customers: g.Customers, Text: g.Text})
	}
	return out, nil
}

// GapCustomers lists the customers behind one gap of a comparison.
func (w *Workshop) GapCustomers(f Filter, id string, t maps.Tolerance, gap int, q CustomerQuery) (CustomerList, error) {
	comparison, err := w.compare(f, id, t)
	if err != nil {
		return CustomerList{}, err
	}
	if gap < 0 || gap >= len(comparison.Gaps) {
		return CustomerList{}, fmt.Errorf("the comparison has no gap %d (it has %d): compare again", gap, len(comparison.Gaps))
	}
	return w.app.Explore.customers(f, q, &journey.Cohort{Kind: journey.CohortProfiles, Profiles: comparison.Gaps[gap].Profiles})
}

// PersonaMatches sets a map's assumed personas beside the discovered ones.
func (w *Workshop) PersonaMatches(id string) (PersonaMatchesDTO, error) {
	a, err := w.load(id)
	if err != nil {
		return PersonaMatchesDTO{}, err
	}
	r, err := w.app.Personas.current()
	if err != nil {
		return PersonaMatchesDTO{}, err
	}
	if r == nil || len(r.Personas) == 0 {
		return PersonaMatchesDTO{}, errors.New("this workspace has no personas yet: discover personas first")
	}
	matches, unassumed := maps.MatchPersonas(a.Personas, r)
	out := PersonaMatchesDTO{Matches: matches, Unassumed: []PersonaOption{}}
	if out.Matches == nil {
		out.Matches = []maps.PersonaMatch{}
	}
	for _, id := range unassumed {
		for _, p := range r.Personas {
			if p.ID == id {
				out.Unassumed = append(out.Unassumed, PersonaOption{ID: p.ID, Name: p.Name, Color: p.Color})
			}
		}
	}
	return out, nil
}

func (w *Workshop) load(id string) (maps.Assumed, error) {
	var a maps.Assumed
	err := w.app.session.with(func(ws *store.Workspace) (err error) {
		a, err = maps.LoadAssumed(ws, id)
		return err
	})
	return a, err
}

func (w *Workshop) compare(f Filter, id string, t maps.Tolerance) (*maps.Comparison, error) {
	a, err := w.load(id)
	if err != nil {
		return nil, err
	}
	if a.Persona != "" && len(f.Personas) == 0 {
		f.Personas = []string{a.Persona} // a map drawn for one persona is compared with that persona
	}
	_, v, err := w.app.Explore.view(f)
	if err != nil {
		return nil, err
	}
	return maps.Compare(v, a, t)
}

func nonNilMaps(as []maps.Assumed) []maps.Assumed {
	if as == nil {
		return []maps.Assumed{}
	}
	return as
}
