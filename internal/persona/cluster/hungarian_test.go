package cluster_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"wayline/internal/persona/cluster"
)

func TestHungarianKnown(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	tests := []struct {
		name string
		cost [][]float64
		want []int
	}{
		{"empty", nil, []int{}},
		{"one", [][]float64{{7}}, []int{0}},
		{"three by three", [][]float64{{4, 1, 3}, {2, 0, 5}, {3, 2, 2}}, []int{1, 0, 2}},
		{"greedy would fail", [][]float64{{1, 2}, {1, 100}}, []int{1, 0}},
		{"wide", [][]float64{{9, 2, 7, 1}, {6, 4, 3, 8}}, []int{3, 2}},
		{"tall", [][]float64{{9, 6}, {2, 4}, {7, 3}, {1, 8}}, []int{-1, -1, 1, 0}},
		{"negative costs", [][]float64{{-5, 0}, {0, -5}}, []int{0, 1}},
		{"prohibitive cells", [][]float64{{nan, 1}, {2, inf}}, []int{1, 0}},
		{"ragged rows", [][]float64{{5}, {1, 2}}, []int{0, 1}},
		{"huge costs", [][]float64{{1e308, -1e308}, {-1e308, 1e307}}, []int{1, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cluster.Hungarian(tt.cost); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// bruteForce is the least total cost over all assignments of n rows to n columns.
func bruteForce(cost [][]float64) float64 {
	n := len(cost)
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	best := math.Inf(1)
	var rec func(i int)
	rec = func(i int) {
		if i == n {
			s := 0.0
			for r, c := range perm {
				s += cost[r][c]
			}
			best = min(best, s)
			return
		}
		for j := i; j < n; j++ {
			perm[i], perm[j] = perm[j], perm[i]
			rec(i + 1)
			perm[i], perm[j] = perm[j], perm[i]
		}
	}
	rec(0)
	return best
}

func TestHungarianMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 200 {
		n := 6
		cost := make([][]float64, n)
		for i := range cost {
			cost[i] = make([]float64, n)
			for j := range cost[i] {
				// Small integers make ties common, which is where a careless implementation slips.
				cost[i][j] = float64(rng.IntN(10))
				if trial%2 == 1 {
					cost[i][j] = rng.Float64()*100 - 50
				}
			}
		}
		got := cluster.Hungarian(cost)
		seen := map[int]bool{}
		total := 0.0
		for r, c := range got {
			if c < 0 || seen[c] {
				t.Fatalf("trial %d: got assignment %v, want a permutation", trial, got)
			}
			seen[c] = true
			total += cost[r][c]
		}
		if want := bruteForce(cost); math.Abs(total-want) > 1e-9 {
			t.Fatalf("trial %d: got total %v, want %v", trial, total, want)
		}
	}
}

func TestHungarianRectangularMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := range 50 {
		// 4 rows, 6 columns: pad to 6×6 with zero rows, whose columns are the unused ones.
		cost := make([][]float64, 4)
		padded := make([][]float64, 6)
		for i := range padded {
			padded[i] = make([]float64, 6)
			if i < 4 {
				for j := range padded[i] {
					padded[i][j] = float64(rng.IntN(20))
				}
				cost[i] = padded[i]
			}
		}
		got := cluster.Hungarian(cost)
		total := 0.0
		for r, c := range got {
			total += cost[r][c]
		}
		if want := bruteForce(padded); total != want {
			t.Fatalf("trial %d: got total %v, want %v", trial, total, want)
		}
		// The transpose leaves two rows unassigned and must cost the same.
		tr := make([][]float64, 6)
		for j := range tr {
			tr[j] = make([]float64, 4)
			for i := range 4 {
				tr[j][i] = cost[i][j]
			}
		}
		gotT := cluster.Hungarian(tr)
		totalT, unassigned := 0.0, 0
		for r, c := range gotT {
			if c < 0 {
				unassigned++
				continue
			}
			totalT += tr[r][c]
		}
		if unassigned != 2 || totalT != total {
			t.Fatalf("trial %d transposed: got total %v with %d unassigned, want %v with 2", trial, totalT, unassigned, total)
		}
	}
}
