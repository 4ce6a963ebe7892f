package cluster_test

import (
	"math"
	"slices"
	"testing"

	"wayline/internal/persona/cluster"
)

// FuzzClustering feeds arbitrary small matrices to every function: none may panic, labels stay in range,
// and two runs give the same answer.
func FuzzClustering(f *testing.F) {
	f.Add([]byte{3, 2, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte{0, 0})
	f.Add([]byte{5, 0, 1, 1, 1, 1, 1, 1, 1, 1})
	f.Add([]byte{2, 4, 0, 255, 128, 7, 7, 7, 7, 7, 7, 7, 9, 9, 200, 13})
	f.Add([]byte{4, 0x82, 0, 255, 128, 7, 127, 7, 128, 7, 7, 7, 9, 9, 200, 13})
	f.Fuzz(fuzzBody)
}

// fuzzBody is the fuzz target, kept apart so that a failing input can be replayed from a plain test.
func fuzzBody(t *testing.T, data []byte) {
	if len(data) < 2 {
		return
	}
	k := int(data[0]%6) + 1
	d := int(data[1]%5) + 1
	vals := data[2:]
	n := min(len(vals)/d, 50)
	x := make([]float64, n*d)
	huge := data[1]&0x80 != 0
	for i := range x {
		// Few distinct values, so duplicates and constant columns are common; now and then values at
		// the limit of the allowed range.
		x[i] = float64(int8(vals[i])) / 16
		if huge {
			x[i] *= cluster.MaxAbs / 8
		}
	}
	o := cluster.Options{Seed: uint64(data[0]), Restarts: 3}
	km, err := cluster.KMeans(x, n, d, k, o)
	if err == nil {
		checkLabels(t, km.Labels, n, km.K)
		again, _ := cluster.KMeans(x, n, d, k, o)
		if !slices.Equal(km.Labels, again.Labels) || km.Inertia != again.Inertia {
			t.Fatalf("KMeans not deterministic: %v then %v", km.Labels, again.Labels)
		}
		if km.K > k || km.K < 1 {
			t.Fatalf("got K %d for k %d", km.K, k)
		}
	} else if n >= k && n > 0 {
		t.Fatalf("KMeans: unexpected error %v for n=%d k=%d", err, n, k)
	}
	g, err := cluster.GMM(x, n, d, k, o)
	if err == nil {
		checkLabels(t, g.Labels, n, g.K)
		if math.IsNaN(g.LogLik) || math.IsNaN(g.BIC) {
			t.Fatalf("GMM: log-likelihood %v, BIC %v", g.LogLik, g.BIC)
		}
		for _, r := range g.Resp {
			if math.IsNaN(r) {
				t.Fatal("GMM: NaN responsibility")
			}
		}
		again, _ := cluster.GMM(x, n, d, k, o)
		if !slices.Equal(g.Labels, again.Labels) || g.LogLik != again.LogLik {
			t.Fatal("GMM not deterministic")
		}
	}
	ch, err := cluster.ChooseK(x, n, d, 1, k, o)
	if err == nil {
		if ch.K < 1 || ch.K > k {
			t.Fatalf("ChooseK: got k %d outside [1, %d]", ch.K, k)
		}
		again, _ := cluster.ChooseK(x, n, d, 1, k, o)
		if again.K != ch.K || !slices.Equal(again.Scores, ch.Scores) {
			t.Fatal("ChooseK not deterministic")
		}
	}
	if km.Labels != nil {
		s := cluster.Silhouette(x, n, d, km.Labels, 0, 1)
		if s < -1 || s > 1 || math.IsNaN(s) {
			t.Fatalf("Silhouette: got %v", s)
		}
	}
	if n > 0 {
		dist := func(i, j int) float64 {
			s := 0.0
			for c := range d {
				s += math.Abs(x[i*d+c] - x[j*d+c])
			}
			return s
		}
		med, labels, _, err := cluster.KMedoids(n, min(k, n), dist, o)
		if err != nil {
			t.Fatalf("KMedoids: %v", err)
		}
		checkLabels(t, labels, n, len(med))
	}
}
