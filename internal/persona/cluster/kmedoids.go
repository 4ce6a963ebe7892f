package cluster

import (
	"math"
	"slices"
	"sync/atomic"
)

// MaxMedoidPoints is the most points KMedoids accepts: it keeps the full n×n distance matrix.
const MaxMedoidPoints = 3000

// KMedoids partitions n points, known only through dist, into k clusters around medoids (actual points)
// with PAM: the BUILD greedy start, then SWAP steps (evaluated with Schubert and Rousseeuw's FastPAM1
// bookkeeping) that each make the best cost-lowering exchange of a medoid and a non-medoid, until none lowers
// the cost or o.MaxIter swaps are done.
//
// dist must be symmetric and non-negative; it is called once for each pair i < j, from up to o.Workers
// goroutines at the same time, so it must be safe for concurrent use (set Workers to 1 otherwise). The
// medoids come back in increasing order, labels index into them, and cost is the sum of each point's
// distance to its medoid. Ties are broken towards lower indices, so the result is deterministic.
func KMedoids(n, k int, dist func(i, j int) float64, o Options) (medoids []int, labels []int, cost float64, err error) {
	switch {
	case dist == nil:
		return nil, nil, 0, ErrDistance
	case n <= 0:
		return nil, nil, 0, ErrEmpty
	case k < 1:
		return nil, nil, 0, ErrBadK
	case k > n:
		return nil, nil, 0, ErrTooFewPoints
	case n > MaxMedoidPoints:
		return nil, nil, 0, ErrTooManyPoints
	}
	o = o.withDefaults()
	dm, err := distanceMatrix(n, dist, o.Workers, o.Stop)
	if err != nil {
		return nil, nil, 0, err
	}
	med, err := pamBuild(dm, n, k, o.Stop)
	if err != nil {
		return nil, nil, 0, err
	}
	if k > 1 {
		if err := pamSwap(dm, n, med, o); err != nil {
			return nil, nil, 0, err
		}
	}
	slices.Sort(med)
	labels = make([]int, n)
	for i := range n {
		best := 0
		for s, mm := range med {
			if dm[i*n+mm] < dm[i*n+med[best]] {
				best = s
			}
		}
		labels[i] = best
		cost += dm[i*n+med[best]]
	}
	return med, labels, cost, nil
}

// distanceMatrix calls dist once per pair and mirrors it. stop is asked per row: ErrStopped when it
// answers true.
func distanceMatrix(n int, dist func(i, j int) float64, workers int, stop func() bool) ([]float64, error) {
	dm := make([]float64, n*n)
	bad := make([]bool, n)
	var skipped atomic.Bool
	parallelIndex(n, workers, func(i int) {
		if stopNow(stop) {
			skipped.Store(true)
			return
		}
		for j := i + 1; j < n; j++ {
			v := dist(i, j)
			if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
				bad[i] = true
				return
			}
			dm[i*n+j] = v
		}
	})
	if slices.Contains(bad, true) {
		return nil, ErrDistance
	}
	if skipped.Load() {
		return nil, ErrStopped
	}
	for i := range n {
		for j := i + 1; j < n; j++ {
			dm[j*n+i] = dm[i*n+j]
		}
	}
	return dm, nil
}

// pamBuild picks the point with the least total distance, then repeatedly the point that lowers the total
// distance to the nearest medoid most. stop is asked before each medoid: ErrStopped when it answers true.
func pamBuild(dm []float64, n, k int, stop func() bool) ([]int, error) {
	near := make([]float64, n)
	for i := range near {
		near[i] = math.Inf(1)
	}
	isMed := make([]bool, n)
	med := make([]int, 0, k)
	for len(med) < k {
		if stopNow(stop) {
			return nil, ErrStopped
		}
		best, bestGain := -1, math.Inf(-1)
		for h := range n {
			if isMed[h] {
				continue
			}
			gain := 0.0
			row := dm[h*n : h*n+n]
			for o, dv := range row {
				if len(med) == 0 {
					gain -= dv // first medoid: least total distance
				} else if dv < near[o] {
					gain += near[o] - dv
				}
			}
			if gain > bestGain {
				best, bestGain = h, gain
			}
		}
		isMed[best] = true
		med = append(med, best)
		for o := range n {
			near[o] = min(near[o], dm[best*n+o])
		}
	}
	return med, nil
}

// pamSwap improves the medoids in place (k ≥ 2); ErrStopped when o.Stop answers true before a pass.
func pamSwap(dm []float64, n int, med []int, o Options) error {
	k := len(med)
	isMed := make([]bool, n)
	for _, m := range med {
		isMed[m] = true
	}
	nearest := make([]int, n)
	dNear := make([]float64, n)
	dSecond := make([]float64, n)
	type swap struct {
		delta float64
		slot  int
	}
	for range o.MaxIter {
		if o.stopped() {
			return ErrStopped
		}
		total := 0.0
		for p := range n {
			nearest[p], dNear[p], dSecond[p] = 0, math.Inf(1), math.Inf(1)
			for s, m := range med {
				v := dm[p*n+m]
				if v < dNear[p] {
					nearest[p], dNear[p], dSecond[p] = s, v, dNear[p]
				} else if v < dSecond[p] {
					dSecond[p] = v
				}
			}
			total += dNear[p]
		}
		removal := make([]float64, k)
		for p := range n {
			removal[nearest[p]] += dSecond[p] - dNear[p]
		}
		best := make([]swap, n)
		parallelIndex(n, o.Workers, func(h int) {
			best[h] = swap{delta: math.Inf(1), slot: -1}
			if isMed[h] {
				return
			}
			delta := slices.Clone(removal)
			shared := 0.0
			row := dm[h*n : h*n+n]
			for p, dph := range row {
				switch {
				case dph < dNear[p]:
					shared += dph - dNear[p]
					delta[nearest[p]] += dNear[p] - dSecond[p]
				case dph < dSecond[p]:
					delta[nearest[p]] += dph - dSecond[p]
				}
			}
			for s := range k {
				if v := delta[s] + shared; v < best[h].delta {
					best[h] = swap{delta: v, slot: s}
				}
			}
		})
		bh := -1
		for h, s := range best {
			if s.slot >= 0 && (bh < 0 || s.delta < best[bh].delta) {
				bh = h
			}
		}
		// A gain lost in rounding is no gain: require a real improvement so the loop ends.
		if bh < 0 || best[bh].delta >= -1e-12*(1+total) {
			return nil
		}
		isMed[med[best[bh].slot]] = false
		med[best[bh].slot] = bh
		isMed[bh] = true
	}
	return nil
}
