package cluster

import "math"

// KChoice is the outcome of ChooseK.
type KChoice struct {
	// K is the chosen number of clusters.
	K int
	// Scores holds one entry per k tried, in increasing k.
	Scores []Score
	// Method names the criterion K was chosen by (MethodSilhouette).
	Method string
}

// Score is the quality of the k-component model: the mean silhouette of its hard partition on the
// silhouette sample (0 for k = 1, where it is undefined) and the BIC of the diagonal Gaussian mixture on
// the fitting sample (lower is better).
type Score struct {
	K          int
	Silhouette float64
	BIC        float64
}

// MethodSilhouette is the criterion ChooseK states in KChoice.Method.
const MethodSilhouette = "silhouette"

const (
	// ChooseKSample is the number of rows ChooseK fits its models on; larger data is sampled.
	ChooseKSample = 3000
	// NoStructure is the silhouette below which ChooseK prefers k = 1 when kMin allows it: Kaufman and
	// Rousseeuw read a silhouette under 0.25 as "no substantial structure".
	NoStructure = 0.25
	// chooseKInitSample is the sample each k's k-means restarts run on before EM on the ChooseKSample rows.
	chooseKInitSample = 1500
	// NearTie is the fraction of the best silhouette within which candidates count as tied; among them
	// ChooseK takes the one with the lowest BIC.
	NearTie = 0.05
)

// ChooseK fits a diagonal Gaussian mixture (started from k-means) for every k in [kMin, kMax] on a sample
// of at most ChooseKSample rows and returns the k whose hard partition has the highest silhouette on a
// sub-sample of DefaultSilhouetteSample rows, near-ties (within NearTie of the best) going to the lowest
// BIC, and 1 when kMin ≤ 1 and no silhouette reaches NoStructure; see the package doc. kMin below 1 counts
// as 1; kMax is clipped to the number of distinct rows (in the sample). The k values are fitted in
// parallel on o.Workers goroutines.
func ChooseK(x []float64, n, d, kMin, kMax int, o Options) (KChoice, error) {
	if err := validate(x, n, d); err != nil {
		return KChoice{}, err
	}
	kMin = max(kMin, 1)
	if kMax < kMin {
		return KChoice{}, ErrBadK
	}
	o = o.withDefaults()
	c := canonicalise(x, n, d, o.Workers)
	// Sampling picks canonical rows, so the sample (and everything after) ignores the caller's row order.
	fit := sampleRows(n, ChooseKSample, newRNG(o.Seed, streamChooseK, 0))
	xs := make([]float64, len(fit)*d)
	for a, i := range fit {
		copy(xs[a*d:a*d+d], c.x[i*d:i*d+d])
	}
	m := len(fit)
	distinct := countDistinct(xs, m, d)
	kMax = min(kMax, distinct)
	kMin = min(kMin, kMax)

	count := kMax - kMin + 1
	scores := make([]Score, count)
	labels := make([][]int, count)
	inner := o
	inner.Workers = 1
	// The largest k cost most: hand them out first so the workers finish together.
	parallelIndex(count, o.Workers, func(t int) {
		k := kMax - t
		mix := gmmCanonical(xs, m, d, k, inner, chooseKInitSample)
		scores[k-kMin] = Score{K: k, BIC: mix.bic(m, d)}
		if mix.k >= 2 {
			labels[k-kMin] = mix.labels
		}
	})
	sil := sampleRows(m, DefaultSilhouetteSample, newRNG(o.Seed, streamSil, 0))
	for t, s := range silhouettes(xs, d, sil, labels, o.Workers) {
		scores[t].Silhouette = s
	}
	best := -1
	for t, s := range scores {
		if s.K >= 2 && (best < 0 || s.Silhouette > scores[best].Silhouette) {
			best = t
		}
	}
	if best >= 0 {
		// Near-ties on silhouette go to the better BIC: two touching clusters score about the same merged
		// as apart, and the likelihood tells them apart.
		top := scores[best].Silhouette
		for t, s := range scores {
			if s.K >= 2 && s.Silhouette >= top-NearTie*math.Abs(top) && s.BIC < scores[best].BIC {
				best = t
			}
		}
	}
	choice := KChoice{Scores: scores, Method: MethodSilhouette}
	switch {
	case best < 0:
		choice.K = kMin // only k = 1 was possible
	case kMin == 1 && scores[best].Silhouette < NoStructure:
		choice.K = 1
	default:
		choice.K = scores[best].K
	}
	return choice, nil
}

// countDistinct counts distinct rows of rows in canonical order (equal rows adjacent).
func countDistinct(x []float64, n, d int) int {
	c := 0
	for i := range n {
		if i == 0 || compareRows(x[(i-1)*d:i*d], x[i*d:i*d+d]) != 0 {
			c++
		}
	}
	return c
}
