package friction

import "math"

// Score combines components into a friction score in 0..1: the weighted mean of the component terms that
// have evidence (NaN components drop out together with their weight). The terms are
//
//	exit       ExitRate
//	loop       max(LoopRate, BacktrackRate)
//	stall      StallRatio
//	support    SupportRate
//	sentiment  (1 − MeanRating + LowRatingShare) / 2
//	effort     Effort
//
// It is NaN when no weighted component has evidence.
func Score(c Components, w Weights) float64 {
	loop := c.LoopRate
	if math.IsNaN(loop) || c.BacktrackRate > loop {
		loop = c.BacktrackRate
	}
	sentiment := math.NaN()
	if !math.IsNaN(c.MeanRating) {
		sentiment = (1 - c.MeanRating + c.LowRatingShare) / 2
	}
	terms := [...]struct{ v, w float64 }{
		{c.ExitRate, w.Exit}, {loop, w.Loop}, {c.StallRatio, w.Stall}, {c.SupportRate, w.Support},
		{sentiment, w.Sentiment}, {c.Effort, w.Effort},
	}
	var sum, weight float64
	for _, t := range terms {
		if math.IsNaN(t.v) || t.w == 0 {
			continue
		}
		sum += t.w * clamp01(t.v)
		weight += t.w
	}
	if weight == 0 {
		return math.NaN()
	}
	return clamp01(sum / weight)
}

func clamp01(x float64) float64 { return math.Min(1, math.Max(0, x)) }

// z95 is the standard normal quantile for a two-sided 95 % interval.
const z95 = 1.959963984540054

// Wilson is the Wilson score 95 % interval of a proportion p observed on n trials; the friction score is
// read as such a proportion with n = the cell's customers, so a score seen on 12 customers gets a much wider
// interval than the same score seen on 12,000. NaN, NaN for n ≤ 0 or a NaN p.
func Wilson(p float64, n int) (low, high float64) {
	if n <= 0 || math.IsNaN(p) {
		return math.NaN(), math.NaN()
	}
	nf := float64(n)
	z2 := z95 * z95
	den := 1 + z2/nf
	centre := (p + z2/(2*nf)) / den
	half := z95 * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf)) / den
	return clamp01(centre - half), clamp01(centre + half)
}
