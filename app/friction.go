package app

import (
	"fmt"
	"math"
	"time"

	"wayline/internal/explore"
	"wayline/internal/friction"
	"wayline/internal/journey"
	"wayline/internal/persona"
	"wayline/internal/store"
)

// Friction is the bound struct for friction: where customers stall, loop, complain or leave, per touchpoint,
// stage and persona, with moments of truth and wasted touches. Every analysis takes the shared Filter.
type Friction struct{ app *App }

// FrictionSettingsDTO is friction.Settings for the frontend; the support window is in hours.
type FrictionSettingsDTO struct {
	Weights            WeightsDTO `json:"weights"`
	MinCustomers       int        `json:"minCustomers"`
	SupportWindowHours float64    `json:"supportWindowHours"`
	LowRating          float64    `json:"lowRating"`
}

// WeightsDTO are the score's weights.
type WeightsDTO struct {
	Exit      float64 `json:"exit"`
	Loop      float64 `json:"loop"`
	Stall     float64 `json:"stall"`
	Support   float64 `json:"support"`
	Sentiment float64 `json:"sentiment"`
	Effort    float64 `json:"effort"`
}

// CellDTO is one friction cell; every number is null when it has no evidence.
type CellDTO struct {
	Touchpoint string        `json:"touchpoint"`
	Stage      string        `json:"stage"`
	Persona    string        `json:"persona"` // persona id; "" = all customers
	Score      Num           `json:"score"`
	Low        Num           `json:"low"`
	High       Num           `json:"high"`
	Enough     bool          `json:"enough"`
	Customers  int           `json:"customers"`
	Events     int           `json:"events"`
	Sources    int           `json:"sources"`
	Components ComponentsDTO `json:"components"`
	Evidence   EvidenceDTO   `json:"evidence"`
}

// ComponentsDTO are a cell's raw friction measures.
type ComponentsDTO struct {
	ExitRate       Num `json:"exitRate"`
	LoopRate       Num `json:"loopRate"`
	BacktrackRate  Num `json:"backtrackRate"`
	StallRatio     Num `json:"stallRatio"`
	SupportRate    Num `json:"supportRate"`
	MeanRating     Num `json:"meanRating"`
	LowRatingShare Num `json:"lowRatingShare"`
	Effort         Num `json:"effort"`
}

// EvidenceDTO counts what a cell's components rest on.
type EvidenceDTO struct {
	Exits      int `json:"exits"`
	Loops      int `json:"loops"`
	Backtracks int `json:"backtracks"`
	Steps      int `json:"steps"`
	Support    int `json:"support"`
	Ratings    int `json:"ratings"`
}

// MomentDTO is one moment of truth.
type MomentDTO struct {
	Touchpoint    string `json:"touchpoint"`
	Stage         string `json:"stage"`
	With          int    `json:"with"`
	Without       int    `json:"without"`
	ConvWith      Num    `json:"convWith"`
	ConvWithout   Num    `json:"convWithout"`
	Lift          Num    `json:"lift"`
	RemovalEffect Num    `json:"removalEffect"`
}

// WasteDTO is paid marketing spent on customers who had already converted.
type WasteDTO struct {
	Touches     int                   `json:"touches"`
	Customers   int                   `json:"customers"`
	Touchpoints []WastedTouchpointDTO `json:"touchpoints"`
}

// WastedTouchpointDTO is the waste on one touchpoint and channel.
type WastedTouchpointDTO struct {
	Touchpoint string `json:"touchpoint"`
	Channel    string `json:"channel"`
	Touches    int    `json:"touches"`
	Customers  int    `json:"customers"`
}

// FrictionOverview is the Friction view's ranking, stages, moments of truth and waste.
type FrictionOverview struct {
	Touchpoints []CellDTO           `json:"touchpoints"`
	Stages      []CellDTO           `json:"stages"`
	Moments     []MomentDTO         `json:"moments"`
	Wasted      WasteDTO            `json:"wasted"`
	Settings    FrictionSettingsDTO `json:"settings"`
	Customers   int                 `json:"customers"`
}

// HeatmapRow is one row of the heatmap: a stage, or a touchpoint with its stage.
type HeatmapRow struct {
	Name  string `json:"name"`
	Stage string `json:"stage"`
}

// HeatmapColumn is one column: all customers (id "") or a persona.
type HeatmapColumn struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Color     string `json:"color"`
	Customers int    `json:"customers"`
}

