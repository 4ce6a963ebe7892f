package identity

import "cmp"

// Stats summarise a Result for the Identity screen and `wayline profiles`.
type Stats struct {
	Profiles int `json:"profiles"`
	// Rows is every model row; Assigned those in a profile; Unassigned those with no usable identifier;
	// Ambiguous (part of Unassigned) those whose only values are non-merging ones shared by several
	// profiles.
	Rows       int `json:"rows"`
	Assigned   int `json:"assigned"`
	Unassigned int `json:"unassigned"`
	Ambiguous  int `json:"ambiguous"`
	// Identifiers counts distinct (type, value) pairs in profiles; Blocked the distinct blocked pairs
	// found in the data and BlockedRows the rows carrying one.
	Identifiers int `json:"identifiers"`
	Blocked     int `json:"blocked"`
	BlockedRows int `json:"blockedRows"`
	// Sizes are distinct identifier values per profile.
	MedianSize   int `json:"medianSize"`
	P99Size      int `json:"p99Size"`
	MaxSize      int `json:"maxSize"`
	Singletons   int `json:"singletons"` // profiles with one identifier value
	Flagged      int `json:"flagged"`    // profiles exceeding a limit
	OverStitched int `json:"overStitched"`
}

// Stats computes the summary; it walks the profiles once.
func (res *Result) Stats() Stats {
	s := Stats{Profiles: len(res.Profiles), Rows: len(res.RowProfile), Ambiguous: res.ambiguous,
		OverStitched: len(res.OverStitched)}
	for _, p := range res.RowProfile {
		if p >= 0 {
			s.Assigned++
		}
	}
	s.Unassigned = s.Rows - s.Assigned
	for _, p := range res.Profiles {
		if p.Size == 1 {
			s.Singletons++
		}
		if len(p.Flags) > 0 {
			s.Flagged++
		}
	}
	for n, kind := range res.nodeKind {
		switch {
		case kind == kindBlocked:
			s.Blocked++
		case res.nodeProfile[n] >= 0:
			s.Identifiers++
		}
	}
	for _, row := range res.m.Rows {
		for k := row.IDs.Start; k < row.IDs.End; k++ {
			if res.nodeKind[res.occ[k]] == kindBlocked {
				s.BlockedRows++
				break
			}
		}
	}
	sz := res.sizeStats()
	s.MedianSize, s.P99Size, s.MaxSize = sz.median, sz.p99, sz.maxSize
	return s
}

// Flagged returns the indexes of profiles that exceed a limit, in profile order.
func (res *Result) Flagged() []int {
	out := []int{}
	for p := range res.Profiles {
		if len(res.Profiles[p].Flags) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// BlockedValues lists the blocked values found in the data with the rows carrying each, most rows first:
// what the rules kept from linking.
func (res *Result) BlockedValues() []ID {
	out := []ID{}
	for n, kind := range res.nodeKind {
		if kind == kindBlocked {
			out = append(out, ID{Type: res.types[res.nodeType[n]].name, Value: res.m.Str(res.nodeValue[n]),
				Rows: int(res.nodeRows[n])})
		}
	}
	sortIDs(out, func(a, b ID) int { return cmp.Compare(b.Rows, a.Rows) })
	return out
}
