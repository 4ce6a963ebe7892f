package report

import (
	"fmt"
	"math"
	"strings"

	"wayline/internal/friction"
)

// summary gives the key numbers: customers, events, sources, date range, conversion, the worst friction
// point and the personas.
func (a *analysis) summary() ([]figure, []string) {
	m := a.snap.Model
	s := a.view.Summary()
	from, to, ok := eventRange(a)
	dates := "no events"
	span := ""
	if ok {
		dates = dayMicros(from) + " – " + dayMicros(to)
		span = thousands(int((to-from)/86_400_000_000)+1) + " days"
	}
	sources := map[uint32]bool{}
	for _, src := range m.Events.Source {
		sources[src] = true
	}
	figs := []figure{
		{"Customers", count(s.Customers), fmt.Sprintf("%s profiles with at least one event", thousands(s.Customers))},
		{"Events", count(s.Events), "touches across every channel"},
		{"Sources", count(len(sources)), "exports combined into one view"},
		{"Date range", dates, span},
		{"Conversion", percent(s.ConversionRate), fmt.Sprintf("%s customers reached the goal", count(s.Converted))},
	}
	top := figure{"Top friction point", "not enough data", fmt.Sprintf("no touchpoint has %d customers", a.settings.MinCustomers)}
	if tps := a.friction.Touchpoints; len(tps) > 0 && tps[0].Enough {
		c := tps[0]
		top = figure{"Top friction point", c.Touchpoint, fmt.Sprintf("score %s in %s, %s customers", score(c.Score), c.Stage, count(c.Evidence.Customers))}
	}
	figs = append(figs, top)
	if a.personas != nil {
		figs = append(figs, figure{"Personas", count(len(a.personas.Personas)), "behaviour-based segments"})
	} else {
		figs = append(figs, figure{"Personas", "0", "not discovered yet"})
	}

	var notes []string
	if len(a.moments) > 0 {
		best := a.moments[0]
		if !math.IsNaN(best.Lift) {
			notes = append(notes, fmt.Sprintf("The moment of truth with the largest effect is %s (%s): customers who have it convert %s than comparable customers who do not.",
				best.Touchpoint, best.Stage, liftWords(best.Lift)))
		}
	}
	if tps := a.friction.Touchpoints; len(tps) > 0 && tps[0].Enough {
		c := tps[0]
		notes = append(notes, fmt.Sprintf("Journeys hurt most at %s (%s, friction %s from %s customers): %s.",
			c.Touchpoint, c.Stage, score(c.Score), count(c.Evidence.Customers), strongestSignal(c.Components)))
	}
	return figs, notes
}

// liftWords says a lift in words: "16 pts more often", "4.5 pts less often".
func liftWords(lift float64) string {
	s := strings.TrimPrefix(points(math.Abs(lift)), "+")
	if lift < 0 {
		return s + " less often"
	}
	return s + " more often"
}

// strongestSignal names the friction component with the largest value in a cell, in words.
func strongestSignal(c friction.Components) string {
	signals := []struct {
		v    float64
		text string
	}{
		{c.ExitRate, "left without buying there"},
		{math.Max(nz(c.LoopRate), nz(c.BacktrackRate)), "repeated it or went back to an earlier stage"},
		{c.SupportRate, "contacted support soon after"},
		{c.LowRatingShare, "of its ratings were low"},
	}
	best := -1
	for i, s := range signals {
		if !math.IsNaN(s.v) && (best < 0 || s.v > signals[best].v) {
			best = i
		}
	}
	if best < 0 || signals[best].v <= 0 {
		return "no single signal dominates"
	}
	if best == 3 {
		return percent(signals[best].v) + " " + signals[best].text
	}
	return percent(signals[best].v) + " of its customers " + signals[best].text
}

// eventRange is the first and last event time of the view's customers, in Unix microseconds.
func eventRange(a *analysis) (from, to int64, ok bool) {
	times := a.snap.Model.Events.Time
	for i, t := range times {
		if i == 0 || t < from {
			from = t
		}
		if i == 0 || t > to {
			to = t
		}
	}
	return from, to, len(times) > 0
}
