package report

import (
	"fmt"
	"sort"
	"strings"
)

// method says where the numbers come from: the sources and their batches, counts, the stage model, the goal,
// the friction score and the personas' method.
func (a *analysis) method() (method, error) {
	m := a.snap.Model
	j := a.snap.Journeys
	out := method{Rows: thousands(len(m.Rows)), Events: thousands(m.Events.Len()), Profiles: thousands(j.Profiles()),
		Customers: thousands(j.Customers()), DateRange: "no events"}
	if from, to, ok := eventRange(a); ok {
		out.DateRange = dayMicros(from) + " to " + dayMicros(to)
	}
	if a.ws != nil {
		batches, err := a.ws.Batches()
		if err != nil {
			return method{}, err
		}
		for _, b := range batches {
			var files, sources []string
			seen := map[string]bool{}
			for _, f := range b.Files {
				// The base name only: the path at import time names the consultant's folders.
				files = append(files, fmt.Sprintf("%s (%s rows)", f.Name, thousands(f.Rows)))
				src := f.Source
				if src == "" {
					src = f.Name
				}
				if !seen[src] {
					seen[src] = true
					sources = append(sources, src)
				}
			}
			rng := "no events"
			if b.Counts.Events > 0 {
				rng = dayMicros(b.Stats.MinTime) + " – " + dayMicros(b.Stats.MaxTime)
			}
			out.Sources = append(out.Sources, sourceRow{Batch: fmt.Sprint(b.ID), Imported: day(b.Time),
				Files: strings.Join(files, ", "), Source: strings.Join(sources, ", "), Rows: thousands(b.Counts.Rows),
				Events: thousands(b.Counts.Events), Rejected: thousands(b.Counts.Rejected), Range: rng})
		}
	}
	res := j.Resolution()
	out.Stages = j.Stages()
	var goal []string
	order := make([]int, len(res.Touchpoints))
	for i := range order {
		order[i] = i
	}
	// By stage, then by name (Touchpoints is sorted by name).
	sort.SliceStable(order, func(x, y int) bool { return res.Stage[order[x]] < res.Stage[order[y]] })
	for _, i := range order {
		tp := res.Touchpoints[i]
		how := "set by the user"
		if res.Guessed[i] {
			how = "guessed from its name and channel"
		}
		out.Mapping = append(out.Mapping, mappingRow{Touchpoint: tp, Stage: res.Stages[res.Stage[i]], How: how, Goal: res.Goal[i]})
		if res.Goal[i] {
			goal = append(goal, tp)
		}
	}
	out.Goal = strings.Join(goal, ", ")
	if out.Goal == "" {
		out.Goal = "no goal touchpoint: conversion is 0 for everyone"
	} else if res.GoalGuessed {
		out.Goal += " (the touchpoints of the Purchase stage, as no goal was set)"
	}
	w := a.settings.Weights
	out.Weights = []labelled{
		{"Exit without converting", weight(w.Exit)},
		{"Loops and backtracks", weight(w.Loop)},
		{"Stalls (time to next step against the norm)", weight(w.Stall)},
		{"Support contacts that follow", weight(w.Support)},
		{"Low ratings", weight(w.Sentiment)},
		{"Effort", weight(w.Effort)},
	}
	out.MinCustomers = thousands(a.settings.MinCustomers)
	out.SupportWindow = duration(a.settings.SupportWindow.Seconds())
	out.LowRating = fmt.Sprintf("%.0f %% of the rating scale (%.1f of 5)", a.settings.LowRating*100, a.settings.LowRating*5)
	out.Personas = a.why
	if r := a.personas; r != nil {
		out.Personas = fmt.Sprintf("Personas were found by clustering (%s, k = %d, seed %d, run on %s; quality: %s %.2f) on behaviour features of %s customers; customers imported since are placed with their nearest clustered neighbour.",
			r.Method, r.K, r.Seed, day(r.RanAt), r.Quality.Criterion, r.Quality.Score, thousands(r.Customers))
	}
	return out, nil
}

func weight(x float64) string { return trimZero(fmt.Sprintf("%.2f", x)) }
