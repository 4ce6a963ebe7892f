package report

import (
	"fmt"
	"math"
)

// magma is matplotlib's magma sampled every tenth from the dark end: perceptually uniform, readable with
// the common colour-vision deficiencies and in greyscale. The app's friction scale
// (frontend/src/lib/frictionScale.ts) uses the same stops, so a cell has the same colour in the app and in
// the report.
var magma = [...]string{"#000004", "#140e36", "#3b0f70", "#641a80", "#8c2981", "#b73779", "#de4968", "#f7705c",
	"#fe9f6d", "#fecf92", "#fcfdbf"}

// darkest is where full friction sits on magma: the darkest 15 % is near black and hides labels.
const darkest = 0.15

func rgb(hex string) [3]float64 {
	var c [3]int
	fmt.Sscanf(hex, "#%02x%02x%02x", &c[0], &c[1], &c[2])
	return [3]float64{float64(c[0]), float64(c[1]), float64(c[2])}
}

func magmaAt(t float64) string {
	x := math.Min(1, math.Max(0, t)) * float64(len(magma)-1)
	i := min(len(magma)-2, int(math.Floor(x)))
	f := x - float64(i)
	a, b := rgb(magma[i]), rgb(magma[i+1])
	return fmt.Sprintf("#%02x%02x%02x", int(math.Round(a[0]+(b[0]-a[0])*f)), int(math.Round(a[1]+(b[1]-a[1])*f)),
		int(math.Round(a[2]+(b[2]-a[2])*f)))
}

// frictionColour is the colour of a friction score 0..1: no friction at the light end, full friction
// dark. A missing score has no colour ("" ): it is drawn hatched, never as zero.
func frictionColour(score float64) string {
	if math.IsNaN(score) || math.IsInf(score, 0) {
		return ""
	}
	return magmaAt(1 - (1-darkest)*math.Min(1, math.Max(0, score)))
}

// inkOn is the text colour that reads on a fill: white on the dark half, ink on the light half.
func inkOn(fill string) string {
	if fill == "" {
		return inkColour
	}
	c := rgb(fill)
	var lum float64
	for k, w := range [3]float64{0.2126, 0.7152, 0.0722} {
		v := c[k] / 255
		if v <= 0.03928 {
			v /= 12.92
		} else {
			v = math.Pow((v+0.055)/1.055, 2.4)
		}
		lum += w * v
	}
	if lum < 0.18 {
		return "#ffffff"
	}
	return inkColour
}

// inkColour is the report's text colour (dark grey on near-white, as in the app).
const inkColour = "#1f2328"

// legendStop is one stop of a gradient legend.
type legendStop struct {
	Offset string // "0%".."100%"
	Colour string
}

// frictionStops are evenly spaced stops of the friction scale, for the legend's gradient.
func frictionStops() []legendStop {
	const n = 11
	out := make([]legendStop, n)
	for i := range out {
		s := float64(i) / (n - 1)
		out[i] = legendStop{Offset: fmt.Sprintf("%.0f%%", s*100), Colour: frictionColour(s)}
	}
	return out
}

// emotionColour is a diverging blue–orange colour (PuOr-like, colour-blind safe) for an emotion score on
// −2…+2: orange for negative, blue for positive, grey at neutral; "" when undefined.
func emotionColour(score float64) string {
	if math.IsNaN(score) {
		return ""
	}
	t := math.Max(-1, math.Min(1, score/2))
	neutral := rgb("#b8b8b2")
	end := rgb("#2166ac")
	if t < 0 {
		end, t = rgb("#e66101"), -t
	}
	return fmt.Sprintf("#%02x%02x%02x", int(math.Round(neutral[0]+(end[0]-neutral[0])*t)),
		int(math.Round(neutral[1]+(end[1]-neutral[1])*t)), int(math.Round(neutral[2]+(end[2]-neutral[2])*t)))
}

// round1 rounds a coordinate to a tenth of a unit: finer is invisible and only makes the file longer.
func round1(x float64) float64 { return math.Round(x*10) / 10 }
