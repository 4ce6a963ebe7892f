package cluster_test

import (
	"math"
	"math/rand/v2"
)

// blobs generates n rows of k anisotropic Gaussian blobs in d dimensions: blob centres are drawn with
// standard deviation spread per column, each blob is a standard normal cloud stretched by its own random
// linear map (a Gaussian matrix times per-axis scales between 0.25 and 2.5), and the columns are finally
// standardized. Rows are assigned to blobs in turn, then shuffled.
func blobs(n, d, k int, spread float64, seed uint64) ([]float64, []int) {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	centres := make([]float64, k*d)
	for i := range centres {
		centres[i] = rng.NormFloat64() * spread
	}
	maps := make([][]float64, k) // d×d per blob
	for b := range maps {
		scale := make([]float64, d)
		for j := range scale {
			scale[j] = 0.25 + 2.25*rng.Float64()
		}
		a := make([]float64, d*d)
		for r := range d {
			for c := range d {
				a[r*d+c] = rng.NormFloat64() / math.Sqrt(float64(d)) * scale[c]
			}
		}
		maps[b] = a
	}
	x := make([]float64, n*d)
	truth := make([]int, n)
	z := make([]float64, d)
	for i := range n {
		b := i % k
		truth[i] = b
		for j := range z {
			z[j] = rng.NormFloat64()
		}
		a := maps[b]
		for r := range d {
			v := centres[b*d+r]
			for c := range d {
				v += a[r*d+c] * z[c]
			}
			x[i*d+r] = v
		}
	}
	// Shuffle rows so that blob membership is not visible in the order.
	for i := n - 1; i > 0; i-- {
		j := rng.IntN(i + 1)
		truth[i], truth[j] = truth[j], truth[i]
		for c := range d {
			x[i*d+c], x[j*d+c] = x[j*d+c], x[i*d+c]
		}
	}
	standardize(x, n, d)
	return x, truth
}

// standardize scales every column to mean 0 and standard deviation 1.
func standardize(x []float64, n, d int) {
	for c := range d {
		mean, sq := 0.0, 0.0
		for i := range n {
			mean += x[i*d+c]
		}
		mean /= float64(n)
		for i := range n {
			dv := x[i*d+c] - mean
			sq += dv * dv
		}
		sd := math.Sqrt(sq / float64(n))
		if sd == 0 {
			sd = 1
		}
		for i := range n {
			x[i*d+c] = (x[i*d+c] - mean) / sd
		}
	}
}

// inertiaOf is the k-means objective of a given partition: squared distances to the cluster means.
func inertiaOf(x []float64, n, d, k int, labels []int) float64 {
	c := make([]float64, k*d)
	cnt := make([]float64, k)
	for i, l := range labels {
		cnt[l]++
		for j := range d {
			c[l*d+j] += x[i*d+j]
		}
	}
	for l := range k {
		for j := range d {
			c[l*d+j] /= cnt[l]
		}
	}
	s := 0.0
	for i, l := range labels {
		for j := range d {
			v := x[i*d+j] - c[l*d+j]
			s += v * v
		}
	}
	return s
}
