package cluster

import "math"

// Hungarian solves the assignment problem: it returns, for each row of the cost matrix, the column
// assigned to it so that the total cost is least, each column used at most once. The matrix may be
// rectangular: with more rows than columns, the rows left over get -1. Rows may be ragged (the widest row
// sets the number of columns); a missing, NaN or infinite cell is prohibitive (it is used only when every
// complete assignment needs one). Ties are broken deterministically.
func Hungarian(cost [][]float64) []int {
	rows := len(cost)
	cols := 0
	for _, r := range cost {
		cols = max(cols, len(r))
	}
	out := make([]int, rows)
	for i := range out {
		out[i] = -1
	}
	if rows == 0 || cols == 0 {
		return out
	}
	// Scaling all costs by a positive factor keeps the optimum; it keeps huge costs and the prohibitive
	// value finite, without which the augmenting path search could stall on Inf - Inf.
	scale := 1.0
	if m := maxFinite(cost); m > 1e100 {
		scale = 1 / m
	}
	big := prohibitive(maxFinite(cost)*scale, min(rows, cols))
	at := func(i, j int) float64 {
		if j >= len(cost[i]) {
			return big
		}
		v := cost[i][j]
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return big
		}
		return v * scale
	}
	if rows <= cols {
		for i, j := range assignMin(rows, cols, at) {
			out[i] = j
		}
		return out
	}
	// More rows than columns: solve the transpose and invert.
	for j, i := range assignMin(cols, rows, func(j, i int) float64 { return at(i, j) }) {
		out[i] = j
	}
	return out
}

// maxFinite is the largest magnitude among the finite cells.
func maxFinite(cost [][]float64) float64 {
	m := 0.0
	for _, r := range cost {
		for _, v := range r {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				m = max(m, math.Abs(v))
			}
		}
	}
	return m
}

// prohibitive is a cost larger than any assignment made of finite cells (each at most m in magnitude) can
// total.
func prohibitive(m float64, size int) float64 {
	return (m+1)*float64(2*size+2) + 1
}

// assignMin is the O(n²m) shortest augmenting path algorithm with potentials (Kuhn–Munkres as formulated
// by Jonker and Volgenant) for n ≤ m; it returns the column of each row.
func assignMin(n, m int, a func(i, j int) float64) []int {
	inf := math.Inf(1)
	u := make([]float64, n+1)
	v := make([]float64, m+1)
	p := make([]int, m+1) // p[j]: row (1-based) matched to column j, 0 for none
	way := make([]int, m+1)
	minv := make([]float64, m+1)
	used := make([]bool, m+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j] = inf
			used[j] = false
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], inf, 0
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				cur := a(i0-1, j-1) - u[i0] - v[j]
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	out := make([]int, n)
	for j := 1; j <= m; j++ {
		if p[j] != 0 {
			out[p[j]-1] = j - 1
		}
	}
	return out
}
