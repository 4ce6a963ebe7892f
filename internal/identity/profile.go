package identity

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
)

// Profile is one resolved customer.
type Profile struct {
	// ID is stable across re-imports and rebuilds; see the package documentation.
	ID string `json:"id"`
	// Label is the identifier a person would recognise: an e-mail, else a phone, a customer id, another
	// id, and an anonymous id last. LabelType is its type.
	Label     string `json:"label"`
	LabelType string `json:"labelType"`
	// Size is the number of distinct identifier values; Rows the number of model rows in the profile.
	Size int `json:"size"`
	Rows int `json:"rows"`
	// Flags are the limits the profile exceeds; nil when none.
	Flags []Flag `json:"flags,omitempty"`
}

// Flag says a profile holds more distinct values of a type than its limit allows. Flagged profiles are
// kept whole: the flag asks a person to look, it does not split.
type Flag struct {
	Type  string `json:"type"`
	Count int    `json:"count"`
	Limit int    `json:"limit"`
}

// String reads like "5 emails: more than the limit of 3".
func (f Flag) String() string {
	noun := f.Type + " values"
	switch f.Type {
	case "email", "phone":
		noun = f.Type + "s"
	}
	return fmt.Sprintf("%d %s: more than the limit of %d", f.Count, noun, f.Limit)
}

// buildComponents lays out, per component, its rows and its distinct identifiers with row counts.
func (res *Result) buildComponents() {
	nc := len(res.compProf)
	start := make([]int32, nc+1)
	for _, c := range res.rowComp {
		if c >= 0 {
			start[c+1]++
		}
	}
	for c := 1; c <= nc; c++ {
		start[c] += start[c-1]
	}
	rows := make([]uint32, start[nc])
	cursor := slices.Clone(start[:nc])
	for ri, c := range res.rowComp {
		if c >= 0 {
			rows[cursor[c]] = uint32(ri)
			cursor[c]++
		}
	}
	res.compRowStart, res.compRows = start, rows

	res.buildEntries()
}

// buildEntries lists each component's distinct identifiers with the rows carrying each there. A merging
// value is in exactly one component, the one of its root, so those entries come from one forward pass
// over the nodes (no row is revisited); non-merging values can be in several components and are counted
// per (component, value) pair from the rows that carry them, which are few.
func (res *Result) buildEntries() {
	m := res.m
	nc := len(res.compProf)
	nodeComp := make([]int32, len(res.nodeKind))
	count := make([]int32, nc+1)
	for n, kind := range res.nodeKind {
		nodeComp[n] = -1
		if kind == kindMerging {
			c := res.rootComp[res.parent.find(int32(n))]
			nodeComp[n] = c
			count[c+1]++
		}
	}
	var pairs []uint64 // component<<32 | node, one per row carrying a non-merging value
	for ri, c := range res.rowComp {
		if c < 0 {
			continue
		}
		row := m.Rows[ri]
		for k := row.IDs.Start; k < row.IDs.End; k++ {
			if n := res.occ[k]; res.nodeKind[n] == kindNonMerging && !seenEarlierInRow(res.occ, row.IDs.Start, k, n) {
				pairs = append(pairs, uint64(c)<<32|uint64(n))
			}
		}
	}
	slices.Sort(pairs)
	for i, p := range pairs {
		if i == 0 || p != pairs[i-1] {
			count[p>>32+1]++
		}
	}
	for c := 1; c <= nc; c++ {
		count[c] += count[c-1]
	}
	total := count[nc]
	res.compEntStart = slices.Clone(count)
	res.entNode = make([]int32, total)
	res.entType = make([]uint32, total)
	res.entRows = make([]int32, total)
	put := func(c, n, rows int32) {
		e := count[c]
		count[c]++
		res.entNode[e], res.entType[e], res.entRows[e] = n, res.nodeType[n], rows
	}
	for n, c := range nodeComp {
		if c >= 0 {
			put(c, int32(n), res.nodeRows[n])
		}
	}
	for i := 0; i < len(pairs); {
		j := i + 1
		for j < len(pairs) && pairs[j] == pairs[i] {
			j++
		}
		put(int32(pairs[i]>>32), int32(uint32(pairs[i])), int32(j-i))
		i = j
	}
}

// profileKey orders components into profiles: by the stable hash, then by the anchor itself so that even
// a hash collision orders deterministically.
type profileKey struct {
	hash   uint64
	anchor int32 // node
	comp   int32
}

