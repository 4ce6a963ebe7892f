package cluster

import (
	"math"
	"slices"
)

// KMeansResult is a hard partition into K clusters.
type KMeansResult struct {
	// K is the number of clusters found: the k asked for, or fewer when the data has fewer distinct points.
	K int
	// Labels holds each row's cluster in [0, K), in the caller's row order.
	Labels []int
	// Centroids is K×d, row-major; clusters are numbered in lexicographic order of their centroids.
	Centroids []float64
	// Inertia is the sum of squared distances from each row to its centroid.
	Inertia float64
}

// KMeans partitions the n×d row-major matrix x into k clusters with k-means++ seeding and Lloyd iterations
// (with Hamerly's bounds), keeping the restart with the least inertia. See the package doc for determinism,
// row-order independence and how tiny or degenerate data is handled.
func KMeans(x []float64, n, d, k int, o Options) (KMeansResult, error) {
	if err := validate(x, n, d); err != nil {
		return KMeansResult{}, err
	}
	if k < 1 {
		return KMeansResult{}, ErrBadK
	}
	if k > n {
		return KMeansResult{}, ErrTooFewPoints
	}
	o = o.withDefaults()
	c := canonicalise(x, n, d, o.Workers)
	res, err := kmeansCanonical(c.x, n, d, min(k, c.distinct), o)
	if err != nil {
		return KMeansResult{}, err
	}
	return KMeansResult{K: res.k, Labels: toCallerOrder(res.labels, c.orig), Centroids: res.centroids, Inertia: res.inertia}, nil
}

// toCallerOrder maps labels of canonical rows back to the caller's rows.
func toCallerOrder(labels, orig []int) []int {
	out := make([]int, len(labels))
	for i, l := range labels {
		out[orig[i]] = l
	}
	return out
}

// partition is a k-means solution on canonical rows.
type partition struct {
	k         int
	labels    []int
	centroids []float64
	inertia   float64
}

// kmeansCanonical runs o.Restarts restarts on canonical rows (k already clipped to the distinct points) on
// o.Workers goroutines and returns the best, relabelled canonically; ErrStopped when o.Stop fires (a
// restart not yet begun then never begins).
func kmeansCanonical(x []float64, n, d, k int, o Options) (partition, error) {
	runs := make([]partition, o.Restarts)
	errs := make([]error, o.Restarts)
	tol := lloydTol(x, n, d)
	parallelIndex(o.Restarts, o.Workers, func(r int) {
		if o.stopped() {
			errs[r] = ErrStopped
			return
		}
		runs[r], errs[r] = lloyd(x, n, d, k, o.MaxIter, tol, o.Seed, uint64(r), o.Stop)
	})
	for _, err := range errs {
		if err != nil {
			return partition{}, err
		}
	}
	best := 0
	for r := 1; r < len(runs); r++ {
		// Strictly less: equal inertia keeps the lower restart index, whatever finished first.
		if runs[r].inertia < runs[best].inertia {
			best = r
		}
	}
	return relabel(runs[best], d), nil
}

// relabel numbers clusters by the lexicographic order of their centroids (ties, which need two equal
// centroids, by their first member), so that the same partition always gets the same labels.
func relabel(p partition, d int) partition {
	first := make([]int, p.k)
	for j := range first {
		first[j] = math.MaxInt
	}
	for i, l := range p.labels {
		first[l] = min(first[l], i)
	}
	order := make([]int, p.k)
	for j := range order {
		order[j] = j
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := compareRows(p.centroids[a*d:a*d+d], p.centroids[b*d:b*d+d]); c != 0 {
			return c
		}
		return first[a] - first[b]
	})
	newOf := make([]int, p.k)
	cent := make([]float64, len(p.centroids))
	for nw, old := range order {
		newOf[old] = nw
		copy(cent[nw*d:nw*d+d], p.centroids[old*d:old*d+d])
	}
	labels := make([]int, len(p.labels))
	for i, l := range p.labels {
		labels[i] = newOf[l]
	}
	return partition{k: p.k, labels: labels, centroids: cent, inertia: p.inertia}
}

// lloydTolFrac is scikit-learn's default tolerance: Lloyd iterations stop once the centroids' total squared
// move is below this fraction of the mean column variance.
const lloydTolFrac = 1e-4

func lloydTol(x []float64, n, d int) float64 { return lloydTolFrac * columnVariance(x, n, d) }
