package identity

import (
	"cmp"
	"slices"
)

// MaxEvidence is how many rows a Merge cites; Count says how many there are in all.
const MaxEvidence = 5

// Ref names an identifier value.
type Ref struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// Evidence is one row that asserted a link: where a user can look it up.
type Evidence struct {
	Row   uint32 `json:"row"` // model row
	Batch uint64 `json:"batch"`
	File  string `json:"file"`
	Line  int    `json:"line"`
}

// Merge is one link of a profile's spanning set: A and B were found on the same rows.
type Merge struct {
	A Ref `json:"a"`
	B Ref `json:"b"`
	// Attached is true when B is a non-merging value: the rows put it in this profile, but it never joined
	// two profiles.
	Attached bool `json:"attached,omitempty"`
	// Count is the number of rows carrying both A and B; Evidence the first MaxEvidence of them in
	// (batch, file, line) order, the first of which made the link.
	Count    int        `json:"count"`
	Evidence []Evidence `json:"evidence"`
}

// Merges explains profile p: a spanning set of links that connects every identifier of p, with the rows
// behind each link. It is recomputed from p's rows in (batch, file, line) order rather than remembered
// from Resolve, so the explanation does not depend on import order and Resolve stays lean; the cost is
// proportional to p's rows.
func (res *Result) Merges(p int) []Merge { return res.merges(res.explain(p)) }

func (res *Result) merges(ex explanation) []Merge {
	out := make([]Merge, len(ex.links))
	for i, l := range ex.links {
		a, b := ex.nodes[l.a], ex.nodes[l.b]
		out[i] = Merge{A: res.ref(a), B: res.ref(b), Attached: res.nodeKind[b] == kindNonMerging &&
			res.nodeKind[a] == kindMerging, Count: l.count, Evidence: make([]Evidence, 0, len(l.rows))}
		for _, ri := range l.rows {
			batch, file, line := res.m.Where(ri)
			out[i].Evidence = append(out[i].Evidence, Evidence{Row: ri, Batch: batch, File: file, Line: line})
		}
	}
	return out
}

// Why answers "why is this value in profile p": the chain of links from the profile's label to it,
// label side first. It returns false when p does not hold (typ, value); an empty chain when the value is
// the label itself.
func (res *Result) Why(p int, typ, value string) ([]Merge, bool) {
	ex := res.explain(p)
	target, label := int32(-1), int32(-1)
	prof := res.Profiles[p]
	for l, n := range ex.nodes {
		ref := res.ref(n)
		if ref.Type == typ && ref.Value == value {
			target = int32(l)
		}
		if ref.Type == prof.LabelType && ref.Value == prof.Label {
			label = int32(l)
		}
	}
	if target < 0 || label < 0 {
		return nil, false
	}
	// Breadth-first over the spanning tree from the label; via[l] is the link that reached l.
	adj := make([][]int32, len(ex.nodes))
	for i, l := range ex.links {
		adj[l.a] = append(adj[l.a], int32(i))
		adj[l.b] = append(adj[l.b], int32(i))
	}
	via := make([]int32, len(ex.nodes))
	for i := range via {
		via[i] = -1
	}
	queue := []int32{label}
	seen := make([]bool, len(ex.nodes))
	seen[label] = true
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		for _, li := range adj[u] {
			l := ex.links[li]
			v := l.a
			if v == u {
				v = l.b
			}
			if !seen[v] {
				seen[v] = true
				via[v] = li
				queue = append(queue, v)
			}
		}
	}
	all := res.merges(ex)
	var chain []Merge
	for u := target; u != label; {
		li := via[u]
		if li < 0 {
			return nil, false
		}
		chain = append(chain, all[li])
		if l := ex.links[li]; l.a == u {
			u = l.b
		} else {
			u = l.a
		}
	}
	slices.Reverse(chain)
	return chain, true
}

func (res *Result) ref(n int32) Ref {
	return Ref{Type: res.types[res.nodeType[n]].name, Value: res.m.Str(res.nodeValue[n])}
}

// explanation is a profile's spanning set of links over local node ids.
type explanation struct {
	nodes []int32 // local id -> node
	links []link
}

type link struct {
	a, b  int32 // local ids; a is the row's head identifier, b the one the link brought in
	count int
	rows  []uint32
}

func (res *Result) explain(p int) explanation {
	m := res.m
	c := res.profComp[p]
	ex := explanation{nodes: slices.Clone(res.entNode[res.compEntStart[c]:res.compEntStart[c+1]])}
	local := make(map[int32]int32, len(ex.nodes))
	for l, n := range ex.nodes {
		local[n] = int32(l)
	}
	rows := slices.Clone(res.Rows(p))
	slices.SortFunc(rows, func(a, b uint32) int {
		ra, rb := &m.Rows[a], &m.Rows[b]
		if c := cmp.Compare(m.Batches[ra.Batch].ID, m.Batches[rb.Batch].ID); c != 0 {
			return c
		}
		if c := cmp.Compare(ra.File, rb.File); c != 0 {
			return c
		}
		if c := cmp.Compare(ra.Line, rb.Line); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})

	// ids collects a row's usable local ids without repeats, merging values first, each group in anchor
	// order: the head (ids[0]) and the links then read the same whatever the column order.
	var ids []int32
	better := func(a, b int32) bool {
		na, nb := ex.nodes[a], ex.nodes[b]
		if ka, kb := res.nodeKind[na] == kindMerging, res.nodeKind[nb] == kindMerging; ka != kb {
			return ka
		}
		return res.compareAnchor(na, nb) < 0
	}
	rowIDs := func(ri uint32) []int32 {
		ids = ids[:0]
		row := m.Rows[ri]
		for k := row.IDs.Start; k < row.IDs.End; k++ {
			l, ok := local[res.occ[k]]
			if !ok || slices.Contains(ids, l) {
				continue
			}
			ids = append(ids, l)
		}
		slices.SortFunc(ids, func(a, b int32) int {
			if better(a, b) {
				return -1
			}
			return 1 // local ids are distinct, so never equal
		})
		return ids
	}
	key := func(a, b int32) uint64 {
		if a > b {
			a, b = b, a
		}
		return uint64(a)<<32 | uint64(b)
	}

	f := newForest(len(ex.nodes))
	at := map[uint64]int{}
	for _, ri := range rows {
		ids := rowIDs(ri)
		for _, x := range ids[min(1, len(ids)):] {
			if f.union(ids[0], x) {
				at[key(ids[0], x)] = len(ex.links)
				ex.links = append(ex.links, link{a: ids[0], b: x})
			}
		}
	}
	for _, ri := range rows {
		ids := rowIDs(ri)
		for i, x := range ids {
			for _, y := range ids[i+1:] {
				if li, ok := at[key(x, y)]; ok {
					l := &ex.links[li]
					l.count++
					if len(l.rows) < MaxEvidence {
						l.rows = append(l.rows, ri)
					}
				}
			}
		}
	}
	return ex
}