// orderProfiles gives every component its stable id, sorts them into Profiles and fills the per-row and
// per-node indexes.
func (res *Result) orderProfiles() {
	m := res.m
	nc := len(res.compProf)
	keys := make([]profileKey, nc)
	for c := range nc {
		a := res.anchor(c)
		ti := &res.types[res.nodeType[a]]
		keys[c] = profileKey{hash: stableHash(ti.name, m.Str(res.nodeValue[a])), anchor: a, comp: int32(c)}
	}
	keys = res.sortKeys(keys)

	// All ids share one backing string: one allocation instead of one per profile.
	const idLen = len(idPrefix) + 16
	buf := make([]byte, 0, nc*idLen)
	for _, k := range keys {
		buf = append(buf, idPrefix...)
		buf = appendHex16(buf, k.hash)
	}
	all := string(buf)

	res.profComp = make([]int32, nc)
	var suffix map[int32]string // profiles whose hash collides with the previous one's
	for p, k := range keys {
		res.compProf[k.comp] = int32(p)
		res.profComp[p] = k.comp
		if p > 0 && keys[p-1].hash == k.hash {
			// Two anchors with one hash: astronomically rare, but ids must stay unique. The suffix follows
			// the anchors' own order, so it too is independent of import order.
			if suffix == nil {
				suffix = map[int32]string{}
			}
			n := 2
			for q := p - 2; q >= 0 && keys[q].hash == k.hash; q-- {
				n++
			}
			suffix[int32(p)] = "_" + strconv.Itoa(n)
		}
	}
	// Described in component order: components, their entries and (mostly) their values were laid out in
	// row order, so this walks memory forward instead of jumping around in hash order.
	res.Profiles = make([]Profile, nc)
	counts := make([]int, len(res.types))
	for c := range nc {
		p := res.compProf[c]
		id := all[int(p)*idLen : int(p+1)*idLen]
		if s, ok := suffix[p]; ok {
			id += s
		}
		res.describe(&res.Profiles[p], c, id, counts)
	}

	res.RowProfile = make([]int32, len(res.rowComp))
	for ri, c := range res.rowComp {
		res.RowProfile[ri] = -1
		if c >= 0 {
			res.RowProfile[ri] = res.compProf[c]
		}
	}
	res.nodeProfile = make([]int32, len(res.nodeKind))
	for i := range res.nodeProfile {
		res.nodeProfile[i] = -1
	}
	for c := range nc {
		p := res.compProf[c]
		for _, n := range res.entNode[res.compEntStart[c]:res.compEntStart[c+1]] {
			if q := res.nodeProfile[n]; q < 0 || p < q {
				res.nodeProfile[n] = p
			}
		}
	}
}

// anchor is the node a component's id derives from: the smallest identifier by (anchor rank, type, value).
// Non-merging values rank last, so they name a profile only when it has nothing else.
func (res *Result) anchor(c int) int32 {
	lo, hi := res.compEntStart[c], res.compEntStart[c+1]
	best := lo
	for e := lo + 1; e < hi; e++ {
		// Ranks first, from the entries' own type column: most profiles hold one value of the best rank,
		// and then no string is compared.
		re, rb := res.types[res.entType[e]].anchorRank, res.types[res.entType[best]].anchorRank
		if re < rb || re == rb && res.compareAnchor(res.entNode[e], res.entNode[best]) < 0 {
			best = e
		}
	}
	return res.entNode[best]
}

func (res *Result) compareAnchor(a, b int32) int {
	ta, tb := &res.types[res.nodeType[a]], &res.types[res.nodeType[b]]
	if c := cmp.Compare(ta.anchorRank, tb.anchorRank); c != 0 {
		return c
	}
	if c := cmp.Compare(ta.name, tb.name); c != 0 {
		return c
	}
	return cmp.Compare(res.m.Str(res.nodeValue[a]), res.m.Str(res.nodeValue[b]))
}

// describe fills p for component c: label, size, rows and limit flags. counts is scratch space,
// one slot per type, left zeroed.
func (res *Result) describe(p *Profile, c int, id string, counts []int) {
	lo, hi := res.compEntStart[c], res.compEntStart[c+1]
	p.ID, p.Size, p.Rows = id, int(hi-lo), int(res.compRowStart[c+1]-res.compRowStart[c])
	best := int32(-1)
	for e := lo; e < hi; e++ {
		ti := res.entType[e]
		counts[ti]++
		if best < 0 || res.betterLabel(e, best) {
			best = e
		}
	}
	bn := res.entNode[best]
	p.Label = res.m.Str(res.nodeValue[bn])
	p.LabelType = res.types[res.nodeType[bn]].name
	for e := lo; e < hi; e++ {
		ti := res.entType[e]
		if counts[ti] == 0 {
			continue
		}
		if t := &res.types[ti]; t.limit > 0 && counts[ti] > t.limit {
			p.Flags = append(p.Flags, Flag{Type: t.name, Count: counts[ti], Limit: t.limit})
		}
		counts[ti] = 0
	}
	slices.SortFunc(p.Flags, func(a, b Flag) int { return cmp.Compare(a.Type, b.Type) })
}

// betterLabel reports whether entry e makes a better label than entry f: a better type, then more rows,
// then the smaller value (so ties never depend on row order).
func (res *Result) betterLabel(e, f int32) bool {
	re, rf := res.types[res.entType[e]].labelRank, res.types[res.entType[f]].labelRank
	if re != rf {
		return re < rf
	}
	if res.entRows[e] != res.entRows[f] {
		return res.entRows[e] > res.entRows[f]
	}
	return res.m.Str(res.nodeValue[res.entNode[e]]) < res.m.Str(res.nodeValue[res.entNode[f]])
}
