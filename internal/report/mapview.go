package report

import (
	"fmt"
	"math"
	"strings"
)

// Emotion chart geometry: one column per stage, the curve through −2…+2.
const (
	emotionColW   = 160.0
	emotionHeight = 120.0
	emotionPad    = 18.0
)

// mapSection draws the observed map: stages as columns with their customers, touchpoints tinted by
// friction, actions, emotion, pain points and opportunities.
func (a *analysis) mapSection() mapSection {
	m := a.observed
	out := mapSection{Customers: count(m.Customers), Converted: count(m.Converted),
		Conversion: percent(ratio(m.Converted, m.Customers)), Goal: strings.Join(m.Goal, ", "), Empty: m.Customers == 0}
	for _, st := range m.Stages {
		ms := mapStage{Name: st.Name, Customers: count(st.Customers), Reached: percent(st.Reached),
			Skipped: count(st.Skipped), Sources: count(st.Sources), Friction: a.cellView(st.Friction)}
		for i, tp := range st.Touchpoints {
			if i == 8 {
				ms.Touchpoints = append(ms.Touchpoints, pill{Name: fmt.Sprintf("and %d more", len(st.Touchpoints)-8), Cell: cellView{Opacity: 1, Ink: inkColour}})
				break
			}
			ms.Touchpoints = append(ms.Touchpoints, pill{Name: tp.Touchpoint, Channels: strings.Join(tp.Channels, ", "),
				Customers: count(tp.Customers), Share: percent(tp.Share), Cell: a.cellView(tp.Friction)})
		}
		for _, ac := range st.Actions {
			ms.Actions = append(ms.Actions, labelled{ac.Label, count(ac.Customers) + " (" + percent(ac.Share) + ")"})
		}
		ms.Emotion = "no ratings"
		if !math.IsNaN(st.Emotion.Score) {
			ms.Emotion = fmt.Sprintf("%s (%s ratings, %s low)", signed(st.Emotion.Score), count(st.Emotion.Ratings), percent(st.Emotion.LowShare))
		}
		for _, c := range st.Pains {
			ms.Pains = append(ms.Pains, labelled{c.Touchpoint, "friction " + score(c.Score) + ", " + percent(c.Components.ExitRate) + " exit"})
		}
		for _, op := range st.Opportunities {
			ms.Opportunities = append(ms.Opportunities, op.Text)
		}
		out.Stages = append(out.Stages, ms)
	}
	out.Emotion = a.emotionChart()
	return out
}

// emotionChart is the emotion curve across the stages: the score on −2…+2 with its interval as a band;
// stages without ratings are left out of the line (no evidence is not a neutral mood).
func (a *analysis) emotionChart() emotionChart {
	stages := a.observed.Stages
	c := emotionChart{Width: emotionColW * float64(len(stages)), Height: emotionHeight}
	y := func(s float64) float64 {
		s = math.Max(-2, math.Min(2, s))
		return round1(emotionPad + (2-s)/4*(emotionHeight-2*emotionPad))
	}
	c.Zero = y(0)
	var line, upper, lower []string
	for i, st := range stages {
		x := emotionColW*float64(i) + emotionColW/2
		e := st.Emotion
		if math.IsNaN(e.Score) {
			continue
		}
		c.HasData = true
		yy := y(e.Score)
		line = append(line, fmt.Sprintf("%.1f,%.1f", x, yy))
		hi, lo := e.High, e.Low
		if math.IsNaN(hi) || math.IsNaN(lo) {
			hi, lo = e.Score, e.Score
		}
		upper = append(upper, fmt.Sprintf("%.1f,%.1f", x, y(hi)))
		lower = append([]string{fmt.Sprintf("%.1f,%.1f", x, y(lo))}, lower...)
		labelY := yy - 9
		if labelY < 10 {
			labelY = yy + 16
		}
		c.Dots = append(c.Dots, emotionDot{X: x, Y: yy, Fill: emotionColour(e.Score), Label: signed(e.Score), LabelY: labelY,
			Stage: st.Name, Tip: fmt.Sprintf("%s: %s from %s ratings (95 %% interval %s to %s)", st.Name, signed(e.Score),
				thousands(e.Ratings), signed(lo), signed(hi))})
	}
	c.Line = svgPoints(strings.Join(line, " "))
	c.Band = svgPoints(strings.Join(append(upper, lower...), " "))
	return c
}

// signed formats an emotion score with its sign: +0.8, −1.2, 0.0.
func signed(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	s := fmt.Sprintf("%.1f", math.Abs(x))
	switch {
	case s == "0.0":
		return "0.0"
	case x < 0:
		return "−" + s
	default:
		return "+" + s
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}