// Heatmap is friction of stages or touchpoints against personas; Cells[row][column].
type Heatmap struct {
	Rows     []HeatmapRow        `json:"rows"`
	Columns  []HeatmapColumn     `json:"columns"`
	Cells    [][]CellDTO         `json:"cells"`
	Settings FrictionSettingsDTO `json:"settings"`
}

// momentsShown is how many moments of truth the views list.
const momentsShown = 15

// Settings returns the workspace's friction settings (the defaults until the user changes them).
func (fr *Friction) Settings() (FrictionSettingsDTO, error) {
	s, err := fr.settings()
	return settingsDTO(s), err
}

// SetSettings validates and stores the friction settings; every friction figure uses them from then on.
func (fr *Friction) SetSettings(in FrictionSettingsDTO) (FrictionSettingsDTO, error) {
	s := friction.Settings{
		Weights: friction.Weights{Exit: in.Weights.Exit, Loop: in.Weights.Loop, Stall: in.Weights.Stall,
			Support: in.Weights.Support, Sentiment: in.Weights.Sentiment, Effort: in.Weights.Effort},
		MinCustomers:  in.MinCustomers,
		SupportWindow: time.Duration(in.SupportWindowHours * float64(time.Hour)),
		LowRating:     in.LowRating,
	}
	if err := s.Validate(); err != nil {
		return FrictionSettingsDTO{}, err
	}
	err := fr.app.session.with(func(ws *store.Workspace) error { return friction.SaveSettings(ws, s) })
	return settingsDTO(s), err
}

// ResetSettings stores the documented defaults again and returns them.
func (fr *Friction) ResetSettings() (FrictionSettingsDTO, error) {
	return fr.SetSettings(settingsDTO(friction.DefaultSettings()))
}

// Overview computes friction for the filter: touchpoints worst first, stages, moments of truth, waste.
func (fr *Friction) Overview(f Filter) (FrictionOverview, error) {
	c, err := fr.compute(f)
	if err != nil {
		return FrictionOverview{}, err
	}
	moments, err := friction.MomentsOfTruth(c.view, momentsShown)
	if err != nil {
		return FrictionOverview{}, err
	}
	out := FrictionOverview{Touchpoints: c.cells(c.res.Touchpoints), Stages: c.cells(c.res.Stages),
		Moments: momentDTOs(moments), Wasted: wasteDTO(friction.Wasted(c.view)), Settings: settingsDTO(c.res.Settings),
		Customers: c.view.Len()}
	return out, nil
}

// Heatmap lays friction out as rows (by "stage" or "touchpoint") against all customers and each persona.
func (fr *Friction) Heatmap(f Filter, rows string) (Heatmap, error) {
	c, err := fr.compute(f)
	if err != nil {
		return Heatmap{}, err
	}
	out := Heatmap{Rows: []HeatmapRow{}, Columns: []HeatmapColumn{{ID: "", Name: "All customers", Customers: c.view.Len()}},
		Cells: [][]CellDTO{}, Settings: settingsDTO(c.res.Settings)}
	var all []friction.Cell
	var byPersona [][]friction.Cell
	switch rows {
	case "stage", "":
		all, byPersona = c.res.Stages, c.res.PersonaStages
	case "touchpoint":
		all, byPersona = c.res.Touchpoints, c.res.PersonaTouchpoints
	default:
		return Heatmap{}, fmt.Errorf("heatmap rows %q: choose stage or touchpoint", rows)
	}
	for p := range byPersona {
		col := HeatmapColumn{ID: c.personaID(int32(p)), Name: c.res.Personas[p]}
		if c.personas != nil && p < len(c.personas.Personas) {
			col.Color = c.personas.Personas[p].Color
		}
		out.Columns = append(out.Columns, col)
	}
	if len(byPersona) > 0 {
		// A persona column counts the view's customers only, not the persona's whole size.
		counts := make([]int, len(byPersona))
		c.view.EachTrail(func(t *journey.Trail) {
			if l := c.labels[t.Profile]; l >= 0 && int(l) < len(counts) {
				counts[l]++
			}
		})
		for p := range counts {
			out.Columns[p+1].Customers = counts[p]
		}
	}
	for r, cell := range all {
		name := cell.Stage
		if rows == "touchpoint" {
			name = cell.Touchpoint
		}
		out.Rows = append(out.Rows, HeatmapRow{Name: name, Stage: cell.Stage})
		line := []CellDTO{c.cell(cell)}
		for p := range byPersona {
			line = append(line, c.cell(byPersona[p][r]))
		}
		out.Cells = append(out.Cells, line)
	}
	return out, nil
}

