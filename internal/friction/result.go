package friction

import (
	"math"
	"sort"
)

// result turns the grid into cells: touchpoints worst first (not-enough cells after, by customers), stages
// in order, and the persona grids in the same row orders.
func (w *walker) result(personaNames []string) *Result {
	j, g, s := w.j, w.g, w.s
	tpNames, stages := j.TouchpointNames(), j.Stages()
	r := &Result{Settings: s, Personas: append([]string{}, personaNames...), Touchpoints: []Cell{}, Stages: []Cell{}}
	var order []uint32
	for tp := range tpNames {
		if g.tpCell(0, uint32(tp)).customers > 0 {
			order = append(order, uint32(tp))
		}
	}
	cell := func(gr int, tp uint32) Cell {
		return cellOf(g.tpCell(gr, tp), tpNames[tp], stages[j.TouchpointStage(tp)], int32(gr-1), s)
	}
	all := make(map[uint32]Cell, len(order))
	for _, tp := range order {
		all[tp] = cell(0, tp)
	}
	sort.SliceStable(order, func(a, b int) bool { return worse(all[order[a]], all[order[b]]) })
	for _, tp := range order {
		r.Touchpoints = append(r.Touchpoints, all[tp])
	}
	for st := range stages {
		r.Stages = append(r.Stages, cellOf(g.stCell(0, uint32(st)), "", stages[st], -1, s))
	}
	for p := range personaNames {
		var sts, tps []Cell
		for st := range stages {
			sts = append(sts, cellOf(g.stCell(p+1, uint32(st)), "", stages[st], int32(p), s))
		}
		for _, tp := range order {
			tps = append(tps, cell(p+1, tp))
		}
		r.PersonaStages = append(r.PersonaStages, sts)
		r.PersonaTouchpoints = append(r.PersonaTouchpoints, tps)
	}
	return r
}

// worse orders cells worst first: cells with enough data by score descending, then the rest by customers
// descending; ties by name so the order never depends on the walk.
func worse(a, b Cell) bool {
	if a.Enough != b.Enough {
		return a.Enough
	}
	if a.Enough && a.Score != b.Score && !math.IsNaN(a.Score) && !math.IsNaN(b.Score) {
		return a.Score > b.Score
	}
	if a.Evidence.Customers != b.Evidence.Customers {
		return a.Evidence.Customers > b.Evidence.Customers
	}
	return a.Touchpoint < b.Touchpoint
}
