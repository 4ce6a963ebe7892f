package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sync"

	"wayline/internal/explore"
	"wayline/internal/persona"
	"wayline/internal/store"
)

// Personas is the bound struct for discovering, describing and naming behaviour-based personas.
type Personas struct {
	app *App
	mu  sync.Mutex
	// cancel stops the running discovery; nil when none runs, or once the running one has got past the
	// point where it can be cancelled (it is storing its result).
	cancel  context.CancelFunc
	running bool
}

// PersonaRunOptions choose how personas are discovered.
type PersonaRunOptions struct {
	K        int      `json:"k"`
	Method   string   `json:"method"`
	Features []string `json:"features"`
	Seed     uint64   `json:"seed"`
}

// Num is a float that may be undefined (a silhouette of one cluster, an effect size of a constant feature):
// NaN and infinities travel as null, which JSON can carry and the charts skip.
type Num float64

// MarshalJSON writes null for NaN and infinities.
func (n Num) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return json.Marshal(f)
}

// Distinction is a feature that sets a persona apart.
type Distinction struct {
	Feature     string `json:"feature"`
	Label       string `json:"label"`
	PersonaMean Num    `json:"personaMean"`
	RestMean    Num    `json:"restMean"`
	EffectSize  Num    `json:"effectSize"`
}

// KScore is how good each k was.
type KScore struct {
	K          int `json:"k"`
	Silhouette Num `json:"silhouette"`
	BIC        Num `json:"bic"`
}

// Quality is the score of a run's partition.
type Quality struct {
	Method    string `json:"method"`
	Score     Num    `json:"score"`
	Criterion string `json:"criterion"`
}

// Alternative is the other method's result.
type Alternative struct {
	Method string `json:"method"`
	K      int    `json:"k"`
	Score  Num    `json:"score"`
}

// PersonaDTO is one persona as the gallery shows it.
type PersonaDTO struct {
	ID             string                 `json:"id"`
	Name           string                 `json:"name"`
	AutoName       string                 `json:"autoName"`
	Color          string                 `json:"color"`
	Notes          string                 `json:"notes"`
	Size           int                    `json:"size"`
	Share          float64                `json:"share"`
	ConversionRate float64                `json:"conversionRate"`
	Value          float64                `json:"value"`
	TopChannels    []persona.ChannelShare `json:"topChannels"`
	Distinguishing []Distinction          `json:"distinguishing"`
	Rules          []string               `json:"rules"`
	MedoidPath     []string               `json:"medoidPath"`
	CommonVariant  []string               `json:"commonVariant"`
	Friction       *float64               `json:"friction"` // null until friction exists
	Status         string                 `json:"status"`
}

// PersonaResult is a persona run.
type PersonaResult struct {
	K            int                  `json:"k"`
	Method       string               `json:"method"`
	Quality      Quality              `json:"quality"`
	Alternatives []Alternative        `json:"alternatives"`
	Personas     []PersonaDTO         `json:"personas"`
	Features     []persona.FeatureUse `json:"features"`
	KScores      []KScore             `json:"kScores"`
	KCriterion   string               `json:"kCriterion"`
	RanAt        string               `json:"ranAt"`
	Changed      bool                 `json:"changed"`
	Notes        []string             `json:"notes"`
	Seed         uint64               `json:"seed"`
	Customers    int                  `json:"customers"`
}

// PersonaComparison sets personas side by side.
type PersonaComparison struct {
	Personas []PersonaDTO               `json:"personas"`
	Features []persona.FeatureBySegment `json:"features"`
}

func toPersonaDTO(p persona.Persona) PersonaDTO {
	out := PersonaDTO{ID: p.ID, Name: p.Name, AutoName: p.AutoName, Color: p.Color, Notes: p.Notes, Size: p.Size,
		Share: p.Share, ConversionRate: p.ConversionRate, Value: p.Value, TopChannels: nonNil(p.TopChannels),
		Distinguishing: []Distinction{}, Rules: []string{}, MedoidPath: nonNil(p.MedoidPath),
		CommonVariant: nonNil(p.CommonVariant), Status: p.Status}
	for _, d := range p.Distinguishing {
		out.Distinguishing = append(out.Distinguishing, Distinction{Feature: d.Feature, Label: d.Label,
			PersonaMean: Num(d.PersonaMean), RestMean: Num(d.RestMean), EffectSize: Num(d.EffectSize)})
	}
	for _, r := range p.Rules {
		out.Rules = append(out.Rules, r.Text)
	}
	return out
}

