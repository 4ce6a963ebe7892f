package report

import (
	"fmt"
	"math"

	"wayline/internal/friction"
)

// cellView turns a friction cell into its drawing: the score's colour with the evidence as opacity, or
// hatching when there is not enough data.
func (a *analysis) cellView(c friction.Cell) cellView {
	v := cellView{Score: score(c.Score)}
	if !c.Enough || math.IsNaN(c.Score) {
		v.Hatched, v.Opacity, v.Ink = true, 1, inkColour
		v.Score = "n/a"
		v.Tip = fmt.Sprintf("Not enough data: %s customers, fewer than the %d a score needs.", thousands(c.Evidence.Customers), a.settings.MinCustomers)
		return v
	}
	v.Fill = frictionColour(c.Score)
	v.Ink = inkOn(v.Fill)
	v.Opacity = evidenceOpacity(c)
	v.Tip = fmt.Sprintf("Friction %s (95 %% interval %s–%s) from %s customers, %s events, %d sources.",
		score(c.Score), score(c.Low), score(c.High), thousands(c.Evidence.Customers), thousands(c.Evidence.Events), c.Evidence.Sources)
	return v
}

// evidenceOpacity makes the evidence visible, as the app does: the narrower the interval, the more solid
// the cell (0.55..1; an interval 0.4 wide or more is as faint as a scored cell gets).
func evidenceOpacity(c friction.Cell) float64 {
	if math.IsNaN(c.Low) || math.IsNaN(c.High) {
		return 0.55
	}
	width := math.Max(0, c.High-c.Low)
	return math.Round((1-0.45*math.Min(1, width/0.4))*100) / 100
}
