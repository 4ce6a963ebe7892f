package cluster_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"wayline/internal/persona/cluster"
)

// shuffled returns x with its rows permuted and perm such that row i of the result is row perm[i] of x.
func shuffled(x []float64, n, d int, seed uint64) ([]float64, []int) {
	rng := rand.New(rand.NewPCG(seed, 99))
	perm := rng.Perm(n)
	out := make([]float64, n*d)
	for i, p := range perm {
		copy(out[i*d:i*d+d], x[p*d:p*d+d])
	}
	return out, perm
}

func TestKMeansRecoversBlobs(t *testing.T) {
	n, d := 3000, 5
	x, truth := blobs(n, d, 4, 12, 1)
	res, err := cluster.KMeans(x, n, d, 4, cluster.Options{Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if res.K != 4 || len(res.Labels) != n || len(res.Centroids) != 4*d {
		t.Fatalf("got K=%d, %d labels, %d centroid values; want 4, %d, %d", res.K, len(res.Labels), len(res.Centroids), n, 4*d)
	}
	if ari := cluster.ARI(res.Labels, truth); ari < 0.99 {
		t.Errorf("got ARI %.4f, want ≥ 0.99", ari)
	}
	if want := inertiaOf(x, n, d, 4, truth); res.Inertia > want*(1+1e-9) {
		t.Errorf("got inertia %g, want at most that of the planted partition, %g", res.Inertia, want)
	}
	// Inertia is the sum of squared distances to the reported centroids.
	sum := 0.0
	for i, l := range res.Labels {
		for j := range d {
			dv := x[i*d+j] - res.Centroids[l*d+j]
			sum += dv * dv
		}
	}
	if math.Abs(sum-res.Inertia) > 1e-9*sum {
		t.Errorf("got inertia %g, want %g", res.Inertia, sum)
	}
	// Clusters are numbered by the lexicographic order of their centroids.
	for l := 1; l < res.K; l++ {
		if slices.Compare(res.Centroids[(l-1)*d:l*d], res.Centroids[l*d:l*d+d]) >= 0 {
			t.Errorf("centroid %d is not after centroid %d", l, l-1)
		}
	}
}

func TestKMeansOrderIndependentAndDeterministic(t *testing.T) {
	n, d := 2000, 6
	// Overlapping blobs, so that the restarts really disagree and a careless tie-break would show.
	x, _ := blobs(n, d, 5, 1.2, 2)
	want, err := cluster.KMeans(x, n, d, 5, cluster.Options{Seed: 11, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	for s := range uint64(4) {
		xs, perm := shuffled(x, n, d, s)
		got, err := cluster.KMeans(xs, n, d, 5, cluster.Options{Seed: 11, Workers: int(s) + 2})
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range perm {
			if got.Labels[i] != want.Labels[p] {
				t.Fatalf("shuffle %d: row %d got label %d, want %d", s, p, got.Labels[i], want.Labels[p])
			}
		}
		if got.Inertia != want.Inertia || !slices.Equal(got.Centroids, want.Centroids) {
			t.Errorf("shuffle %d: got inertia %v, want %v (centroids must match bit for bit)", s, got.Inertia, want.Inertia)
		}
	}
}

func TestKMeansEdgeCases(t *testing.T) {
	tests := []struct {
		name    string
		x       []float64
		n, d, k int
		wantK   int
		wantErr error
	}{
		{"no rows", nil, 0, 3, 2, 0, cluster.ErrEmpty},
		{"no columns", nil, 4, 0, 2, 0, cluster.ErrEmpty},
		{"short data", []float64{1, 2, 3}, 2, 2, 1, 0, cluster.ErrShape},
		{"negative n", []float64{}, -1, 2, 1, 0, cluster.ErrShape},
		{"NaN", []float64{1, math.NaN(), 3, 4}, 2, 2, 1, 0, cluster.ErrNonFinite},
		{"Inf", []float64{1, 2, math.Inf(-1), 4}, 2, 2, 1, 0, cluster.ErrNonFinite},
		{"beyond MaxAbs", []float64{1, 2, -1e200, 4}, 2, 2, 1, 0, cluster.ErrNonFinite},
		{"at MaxAbs", []float64{cluster.MaxAbs, -cluster.MaxAbs, -cluster.MaxAbs, cluster.MaxAbs, 0, 0}, 3, 2, 3, 3, nil},
		{"k zero", []float64{1, 2}, 2, 1, 0, 0, cluster.ErrBadK},
		{"k above n", []float64{1, 2}, 2, 1, 3, 0, cluster.ErrTooFewPoints},
		{"k equals n", []float64{1, 5, 9}, 3, 1, 3, 3, nil},
		{"k one", []float64{1, 2, 3, 4, 5, 6}, 3, 2, 1, 1, nil},
		{"all rows equal", []float64{2, 2, 2, 2, 2, 2, 2, 2}, 4, 2, 3, 1, nil},
		{"two distinct rows, k three", []float64{0, 0, 0, 0, 7, 7, 7, 7, 0, 0}, 5, 2, 3, 2, nil},
		{"constant feature", []float64{1, 5, 2, 5, 10, 5, 11, 5}, 4, 2, 2, 2, nil},
		{"single row", []float64{3, 4}, 1, 2, 1, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := cluster.KMeans(tt.x, tt.n, tt.d, tt.k, cluster.Options{})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("got error %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if res.K != tt.wantK {
				t.Errorf("got K %d, want %d", res.K, tt.wantK)
			}
			checkLabels(t, res.Labels, tt.n, res.K)
			// Equal rows share a cluster, distinct rows up to K are kept apart.
			for i := range tt.n {
				for j := range tt.n {
					same := slices.Equal(tt.x[i*tt.d:i*tt.d+tt.d], tt.x[j*tt.d:j*tt.d+tt.d])
					if same && res.Labels[i] != res.Labels[j] {
						t.Errorf("equal rows %d and %d in clusters %d and %d", i, j, res.Labels[i], res.Labels[j])
					}
				}
			}
			if math.IsNaN(res.Inertia) || res.Inertia < 0 {
				t.Errorf("got inertia %v, want a finite non-negative number", res.Inertia)
			}
		})
	}
}

func TestKMeansConstantFeatureSplitsOnTheOther(t *testing.T) {
	x := []float64{1, 5, 2, 5, 10, 5, 11, 5}
	res, err := cluster.KMeans(x, 4, 2, 2, cluster.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{0, 0, 1, 1}; !slices.Equal(res.Labels, want) {
		t.Errorf("got labels %v, want %v", res.Labels, want)
	}
	if want := []float64{1.5, 5, 10.5, 5}; !slices.Equal(res.Centroids, want) {
		t.Errorf("got centroids %v, want %v", res.Centroids, want)
	}
}

// checkLabels fails unless there are n labels, each in [0, k).
func checkLabels(t *testing.T, labels []int, n, k int) {
	t.Helper()
	if len(labels) != n {
		t.Fatalf("got %d labels, want %d", len(labels), n)
	}
	for i, l := range labels {
		if l < 0 || l >= k {
			t.Fatalf("row %d: got label %d, want one in [0, %d)", i, l, k)
		}
	}
}