// computed is one friction computation with what its DTOs need.
type computed struct {
	view     *journey.View
	res      *friction.Result
	personas *persona.Result // nil before any persona run
	labels   []int32
}

func (fr *Friction) compute(f Filter) (*computed, error) {
	snap, v, err := fr.app.Explore.view(f)
	if err != nil {
		return nil, err
	}
	return fr.computeOn(snap, v)
}

func (fr *Friction) computeOn(snap *explore.Snapshot, v *journey.View) (*computed, error) {
	s, err := fr.settings()
	if err != nil {
		return nil, err
	}
	r, labels, err := fr.app.Personas.labels(snap)
	if err != nil {
		return nil, err
	}
	var names []string
	if r != nil {
		for _, p := range r.Personas {
			names = append(names, p.Name)
		}
	}
	res, err := friction.Compute(v, labels, names, s)
	if err != nil {
		return nil, err
	}
	return &computed{view: v, res: res, personas: r, labels: labels}, nil
}

func (fr *Friction) settings() (friction.Settings, error) {
	var s friction.Settings
	err := fr.app.session.with(func(ws *store.Workspace) (err error) {
		s, err = friction.LoadSettings(ws)
		return err
	})
	return s, err
}

func (c *computed) personaID(p int32) string {
	if p < 0 || c.personas == nil || int(p) >= len(c.personas.Personas) {
		return ""
	}
	return c.personas.Personas[p].ID
}

func (c *computed) cell(x friction.Cell) CellDTO {
	comp, ev := x.Components, x.Evidence
	return CellDTO{Touchpoint: x.Touchpoint, Stage: x.Stage, Persona: c.personaID(x.Persona),
		Score: Num(x.Score), Low: Num(x.Low), High: Num(x.High), Enough: x.Enough,
		Customers: ev.Customers, Events: ev.Events, Sources: ev.Sources,
		Components: ComponentsDTO{ExitRate: Num(comp.ExitRate), LoopRate: Num(comp.LoopRate),
			BacktrackRate: Num(comp.BacktrackRate), StallRatio: Num(comp.StallRatio), SupportRate: Num(comp.SupportRate),
			MeanRating: Num(comp.MeanRating), LowRatingShare: Num(comp.LowRatingShare), Effort: Num(comp.Effort)},
		Evidence: EvidenceDTO{Exits: ev.Exits, Loops: ev.Loops, Backtracks: ev.Backtracks, Steps: ev.Steps,
			Support: ev.Support, Ratings: ev.Ratings}}
}

func (c *computed) cells(xs []friction.Cell) []CellDTO {
	out := make([]CellDTO, 0, len(xs))
	for _, x := range xs {
		out = append(out, c.cell(x))
	}
	return out
}

func momentDTOs(ms []friction.Moment) []MomentDTO {
	out := make([]MomentDTO, 0, len(ms))
	for _, m := range ms {
		out = append(out, MomentDTO{Touchpoint: m.Touchpoint, Stage: m.Stage, With: m.With, Without: m.Without,
			ConvWith: Num(m.ConvWith), ConvWithout: Num(m.ConvWithout), Lift: Num(m.Lift), RemovalEffect: Num(m.RemovalEffect)})
	}
	return out
}

func wasteDTO(w friction.Waste) WasteDTO {
	out := WasteDTO{Touches: w.Touches, Customers: w.Customers, Touchpoints: []WastedTouchpointDTO{}}
	for _, t := range w.Touchpoints {
		out.Touchpoints = append(out.Touchpoints, WastedTouchpointDTO{Touchpoint: t.Touchpoint, Channel: t.Channel,
			Touches: t.Touches, Customers: t.Customers})
	}
	return out
}

func settingsDTO(s friction.Settings) FrictionSettingsDTO {
	w := s.Weights
	return FrictionSettingsDTO{Weights: WeightsDTO{Exit: w.Exit, Loop: w.Loop, Stall: w.Stall, Support: w.Support,
		Sentiment: w.Sentiment, Effort: w.Effort}, MinCustomers: s.MinCustomers,
		SupportWindowHours: math.Round(s.SupportWindow.Hours()*1000) / 1000, LowRating: s.LowRating}
}
