package journey

// grouping assigns every sequence (seq i is flat[off[i]:off[i+1]]) a variant id; ids are numbered in order
// of first appearance. Sequences are hashed (FNV-1a over the 32-bit ids, then the length) and compared
// exactly, so a hash collision never merges two different paths.
type grouping struct {
	vid   []int32 // per sequence
	count []int   // per variant
	first []int32 // per variant: its first sequence
}

func groupSeqs(flat []uint32, off []uint32) grouping {
	n := len(off) - 1
	g := grouping{vid: make([]int32, n)}
	head := make(map[uint64]int32, n/4+1)
	var next []int32 // per variant: the next variant with the same hash, -1 at the end
	for i := 0; i < n; i++ {
		seq := flat[off[i]:off[i+1]]
		h := seqHash(seq)
		v, ok := head[h]
		found := int32(-1)
		if ok {
			for c := v; c >= 0; c = next[c] {
				f := g.first[c]
				if equalSeq(seq, flat[off[f]:off[f+1]]) {
					found = c
					break
				}
			}
		}
		if found < 0 {
			found = int32(len(g.count))
			g.count = append(g.count, 0)
			g.first = append(g.first, int32(i))
			if ok {
				next = append(next, v)
			} else {
				next = append(next, -1)
			}
			head[h] = found
		}
		g.vid[i] = found
		g.count[found]++
	}
	return g
}

// seqHash is FNV-1a over the 32-bit ids, then the length. A variable so that a test can force collisions.
var seqHash = func(seq []uint32) uint64 {
	h := uint64(14695981039346656037)
	for _, x := range seq {
		h ^= uint64(x)
		h *= 1099511628211
	}
	h ^= uint64(len(seq))
	h *= 1099511628211
	return h
}

func equalSeq(a, b []uint32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// ranked returns variant ids by count, largest first, ties in order of first appearance (a counting sort:
// no comparisons).
func (g grouping) ranked() []int32 {
	maxCount := 0
	for _, c := range g.count {
		if c > maxCount {
			maxCount = c
		}
	}
	start := make([]int, maxCount+2)
	for _, c := range g.count {
		start[maxCount-c+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	out := make([]int32, len(g.count))
	for v, c := range g.count {
		out[start[maxCount-c]] = int32(v)
		start[maxCount-c]++
	}
	return out
}

// VariantOptions choose how paths are compared and how many are listed.
type VariantOptions struct {
	CollapseRepeats bool // A A B is the path A B
	Limit           int  // variants listed, most customers first; 0 means 50, negative lists all
}

// Variants are the distinct paths of a view.
type Variants struct {
	Variants       []Variant
	Coverage       float64 // share of customers whose path is listed
	Covered        int     // customers whose path is listed
	TotalCustomers int
	Distinct       int // distinct paths, listed or not
}

// Variant is one distinct path (sequence of touchpoints) and its customers.
type Variant struct {
	Path           []string
	Customers      int
	Share          float64
	Converted      int
	ConversionRate float64
	MedianSeconds  float64 // median journey duration (first to last event), exact
}

// variantSeqs builds every customer's touchpoint sequence, with repeats collapsed when asked.
func (v *View) variantSeqs(collapse bool) ([]uint32, []uint32) {
	j := v.j
	flat := make([]uint32, 0, len(v.pos))
	off := make([]uint32, 1, len(v.cust)+1)
	for ci := range v.cust {
		start := len(flat)
		for _, k := range v.pos[v.off[ci]:v.off[ci+1]] {
			t := j.tp[k]
			if collapse && len(flat) > start && flat[len(flat)-1] == t {
				continue
			}
			flat = append(flat, t)
		}
		off = append(off, uint32(len(flat)))
	}
	return flat, off
}

// Variants lists the distinct paths of the view, most customers first (ties: the variant seen first, in
// profile order). Paths are never truncated.
func (v *View) Variants(o VariantOptions) Variants {
	j := v.j
	flat, off := v.variantSeqs(o.CollapseRepeats)
	g := groupSeqs(flat, off)
	limit := o.Limit
	if limit == 0 {
		limit = 50
	}
	order := g.ranked()
	if limit > 0 && len(order) > limit {
		order = order[:limit]
	}
	out := Variants{Variants: []Variant{}, TotalCustomers: len(v.cust), Distinct: len(g.count)}
	listed := make([]int32, len(g.count))
	for i := range listed {
		listed[i] = -1
	}
	for i, vid := range order {
		listed[vid] = int32(i)
	}
	durs := make([][]int64, len(order))
	conv := make([]int, len(order))
	for ci := range v.cust {
		li := listed[g.vid[ci]]
		if li < 0 {
			continue
		}
		ps := v.pos[v.off[ci]:v.off[ci+1]]
		durs[li] = append(durs[li], j.time[ps[len(ps)-1]]-j.time[ps[0]])
		if v.conv[ci] {
			conv[li]++
		}
	}
	for i, vid := range order {
		f := g.first[vid]
		path := make([]string, 0, off[f+1]-off[f])
		for _, t := range flat[off[f]:off[f+1]] {
			path = append(path, j.touch.names[t])
		}
		c := g.count[vid]
		out.Covered += c
		out.Variants = append(out.Variants, Variant{Path: path, Customers: c, Share: ratio(c, len(v.cust)),
			Converted: conv[i], ConversionRate: ratio(conv[i], c), MedianSeconds: median(durs[i])})
	}
	out.Coverage = ratio(out.Covered, len(v.cust))
	return out
}

// variantCustomers lists the profiles whose path equals path.
func (v *View) variantCustomers(path []string, collapse bool) []int32 {
	want := make([]uint32, len(path))
	for i, name := range path {
		t, ok := v.j.touchID(name)
		if !ok {
			return nil
		}
		want[i] = t
	}
	flat, off := v.variantSeqs(collapse)
	var out []int32
	for ci := range v.cust {
		if equalSeq(flat[off[ci]:off[ci+1]], want) {
			out = append(out, v.cust[ci])
		}
	}
	return out
}
