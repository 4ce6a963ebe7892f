package report

import (
	"fmt"
	"math"

	"wayline/internal/friction"
)

// Heatmap geometry, in SVG user units.
const (
	heatLeft  = 170.0
	heatTop   = 120.0
	heatCellW = 104.0
	heatCellH = 42.0
)

// heatmap is the stages × personas friction grid: a column for all customers, then one per persona.
func (a *analysis) heatmap() heatmap {
	fr := a.friction
	cols := [][]friction.Cell{fr.Stages}
	names := []string{"All customers"}
	sizes := []int{a.view.Len()}
	if a.personas != nil {
		for i, ps := range fr.PersonaStages {
			cols = append(cols, ps)
			names = append(names, fr.Personas[i])
			sizes = append(sizes, a.personas.Personas[i].Size)
		}
	}
	h := heatmap{Left: heatLeft, Top: heatTop, CellW: heatCellW, CellH: heatCellH, Stops: frictionStops(),
		MinCustomers: thousands(a.settings.MinCustomers)}
	for c, name := range names {
		x := heatLeft + heatCellW*float64(c) + heatCellW/2
		h.Columns = append(h.Columns, heatColumn{Name: name, Short: a.short(name, 26), Customers: count(sizes[c]), X: x, Y: heatTop - 8})
	}
	for s, stage := range a.snap.Journeys.Stages() {
		row := heatRow{Name: a.short(stage, 24), Y: heatTop + heatCellH*float64(s)}
		for c := range cols {
			var cell friction.Cell
			if s < len(cols[c]) {
				cell = cols[c][s]
			} else {
				cell = friction.Cell{Stage: stage, Score: math.NaN(), Low: math.NaN(), High: math.NaN()}
			}
			v := a.cellView(cell)
			label := v.Score
			row.Cells = append(row.Cells, heatCell{X: heatLeft + heatCellW*float64(c), Y: row.Y, Cell: v, Label: label,
				N: "n = " + count(cell.Evidence.Customers)})
		}
		h.Rows = append(h.Rows, row)
	}
	h.Width = math.Max(heatLeft+heatCellW*float64(len(cols))+20, heatLeft+480)
	h.LegendY = heatTop + heatCellH*float64(len(h.Rows)) + 28
	h.Height = h.LegendY + 56
	h.Scale = fmt.Sprintf("0 = no friction signal; 1 = every weighted signal for every customer. Cells with fewer than %d customers are hatched: not enough data, not zero.", a.settings.MinCustomers)
	return h
}

// worst lists the touchpoints with the most friction (enough data only), worst first.
func (a *analysis) worst(limit int) []frictionRow {
	var out []frictionRow
	for _, c := range a.friction.Touchpoints {
		if !c.Enough || len(out) == limit {
			break
		}
		out = append(out, frictionRow{Touchpoint: c.Touchpoint, Stage: c.Stage, Score: score(c.Score),
			Interval: score(c.Low) + "–" + score(c.High), Customers: count(c.Evidence.Customers),
			Exit: percent(c.Components.ExitRate), Loop: percent(math.Max(nz(c.Components.LoopRate), nz(c.Components.BacktrackRate))),
			Support: percent(c.Components.SupportRate), Rating: lowRating(c.Components), Cell: a.cellView(c)})
	}
	return out
}

func nz(x float64) float64 {
	if math.IsNaN(x) {
		return 0
	}
	return x
}

func lowRating(c friction.Components) string {
	if math.IsNaN(c.LowRatingShare) {
		return "no ratings"
	}
	return percent(c.LowRatingShare)
}

// short is cut on the redacted text: a value cut in half would no longer be recognised.
func (a *analysis) short(s string, n int) string { return cut(a.red.text(s), n) }

// cut shortens s to n characters with an ellipsis (the full text stays in a tooltip).
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
