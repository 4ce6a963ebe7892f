package cluster_test

import (
	"testing"

	"wayline/internal/persona/cluster"
)

// TestPipelineQuality is the untimed small version of BenchmarkPipeline: the automatic k must be the planted
// six and the final mixture must agree with the planted labels.
func TestPipelineQuality(t *testing.T) {
	if testing.Short() {
		t.Skip("fits nine mixtures on 20,000 rows")
	}
	n, d := 20000, 20
	x, truth := blobs(n, d, 6, benchSpread, 20240501)
	o := cluster.Options{Seed: 7}
	ch, err := cluster.ChooseK(x, n, d, 2, 10, o)
	if err != nil {
		t.Fatal(err)
	}
	if ch.K != 6 {
		t.Fatalf("got k %d, want 6 (scores %+v)", ch.K, ch.Scores)
	}
	g, err := cluster.GMM(x, n, d, ch.K, o)
	if err != nil {
		t.Fatal(err)
	}
	if ari := cluster.ARI(g.Labels, truth); ari < 0.98 {
		t.Errorf("got ARI %.4f, want ≥ 0.98", ari)
	}
}
