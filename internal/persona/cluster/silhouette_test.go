package cluster_test

import (
	"math"
	"testing"

	"wayline/internal/persona/cluster"
)

func TestSilhouetteByHand(t *testing.T) {
	// Points 0, 1 | 10, 11 on a line. Row 0: a = 1, b = (10+11)/2 = 10.5; row 1: a = 1, b = 9.5; the
	// other two mirror them.
	x := []float64{0, 1, 10, 11}
	want := (9.5/10.5 + 8.5/9.5) / 2
	if got := cluster.Silhouette(x, 4, 1, []int{0, 0, 1, 1}, 0, 1); math.Abs(got-want) > 1e-12 {
		t.Errorf("got %v, want %v", got, want)
	}
	// A singleton scores 0: rows 0 and 1 as above but b changes; row 2 alone.
	x3 := []float64{0, 1, 10}
	want3 := ((10-1)/10.0 + (9-1)/9.0 + 0) / 3
	if got := cluster.Silhouette(x3, 3, 1, []int{4, 4, 7}, 0, 1); math.Abs(got-want3) > 1e-12 {
		t.Errorf("got %v, want %v", got, want3)
	}
}

func TestSilhouetteUndefined(t *testing.T) {
	tests := []struct {
		name   string
		x      []float64
		n, d   int
		labels []int
	}{
		{"one cluster", []float64{1, 2, 3}, 3, 1, []int{0, 0, 0}},
		{"labels short", []float64{1, 2, 3}, 3, 1, []int{0, 1}},
		{"negative label", []float64{1, 2, 3}, 3, 1, []int{0, -1, 1}},
		{"NaN", []float64{1, math.NaN(), 3}, 3, 1, []int{0, 1, 1}},
		{"no rows", nil, 0, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cluster.Silhouette(tt.x, tt.n, tt.d, tt.labels, 0, 1); got != 0 {
				t.Errorf("got %v, want 0", got)
			}
		})
	}
}

func TestSilhouetteSampleIsReproducible(t *testing.T) {
	n, d := 5000, 4
	x, truth := blobs(n, d, 3, 6, 2)
	a := cluster.Silhouette(x, n, d, truth, 500, 9)
	b := cluster.Silhouette(x, n, d, truth, 500, 9)
	full := cluster.Silhouette(x, n, d, truth, n, 9)
	if a != b {
		t.Errorf("same seed: got %v and %v, want equal", a, b)
	}
	if math.Abs(a-full) > 0.05 {
		t.Errorf("sample of 500: got %v, want within 0.05 of the full %v", a, full)
	}
	if a <= 0.3 {
		t.Errorf("separated blobs: got %v, want a clearly positive silhouette", a)
	}
}
