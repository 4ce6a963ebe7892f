package cluster

import (
	"math"
	"sort"
)

// lloyd runs one restart: greedy k-means++ seeding from the restart's own random stream, then Lloyd
// iterations accelerated with Hamerly's bounds (an upper bound on the distance to the own centroid and a
// lower bound on the distance to any other lets most rows skip the distance computations once the
// centroids settle); the bounds never change which centroid a row gets. It returns ErrStopped when stop
// (nil: never) answers true before an iteration.
func lloyd(x []float64, n, d, k, maxIter int, tol float64, seed, restart uint64, stop func() bool) (partition, error) {
	rng := newRNG(seed, streamRestart, restart)
	return lloydFrom(x, n, d, k, maxIter, tol, seedPlusPlus(x, n, d, k, rng), stop)
}

// lloydFrom runs Lloyd iterations from the given centroids (k×d, overwritten) until no row changes
// cluster, the centroids move less than tol in total (sum of squared moves, as in scikit-learn), or maxIter
// iterations are done; ErrStopped when stop answers true first.
func lloydFrom(x []float64, n, d, k, maxIter int, tol float64, cent []float64, stop func() bool) (partition, error) {
	labels := make([]int, n)
	upper := make([]float64, n)
	lower := make([]float64, n)
	for i := range n {
		labels[i], upper[i], lower[i] = nearestTwo(x[i*d:i*d+d], cent, k, d)
	}
	counts := make([]int, k)
	sums := make([]float64, k*d)
	sumRows(x, n, d, k, labels, sums, counts)
	old := make([]float64, k*d)
	move := make([]float64, k)
	half := make([]float64, k)
	for iter := range maxIter {
		if stopNow(stop) {
			return partition{}, ErrStopped
		}
		copy(old, cent)
		meansFrom(sums, counts, cent, d)
		if reseedEmpty(x, n, d, k, labels, cent, counts) {
			sumRows(x, n, d, k, labels, sums, counts)
			// Bounds are void after a forced move: make every row check itself next pass.
			for i := range n {
				upper[i] = math.Inf(1)
				lower[i] = 0
			}
		} else {
			maxMove, second, maxAt := 0.0, 0.0, -1
			shift := 0.0
			for j := range k {
				s := sqDist(old[j*d:j*d+d], cent[j*d:j*d+d])
				shift += s
				move[j] = math.Sqrt(s)
				if move[j] > maxMove {
					second, maxMove, maxAt = maxMove, move[j], j
				} else if move[j] > second {
					second = move[j]
				}
			}
			if shift <= tol && iter > 0 {
				break
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
			nl, upper[i], lower[i] = nearestTwoFrom(row, cent, k, d, a, upper[i]*upper[i])
			if nl != a {
				// Move the row's contribution between the running sums instead of re-summing all rows.
				labels[i] = nl
				counts[a]--
				counts[nl]++
				sa, sn := sums[a*d:a*d+d], sums[nl*d:nl*d+d]
				for j, v := range row {
					sa[j] -= v
					sn[j] += v
				}
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
	return partition{k: k, labels: labels, centroids: cent, inertia: inertia}, nil
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

// nearestTwoFrom is nearestTwo when the squared distance s to centroid a is already known: the others
// are measured only as far as needed to rank them against the best two so far.
func nearestTwoFrom(row, cent []float64, k, d, a int, s float64) (int, float64, float64) {
	best, d1, d2 := a, s, math.Inf(1)
	for j := range k {
		if j == a {
			continue
		}
		v := sqDistBounded(row, cent[j*d:j*d+d], d2)
		if v < d1 || (v == d1 && j < best) {
			best, d1, d2 = j, v, d1
		} else if v < d2 {
			d2 = v
		}
	}
	return best, math.Sqrt(d1), math.Sqrt(d2)
}

// centroids recomputes the centroids as the means of their rows; an empty cluster keeps its old centroid.
func centroids(x []float64, n, d, k int, labels []int, cent []float64, counts []int) {
	sums := make([]float64, k*d)
	sumRows(x, n, d, k, labels, sums, counts)
	meansFrom(sums, counts, cent, d)
}

// sumRows sums the rows of each cluster, in row order.
func sumRows(x []float64, n, d, k int, labels []int, sums []float64, counts []int) {
	clear(sums)
	clear(counts)
	for i := range n {
		l := labels[i]
		counts[l]++
		s := sums[l*d : l*d+d]
		for j, v := range x[i*d : i*d+d] {
			s[j] += v
		}
	}
}

// meansFrom divides the sums by the counts; an empty cluster keeps its old centroid.
func meansFrom(sums []float64, counts []int, cent []float64, d int) {
	for l, c := range counts {
		if c == 0 {
			continue
		}
		inv := 1 / float64(c)
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
	owner := make([]int, n) // the centroid each row is closest to
	pot := 0.0
	for i := range n {
		closest[i] = sqDist(x[i*d:i*d+d], cent[:d])
		pot += closest[i]
	}
	cc := make([]float64, k) // squared distance from the candidate to each chosen centroid
	candOwner := make([]int, n)
	bestOwner := make([]int, n)
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
		for t := range trials {
			r := rng.Float64() * run
			idx := sort.SearchFloat64s(cum, r)
			for idx < n-1 && closest[idx] == 0 {
				idx++ // never pick a row already at a centroid (only possible at the boundaries of r)
			}
			idx = min(idx, n-1)
			row := x[idx*d : idx*d+d]
			for j := range c {
				cc[j] = sqDist(row, cent[j*d:j*d+d])
			}
			p := 0.0
			for i := range n {
				v, o := closest[i], owner[i]
				// Triangle inequality: when the candidate is at least twice as far from the row's centroid
				// as the row is, it cannot be closer to the row than that centroid.
				if cc[o] < 4*v {
					if s := sqDistBounded(x[i*d:i*d+d], row, v); s < v {
						v, o = s, c
					}
				}
				cand[i], candOwner[i] = v, o
				p += v
			}
			if t == 0 || p < bestPot {
				bestIdx, bestPot = idx, p
				copy(bestCand, cand)
				copy(bestOwner, candOwner)
			}
		}
		copy(cent[c*d:c*d+d], x[bestIdx*d:bestIdx*d+d])
		copy(closest, bestCand)
		copy(owner, bestOwner)
		pot = bestPot
	}
	return cent
}
