package cluster_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"wayline/internal/persona/cluster"
)

// pointsDist is the Euclidean distance callback over row-major points.
func pointsDist(x []float64, d int) func(i, j int) float64 {
	return func(i, j int) float64 {
		s := 0.0
		for c := range d {
			v := x[i*d+c] - x[j*d+c]
			s += v * v
		}
		return math.Sqrt(s)
	}
}

func TestKMedoidsObviousClusters(t *testing.T) {
	// Three tight groups on a plane; each group's middle point is its medoid.
	x := []float64{
		0, 0, 0, 1, 1, 0, 0, -1, -1, 0, // around (0,0), medoid row 0
		20, 20, 20, 21, 21, 20, 20, 19, 19, 20, // around (20,20), medoid row 5
		-30, 5, -30, 6, -29, 5, -30, 4, -31, 5, // around (-30,5), medoid row 10
	}
	n, d := 15, 2
	med, labels, cost, err := cluster.KMedoids(n, 3, pointsDist(x, d), cluster.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{0, 5, 10}; !slices.Equal(med, want) {
		t.Errorf("got medoids %v, want %v", med, want)
	}
	if want := []int{0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2}; !slices.Equal(labels, want) {
		t.Errorf("got labels %v, want %v", labels, want)
	}
	if cost != 12 {
		t.Errorf("got cost %v, want 12", cost)
	}
}

// bruteMedoids is the least cost over every set of k medoids.
func bruteMedoids(n, k int, dist func(i, j int) float64) float64 {
	best := math.Inf(1)
	set := make([]int, 0, k)
	var rec func(start int)
	rec = func(start int) {
		if len(set) == k {
			c := 0.0
			for p := range n {
				m := math.Inf(1)
				for _, s := range set {
					if p == s {
						m = 0
					} else {
						m = min(m, dist(min(p, s), max(p, s)))
					}
				}
				c += m
			}
			best = min(best, c)
			return
		}
		for i := start; i < n; i++ {
			set = append(set, i)
			rec(i + 1)
			set = set[:len(set)-1]
		}
	}
	rec(0)
	return best
}

func TestKMedoidsMatchesBruteForceOnClusteredData(t *testing.T) {
	for seed := range uint64(10) {
		n, d := 14, 2
		x, _ := blobs(n, d, 3, 6, seed)
		dist := pointsDist(x, d)
		_, labels, cost, err := cluster.KMedoids(n, 3, dist, cluster.Options{Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		checkLabels(t, labels, n, 3)
		if want := bruteMedoids(n, 3, dist); cost > want+1e-9 {
			t.Errorf("seed %d: got cost %v, want the optimum %v", seed, cost, want)
		}
	}
}

func TestKMedoidsDeterministicAndLarger(t *testing.T) {
	n, d := 1500, 3
	x, truth := blobs(n, d, 4, 10, 3)
	dist := pointsDist(x, d)
	m1, l1, c1, err := cluster.KMedoids(n, 4, dist, cluster.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	m2, l2, c2, err := cluster.KMedoids(n, 4, dist, cluster.Options{Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m1, m2) || !slices.Equal(l1, l2) || c1 != c2 {
		t.Errorf("got medoids %v cost %v, then %v cost %v; want equal", m1, c1, m2, c2)
	}
	if ari := cluster.ARI(l1, truth); ari < 0.95 {
		t.Errorf("got ARI %.3f, want ≥ 0.95", ari)
	}
}

func TestKMedoidsErrors(t *testing.T) {
	ok := func(i, j int) float64 { return 1 }
	rng := rand.New(rand.NewPCG(1, 1))
	tests := []struct {
		name    string
		n, k    int
		dist    func(i, j int) float64
		wantErr error
	}{
		{"nil distance", 3, 1, nil, cluster.ErrDistance},
		{"no points", 0, 1, ok, cluster.ErrEmpty},
		{"k zero", 3, 0, ok, cluster.ErrBadK},
		{"k above n", 3, 4, ok, cluster.ErrTooFewPoints},
		{"too many points", cluster.MaxMedoidPoints + 1, 2, ok, cluster.ErrTooManyPoints},
		{"negative distance", 3, 2, func(i, j int) float64 { return -1 }, cluster.ErrDistance},
		{"NaN distance", 3, 2, func(i, j int) float64 { return math.NaN() }, cluster.ErrDistance},
		{"k equals n", 4, 4, func(i, j int) float64 { return rng.Float64() + 1 }, nil},
		{"all zero distances", 5, 2, func(i, j int) float64 { return 0 }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			med, labels, _, err := cluster.KMedoids(tt.n, tt.k, tt.dist, cluster.Options{Workers: 1})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("got error %v, want %v", err, tt.wantErr)
			}
			if err == nil {
				if len(med) != tt.k {
					t.Errorf("got %d medoids, want %d", len(med), tt.k)
				}
				checkLabels(t, labels, tt.n, tt.k)
			}
		})
	}
}
