package cluster

import (
	"math"
	"slices"
	"sync"
)

// MaxAbs is the largest magnitude a data value may have: beyond it squared distances could overflow.
const MaxAbs = 1e150

// validate checks the shape and values of a row-major n×d matrix.
func validate(x []float64, n, d int) error {
	if n < 0 || d < 0 {
		return ErrShape
	}
	if n == 0 || d == 0 {
		if len(x) != 0 {
			return ErrShape
		}
		return ErrEmpty
	}
	if n > math.MaxInt/d || len(x) != n*d {
		return ErrShape
	}
	for _, v := range x {
		// NaN fails both comparisons, ±Inf the second.
		if !(math.Abs(v) <= MaxAbs) {
			return ErrNonFinite
		}
	}
	return nil
}

// canonical is the data with its rows in an order that depends only on the multiset of rows, not on the
// order the caller gave them in: every row-order-sensitive step (seeding, sampling, sums) runs on it, so
// shuffling the input rows cannot change the partition.
type canonical struct {
	x        []float64 // rows in canonical order
	n, d     int
	orig     []int // orig[i] is the caller's row index of canonical row i
	distinct int   // number of distinct rows
}

// canonicalise sorts rows by a hash of their values, then by the values themselves (so hash collisions
// are ordered too). Identical rows end up adjacent and interchangeable.
func canonicalise(x []float64, n, d, workers int) canonical {
	type keyed struct {
		hash uint64
		row  int
	}
	keys := make([]keyed, n)
	parallelChunks(n, workers, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			keys[i] = keyed{rowHash(x[i*d : i*d+d]), i}
		}
	})
	slices.SortFunc(keys, func(a, b keyed) int {
		if a.hash != b.hash {
			if a.hash < b.hash {
				return -1
			}
			return 1
		}
		return compareRows(x[a.row*d:a.row*d+d], x[b.row*d:b.row*d+d])
	})
	orig := make([]int, n)
	cx := make([]float64, n*d)
	parallelChunks(n, workers, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			r := keys[i].row
			orig[i] = r
			copy(cx[i*d:i*d+d], x[r*d:r*d+d])
		}
	})
	distinct := 0
	for i, kr := range keys {
		if i == 0 || keys[i-1].hash != kr.hash || compareRows(cx[(i-1)*d:i*d], cx[i*d:i*d+d]) != 0 {
			distinct++
		}
	}
	return canonical{x: cx, n: n, d: d, orig: orig, distinct: distinct}
}

// rowHash mixes the bits of the values (with -0 folded into +0, so that equal rows hash equally) through
// a multiply-xorshift step per value and a SplitMix64 finish.
func rowHash(row []float64) uint64 {
	h := uint64(len(row))
	for _, v := range row {
		if v == 0 {
			v = 0
		}
		h = (h ^ math.Float64bits(v)) * 0x9fb21c651e98df25
		h ^= h >> 29
	}
	return splitmix(h)
}

// compareRows orders rows lexicographically by value.
func compareRows(a, b []float64) int {
	for j := range a {
		if a[j] < b[j] {
			return -1
		}
		if a[j] > b[j] {
			return 1
		}
	}
	return 0
}

// sqDist is the squared Euclidean distance; the loop is unrolled because it is the inner loop of
// everything here.
func sqDist(a, b []float64) float64 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float64
	j := 0
	for ; j+4 <= len(a); j += 4 {
		d0 := a[j] - b[j]
		d1 := a[j+1] - b[j+1]
		d2 := a[j+2] - b[j+2]
		d3 := a[j+3] - b[j+3]
		s0 += d0 * d0
		s1 += d1 * d1
		s2 += d2 * d2
		s3 += d3 * d3
	}
	for ; j < len(a); j++ {
		dd := a[j] - b[j]
		s0 += dd * dd
	}
	return (s0 + s1) + (s2 + s3)
}

// sqDistBounded is sqDist abandoned part-way, returning a value above limit, once the partial sum exceeds
// limit: a candidate centroid that is already farther than the best one need not be finished.
func sqDistBounded(a, b []float64, limit float64) float64 {
	b = b[:len(a)]
	s := 0.0
	j := 0
	for ; j+4 <= len(a); j += 4 {
		d0 := a[j] - b[j]
		d1 := a[j+1] - b[j+1]
		d2 := a[j+2] - b[j+2]
		d3 := a[j+3] - b[j+3]
		s += (d0*d0 + d1*d1) + (d2*d2 + d3*d3)
		if s > limit {
			return s
		}
	}
	for ; j < len(a); j++ {
		dd := a[j] - b[j]
		s += dd * dd
	}
	return s
}

// chunkSize is the fixed block of rows that parallel passes split the data into. Partial sums are combined
// block by block in order, so results do not depend on the number of workers.
const chunkSize = 4096

// parallelChunks runs fn over [0, n) in blocks of chunkSize on up to workers goroutines. fn receives the
// block number and its row range.
func parallelChunks(n, workers int, fn func(chunk, lo, hi int)) {
	chunks := (n + chunkSize - 1) / chunkSize
	if workers > chunks {
		workers = chunks
	}
	if workers <= 1 {
		for c := range chunks {
			fn(c, c*chunkSize, min(n, (c+1)*chunkSize))
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int, chunks)
	for c := range chunks {
		next <- c
	}
	close(next)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range next {
				fn(c, c*chunkSize, min(n, (c+1)*chunkSize))
			}
		}()
	}
	wg.Wait()
}

// parallelIndex runs fn(i) for i in [0, count) on up to workers goroutines.
func parallelIndex(count, workers int, fn func(i int)) {
	if workers > count {
		workers = count
	}
	if workers <= 1 {
		for i := range count {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int, count)
	for i := range count {
		next <- i
	}
	close(next)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// columnVariance is the mean over columns of the column variances: the scale the variance floor and the
// re-seeded components are measured against.
func columnVariance(x []float64, n, d int) float64 {
	mean := make([]float64, d)
	for i := range n {
		row := x[i*d : i*d+d]
		for j, v := range row {
			mean[j] += v
		}
	}
	for j := range mean {
		mean[j] /= float64(n)
	}
	total := 0.0
	for i := range n {
		row := x[i*d : i*d+d]
		for j, v := range row {
			dv := v - mean[j]
			total += dv * dv
		}
	}
	return total / float64(n) / float64(d)
}
