package journey

// Medians and percentiles are exact: the durations of each edge or step are kept and the order statistic is
// found by selection (expected linear time), not estimated by a sketch.

// median returns the median of xs in seconds (µs in, the mean of the two middle values for an even count),
// reordering xs. It is 0 for an empty slice.
func median(xs []int64) float64 {
	n := len(xs)
	if n == 0 {
		return 0
	}
	hi := SelectK(xs, n/2)
	if n%2 == 1 {
		return float64(hi) / 1e6
	}
	lo := xs[0]
	for _, x := range xs[:n/2] {
		if x > lo {
			lo = x
		}
	}
	return (float64(lo) + float64(hi)) / 2 / 1e6
}

// percentile returns the nearest-rank q-quantile of xs in seconds (the ceil(q·n)-th smallest), reordering
// xs. It is 0 for an empty slice.
func percentile(xs []int64, q float64) float64 {
	n := len(xs)
	if n == 0 {
		return 0
	}
	rank := int(q*float64(n)+0.999999999) - 1
	if rank < 0 {
		rank = 0
	}
	if rank >= n {
		rank = n - 1
	}
	return float64(SelectK(xs, rank)) / 1e6
}

// SelectK (exported for friction's stall medians) reorders xs so that xs[k] is the k-th smallest (0-based), everything before it no larger and
// everything after no smaller, and returns it. Hoare partitioning with a median-of-three pivot.
func SelectK(xs []int64, k int) int64 {
	lo, hi := 0, len(xs)-1
	for lo < hi {
		mid := lo + (hi-lo)/2
		if xs[mid] < xs[lo] {
			xs[mid], xs[lo] = xs[lo], xs[mid]
		}
		if xs[hi] < xs[lo] {
			xs[hi], xs[lo] = xs[lo], xs[hi]
		}
		if xs[hi] < xs[mid] {
			xs[hi], xs[mid] = xs[mid], xs[hi]
		}
		pivot := xs[mid]
		i, j := lo, hi
		for i <= j {
			for xs[i] < pivot {
				i++
			}
			for xs[j] > pivot {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return xs[k]
		}
	}
	return xs[k]
}
