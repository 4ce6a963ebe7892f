package journey

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// sortedQuantiles is the obvious computation the selection must agree with.
func sortedQuantiles(xs []int64) (float64, float64) {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	var med float64
	if n%2 == 1 {
		med = float64(s[n/2]) / 1e6
	} else {
		med = (float64(s[n/2-1]) + float64(s[n/2])) / 2 / 1e6
	}
	rank := (9*n + 9) / 10 // ceil(0.9 n)
	return med, float64(s[rank-1]) / 1e6
}

func TestQuantilesAgreeWithSorting(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 500; trial++ {
		n := 1 + rng.IntN(200)
		xs := make([]int64, n)
		for i := range xs {
			xs[i] = int64(rng.IntN(50)) * 1e6 // many ties
		}
		wantMed, wantP90 := sortedQuantiles(xs)
		if got := median(slices.Clone(xs)); got != wantMed {
			t.Fatalf("median of %v: got %v, want %v", xs, got, wantMed)
		}
		if got := percentile(slices.Clone(xs), 0.9); got != wantP90 {
			t.Fatalf("p90 of %v: got %v, want %v", xs, got, wantP90)
		}
	}
	if median(nil) != 0 || percentile(nil, 0.9) != 0 {
		t.Error("empty input: want 0")
	}
}

func FuzzSelectK(f *testing.F) {
	f.Add([]byte{3, 1, 2}, uint8(1))
	f.Add([]byte{5, 5, 5, 5}, uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, k uint8) {
		if len(data) == 0 {
			return
		}
		xs := make([]int64, len(data))
		for i, b := range data {
			xs[i] = int64(b)
		}
		idx := int(k) % len(xs)
		want := slices.Clone(xs)
		slices.Sort(want)
		if got := SelectK(xs, idx); got != want[idx] {
			t.Fatalf("SelectK(%v, %d) = %d, want %d", data, idx, got, want[idx])
		}
	})
}

// TestGroupingSurvivesCollisions gives every sequence the same hash: exact comparison must still keep
// sequences that differ only late, or only in length, apart.
func TestGroupingSurvivesCollisions(t *testing.T) {
	saved := seqHash
	seqHash = func([]uint32) uint64 { return 42 }
	defer func() { seqHash = saved }()
	flat := []uint32{1, 2, 3, 1, 2, 4, 1, 2, 3, 1, 2, 1, 2, 3, 0}
	off := []uint32{0, 3, 6, 9, 11, 15}
	g := groupSeqs(flat, off)
	if want := []int32{0, 1, 0, 2, 3}; !slices.Equal(g.vid, want) {
		t.Errorf("variant ids %v, want %v", g.vid, want)
	}
	if want := []int32{0, 1, 2, 3}; !slices.Equal(g.ranked(), want) {
		t.Errorf("ranked %v, want %v", g.ranked(), want)
	}
}
