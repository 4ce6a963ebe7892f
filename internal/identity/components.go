package identity

// Components are the profiles before they are put in ID order. A component grows from merging values
// (phase 1, union-find); non-merging values are then attached to the components of the rows that carry
// them (phase 2); rows whose only usable values are non-merging join the one component those values belong
// to, form a component of their own when the values belong to none, and belong to nothing when the values
// belong to several (phase 3). No phase depends on row order, so neither does the partition.

// owner values: a component index, or one of these.
const (
	ownerNone    int32 = -1 // the value is on no row of any component
	ownerSeveral int32 = -2 // the value is on rows of two or more components
)

// combineOwner merges two owners; it is commutative and associative, which makes phase 3 order-free.
func combineOwner(a, b int32) int32 {
	switch {
	case b == ownerNone:
		return a
	case a == ownerNone, a == b:
		return b
	}
	return ownerSeveral
}

// assignComponents sets rowComp for every row and numbers the components.
func (res *Result) assignComponents() {
	m := res.m
	res.rowComp = make([]int32, len(m.Rows))
	compOf := make([]int32, len(res.nodeKind)) // per root node: its component
	res.rootComp = compOf
	for i := range compOf {
		compOf[i] = -1
	}
	comps := int32(0)
	nonMergingOnly := 0
	anyNonMerging := false
	for ri, row := range m.Rows {
		res.rowComp[ri] = -1
		first, nm := int32(-1), false
		for k := row.IDs.Start; k < row.IDs.End; k++ {
			switch n := res.occ[k]; res.nodeKind[n] {
			case kindMerging:
				if first < 0 {
					first = n
				}
			case kindNonMerging:
				nm = true
			}
		}
		anyNonMerging = anyNonMerging || nm
		if first < 0 {
			if nm {
				nonMergingOnly++
			}
			continue
		}
		root := res.parent.find(first)
		if compOf[root] < 0 {
			compOf[root] = comps
			comps++
		}
		res.rowComp[ri] = compOf[root]
	}
	if anyNonMerging {
		comps = res.placeNonMergingRows(compOf, comps, nonMergingOnly)
	}
	res.compProf = make([]int32, comps)
}

// placeNonMergingRows runs phases 2 and 3 and returns the new number of components.
func (res *Result) placeNonMergingRows(compOf []int32, comps int32, nonMergingOnly int) int32 {
	m := res.m
	owner := make([]int32, len(res.nodeKind))
	for i := range owner {
		owner[i] = ownerNone
	}
	// Phase 2: the components each non-merging value is attached to.
	for ri, row := range m.Rows {
		c := res.rowComp[ri]
		if c < 0 {
			continue
		}
		for k := row.IDs.Start; k < row.IDs.End; k++ {
			if n := res.occ[k]; res.nodeKind[n] == kindNonMerging {
				owner[n] = combineOwner(owner[n], c)
			}
		}
	}
	if nonMergingOnly == 0 {
		return comps
	}
	// Phase 3: rows with only non-merging values. Values on one such row belong together (an unknown
	// person's order and its shipment); the group then goes where its values point. Non-merging nodes were
	// never unioned in phase 1, so the forest can be reused for the groups.
	for ri, row := range m.Rows {
		if res.rowComp[ri] >= 0 {
			continue
		}
		first := int32(-1)
		for k := row.IDs.Start; k < row.IDs.End; k++ {
			if n := res.occ[k]; res.nodeKind[n] == kindNonMerging {
				if first < 0 {
					first = n
				} else {
					res.parent.union(first, n)
				}
			}
		}
	}
	groupOwner := make(map[int32]int32, nonMergingOnly)
	for ri, row := range m.Rows {
		if res.rowComp[ri] >= 0 {
			continue
		}
		for k := row.IDs.Start; k < row.IDs.End; k++ {
			if n := res.occ[k]; res.nodeKind[n] == kindNonMerging {
				g := res.parent.find(n)
				o, seen := groupOwner[g]
				if !seen {
					o = ownerNone
				}
				groupOwner[g] = combineOwner(o, owner[n])
			}
		}
	}
	for ri, row := range m.Rows {
		if res.rowComp[ri] >= 0 {
			continue
		}
		first := int32(-1)
		for k := row.IDs.Start; k < row.IDs.End && first < 0; k++ {
			if n := res.occ[k]; res.nodeKind[n] == kindNonMerging {
				first = n
			}
		}
		if first < 0 {
			continue
		}
		g := res.parent.find(first)
		switch o := groupOwner[g]; o {
		case ownerSeveral:
			res.ambiguous++
		case ownerNone:
			if compOf[g] < 0 {
				compOf[g] = comps
				comps++
			}
			res.rowComp[ri] = compOf[g]
		default:
			res.rowComp[ri] = o
		}
	}
	return comps
}
