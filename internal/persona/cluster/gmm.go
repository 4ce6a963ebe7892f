package cluster

import (
	"math"
	"slices"
)

// GMMResult is a Gaussian mixture with diagonal covariances.
type GMMResult struct {
	// K is the number of components: the k asked for, or fewer when the data has fewer distinct points or
	// components had to be dropped (see the package doc).
	K int
	// Labels holds each row's most probable component, in the caller's row order.
	Labels []int
	// Resp is n×K, row-major: the posterior probability of each component for each row (rows sum to 1).
	Resp []float64
	// Means and Vars are K×d, row-major; components are numbered in lexicographic order of their means.
	Means, Vars []float64
	// Weights are the mixing proportions (they sum to 1).
	Weights []float64
	// LogLik is the total log-likelihood of the data (natural log).
	LogLik float64
	// BIC is -2·LogLik + p·ln(n) with p = K·2d + K-1 free parameters; lower is better.
	BIC float64
}

const (
	// gmmTol stops EM when the log-likelihood changes by less than this fraction of its magnitude.
	gmmTol = 1e-5
	// varFloorFrac is the variance floor as a fraction of the mean column variance: it keeps a component
	// on a constant feature or on duplicate rows from collapsing to a zero variance (an infinite density).
	varFloorFrac = 1e-6
	// emptyResp is the total responsibility below which a component counts as empty.
	emptyResp = 1e-6
)

// GMM fits a mixture of k Gaussians with diagonal covariances to the n×d row-major matrix x by EM, started
// from the k-means partition (KMeans with the same options). See the package doc for the variance floor,
// empty components, determinism and row-order independence.
func GMM(x []float64, n, d, k int, o Options) (GMMResult, error) {
	if err := validate(x, n, d); err != nil {
		return GMMResult{}, err
	}
	if k < 1 {
		return GMMResult{}, ErrBadK
	}
	if k > n {
		return GMMResult{}, ErrTooFewPoints
	}
	o = o.withDefaults()
	c := canonicalise(x, n, d, o.Workers)
	m, err := gmmCanonical(c.x, n, d, min(k, c.distinct), o, GMMInitSample)
	if err != nil {
		return GMMResult{}, err
	}
	res := GMMResult{
		K: m.k, Labels: toCallerOrder(m.labels, c.orig), Means: m.means, Vars: m.vars, Weights: m.weights,
		LogLik: m.logLik, BIC: m.bic(n, d),
	}
	res.Resp = make([]float64, n*m.k)
	for i, r := range c.orig {
		copy(res.Resp[r*m.k:r*m.k+m.k], m.resp[i*m.k:i*m.k+m.k])
	}
	return res, nil
}

// mixture is a fitted GMM on canonical rows.
type mixture struct {
	k                    int
	means, vars, weights []float64
	resp                 []float64
	labels               []int
	logLik               float64
}

func (m mixture) bic(n, d int) float64 {
	p := float64(m.k*2*d + m.k - 1)
	return -2*m.logLik + p*math.Log(float64(n))
}

// gmmCanonical initialises from k-means on canonical rows and runs EM; ErrStopped when o.Stop fires.
func gmmCanonical(x []float64, n, d, k int, o Options, initSample int) (mixture, error) {
	floor := varFloorFrac * columnVariance(x, n, d)
	if floor <= 0 {
		floor = 1e-12 // every row is identical: any positive floor gives a finite density
	}
	st, err := start(x, n, d, k, o, initSample, floor)
	if err != nil {
		return mixture{}, err
	}
	return em(x, n, d, o, floor, st)
}

// GMMInitSample is the size of the sample the k-means restarts that start GMM compete on when there are
// more rows. The restarts only have to find the right basin, which a sample shows as clearly as the whole
// data, at a fraction of the cost; EM on all rows does the rest.
const GMMInitSample = 5000