func toPersonaResult(r *persona.Result) PersonaResult {
	if r == nil {
		return PersonaResult{Personas: []PersonaDTO{}, Alternatives: []Alternative{}, Features: []persona.FeatureUse{},
			KScores: []KScore{}, Notes: []string{}}
	}
	out := PersonaResult{K: r.K, Method: r.Method, Quality: Quality{Method: r.Quality.Method, Score: Num(r.Quality.Score),
		Criterion: r.Quality.Criterion}, Alternatives: []Alternative{}, Features: nonNil(r.Features), KScores: []KScore{},
		KCriterion: r.KCriterion, RanAt: formatTime(r.RanAt), Changed: r.Changed, Notes: nonNil(r.Notes), Seed: r.Seed,
		Customers: r.Customers, Personas: []PersonaDTO{}}
	for _, a := range r.Alternatives {
		out.Alternatives = append(out.Alternatives, Alternative{Method: a.Method, K: a.K, Score: Num(a.Score)})
	}
	for _, k := range r.KScores {
		out.KScores = append(out.KScores, KScore{K: k.K, Silhouette: Num(k.Silhouette), BIC: Num(k.BIC)})
	}
	for _, p := range r.Personas {
		out.Personas = append(out.Personas, toPersonaDTO(p))
	}
	return out
}

// current returns the last persona run (cached in the session), or nil.
func (ps *Personas) current() (*persona.Result, error) {
	s := ps.app.session
	s.snapMu.Lock()
	if s.personas != nil {
		defer s.snapMu.Unlock()
		return s.personas, nil
	}
	s.snapMu.Unlock()
	var saved *persona.Saved
	err := s.with(func(ws *store.Workspace) error {
		var err error
		saved, err = persona.LoadSaved(ws)
		return err
	})
	if err != nil || saved == nil {
		return nil, err
	}
	r, err := saved.Restore()
	if err != nil {
		return nil, err
	}
	s.snapMu.Lock()
	s.personas = r
	s.snapMu.Unlock()
	return r, nil
}

// store saves a result in the workspace and the session.
func (ps *Personas) store(r *persona.Result) error {
	if err := ps.app.session.with(func(ws *store.Workspace) error { return persona.StoreSaved(ws, r) }); err != nil {
		return err
	}
	s := ps.app.session
	s.snapMu.Lock()
	s.personas, s.personaOf = r, nil
	s.snapMu.Unlock()
	return nil
}

// ErrPersonaRunning is returned by Run while another persona run is going.
var ErrPersonaRunning = errors.New("a persona run is already running: wait or cancel it")

// ErrPersonaRunCancelled is returned by a Run that Cancel stopped; nothing was stored.
var ErrPersonaRunCancelled = errors.New("persona discovery was cancelled: the previous personas are unchanged")

// Run discovers personas on the workspace and matches them to the previous run, so renamed personas keep
// their names. One run at a time: Cancel stops it, and a cancelled run stores nothing.
func (ps *Personas) Run(o PersonaRunOptions) (PersonaResult, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ps.mu.Lock()
	if ps.running {
		ps.mu.Unlock()
		return PersonaResult{}, ErrPersonaRunning
	}
	ps.running, ps.cancel = true, cancel
	ps.mu.Unlock()
	defer func() {
		ps.mu.Lock()
		ps.running, ps.cancel = false, nil
		ps.mu.Unlock()
	}()

	snap, err := ps.app.session.snapshot()
	if err != nil {
		return PersonaResult{}, err
	}
	var prev *persona.Saved
	if err := ps.app.session.with(func(ws *store.Workspace) error {
		prev, err = persona.LoadSaved(ws)
		return err
	}); err != nil {
		return PersonaResult{}, err
	}
	r, err := persona.Run(snap, persona.Options{K: o.K, Method: o.Method, Features: o.Features, Seed: o.Seed,
		Now: ps.app.cfg.Now, Context: ctx})
	if err := ps.commit(ctx, err); err != nil {
		return PersonaResult{}, err
	}
	persona.Match(prev, r)
	if err := ps.store(r); err != nil {
		return PersonaResult{}, err
	}
	ps.app.session.changed()
	return toPersonaResult(r), nil
}

// commit decides, under the lock Cancel takes, whether the run ends now: with ErrPersonaRunCancelled when
// Cancel came first, with the run's own error, or (nil) by storing its result, after which Cancel no
// longer applies — so Cancel answers true exactly when nothing will be stored.
func (ps *Personas) commit(ctx context.Context, runErr error) error {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if ctx.Err() != nil {
		return ErrPersonaRunCancelled
	}
	if runErr != nil {
		return runErr
	}
	ps.cancel = nil
	return nil
}

// Cancel stops the running persona discovery and reports whether there was one to stop; the previous
// personas stay as they were. It is false when no run is going, or the run is already storing its result.
func (ps *Personas) Cancel() bool {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if ps.cancel == nil {
		return false
	}
	ps.cancel()
	ps.cancel = nil
	return true
}

