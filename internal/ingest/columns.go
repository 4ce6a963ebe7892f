package ingest

import "strconv"

// MaxColumns bounds how many columns one reader may grow to. JSON whose keys are data (a map from user id
// to profile) would otherwise create a column per key and exhaust memory.
const MaxColumns = 10000

// columnSet is the growing list of column names of one reader with a name→index map. Readers look
// columns up with a []byte path converted in the map index expression, which Go does without allocating.
type columnSet struct {
	names []string
	index map[string]int
}

func newColumnSet(names []string) columnSet {
	c := columnSet{names: make([]string, 0, len(names)), index: make(map[string]int, len(names))}
	for _, n := range names {
		c.add(n)
	}
	return c
}

// add appends name (which must not be present) and returns its index.
func (c *columnSet) add(name string) int {
	c.index[name] = len(c.names)
	c.names = append(c.names, name)
	return len(c.names) - 1
}

func (c *columnSet) lookup(name string) int {
	if i, ok := c.index[name]; ok {
		return i
	}
	return -1
}

// uniqueHeader turns a header row into unique, non-empty column names: surrounding space is trimmed, an
// empty name becomes column_N (N is the 1-based position) and a repeated name gets _2, _3, ... so that
// every column stays reachable by name.
func uniqueHeader(raw []string) []string {
	names := make([]string, len(raw))
	seen := make(map[string]bool, len(raw))
	for i, n := range raw {
		n = trimSpace(n)
		if n == "" {
			n = "column_" + strconv.Itoa(i+1)
		}
		names[i] = n
	}
	// Reserve every literal name first so a later "Email_2" in the file keeps its name and the renamed
	// duplicate moves on to Email_3.
	counts := make(map[string]int, len(raw))
	for _, n := range names {
		counts[n]++
	}
	for i, n := range names {
		if !seen[n] {
			seen[n] = true
			continue
		}
		for k := 2; ; k++ {
			cand := n + "_" + strconv.Itoa(k)
			if !seen[cand] && counts[cand] == 0 {
				names[i] = cand
				seen[cand] = true
				break
			}
		}
	}
	return names
}

// genericNames returns col1..colN for files without a header row.
func genericNames(n int) []string {
	names := make([]string, n)
	for i := range names {
		names[i] = "col" + strconv.Itoa(i+1)
	}
	return names
}

func trimSpace(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == '\r' || s[len(s)-1] == '\n') {
		s = s[:len(s)-1]
	}
	return s
}
