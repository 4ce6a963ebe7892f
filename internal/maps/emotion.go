package maps

import "math"

// z95 is the normal quantile of a two-sided 95 % interval.
const z95 = 1.959963984540054

// emotion is stage s's mood from its ratings (see doc.go).
func (w *walk) emotion(s int) Emotion {
	n := w.rN[s]
	if n == 0 {
		nan := math.NaN()
		return Emotion{Score: nan, Mean: nan, LowShare: nan, Low: nan, High: nan}
	}
	mean := w.rSum[s] / float64(n)
	lo, hi := wilson(mean, n)
	return Emotion{Score: toScale(mean), Mean: mean, LowShare: float64(w.rLow[s]) / float64(n), Ratings: n,
		Customers: w.rCust[s], Low: toScale(lo), High: toScale(hi)}
}

// toScale maps a normalised rating (0..1) to the map's −2…+2 emotion scale.
func toScale(x float64) float64 { return 4*x - 2 }

// wilson is the Wilson 95 % score interval of a proportion (or a mean of values in 0..1) p over n.
func wilson(p float64, n int) (lo, hi float64) {
	nf := float64(n)
	z2 := z95 * z95
	centre := (p + z2/(2*nf)) / (1 + z2/nf)
	half := z95 / (1 + z2/nf) * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf))
	return max(centre-half, 0), min(centre+half, 1)
}
