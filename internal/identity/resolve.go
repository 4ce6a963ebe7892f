package identity

import (
	"sync"

	"wayline/internal/model"
)

// Node kinds: what a (type, value) may do.
const (
	kindMerging    uint8 = iota // links every identifier on its rows
	kindNonMerging              // a value of a NonMerging type: never joins two profiles
	kindBlocked                 // a blocked value: ignored entirely
)

// Result is the outcome of Resolve. It is immutable and safe for concurrent use; it keeps the model it was
// built from, which must not change afterwards.
type Result struct {
	// RowProfile is, per model row, the index into Profiles of the profile the row belongs to, or -1 when
	// the row has no usable identifier (or only non-merging values shared by several profiles).
	RowProfile []int32
	// Profiles are ordered by ID, so the order is the same however the rows were imported.
	Profiles []Profile
	// OverStitched lists suspiciously large profiles, largest first.
	OverStitched []Stitch
	// Rules are the rules the result was built with.
	Rules Rules

	m     *model.Model
	types []typeInfo

	// Nodes are the distinct (type, value) pairs of the model, blocked ones included.
	nodeTDict []uint32 // dictionary id of the type
	nodeType  []uint32 // index into types
	nodeValue []uint32 // dictionary id of the value
	nodeKind  []uint8
	nodeRows  []int32 // rows carrying the node, however many times
	byValue   []int32 // per dictionary id: the first node with that value, -1 when none
	overflow  map[uint64]int32
	occ       []int32 // per identifier occurrence (model.IDType index): its node

	parent   forest  // over nodes
	rowComp  []int32 // per row: its component, -1 for none
	rootComp []int32 // per root node of the forest: its component, -1 for none
	profComp []int32 // per profile: its component
	compProf []int32 // per component: its profile

	// Per component, in component order: rows (CSR) and distinct identifiers (CSR of entries).
	compRowStart []int32
	compRows     []uint32
	compEntStart []int32
	entNode      []int32
	entType      []uint32 // index into types, copied from the node so that describe reads forward
	entRows      []int32

	nodeProfile []int32 // per node: the first profile holding it, -1 for none
	ambiguous   int     // rows with only non-merging values that belong to several profiles

	searchOnce sync.Once
	search     searchIndex
}

// Resolve groups the model's rows into profiles under rules r. r is assumed valid (see Rules.Validate);
// malformed entries are ignored, never fatal.
func Resolve(m *model.Model, r Rules) *Result {
	res := &Result{m: m, Rules: r}
	res.buildNodes(newBlocker(r), r)
	res.unionRows()
	res.assignComponents()
	res.buildComponents()
	res.orderProfiles()
	res.findOverStitched()
	return res
}

// buildNodes turns every identifier occurrence into a node, and counts the rows carrying each node.
func (res *Result) buildNodes(b *blocker, r Rules) {
	m := res.m
	nonMerging := make(map[string]bool, len(r.NonMerging))
	for _, t := range r.NonMerging {
		nonMerging[normType(t)] = true
	}
	limits := make(map[string]int, len(r.Limits))
	for _, l := range r.Limits {
		if l.Max > 0 {
			limits[normType(l.Type)] = l.Max
		}
	}
	res.byValue = make([]int32, m.DictSize())
	for i := range res.byValue {
		res.byValue[i] = -1
	}
	res.occ = make([]int32, len(m.IDType))
	// A model typically holds about one distinct value per one and a half occurrences.
	guess := len(m.IDType)*2/3 + 16
	res.nodeTDict = make([]uint32, 0, guess)
	res.nodeType = make([]uint32, 0, guess)
	res.nodeValue = make([]uint32, 0, guess)
	res.nodeKind = make([]uint8, 0, guess)
	res.nodeRows = make([]int32, 0, guess)

	typeOf := func(t uint32) uint32 {
		for i := range res.types {
			if res.types[i].dict == t {
				return uint32(i)
			}
		}
		res.types = append(res.types, newTypeInfo(t, m.Str(t), b, nonMerging, limits))
		return uint32(len(res.types) - 1)
	}
	newNode := func(t, v uint32) int32 {
		ti := typeOf(t)
		kind := kindMerging
		switch {
		case b.blocked(m.Str(v), res.types[ti].blocked):
			kind = kindBlocked
		case res.types[ti].nonMerging:
			kind = kindNonMerging
		}
		n := int32(len(res.nodeKind))
		res.nodeTDict = append(res.nodeTDict, t)
		res.nodeType = append(res.nodeType, ti)
		res.nodeValue = append(res.nodeValue, v)
		res.nodeKind = append(res.nodeKind, kind)
		res.nodeRows = append(res.nodeRows, 0)
		return n
	}

	for _, row := range m.Rows {
		for k := row.IDs.Start; k < row.IDs.End; k++ {
			t, v := m.IDType[k], m.IDValue[k]
			n := res.byValue[v]
			switch {
			case n < 0:
				n = newNode(t, v)
				res.byValue[v] = n
			case res.nodeTDict[n] != t:
				// The same value under a second type is a different node: "1001" as an order number
				// says nothing about "1001" as a customer id.
				key := uint64(t)<<32 | uint64(v)
				var ok bool
				if n, ok = res.overflow[key]; !ok {
					if res.overflow == nil {
						res.overflow = map[uint64]int32{}
					}
					n = newNode(t, v)
					res.overflow[key] = n
				}
			}
			res.occ[k] = n
			if !seenEarlierInRow(res.occ, row.IDs.Start, k, n) {
				res.nodeRows[n]++
			}
		}
	}
}

// seenEarlierInRow reports whether node n already occurs in occ[start:k]: a row naming the same value in
// two columns asserts it once.
func seenEarlierInRow(occ []int32, start, k uint32, n int32) bool {
	for j := start; j < k; j++ {
		if occ[j] == n {
			return true
		}
	}
	return false
}

// unionRows links, on every row, each merging identifier to the row's first one.
func (res *Result) unionRows() {
	res.parent = newForest(len(res.nodeKind))
	for _, row := range res.m.Rows {
		first := int32(-1)
		for k := row.IDs.Start; k < row.IDs.End; k++ {
			n := res.occ[k]
			if res.nodeKind[n] != kindMerging {
				continue
			}
			if first < 0 {
				first = n
				continue
			}
			res.parent.union(first, n)
		}
	}
}
