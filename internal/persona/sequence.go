package persona

import (
	"fmt"
	"math"
	"runtime"
	"sync"

	"wayline/internal/persona/cluster"
)

// Sequence clustering settings.
const (
	// seqSample is the number of customers k-medoids runs on (it keeps their full distance matrix); the
	// others are assigned to the nearest medoid.
	seqSample = 1000
	// seqCap is the longest path compared: the first seqCap touchpoints of a collapsed path. Beyond that a
	// journey is long, which the first fifty steps already say.
	seqCap = 50
	// indelCost is the cost of inserting or deleting a touchpoint: half the largest substitution cost, so a
	// substitution is never dearer than a deletion and an insertion.
	indelCost = 1.0
)

// subCosts are substitution costs between touchpoints from transition rates, TraMineR's "TRATE" rule:
//
//	sub(a, b) = 2 − p(b | a) − p(a | b),   sub(a, a) = 0
//
// where p(b | a) is the share of a's outgoing transitions (over every customer's collapsed path) that go
// to b. Touchpoints that often follow each other ("Ticket opened" → "Ticket solved") are cheap to swap;
// touchpoints that never meet cost 2, an insertion plus a deletion.
type subCosts struct {
	n    int
	cost []float64 // n × n
}

func newSubCosts(t *Table) *subCosts {
	n := len(t.Touchpoints)
	counts := make([]float64, n*n)
	out := make([]float64, n)
	for i := 0; i < t.Rows(); i++ {
		steps := t.PathSteps[t.PathOff[i]:t.PathOff[i+1]]
		for k := 1; k < len(steps); k++ {
			counts[int(steps[k-1])*n+int(steps[k])]++
			out[steps[k-1]]++
		}
	}
	rate := func(a, b int) float64 {
		if out[a] == 0 {
			return 0
		}
		return counts[a*n+b] / out[a]
	}
	sc := &subCosts{n: n, cost: make([]float64, n*n)}
	for a := 0; a < n; a++ {
		for b := 0; b < n; b++ {
			if a != b {
				sc.cost[a*n+b] = 2 - rate(a, b) - rate(b, a)
			}
		}
	}
	return sc
}

// distance is the optimal-matching edit distance between two paths (capped at seqCap), divided by the
// longer length so that long journeys are not far from everything merely for being long.
func (sc *subCosts) distance(a, b []int32, buf []float64) float64 {
	a, b = a[:min(len(a), seqCap)], b[:min(len(b), seqCap)]
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	prev, cur := buf[:len(b)+1], buf[len(b)+1:2*(len(b)+1)]
	for j := range prev {
		prev[j] = float64(j) * indelCost
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = float64(i) * indelCost
		row := int(a[i-1]) * sc.n
		for j := 1; j <= len(b); j++ {
			best := prev[j-1] + sc.cost[row+int(b[j-1])]
			if v := prev[j] + indelCost; v < best {
				best = v
			}
			if v := cur[j-1] + indelCost; v < best {
				best = v
			}
			cur[j] = best
		}
		prev, cur = cur, prev
	}
	return prev[len(b)] / float64(max(len(a), len(b)))
}

// clusterSequences finds personas in the journeys themselves: k-medoids under the edit distance on a
// sample of customers, k chosen by the silhouette of the distance matrix when not given, every other
// customer assigned to the nearest medoid.
func clusterSequences(s *space, o Options) (*partition, error) {
	t := s.tab
	sc := newSubCosts(t)
	sample := sampleRows(t.IDs, seqSample, o.Seed)
	m := len(sample)
	path := func(i int) []int32 { return t.PathSteps[t.PathOff[i]:t.PathOff[i+1]] }
	// The sample's distance matrix, computed once in parallel: k-medoids and the silhouette of every k
	// read it.
	ctx := o.context()
	dm := make([]float64, m*m)
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			buf := make([]float64, 2*(seqCap+1))
			for a := w; a < m; a += workers {
				if ctx.Err() != nil {
					return // Run reports the cancellation
				}
				for b := a + 1; b < m; b++ {
					d := sc.distance(path(sample[a]), path(sample[b]), buf)
					dm[a*m+b], dm[b*m+a] = d, d
				}
			}
		}(w)
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	dist := func(i, j int) float64 { return dm[i*m+j] }
	co := o.clusterOptions()

	p := &partition{method: MethodSequences}
	var medoids []int
	if o.K != 0 {
		var err error
		medoids, _, _, err = cluster.KMedoids(m, min(o.K, m), dist, co)
		if err != nil {
			return nil, fmt.Errorf("k-medoids on the journeys: %w", err)
		}
	} else {
		p.kCriterion = "silhouette of the k-medoids partition under the edit distance (sample of 1,000 customers)"
		bestSil := math.Inf(-1)
		for k := MinK; k <= min(MaxK, m-1); k++ {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			med, lab, _, err := cluster.KMedoids(m, k, dist, co)
			if err != nil {
				return nil, fmt.Errorf("k-medoids on the journeys: %w", err)
			}
			sil := silhouetteMatrix(dm, m, lab, len(med))
			p.kScores = append(p.kScores, KScore{K: k, Silhouette: sil})
			if sil > bestSil {
				bestSil, medoids = sil, med
			}
		}
	}
	if medoids == nil {
		return nil, fmt.Errorf("%w: too few customers for journey personas", ErrTooFewCustomers)
	}
	p.k = len(medoids)
	p.medoids = make([]int, p.k)
	for c, med := range medoids {
		p.medoids[c] = sample[med]
	}
	// Every customer (the sample too, for one rule everywhere) goes to the nearest medoid; ties to the
	// lower medoid.
	n := t.Rows()
	p.labels = make([]int, n)
	var wg2 sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg2.Add(1)
		go func(w int) {
			defer wg2.Done()
			buf := make([]float64, 2*(seqCap+1))
			for i := w; i < n; i += workers {
				if ctx.Err() != nil {
					return // Run reports the cancellation
				}
				best := math.Inf(1)
				for c, med := range p.medoids {
					if d := sc.distance(path(i), path(med), buf); d < best {
						best, p.labels[i] = d, c
					}
				}
			}
		}(w)
	}
	wg2.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return p, nil
}

// silhouetteMatrix is the mean silhouette of a partition of m points given their distance matrix.
func silhouetteMatrix(dm []float64, m int, labels []int, k int) float64 {
	size := make([]int, k)
	for _, l := range labels {
		size[l]++
	}
	total := 0.0
	sums := make([]float64, k)
	for i := 0; i < m; i++ {
		for c := range sums {
			sums[c] = 0
		}
		for j := 0; j < m; j++ {
			if j != i {
				sums[labels[j]] += dm[i*m+j]
			}
		}
		own := labels[i]
		if size[own] <= 1 {
			continue
		}
		a := sums[own] / float64(size[own]-1)
		b := math.Inf(1)
		for c := range sums {
			if c != own && size[c] > 0 {
				b = math.Min(b, sums[c]/float64(size[c]))
			}
		}
		if math.IsInf(b, 1) {
			continue
		}
		if den := math.Max(a, b); den > 0 {
			total += (b - a) / den
		}
	}
	return total / float64(m)
}
