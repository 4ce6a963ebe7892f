package cluster

import (
	"math"
	"sort"
)

// lloyd runs one restart: greedy k-means++ seeding from the restart's own random stream, then Lloyd
// iterations accelerated with Hamerly's bounds (an upper bound on the distance to the own centroid and a
// lower bound on the distance to any other lets most rows skip the distance computations once the
// centroids settle). The result is exactly that of plain Lloyd iterations.
func lloyd(x []float64, n, d, k, maxIter int, seed, restart uint64) partition {
	rng := newRNG(seed, streamRestart, restart)
	cent := seedPlusPlus(x, n, d, k, rng)

	labels := make([]int, n)
	upper := make([]float64, n)
	lower := make([]float64, n)
	for i := range n {
		labels[i], upper[i], lower[i] = nearestTwo(x[i*d:i*d+d], cent, k, d)
	}
	counts := make([]int, k)
	old := make([]float64, k*d)
	move := make([]float64, k)
	half := make([]float64, k)
	for range maxIter {
		copy(old, cent)
		centroids(x, n, d, k, labels, cent, counts)
		if reseedEmpty(x, n, d, k, labels, cent, counts) {
			// Bounds are void after a forced move: make every row check itself next pass.
			for i := range n {
				upper[i] = math.Inf(1)
				lower[i] = 0
			}
		} else {
			maxMove, second, maxAt := 0.0, 0.0, -1
			for j := range k {
				move[j] = math.Sqrt(sqDist(old[j*d:j*d+d], cent[j*d:j*d+d]))
				if move[j] > maxMove {
					second, maxMove, maxAt = maxMove, move[j], j
				} else if move[j] > second {
					second = move[j]
				}
			}
			for i := range n {
				a := labels[i]
				upper[i] += move[a]
				if a == maxAt {
					lower[i] -= second
				} else {
					lower[i] -= maxMove
				}
			}
		}
		for j := range k {
			m := math.Inf(1)
			for jj := range k {
				if jj != j {
					m = min(m, sqDist(cent[j*d:j*d+d], cent[jj*d:jj*d+d]))
				}
			}
			half[j] = math.Sqrt(m) / 2
		}
		changed := 0
		for i := range n {
			a := labels[i]
			bound := max(half[a], lower[i])
			if upper[i] <= bound {
				continue
			}
			row := x[i*d : i*d+d]
			upper[i] = math.Sqrt(sqDist(row, cent[a*d:a*d+d]))
			if upper[i] <= bound {
				continue
			}
			var nl int
			nl, upper[i], lower[i] = nearestTwo(row, cent, k, d)
			if nl != a {
				labels[i] = nl
				changed++
			}
		}
		if changed == 0 {
			break
		}
	}
	// Fresh centroids and inertia from the final labels, summed in row order: the same partition always
	// yields bit-identical numbers, which the choice between restarts relies on.
	centroids(x, n, d, k, labels, cent, counts)
	reseedEmpty(x, n, d, k, labels, cent, counts)
	inertia := 0.0
	for i := range n {
		inertia += sqDist(x[i*d:i*d+d], cent[labels[i]*d:labels[i]*d+d])
	}
	return partition{k: k, labels: labels, centroids: cent, inertia: inertia}
}

// nearestTwo returns the nearest centroid, the distance to it and the distance to the second nearest
// (+Inf when k = 1). Ties go to the lower index.
func nearestTwo(row, cent []float64, k, d int) (int, float64, float64) {
	best, d1, d2 := 0, math.Inf(1), math.Inf(1)
	for j := range k {
		s := sqDist(row, cent[j*d:j*d+d])
		if s < d1 {
			best, d1, d2 = j, s, d1
		} else if s < d2 {
			d2 = s
		}
	}
	return best, math.Sqrt(d1), math.Sqrt(d2)
}

// centroids recomputes the centroids as the means of their rows; an empty cluster keeps its old centroid.
func centroids(x []float64, n, d, k int, labels []int, cent []float64, counts []int) {
	sums := make([]float64, k*d)
	clear(counts)
	for i := range n {
		l := labels[i]
		counts[l]++
		s := sums[l*d : l*d+d]
		for j, v := range x[i*d : i*d+d] {
			s[j] += v
		}
	}
	for l := range k {
		if counts[l] == 0 {
			continue
		}
		inv := 1 / float64(counts[l])
		for j := range d {
			cent[l*d+j] = sums[l*d+j] * inv
		}
	}
}

// reseedEmpty gives every empty cluster the row farthest from its own centroid (ties: the lowest row),
// taken from a cluster with at least two rows, and recomputes the centroids. It reports whether it moved
// anything. With k no larger than the number of distinct rows such a row always exists.
func reseedEmpty(x []float64, n, d, k int, labels []int, cent []float64, counts []int) bool {
	moved := false
	for e := range k {
		if counts[e] != 0 {
			continue
		}
		far, farD := -1, -1.0
		for i := range n {
			if counts[labels[i]] < 2 {
				continue
			}
			if s := sqDist(x[i*d:i*d+d], cent[labels[i]*d:labels[i]*d+d]); s > farD {
				far, farD = i, s
			}
		}
		if far < 0 {
			return moved
		}
		counts[labels[far]]--
		labels[far] = e
		counts[e] = 1
		copy(cent[e*d:e*d+d], x[far*d:far*d+d])
		centroids(x, n, d, k, labels, cent, counts)
		moved = true
	}
	return moved
}

// seedPlusPlus is greedy k-means++ (Arthur & Vassilvitskii, with 2+ln k candidates per step as in
// scikit-learn): each new centroid is the candidate, drawn with probability proportional to the squared
// distance to the nearest chosen centroid, that lowers the total squared distance most.
func seedPlusPlus(x []float64, n, d, k int, rng interface {
	IntN(int) int
	Float64() float64
}) []float64 {
	cent := make([]float64, k*d)
	first := rng.IntN(n)
	copy(cent[:d], x[first*d:first*d+d])
	closest := make([]float64, n)
	pot := 0.0
	for i := range n {
		closest[i] = sqDist(x[i*d:i*d+d], cent[:d])
		pot += closest[i]
	}
	trials := 2 + int(math.Log(float64(k)))
	cum := make([]float64, n)
	cand := make([]float64, n)
	bestCand := make([]float64, n)
	for c := 1; c < k; c++ {
		if pot <= 0 {
			// Every row coincides with a centroid already: any row will do, the empty-cluster rule repairs it.
			idx := rng.IntN(n)
			copy(cent[c*d:c*d+d], x[idx*d:idx*d+d])
			continue
		}
		run := 0.0
		for i, v := range closest {
			run += v
			cum[i] = run
		}
		bestIdx, bestPot := -1, math.Inf(1)
		for range trials {
			r := rng.Float64() * run
			idx := sort.SearchFloat64s(cum, r)
			for idx < n-1 && closest[idx] == 0 {
				idx++ // never pick a row already at a centroid (only possible at the boundaries of r)
			}
			idx = min(idx, n-1)
			row := x[idx*d : idx*d+d]
			p := 0.0
			for i := range n {
				v := min(closest[i], sqDist(x[i*d:i*d+d], row))
				cand[i] = v
				p += v
			}
			if p < bestPot {
				bestIdx, bestPot = idx, p
				copy(bestCand, cand)
			}
		}
		copy(cent[c*d:c*d+d], x[bestIdx*d:bestIdx*d+d])
		copy(closest, bestCand)
		pot = bestPot
	}
	return cent
}
