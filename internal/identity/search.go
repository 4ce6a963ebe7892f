package identity

import (
	"bytes"
	"sort"
	"strings"
)

// searchIndex is every profile's identifier values, lower-cased, in profile order, in one byte slice:
// "\x00v1\x00v2\x00...\x00". A substring search is then one bytes.Index pass (vectorised) over a few MB,
// which beats any per-value loop; the zero bytes keep matches inside one value.
type searchIndex struct {
	blob      []byte
	starts    []int32 // per entry, in blob order: offset of its first byte
	profiles  []int32 // per entry: its profile
	profFirst []int32 // per profile: its first entry
}

// searchIndex builds the index on first use; Resolve does not pay for it.
func (res *Result) searchIndex() *searchIndex {
	res.searchOnce.Do(func() {
		s := &res.search
		n := len(res.entNode)
		s.starts = make([]int32, 0, n)
		s.profiles = make([]int32, 0, n)
		s.profFirst = make([]int32, len(res.Profiles)+1)
		size := 1
		for _, node := range res.entNode {
			size += len(res.m.Str(res.nodeValue[node])) + 1
		}
		s.blob = make([]byte, 0, size)
		s.blob = append(s.blob, 0)
		for p, c := range res.profComp {
			s.profFirst[p] = int32(len(s.starts))
			for _, node := range res.entNode[res.compEntStart[c]:res.compEntStart[c+1]] {
				s.starts = append(s.starts, int32(len(s.blob)))
				s.profiles = append(s.profiles, int32(p))
				s.blob = append(appendLower(s.blob, res.m.Str(res.nodeValue[node])), 0)
			}
		}
		s.profFirst[len(res.Profiles)] = int32(len(s.starts))
	})
	return &res.search
}

// profileAt returns the profile whose value covers blob offset i.
func (s *searchIndex) profileAt(i int) int32 {
	e := sort.Search(len(s.starts), func(e int) bool { return int(s.starts[e]) > i }) - 1
	return s.profiles[e]
}

// Search returns up to limit profiles (all when limit <= 0) with an identifier value containing substr,
// ignoring case, in profile order. An empty substr matches nothing.
func (res *Result) Search(substr string, limit int) []int {
	out := []int{}
	q := lowerBytes(strings.TrimSpace(substr))
	if len(q) == 0 || bytes.IndexByte(q, 0) >= 0 {
		return out
	}
	s := res.searchIndex()
	pos := 0
	for limit <= 0 || len(out) < limit {
		i := bytes.Index(s.blob[pos:], q)
		if i < 0 {
			break
		}
		p := s.profileAt(pos + i)
		out = append(out, int(p))
		// The rest of this profile's values cannot add it again: continue at the next profile.
		next := s.profFirst[p+1]
		if int(next) >= len(s.starts) {
			break
		}
		pos = int(s.starts[next])
	}
	return out
}

// lowerBytes returns v lower-cased as bytes.
func lowerBytes(v string) []byte { return appendLower(nil, v) }

// appendLower appends v lower-cased to b: a byte loop for ASCII, strings.ToLower for anything else.
func appendLower(b []byte, v string) []byte {
	for i := 0; i < len(v); i++ {
		if v[i] >= 0x80 {
			return append(b, strings.ToLower(v)...)
		}
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}
