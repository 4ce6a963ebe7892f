package identity

import (
	"bytes"
	"cmp"
	"slices"
	"sort"
	"strings"

	"wayline/internal/ingest"
)

// ID is one identifier value of a profile.
type ID struct {
	Type  string `json:"type"`
	Value string `json:"value"`
	Rows  int    `json:"rows"` // rows carrying it (in this profile, for Identifiers)
	// FirstSeen is the time (Unix µs) of the earliest event on those rows; 0 when they carry no event.
	FirstSeen int64 `json:"firstSeen,omitempty"`
}

// sortIDs sorts by first, then type and value, so equal keys never depend on row order.
func sortIDs(ids []ID, first func(a, b ID) int) {
	slices.SortFunc(ids, func(a, b ID) int {
		if c := first(a, b); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Type, b.Type); c != 0 {
			return c
		}
		return cmp.Compare(a.Value, b.Value)
	})
}

// ByID returns the index of the profile with id.
func (res *Result) ByID(id string) (int, bool) {
	if len(id) < len(idPrefix)+16 || !strings.HasPrefix(id, idPrefix) {
		return -1, false
	}
	p := sort.Search(len(res.Profiles), func(i int) bool { return res.Profiles[i].ID >= id })
	// Ids are ordered by hash, and a collision suffix sorts after its base id: scan the equal run.
	for ; p < len(res.Profiles) && strings.HasPrefix(res.Profiles[p].ID, id); p++ {
		if res.Profiles[p].ID == id {
			return p, true
		}
	}
	return -1, false
}

// Find returns the profile a user's key names: a profile id, or any identifier value, typed the way a
// person would (an e-mail in any case, a phone in any format, any other value in any case). A value that
// is in several profiles (a non-merging one) finds the first of them.
func (res *Result) Find(key string) (int, bool) {
	key = strings.TrimSpace(key)
	if key == "" {
		return -1, false
	}
	if p, ok := res.ByID(strings.ToLower(key)); ok {
		return p, true
	}
	forms := []string{key}
	for _, typ := range []string{ingest.TypeEmail, ingest.TypePhone} {
		if n, err := ingest.NormalizeIdentifier(typ, key); err == nil && n != "" {
			forms = append(forms, n)
		}
	}
	for _, f := range forms {
		if p, ok := res.findValue(f); ok {
			return p, true
		}
	}
	// Last resort: the same value in another case, through the search index.
	q := res.searchIndex()
	needle := make([]byte, 0, len(key)+2)
	needle = append(append(append(needle, 0), lowerBytes(key)...), 0)
	if i := bytes.Index(q.blob, needle); i >= 0 {
		return int(q.profileAt(i + 1)), true
	}
	return -1, false
}

// findValue looks an exact stored value up under every type, best anchor type first.
func (res *Result) findValue(s string) (int, bool) {
	v, ok := res.m.Lookup(s)
	if !ok || int(v) >= len(res.byValue) {
		return -1, false
	}
	best := int32(-1)
	consider := func(n int32) {
		if n >= 0 && res.nodeProfile[n] >= 0 && (best < 0 || res.compareAnchor(n, best) < 0) {
			best = n
		}
	}
	consider(res.byValue[v])
	for _, t := range res.types {
		if n, ok := res.overflow[uint64(t.dict)<<32|uint64(v)]; ok {
			consider(n)
		}
	}
	if best < 0 {
		return -1, false
	}
	return int(res.nodeProfile[best]), true
}

// ProfileOf returns the profile holding the stored value (typ, value) exactly as the model has it; for a
// non-merging value in several profiles, the first of them.
func (res *Result) ProfileOf(typ, value string) (int, bool) {
	t, ok1 := res.m.Lookup(typ)
	v, ok2 := res.m.Lookup(value)
	if !ok1 || !ok2 || int(v) >= len(res.byValue) {
		return -1, false
	}
	n := res.byValue[v]
	if n >= 0 && res.nodeTDict[n] != t {
		var ok bool
		if n, ok = res.overflow[uint64(t)<<32|uint64(v)]; !ok {
			return -1, false
		}
	}
	if n < 0 || res.nodeProfile[n] < 0 {
		return -1, false
	}
	return int(res.nodeProfile[n]), true
}

// Identifiers lists profile p's identifier values with the rows carrying each in p and when each was
// first seen: e-mails first, then phones, customer ids, other ids and anonymous ids; most rows first
// within a type.
func (res *Result) Identifiers(p int) []ID {
	c := res.profComp[p]
	lo, hi := res.compEntStart[c], res.compEntStart[c+1]
	out := make([]ID, 0, hi-lo)
	at := make(map[int32]int, hi-lo)
	for e := lo; e < hi; e++ {
		n := res.entNode[e]
		at[n] = len(out)
		out = append(out, ID{Type: res.types[res.nodeType[n]].name, Value: res.m.Str(res.nodeValue[n]),
			Rows: int(res.entRows[e])})
	}
	ev := &res.m.Events
	for _, ri := range res.Rows(p) {
		row := res.m.Rows[ri]
		if row.NumEvents == 0 {
			continue
		}
		first := slices.Min(ev.Time[row.FirstEvent : row.FirstEvent+row.NumEvents])
		for k := row.IDs.Start; k < row.IDs.End; k++ {
			if i, ok := at[res.occ[k]]; ok && (out[i].FirstSeen == 0 || first < out[i].FirstSeen) {
				out[i].FirstSeen = first
			}
		}
	}
	rank := make(map[string]int8, len(res.types))
	for _, t := range res.types {
		rank[t.name] = t.labelRank
	}
	sortIDs(out, func(a, b ID) int {
		if c := cmp.Compare(rank[a.Type], rank[b.Type]); c != 0 {
			return c
		}
		return cmp.Compare(b.Rows, a.Rows)
	})
	return out
}

// Rows returns the model rows of profile p in model order. The slice is shared: do not modify it.
func (res *Result) Rows(p int) []uint32 {
	c := res.profComp[p]
	return res.compRows[res.compRowStart[c]:res.compRowStart[c+1]:res.compRowStart[c+1]]
}
