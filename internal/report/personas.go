package report

import (
	"fmt"
	"math"
	"strconv"

	"wayline/internal/persona"
)

// Width of the persona share bar, in SVG user units.
const shareBarW = 1000.0

// personaSection describes the last persona run: a share bar and a card per persona.
func (a *analysis) personaSection() personaSection {
	r := a.personas
	if r == nil {
		return personaSection{None: a.why}
	}
	out := personaSection{Run: fmt.Sprintf("%d personas from %s customers, found by clustering %s (seed %d) on %s.",
		len(r.Personas), thousands(r.Customers), r.Method, r.Seed, day(r.RanAt))}
	kinds := map[string]persona.Kind{}
	for _, f := range persona.Catalog(a.snap) {
		kinds[f.Name] = f.Kind
	}
	x := 0.0
	for _, p := range r.Personas {
		w := p.Share * shareBarW
		out.Bar = append(out.Bar, shareSegment{X: round1(x), W: round1(w), Fill: colourOr(p.Color), Label: p.Name + ": " + percent(p.Share)})
		x += w
		card := personaCard{Name: p.Name, Colour: colourOr(p.Color), Size: count(p.Size), Share: percent(p.Share),
			Conversion: percent(p.ConversionRate), Value: money(p.Value), Notes: p.Notes, Path: shortPath(p.MedoidPath, maxPathSteps),
			Representative: a.customers.of(p.MedoidProfile)}
		for _, d := range p.Distinguishing {
			k, known := kinds[d.Feature]
			card.Features = append(card.Features, labelled{d.Label, fmt.Sprintf("%s vs %s for everyone else",
				featureValue(d.PersonaMean, k, known), featureValue(d.RestMean, k, known))})
		}
		for i, rule := range p.Rules {
			if i == 3 {
				break
			}
			card.Rules = append(card.Rules, fmt.Sprintf("%s (precision %s)", rule.Text, percent(rule.Precision)))
		}
		for i, c := range p.TopChannels {
			if i == 4 {
				break
			}
			card.Channels = append(card.Channels, c.Name+" "+percent(c.Share))
		}
		out.Cards = append(out.Cards, card)
	}
	return out
}

// maxPathSteps is how many steps of a typical journey a card shows.
const maxPathSteps = 14

// shortPath keeps the first n steps of a path and says how many more there are.
func shortPath(path []string, n int) []string {
	if len(path) <= n {
		return path
	}
	return append(append([]string(nil), path[:n]...), fmt.Sprintf("… %d more", len(path)-n))
}

// featureValue formats a feature's mean by what the feature measures: shares and flags as percentages,
// money as an amount, days with their unit.
func featureValue(x float64, k persona.Kind, known bool) string {
	if !known {
		return amount(x)
	}
	switch k {
	case persona.KindShare, persona.KindFlag:
		return percent(x)
	case persona.KindMoney:
		return money(x)
	case persona.KindDays:
		return amount(x) + nbsp + "d"
	}
	return amount(x)
}

// colourOr keeps a persona colour only when it is a plain #rrggbb; anything else a user typed falls back
// to grey rather than reach an attribute.
func colourOr(c string) string {
	if len(c) == 7 && c[0] == '#' {
		if _, err := strconv.ParseUint(c[1:], 16, 32); err == nil {
			return c
		}
	}
	return "#8a929b"
}

// amount formats a feature mean: three significant figures, as a person would write it.
func amount(x float64) string {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return "–"
	case math.Abs(x) >= 10_000:
		return count(int(math.Round(x)))
	case math.Abs(x) >= 100:
		return thousands(int(math.Round(x)))
	case math.Abs(x) >= 10:
		return trimZero(strconv.FormatFloat(x, 'f', 1, 64))
	default:
		return trimZero(strconv.FormatFloat(x, 'f', 2, 64))
	}
}
