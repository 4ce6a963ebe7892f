package cluster_test

import (
	"errors"
	"math"
	"slices"
	"testing"

	"wayline/internal/persona/cluster"
)

func TestGMMRecoversBlobs(t *testing.T) {
	n, d, k := 3000, 5, 4
	x, truth := blobs(n, d, k, 12, 1)
	g, err := cluster.GMM(x, n, d, k, cluster.Options{Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	if g.K != k || len(g.Resp) != n*k || len(g.Means) != k*d || len(g.Vars) != k*d || len(g.Weights) != k {
		t.Fatalf("got K=%d and sizes resp %d means %d vars %d weights %d", g.K, len(g.Resp), len(g.Means), len(g.Vars), len(g.Weights))
	}
	checkLabels(t, g.Labels, n, k)
	if ari := cluster.ARI(g.Labels, truth); ari < 0.99 {
		t.Errorf("got ARI %.4f, want ≥ 0.99", ari)
	}
	checkMixture(t, g, n, d)
}

// checkMixture checks the invariants every fitted mixture must hold.
func checkMixture(t *testing.T, g cluster.GMMResult, n, d int) {
	t.Helper()
	k := g.K
	for i := range n {
		row := g.Resp[i*k : i*k+k]
		sum := 0.0
		for _, r := range row {
			if r < 0 || r > 1 || math.IsNaN(r) {
				t.Fatalf("row %d: responsibility %v outside [0, 1]", i, r)
			}
			sum += r
		}
		if math.Abs(sum-1) > 1e-9 {
			t.Fatalf("row %d: responsibilities sum to %v, want 1", i, sum)
		}
		if best := slices.Index(row, slices.Max(row)); best != g.Labels[i] {
			t.Fatalf("row %d: got label %d, want the most responsible component %d", i, g.Labels[i], best)
		}
	}
	ws := 0.0
	for _, w := range g.Weights {
		ws += w
	}
	if math.Abs(ws-1) > 1e-9 {
		t.Errorf("weights sum to %v, want 1", ws)
	}
	for _, v := range g.Vars {
		if !(v > 0) || math.IsInf(v, 0) {
			t.Fatalf("got variance %v, want a finite positive number", v)
		}
	}
	p := float64(k*2*d + k - 1)
	if want := -2*g.LogLik + p*math.Log(float64(n)); math.Abs(g.BIC-want) > 1e-9*math.Abs(want) || math.IsNaN(g.BIC) {
		t.Errorf("got BIC %v, want -2LL + p ln n = %v", g.BIC, want)
	}
}

func TestGMMOrderIndependent(t *testing.T) {
	n, d, k := 1500, 4, 3
	x, _ := blobs(n, d, k, 1.5, 8)
	want, err := cluster.GMM(x, n, d, k, cluster.Options{Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	xs, perm := shuffled(x, n, d, 1)
	got, err := cluster.GMM(xs, n, d, k, cluster.Options{Seed: 2, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range perm {
		if got.Labels[i] != want.Labels[p] {
			t.Fatalf("row %d: got label %d, want %d", p, got.Labels[i], want.Labels[p])
		}
		if !slices.Equal(got.Resp[i*k:i*k+k], want.Resp[p*k:p*k+k]) {
			t.Fatalf("row %d: responsibilities differ after shuffling", p)
		}
	}
	if got.LogLik != want.LogLik || !slices.Equal(got.Means, want.Means) {
		t.Errorf("got log-likelihood %v, want %v", got.LogLik, want.LogLik)
	}
}

func TestGMMLargeInputUsesSampledStart(t *testing.T) {
	// Above GMMInitSample rows the k-means restarts run on a sample; the fit must still be right.
	n, d, k := cluster.GMMInitSample+5000, 6, 3
	x, truth := blobs(n, d, k, 6, 4)
	g, err := cluster.GMM(x, n, d, k, cluster.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if ari := cluster.ARI(g.Labels, truth); ari < 0.99 {
		t.Errorf("got ARI %.4f, want ≥ 0.99", ari)
	}
	checkMixture(t, g, n, d)
}

func TestGMMDegenerateData(t *testing.T) {
	tests := []struct {
		name    string
		x       []float64
		n, d, k int
		wantK   int
		wantErr error
	}{
		{"no rows", nil, 0, 2, 1, 0, cluster.ErrEmpty},
		{"NaN", []float64{math.NaN(), 1}, 1, 2, 1, 0, cluster.ErrNonFinite},
		{"k zero", []float64{1, 2}, 1, 2, 0, 0, cluster.ErrBadK},
		{"k above n", []float64{1, 2}, 1, 2, 2, 0, cluster.ErrTooFewPoints},
		{"all rows equal", []float64{3, 3, 3, 3, 3, 3}, 3, 2, 2, 1, nil},
		{"duplicates and a constant column", []float64{0, 1, 0, 1, 0, 1, 5, 1, 5, 1, 9, 1}, 6, 2, 3, 3, nil},
		{"one row", []float64{1, 2, 3}, 1, 3, 1, 1, nil},
		{"k equals n", []float64{1, 2, 3, 4}, 4, 1, 4, 4, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := cluster.GMM(tt.x, tt.n, tt.d, tt.k, cluster.Options{})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("got error %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if g.K != tt.wantK {
				t.Errorf("got K %d, want %d", g.K, tt.wantK)
			}
			checkLabels(t, g.Labels, tt.n, g.K)
			if math.IsNaN(g.LogLik) || math.IsInf(g.LogLik, 0) {
				t.Errorf("got log-likelihood %v, want a finite number", g.LogLik)
			}
			checkMixture(t, g, tt.n, tt.d)
		})
	}
}