// Current returns the last run ({personas: []} before any).
func (ps *Personas) Current() (PersonaResult, error) {
	r, err := ps.current()
	return toPersonaResult(r), err
}

// ErrNoPersonaRun is returned by persona calls that need a run first.
var ErrNoPersonaRun = errors.New("no personas yet: discover personas first")

func (ps *Personas) need() (*persona.Result, *explore.Snapshot, error) {
	r, err := ps.current()
	if err != nil {
		return nil, nil, err
	}
	if r == nil {
		return nil, nil, ErrNoPersonaRun
	}
	snap, err := ps.app.session.snapshot()
	return r, snap, err
}

// Map is the 2-D projection of customers coloured by persona.
func (ps *Personas) Map() (*persona.Map, error) {
	r, snap, err := ps.need()
	if err != nil {
		return nil, err
	}
	return persona.PersonaMap(r, snap, 5000)
}

// Compare sets the named personas side by side.
func (ps *Personas) Compare(ids []string) (PersonaComparison, error) {
	r, _, err := ps.need()
	if err != nil {
		return PersonaComparison{}, err
	}
	c, err := persona.Compare(r, ids)
	if err != nil {
		return PersonaComparison{}, err
	}
	out := PersonaComparison{Personas: []PersonaDTO{}, Features: nonNil(c.Features)}
	for _, p := range c.Personas {
		out.Personas = append(out.Personas, toPersonaDTO(p))
	}
	return out, nil
}

// edit applies a change to one persona and saves it.
func (ps *Personas) edit(change func(r *persona.Result) (persona.Persona, error)) (PersonaDTO, error) {
	r, err := ps.current()
	if err != nil {
		return PersonaDTO{}, err
	}
	if r == nil {
		return PersonaDTO{}, ErrNoPersonaRun
	}
	p, err := change(r)
	if err != nil {
		return PersonaDTO{}, err
	}
	if err := ps.store(r); err != nil {
		return PersonaDTO{}, err
	}
	ps.app.session.changed()
	return toPersonaDTO(p), nil
}

// Rename names a persona; an empty name restores the automatic one.
func (ps *Personas) Rename(id, name string) (PersonaDTO, error) {
	return ps.edit(func(r *persona.Result) (persona.Persona, error) { return r.Rename(id, name) })
}

// SetNotes stores a persona's notes.
func (ps *Personas) SetNotes(id, notes string) (PersonaDTO, error) {
	return ps.edit(func(r *persona.Result) (persona.Persona, error) { return r.SetNotes(id, notes) })
}

// SetColor sets a persona's colour (#rrggbb; empty restores the default).
func (ps *Personas) SetColor(id, color string) (PersonaDTO, error) {
	return ps.edit(func(r *persona.Result) (persona.Persona, error) { return r.SetColor(id, color) })
}

// personaFilter turns persona ids into the journey filter's indices and per-profile labels.
func (ps *Personas) personaFilter(ids []string, snap *explore.Snapshot) (want []int32, of []int32, err error) {
	r, err := ps.current()
	if err != nil {
		return nil, nil, err
	}
	if r == nil {
		return nil, nil, ErrNoPersonas
	}
	index := map[string]int32{}
	for i, p := range r.Personas {
		index[p.ID] = int32(i)
	}
	for _, id := range ids {
		i, ok := index[id]
		if !ok {
			return nil, nil, fmt.Errorf("no persona %q: discover personas again or clear the persona filter", id)
		}
		want = append(want, i)
	}
	_, of, err = ps.labels(snap)
	return want, of, err
}

// labels gives the current persona run and each profile's persona index in it (-1 for none); nil and nil
// before any run. The labels are cached per snapshot and run.
func (ps *Personas) labels(snap *explore.Snapshot) (*persona.Result, []int32, error) {
	r, err := ps.current()
	if err != nil || r == nil {
		return nil, nil, err
	}
	s := ps.app.session
	s.snapMu.Lock()
	cached := s.personaOf
	s.snapMu.Unlock()
	if cached != nil && cached.snap == snap && cached.result == r {
		return r, cached.of, nil
	}
	labels, err := persona.Assign(r, snap)
	if err != nil {
		return nil, nil, err
	}
	of := make([]int32, len(labels))
	for i, l := range labels {
		of[i] = int32(l)
	}
	s.snapMu.Lock()
	s.personaOf = &personaLabels{snap: snap, result: r, of: of}
	s.snapMu.Unlock()
	return r, of, nil
}

// personaLabels caches which persona each profile of a snapshot belongs to.
type personaLabels struct {
	snap   *explore.Snapshot
	result *persona.Result
	of     []int32
}
