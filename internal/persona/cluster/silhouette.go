package cluster

import (
	"math"
	"runtime"
	"slices"
	"sync/atomic"
)

// DefaultSilhouetteSample is the number of rows Silhouette (and ChooseK) evaluates when given sample ≤ 0.
const DefaultSilhouetteSample = 2000

// Silhouette is the mean silhouette coefficient of the partition labels over a random sample of at most
// sample rows (DefaultSilhouetteSample when sample ≤ 0), drawn reproducibly from seed; distances are
// Euclidean and both a row's own and its nearest other cluster are measured within the sample. A row alone
// in its cluster scores 0 (the usual convention). It returns 0 when the score is undefined (fewer than two
// clusters in the sample) or the input is invalid (shape, non-finite values, labels not one per row or
// negative).
func Silhouette(x []float64, n, d int, labels []int, sample int, seed uint64) float64 {
	if validate(x, n, d) != nil || len(labels) != n {
		return 0
	}
	if sample <= 0 {
		sample = DefaultSilhouetteSample
	}
	idx := sampleRows(n, sample, newRNG(seed, streamSilhouette, 0))
	out, _ := silhouettes(x, d, idx, [][]int{labels}, runtime.GOMAXPROCS(0), nil) // nil stop: never ErrStopped
	return out[0]
}

// silhouettes scores several partitions of the same rows (nil for none) on the rows idx in one pass over
// the pairwise distances, so each distance is computed once for all of them. stop (nil: never) is asked
// per row of each pass: ErrStopped when it answers true.
func silhouettes(x []float64, d int, idx []int, partitions [][]int, workers int, stop func() bool) ([]float64, error) {
	out := make([]float64, len(partitions))
	type part struct {
		t, k  int
		sizes []int
		off   int // where this partition's per-cluster sums start
	}
	var parts []part
	var dense [][]int
	width := 0
	for t, labels := range partitions {
		if labels == nil {
			continue
		}
		dl, k, ok := denseLabels(labels, idx)
		if !ok || k < 2 {
			continue
		}
		parts = append(parts, part{t: t, k: k, sizes: sizesOf(dl, k), off: width})
		dense = append(dense, dl)
		width += k
	}
	if len(parts) == 0 {
		return out, nil
	}
	m, np := len(idx), len(parts)
	// slot[b*np+p] is where row b's distance goes for partition p.
	slot := make([]int, m*np)
	for b := range m {
		for p, pt := range parts {
			slot[b*np+p] = pt.off + dense[p][b]
		}
	}
	// Each distance once, into a symmetric matrix; float32 halves the memory the pass below streams
	// through and is ample precision for a mean of ratios.
	dist := make([]float32, m*m)
	var skipped atomic.Bool // a row left out: the scores would be wrong, so none are returned
	parallelIndex(m, workers, func(a int) {
		if stopNow(stop) {
			skipped.Store(true)
			return
		}
		ra := x[idx[a]*d : idx[a]*d+d]
		for b := a + 1; b < m; b++ {
			dist[a*m+b] = float32(math.Sqrt(sqDist(ra, x[idx[b]*d:idx[b]*d+d])))
		}
	})
	if skipped.Load() {
		return nil, ErrStopped
	}
	for a := range m {
		for b := a + 1; b < m; b++ {
			dist[b*m+a] = dist[a*m+b]
		}
	}
	scores := make([]float64, m*np)
	parallelIndex(m, workers, func(a int) {
		if stopNow(stop) {
			skipped.Store(true)
			return
		}
		sums := make([]float64, width)
		for b, v := range dist[a*m : a*m+m] {
			fv := float64(v) // the diagonal is 0 and adds nothing
			for _, s := range slot[b*np : b*np+np] {
				sums[s] += fv
			}
		}
		for p, pt := range parts {
			scores[a*np+p] = silhouetteOf(sums[pt.off:pt.off+pt.k], pt.sizes, dense[p][a])
		}
	})
	if skipped.Load() {
		return nil, ErrStopped
	}
	for p, pt := range parts {
		total := 0.0
		for a := range m {
			total += scores[a*np+p]
		}
		out[pt.t] = total / float64(m)
	}
	return out, nil
}

// sizesOf counts the rows per cluster.
func sizesOf(dense []int, k int) []int {
	s := make([]int, k)
	for _, l := range dense {
		s[l]++
	}
	return s
}

// silhouetteOf turns the distance sums from a row in cluster own to each cluster into its silhouette.
func silhouetteOf(sums []float64, sizes []int, own int) float64 {
	k := len(sizes)
	if sizes[own] <= 1 {
		return 0
	}
	in := sums[own] / float64(sizes[own]-1)
	out := math.Inf(1)
	for l := range k {
		if l != own && sizes[l] > 0 {
			out = min(out, sums[l]/float64(sizes[l]))
		}
	}
	if m := max(in, out); m > 0 && !math.IsInf(out, 1) {
		return (out - in) / m
	}
	return 0
}

// sampleRows draws min(n, size) distinct rows (all of them when n ≤ size), in increasing order.
func sampleRows(n, size int, rng interface{ IntN(int) int }) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	if n <= size {
		return idx
	}
	for i := range size {
		j := i + rng.IntN(n-i)
		idx[i], idx[j] = idx[j], idx[i]
	}
	idx = idx[:size]
	slices.Sort(idx)
	return idx
}

// denseLabels renumbers the labels of the sampled rows 0..k-1; ok is false for a negative label.
func denseLabels(labels, idx []int) ([]int, int, bool) {
	ids := map[int]int{}
	out := make([]int, len(idx))
	for a, i := range idx {
		l := labels[i]
		if l < 0 {
			return nil, 0, false
		}
		id, seen := ids[l]
		if !seen {
			id = len(ids)
			ids[l] = id
		}
		out[a] = id
	}
	return out, len(ids), true
}
