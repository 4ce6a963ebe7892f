package cluster_test

import (
	"math/rand/v2"
	"testing"

	"wayline/internal/persona/cluster"
)

func TestSmoke(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n, d := 600, 3
	x := make([]float64, n*d)
	truth := make([]int, n)
	for i := range n {
		truth[i] = i % 3
		for j := range d {
			x[i*d+j] = float64(truth[i]*10) + rng.NormFloat64()
		}
	}
	km, err := cluster.KMeans(x, n, d, 3, cluster.Options{})
	if err != nil || cluster.ARI(km.Labels, truth) < 0.99 {
		t.Fatalf("kmeans %v %v", err, cluster.ARI(km.Labels, truth))
	}
	g, err := cluster.GMM(x, n, d, 3, cluster.Options{})
	if err != nil || cluster.ARI(g.Labels, truth) < 0.99 {
		t.Fatalf("gmm %v", err)
	}
	ch, err := cluster.ChooseK(x, n, d, 1, 6, cluster.Options{})
	if err != nil || ch.K != 3 {
		t.Fatalf("choosek %+v %v", ch, err)
	}
	med, lab, _, err := cluster.KMedoids(n, 3, func(i, j int) float64 {
		s := 0.0
		for c := range d {
			s += (x[i*d+c] - x[j*d+c]) * (x[i*d+c] - x[j*d+c])
		}
		return s
	}, cluster.Options{})
	if err != nil || len(med) != 3 || cluster.ARI(lab, truth) < 0.99 {
		t.Fatalf("kmedoids %v", err)
	}
	t.Log(ch)
}
