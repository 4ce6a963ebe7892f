package cluster

import "math"

// negligible is how far (in log space) below a row's most likely component another component may fall
// before its responsibility counts as zero: e^-40 ≈ 4e-18, below the rounding of a sum of responsibilities.
// It lets the E-step abandon far components part-way through the distance and skip their exp.
const negligible = 40.0

// quad is Σ (x-μ)²·precision, abandoned (returning a value above limit) once the partial sum exceeds limit.
func quad(row, mu, prec []float64, limit float64) float64 {
	q := 0.0
	j := 0
	for ; j+4 <= len(row); j += 4 {
		d0 := row[j] - mu[j]
		d1 := row[j+1] - mu[j+1]
		d2 := row[j+2] - mu[j+2]
		d3 := row[j+3] - mu[j+3]
		q += d0*d0*prec[j] + d1*d1*prec[j+1] + d2*d2*prec[j+2] + d3*d3*prec[j+3]
		if q > limit {
			return q
		}
	}
	for ; j < len(row); j++ {
		dv := row[j] - mu[j]
		q += dv * dv * prec[j]
	}
	return q
}

// emState holds the parameters and the running sums of one EM run.
type emState struct {
	n, d, k              int
	weights, means, vars []float64
	resp                 []float64 // n×k responsibilities of the last E-step
	rowLL                []float64 // per-row log-likelihood of the last E-step
	best                 []int     // per-row most likely component of the last E-step
	// Sums of the last E-step, taken about the current means (shifting by the mean keeps the variance
	// update E[(x-m)²] - E[x-m]² free of catastrophic cancellation): nk = Σr, s1 = Σr(x-m), s2 = Σr(x-m)².
	nk, s1, s2 []float64
}

func newEMState(n, d, k int) *emState {
	return &emState{n: n, d: d, k: k, weights: make([]float64, k), means: make([]float64, k*d),
		vars: make([]float64, k*d), resp: make([]float64, n*k), rowLL: make([]float64, n), best: make([]int, n),
		nk: make([]float64, k), s1: make([]float64, k*d), s2: make([]float64, k*d)}
}

// eStep computes responsibilities in log space (log-sum-exp per row) and the sums the M-step needs, in
// fixed blocks of rows combined in block order, and returns the total log-likelihood.
func (st *emState) eStep(x []float64, workers int) float64 {
	n, d, k := st.n, st.d, st.k
	logNorm := make([]float64, k)
	prec := make([]float64, k*d)
	for l := range k {
		s := math.Log(st.weights[l])
		for j := range d {
			v := st.vars[l*d+j]
			s -= 0.5 * math.Log(2*math.Pi*v)
			prec[l*d+j] = 1 / v
		}
		logNorm[l] = s
	}
	chunks := (n + chunkSize - 1) / chunkSize
	type acc struct {
		ll         float64
		nk, s1, s2 []float64
	}
	parts := make([]acc, chunks)
	parallelChunks(n, workers, func(c, lo, hi int) {
		a := acc{nk: make([]float64, k), s1: make([]float64, k*d), s2: make([]float64, k*d)}
		lp := make([]float64, k)
		for i := lo; i < hi; i++ {
			row := x[i*d : i*d+d]
			// The row's last most likely component goes first: it sets a high bar early, and the others
			// are abandoned as soon as their partial sum shows them negligible against it.
			first := st.best[i]
			top := logNorm[first] - 0.5*quad(row, st.means[first*d:first*d+d], prec[first*d:first*d+d], math.Inf(1))
			lp[first] = top
			for l := range k {
				if l == first {
					continue
				}
				limit := 2 * (logNorm[l] - top + negligible)
				q := quad(row, st.means[l*d:l*d+d], prec[l*d:l*d+d], limit)
				lp[l] = logNorm[l] - 0.5*q
				top = max(top, lp[l])
			}
			r := st.resp[i*k : i*k+k]
			sum := 0.0
			best := first
			for l := range k {
				if e := lp[l] - top; e > -negligible {
					r[l] = math.Exp(e)
					sum += r[l]
					if r[l] > r[best] || (r[l] == r[best] && l < best) {
						best = l
					}
				} else {
					r[l] = 0
				}
			}
			st.best[i] = best
			rowLL := top + math.Log(sum)
			st.rowLL[i] = rowLL
			a.ll += rowLL
			inv := 1 / sum
			for l := range k {
				if r[l] == 0 {
					continue // far components contribute nothing
				}
				rl := r[l] * inv
				r[l] = rl
				a.nk[l] += rl
				mu := st.means[l*d : l*d+d]
				s1 := a.s1[l*d : l*d+d]
				s2 := a.s2[l*d : l*d+d]
				for j, v := range row {
					dv := v - mu[j]
					s1[j] += rl * dv
					s2[j] += rl * dv * dv
				}
			}
		}
		parts[c] = a
	})
	clear(st.nk)
	clear(st.s1)
	clear(st.s2)
	total := 0.0
	for _, a := range parts {
		total += a.ll
		for l := range k {
			st.nk[l] += a.nk[l]
		}
		for j := range st.s1 {
			st.s1[j] += a.s1[j]
			st.s2[j] += a.s2[j]
		}
	}
	return total
}

