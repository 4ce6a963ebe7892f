package cluster_test

import (
	"math"
	"testing"

	"wayline/internal/persona/cluster"
)

func TestARI(t *testing.T) {
	tests := []struct {
		name string
		a, b []int
		want float64
	}{
		{"identical", []int{0, 0, 1, 1, 2, 2}, []int{0, 0, 1, 1, 2, 2}, 1},
		{"labels permuted", []int{0, 0, 1, 1, 2, 2}, []int{5, 5, 0, 0, 9, 9}, 1},
		// By hand: the contingency table is [[2 1 0] [0 1 2]], so Σ C(nij,2) = 2, the row sums 3,3 give
		// Σ C(ai,2) = 6, the column sums 2,2,2 give Σ C(bj,2) = 3, C(6,2) = 15; expected = 6·3/15 = 1.2,
		// maximum = (6+3)/2 = 4.5, ARI = (2 - 1.2)/(4.5 - 1.2) = 8/33.
		{"textbook", []int{0, 0, 0, 1, 1, 1}, []int{0, 0, 1, 1, 2, 2}, 8.0 / 33},
		// Table [[1 1] [1 1]]: Σ C(nij,2) = 0, Σ C(ai,2) = Σ C(bj,2) = 2, C(4,2) = 6, expected = 2/3,
		// maximum = 2, ARI = (0 - 2/3)/(2 - 2/3) = -1/2.
		{"worse than chance", []int{0, 0, 1, 1}, []int{0, 1, 0, 1}, -0.5},
		{"both one cluster", []int{3, 3, 3}, []int{1, 1, 1}, 1},
		{"both singletons", []int{0, 1, 2}, []int{2, 0, 1}, 1},
		{"one cluster against singletons", []int{0, 0, 0}, []int{0, 1, 2}, 0},
		{"empty", nil, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cluster.ARI(tt.a, tt.b); math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if got := cluster.ARI(tt.b, tt.a); math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("swapped: got %v, want %v", got, tt.want)
			}
		})
	}
	if got := cluster.ARI([]int{0, 1}, []int{0}); !math.IsNaN(got) {
		t.Errorf("different lengths: got %v, want NaN", got)
	}
}
