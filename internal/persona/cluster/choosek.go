package cluster

import (
	"math"
	"slices"
)

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
	// chooseKInitSample is the sample each k's k-means restarts run on before EM on the ChooseKSample rows.
	chooseKInitSample = 1500
	// SilhouetteSlack is how far below the best silhouette (as a fraction of it) a larger k may score and
	// still be taken when its BIC gain is significant.
	SilhouetteSlack = 0.10
	// SignificantGain is the fraction of the mean BIC gain per step over the range that a step up in k
	// must gain to count.
	SignificantGain = 0.5
)

// ChooseK fits a diagonal Gaussian mixture (started from k-means) for every k in [kMin, kMax] on a sample
// of at most ChooseKSample rows, scores each k by the silhouette of its hard partition (on a sub-sample of
// DefaultSilhouetteSample rows) and by BIC, and chooses k by the criterion in the package doc: the best
// silhouette, stepped up while BIC gains are significant and the silhouette holds, or 1 when kMin ≤ 1 and
// the data passes the G-means normality test. kMin below 1 counts as 1; kMax is clipped to the number of
// distinct rows (in the sample). The k values are fitted in parallel on o.Workers goroutines; when o.Stop
// fires, the k values not yet begun are skipped and the call returns ErrStopped.
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
	errs := make([]error, count)
	inner := o
	inner.Workers = 1
	// The largest k cost most: hand them out first so the workers finish together.
	parallelIndex(count, o.Workers, func(t int) {
		k := kMax - t
		if o.stopped() {
			errs[k-kMin] = ErrStopped
			return
		}
		mix, err := gmmCanonical(xs, m, d, k, inner, chooseKInitSample)
		if err != nil {
			errs[k-kMin] = err
			return
		}
		scores[k-kMin] = Score{K: k, BIC: mix.bic(m, d)}
		if mix.k >= 2 {
			labels[k-kMin] = mix.labels
		}
	})
	for _, err := range errs {
		if err != nil {
			return KChoice{}, err
		}
	}
	sil := sampleRows(m, DefaultSilhouetteSample, newRNG(o.Seed, streamSil, 0))
	sils, err := silhouettes(xs, d, sil, labels, o.Workers, o.Stop)
	if err != nil {
		return KChoice{}, err
	}
	for t, s := range sils {
		scores[t].Silhouette = s
	}
	best := -1
	for t, s := range scores {
		if s.K >= 2 && (best < 0 || s.Silhouette > scores[best].Silhouette) {
			best = t
		}
	}
	if best >= 0 {
		best = stepUp(scores, best)
	}
	choice := KChoice{Scores: scores, Method: MethodSilhouette}
	switch {
	case best < 0:
		choice.K = kMin // only k = 1 was possible
	case kMin == 1 && looksGaussian(xs, m, d, labels[2-kMin]):
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

// stepUp moves from the k with the best silhouette to larger k while the next k's silhouette stays within
// SilhouetteSlack of the best and its BIC gain is significant: touching clusters score about the same on
// silhouette merged as apart, and the likelihood tells them apart; past the planted k the gains of a
// diagonal mixture shrink to a fraction of the earlier ones (it only carves elongated clusters up).
func stepUp(scores []Score, best int) int {
	last := len(scores) - 1
	if last < 1 {
		return best
	}
	meanGain := (scores[0].BIC - scores[last].BIC) / float64(last)
	if !(meanGain > 0) {
		return best
	}
	floor := scores[best].Silhouette - SilhouetteSlack*math.Abs(scores[best].Silhouette)
	at := best
	for at < last && scores[at+1].Silhouette >= floor && scores[at].BIC-scores[at+1].BIC >= SignificantGain*meanGain {
		at++
	}
	return at
}

// adCritical is the Anderson–Darling critical value (with mean and variance estimated) at α = 0.0001,
// the level G-means uses: a single cluster is rejected only on strong evidence.
const adCritical = 1.8692

// looksGaussian is the G-means test (Hamerly and Elkan, 2003): project the rows onto the line through the
// means of the two-cluster partition and test the projection for normality with Anderson–Darling. Every
// linear projection of one Gaussian cluster, however elongated, is normal; two or more clusters make it
// bimodal or skewed. It reports false when there is no two-cluster partition to project on.
func looksGaussian(x []float64, n, d int, two []int) bool {
	if two == nil || n < 8 {
		return false
	}
	mean := make([]float64, 2*d)
	count := [2]float64{}
	for i, l := range two {
		count[l]++
		for j, v := range x[i*d : i*d+d] {
			mean[l*d+j] += v
		}
	}
	if count[0] == 0 || count[1] == 0 {
		return false
	}
	dir := make([]float64, d)
	for j := range d {
		dir[j] = mean[d+j]/count[1] - mean[j]/count[0]
	}
	z := make([]float64, n)
	for i := range n {
		s := 0.0
		for j, v := range x[i*d : i*d+d] {
			s += v * dir[j]
		}
		z[i] = s
	}
	return andersonDarling(z) < adCritical
}

// andersonDarling is the A*² statistic of the sample against a normal distribution with the sample's mean
// and variance (Stephens' small-sample correction included). It sorts z.
func andersonDarling(z []float64) float64 {
	n := float64(len(z))
	mu := 0.0
	for _, v := range z {
		mu += v
	}
	mu /= n
	sd := 0.0
	for _, v := range z {
		sd += (v - mu) * (v - mu)
	}
	sd = math.Sqrt(sd / (n - 1))
	if !(sd > 0) {
		return math.Inf(1) // a constant projection is no bell curve
	}
	slices.Sort(z)
	s := 0.0
	for i, v := range z {
		lo := logNormalCDF((v - mu) / sd)
		hi := logNormalCDF(-(z[len(z)-1-i] - mu) / sd) // ln(1 - Φ(z)) = ln Φ(-z), exact in the tail
		s += float64(2*i+1) * (lo + hi)
	}
	a2 := -n - s/n
	return a2 * (1 + 4/n - 25/(n*n))
}

// logNormalCDF is ln Φ(x), through erfc so that the far lower tail stays finite.
func logNormalCDF(x float64) float64 {
	return math.Log(0.5 * math.Erfc(-x/math.Sqrt2))
}
