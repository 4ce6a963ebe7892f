package cluster_test

import (
	"fmt"

	"wayline/internal/persona/cluster"
)

func ExampleKMeans() {
	// Two groups on a line; the rows' order does not matter, clusters are numbered by centroid.
	x := []float64{10, 0, 11, 1, 9, 2}
	res, err := cluster.KMeans(x, len(x), 1, 2, cluster.Options{Seed: 1})
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Labels, res.Centroids)
	// Output: [1 0 1 0 1 0] [1 10]
}

func ExampleARI() {
	fmt.Printf("%.4f\n", cluster.ARI([]int{0, 0, 0, 1, 1, 1}, []int{0, 0, 1, 1, 2, 2}))
	// Output: 0.2424
}

func ExampleHungarian() {
	cost := [][]float64{
		{4, 1, 3},
		{2, 0, 5},
		{3, 2, 2},
	}
	fmt.Println(cluster.Hungarian(cost))
	// Output: [1 0 2]
}
