package maps

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"wayline/internal/friction"
)

// cells finds the all-customer friction cell of a touchpoint by name.
type cells map[string]friction.Cell

func cellIndex(fr *friction.Result) cells {
	c := cells{}
	if fr == nil {
		return c
	}
	for _, cell := range fr.Touchpoints {
		c[cell.Touchpoint] = cell
	}
	return c
}

func (c cells) touchpoint(name, stage string) friction.Cell {
	if cell, ok := c[name]; ok {
		return cell
	}
	return noData(name, stage)
}

// noData is the cell of a touchpoint or stage the friction result does not cover: not enough data, never
// zero friction.
func noData(touchpoint, stage string) friction.Cell {
	nan := math.NaN()
	return friction.Cell{Touchpoint: touchpoint, Stage: stage, Persona: -1, Score: nan, Low: nan, High: nan,
		Components: friction.Components{ExitRate: nan, LoopRate: nan, BacktrackRate: nan, StallRatio: nan,
			SupportRate: nan, MeanRating: nan, LowRatingShare: nan, Effort: nan}}
}

func stageCell(fr *friction.Result, s int, name string) friction.Cell {
	if fr != nil && s < len(fr.Stages) && fr.Stages[s].Stage == name {
		return fr.Stages[s]
	}
	if fr != nil {
		for _, c := range fr.Stages {
			if c.Stage == name {
				return c
			}
		}
	}
	return noData("", name)
}

// pains are the stage's enough-data touchpoint cells with a positive score, highest first: a touchpoint
// without measurable friction is no pain point.
func pains(fr *friction.Result, stage string) []friction.Cell {
	out := []friction.Cell{}
	if fr == nil {
		return out
	}
	for _, c := range fr.Touchpoints {
		if c.Stage == stage && c.Enough && c.Score > 0 {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b friction.Cell) int { return cmp.Compare(b.Score, a.Score) })
	return out[:min(len(out), maxPains)]
}

// opportunities are the stage's moments of truth that raise conversion, largest lift first.
func opportunities(moments []friction.Moment, stage string) []Opportunity {
	out := []Opportunity{}
	for _, m := range moments {
		if m.Stage != stage || !(m.Lift > 0) {
			continue
		}
		out = append(out, Opportunity{Touchpoint: m.Touchpoint, Lift: m.Lift, RemovalEffect: m.RemovalEffect, Customers: m.With,
			Text: fmt.Sprintf("Customers who use %s convert %.0f pts more than others who reached %s", m.Touchpoint, m.Lift*100, stage)})
	}
	slices.SortStableFunc(out, func(a, b Opportunity) int {
		if c := cmp.Compare(b.Lift, a.Lift); c != 0 {
			return c
		}
		return cmp.Compare(a.Touchpoint, b.Touchpoint)
	})
	return out[:min(len(out), maxOpportunities)]
}
