package cluster

import "testing"

func TestLloydReseedsAnEmptyCluster(t *testing.T) {
	// Three groups on a line; the starting centroids leave one cluster with no rows at all.
	x := []float64{0, 0.1, 0.2, 5, 5.1, 5.2, 10, 10.1, 10.2}
	cent := []float64{2, 8, 1000}
	p, err := lloydFrom(x, len(x), 1, 3, 100, 0, cent, nil)
	if err != nil {
		t.Fatal(err)
	}
	counts := make([]int, 3)
	for _, l := range p.labels {
		counts[l]++
	}
	for l, c := range counts {
		if c != 3 {
			t.Errorf("cluster %d: got %d rows, want 3 (labels %v)", l, c, p.labels)
		}
	}
	if want := 3 * (0.01 + 0.01) * 1.0; p.inertia > want+1e-9 {
		t.Errorf("got inertia %v, want %v", p.inertia, want)
	}
}
