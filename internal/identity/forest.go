package identity

// forest is a union-find over dense int32 ids: forest[x] is x's parent, or minus the set's size when x is
// a root (union by size, path halving). One slice, no pointers: a million nodes cost 4 MB.
type forest []int32

func newForest(n int) forest {
	f := make(forest, n)
	f.reset()
	return f
}

// reset makes every id its own set again.
func (f forest) reset() {
	for i := range f {
		f[i] = -1
	}
}

// find returns the root of x, halving the path on the way.
func (f forest) find(x int32) int32 {
	for f[x] >= 0 {
		if q := f[x]; f[q] >= 0 {
			f[x] = f[q]
		}
		x = f[x]
	}
	return x
}

// union joins the sets of a and b, the smaller under the larger, and reports whether they were apart.
func (f forest) union(a, b int32) bool {
	a, b = f.find(a), f.find(b)
	if a == b {
		return false
	}
	if f[a] > f[b] { // sizes are stored negated: make a the larger
		a, b = b, a
	}
	f[a] += f[b]
	f[b] = a
	return true
}
