package app

import (
	"wayline/internal/friction"
	"wayline/internal/maps"
)

// Maps is the bound struct for journey maps: the observed map built from the data.
type Maps struct{ app *App }

// ObservedMapDTO is the observed journey map: stages as columns, lanes as fields.
type ObservedMapDTO struct {
	Stages    []MapStageDTO `json:"stages"`
	Customers int           `json:"customers"`
	Converted int           `json:"converted"`
	Goal      []string      `json:"goal"`
}

// MapStageDTO is one column of the map.
type MapStageDTO struct {
	Name          string             `json:"name"`
	Customers     int                `json:"customers"`
	Reached       float64            `json:"reached"`
	Skipped       int                `json:"skipped"`
	Sources       int                `json:"sources"`
	Friction      CellDTO            `json:"friction"`
	Touchpoints   []MapTouchpointDTO `json:"touchpoints"`
	Actions       []MapActionDTO     `json:"actions"`
	Emotion       EmotionDTO         `json:"emotion"`
	Pains         []CellDTO          `json:"pains"`
	Opportunities []OpportunityDTO   `json:"opportunities"`
}

// MapTouchpointDTO is a touchpoint customers used in a stage.
type MapTouchpointDTO struct {
	Touchpoint string   `json:"touchpoint"`
	Channels   []string `json:"channels"`
	Customers  int      `json:"customers"`
	Events     int      `json:"events"`
	Share      float64  `json:"share"`
	Sources    int      `json:"sources"`
	Friction   CellDTO  `json:"friction"`
}

// MapActionDTO is something customers did in a stage.
type MapActionDTO struct {
	Label     string  `json:"label"`
	Customers int     `json:"customers"`
	Share     float64 `json:"share"`
}

// EmotionDTO is a stage's mood on −2…+2 with its evidence; null without ratings.
type EmotionDTO struct {
	Score     Num `json:"score"`
	Mean      Num `json:"mean"`
	LowShare  Num `json:"lowShare"`
	Ratings   int `json:"ratings"`
	Customers int `json:"customers"`
	Low       Num `json:"low"`
	High      Num `json:"high"`
}

// OpportunityDTO is a moment of truth in a stage that raises conversion.
type OpportunityDTO struct {
	Touchpoint    string `json:"touchpoint"`
	Text          string `json:"text"`
	Lift          Num    `json:"lift"`
	RemovalEffect Num    `json:"removalEffect"`
	Customers     int    `json:"customers"`
}

// Observed builds the observed journey map for the filter: friction, the moments of truth, then the map.
// Each step walks the view on every core already (see internal/maps redraw_bench_test.go for the figures).
func (mp *Maps) Observed(f Filter) (ObservedMapDTO, error) {
	c, err := mp.app.Friction.compute(f)
	if err != nil {
		return ObservedMapDTO{}, err
	}
	moments, err := friction.MomentsOfTruth(c.view, 0)
	if err != nil {
		return ObservedMapDTO{}, err
	}
	return c.observedDTO(maps.Observed(c.view, c.res, moments)), nil
}

func (c *computed) observedDTO(m *maps.Map) ObservedMapDTO {
	out := ObservedMapDTO{Stages: []MapStageDTO{}, Customers: m.Customers, Converted: m.Converted,
		Goal: append([]string{}, m.Goal...)}
	for _, s := range m.Stages {
		st := MapStageDTO{Name: s.Name, Customers: s.Customers, Reached: s.Reached, Skipped: s.Skipped, Sources: s.Sources,
			Friction: c.cell(s.Friction), Touchpoints: []MapTouchpointDTO{}, Actions: []MapActionDTO{},
			Pains: c.cells(s.Pains), Opportunities: []OpportunityDTO{},
			Emotion: EmotionDTO{Score: Num(s.Emotion.Score), Mean: Num(s.Emotion.Mean), LowShare: Num(s.Emotion.LowShare),
				Ratings: s.Emotion.Ratings, Customers: s.Emotion.Customers, Low: Num(s.Emotion.Low), High: Num(s.Emotion.High)}}
		for _, t := range s.Touchpoints {
			st.Touchpoints = append(st.Touchpoints, MapTouchpointDTO{Touchpoint: t.Touchpoint,
				Channels: append([]string{}, t.Channels...), Customers: t.Customers, Events: t.Events, Share: t.Share,
				Sources: t.Sources, Friction: c.cell(t.Friction)})
		}
		for _, a := range s.Actions {
			st.Actions = append(st.Actions, MapActionDTO{Label: a.Label, Customers: a.Customers, Share: a.Share})
		}
		for _, o := range s.Opportunities {
			st.Opportunities = append(st.Opportunities, OpportunityDTO{Touchpoint: o.Touchpoint, Text: o.Text,
				Lift: Num(o.Lift), RemovalEffect: Num(o.RemovalEffect), Customers: o.Customers})
		}
		out.Stages = append(out.Stages, st)
	}
	return out
}