// mStep updates the parameters from the sums of the last E-step and returns the components that are
// empty (total responsibility below emptyResp); those keep their old parameters.
func (st *emState) mStep(floor float64) []int {
	var empty []int
	d := st.d
	for l := range st.k {
		nk := st.nk[l]
		if nk < emptyResp {
			empty = append(empty, l)
			continue
		}
		st.weights[l] = nk / float64(st.n)
		for j := range d {
			shift := st.s1[l*d+j] / nk
			st.means[l*d+j] += shift
			st.vars[l*d+j] = max(st.s2[l*d+j]/nk-shift*shift, floor)
		}
	}
	st.normaliseWeights()
	return empty
}

func (st *emState) normaliseWeights() {
	total := 0.0
	for _, w := range st.weights {
		total += w
	}
	for l := range st.weights {
		st.weights[l] /= total
	}
}

// reseed restarts an empty component on the row the mixture explains worst (lowest log-likelihood; ties
// the lowest row), with the data's column variances and a weight of one row.
func (st *emState) reseed(x []float64, l int, globalVar []float64, floor float64) {
	d := st.d
	worst := 0
	for i, v := range st.rowLL {
		if v < st.rowLL[worst] {
			worst = i
		}
	}
	copy(st.means[l*d:l*d+d], x[worst*d:worst*d+d])
	for j := range d {
		st.vars[l*d+j] = max(globalVar[j], floor)
	}
	st.weights[l] = 1 / float64(st.n)
	st.rowLL[worst] = math.Inf(1) // a second empty component in the same step takes the next worst row
	st.normaliseWeights()
}

// drop removes components (used once the re-seeding budget is spent, so EM always ends).
func (st *emState) drop(gone []int) {
	if len(gone) >= st.k {
		return // keep at least one component; it cannot be empty when it is the only one
	}
	skip := make(map[int]bool, len(gone))
	for _, g := range gone {
		skip[g] = true
	}
	d, k := st.d, st.k
	nk := 0
	for l := range k {
		if skip[l] {
			continue
		}
		st.weights[nk] = st.weights[l]
		copy(st.means[nk*d:nk*d+d], st.means[l*d:l*d+d])
		copy(st.vars[nk*d:nk*d+d], st.vars[l*d:l*d+d])
		nk++
	}
	st.k = nk
	st.weights = st.weights[:nk]
	st.means = st.means[:nk*d]
	st.vars = st.vars[:nk*d]
	st.nk = st.nk[:nk]
	st.s1 = st.s1[:nk*d]
	st.s2 = st.s2[:nk*d]
	st.resp = st.resp[:st.n*nk]
	for i, b := range st.best {
		if b >= nk {
			st.best[i] = 0 // only a starting guess for the next E-step
		}
	}
	st.normaliseWeights()
}
