package persona

import "sort"

// sampleRows picks up to k rows by the smallest hash of (seed, stable profile id) and returns them in
// ascending row order. The choice depends on the ids and the seed only, never on row order, and a customer
// in one run's sample is in the next run's sample too unless pushed out by a new customer with a smaller
// hash.
func sampleRows(ids []string, k int, seed uint64) []int {
	rows := make([]int, len(ids))
	for i := range rows {
		rows[i] = i
	}
	if len(ids) <= k {
		return rows
	}
	h := make([]uint64, len(ids))
	for i, id := range ids {
		h[i] = idHash(seed, id)
	}
	sort.Slice(rows, func(a, b int) bool {
		if h[rows[a]] != h[rows[b]] {
			return h[rows[a]] < h[rows[b]]
		}
		return ids[rows[a]] < ids[rows[b]]
	})
	rows = rows[:k]
	sort.Ints(rows)
	return rows
}

// idHash is FNV-1a over the id, mixed with the seed by the SplitMix64 finaliser.
func idHash(seed uint64, id string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(id); i++ {
		h ^= uint64(id[i])
		h *= 1099511628211
	}
	z := h ^ (seed * 0x9e3779b97f4a7c15)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}
