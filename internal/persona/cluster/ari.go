package cluster

import "math"

// ARI is the adjusted Rand index of two partitions of the same rows (labels are arbitrary integers and
// need not match between a and b): 1 for identical partitions up to renaming, about 0 for independent
// ones, negative for worse than chance. Two partitions that are both a single cluster, or both all
// singletons, score 1. It returns NaN when the lengths differ, since no score is meaningful then.
func ARI(a, b []int) float64 {
	if len(a) != len(b) {
		return math.NaN()
	}
	n := len(a)
	if n < 2 {
		return 1
	}
	type pair struct{ a, b int }
	cells := map[pair]int{}
	rows := map[int]int{}
	cols := map[int]int{}
	for i := range a {
		cells[pair{a[i], b[i]}]++
		rows[a[i]]++
		cols[b[i]]++
	}
	index := 0.0
	for _, c := range cells {
		index += choose2(c)
	}
	sumA, sumB := 0.0, 0.0
	for _, c := range rows {
		sumA += choose2(c)
	}
	for _, c := range cols {
		sumB += choose2(c)
	}
	expected := sumA * sumB / choose2(n)
	maxIndex := (sumA + sumB) / 2
	if maxIndex == expected {
		return 1
	}
	return (index - expected) / (maxIndex - expected)
}

func choose2(c int) float64 { return float64(c) * float64(c-1) / 2 }