// start is the mixture EM begins from: the weights, means and variances of the best k-means partition of
// x, or of a sample of initSample canonical rows when there are more.
func start(x []float64, n, d, k int, o Options, initSample int, floor float64) (*emState, error) {
	xs, m := x, n
	if n > initSample {
		idx := sampleRows(n, initSample, newRNG(o.Seed, streamSample, uint64(k)))
		m = len(idx)
		xs = make([]float64, m*d)
		for a, i := range idx {
			copy(xs[a*d:a*d+d], x[i*d:i*d+d])
		}
		// Sampled rows can coincide even where all rows are distinct, so clip k to the sample too.
		k = min(k, countDistinct(xs, m, d))
	}
	p, err := kmeansCanonical(xs, m, d, k, o)
	if err != nil {
		return nil, err
	}
	st := newEMState(n, d, k)
	if m == n {
		copy(st.best, p.labels) // a good first guess for the E-step's pruning
	}
	counts := make([]float64, k)
	for i, l := range p.labels {
		counts[l]++
		for j, v := range xs[i*d : i*d+d] {
			dv := v - p.centroids[l*d+j]
			st.vars[l*d+j] += dv * dv
		}
	}
	copy(st.means, p.centroids)
	for l := range k {
		st.weights[l] = counts[l] / float64(m)
		for j := range d {
			st.vars[l*d+j] = max(st.vars[l*d+j]/max(counts[l], 1), floor)
		}
	}
	return st, nil
}

// em runs EM from st to convergence and returns the mixture in canonical component order; ErrStopped
// when o.Stop answers true before an iteration.
func em(x []float64, n, d int, o Options, floor float64, st *emState) (mixture, error) {
	globalVar := columnVariances(x, n, d)
	reseeds := 0
	ll := st.eStep(x, o.Workers)
	for range o.MaxIter {
		if o.stopped() {
			return mixture{}, ErrStopped
		}
		prev := ll
		empty := st.mStep(floor)
		for _, e := range empty {
			if reseeds < st.k {
				st.reseed(x, e, globalVar, floor)
				reseeds++
			}
		}
		if reseeds >= st.k && len(empty) > 0 {
			st.drop(empty)
		}
		ll = st.eStep(x, o.Workers)
		if len(empty) == 0 && math.Abs(ll-prev) <= gmmTol*math.Abs(ll) {
			break
		}
	}
	m := st.canonicalOrder(x)
	m.logLik = ll
	return m, nil
}

// columnVariances is the variance of each column.
func columnVariances(x []float64, n, d int) []float64 {
	mean := make([]float64, d)
	for i := range n {
		for j, v := range x[i*d : i*d+d] {
			mean[j] += v
		}
	}
	for j := range mean {
		mean[j] /= float64(n)
	}
	vs := make([]float64, d)
	for i := range n {
		for j, v := range x[i*d : i*d+d] {
			dv := v - mean[j]
			vs[j] += dv * dv
		}
	}
	for j := range vs {
		vs[j] /= float64(n)
	}
	return vs
}

// canonicalOrder numbers the components by the lexicographic order of their means (ties by weight, then
// by the old number) and sets the hard labels.
func (st *emState) canonicalOrder(x []float64) mixture {
	k, d, n := st.k, st.d, st.n
	order := make([]int, k)
	for j := range order {
		order[j] = j
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return compareRows(st.means[a*d:a*d+d], st.means[b*d:b*d+d])
	})
	m := mixture{k: k, means: make([]float64, k*d), vars: make([]float64, k*d), weights: make([]float64, k),
		resp: make([]float64, n*k), labels: make([]int, n)}
	for nw, old := range order {
		copy(m.means[nw*d:nw*d+d], st.means[old*d:old*d+d])
		copy(m.vars[nw*d:nw*d+d], st.vars[old*d:old*d+d])
		m.weights[nw] = st.weights[old]
	}
	for i := range n {
		src := st.resp[i*k : i*k+k]
		dst := m.resp[i*k : i*k+k]
		best := 0
		for nw, old := range order {
			dst[nw] = src[old]
			if dst[nw] > dst[best] {
				best = nw
			}
		}
		m.labels[i] = best
	}
	return m
}
