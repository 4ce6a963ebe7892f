package ingest

import (
	"sort"
	"strings"
	"unicode"
)

// closeMatches returns up to limit candidates that look like name: the same letters ignoring case and
// punctuation ("Created At" for "created_at"), or a few typos away. Used to turn "no column x" into "did you
// mean y?".
func closeMatches(name string, candidates []string, limit int) []string {
	key := foldName(name)
	type scored struct {
		s    string
		dist int
	}
	var found []scored
	for _, c := range candidates {
		ck := foldName(c)
		if ck == key {
			found = append(found, scored{c, 0})
			continue
		}
		d := levenshtein(key, ck)
		budget := len(key) / 3
		if budget < 1 {
			budget = 1
		}
		if d <= budget || (len(key) >= 4 && (strings.Contains(ck, key) || strings.Contains(key, ck) && len(ck) >= 4)) {
			found = append(found, scored{c, d + 1})
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].dist < found[j].dist })
	if len(found) > limit {
		found = found[:limit]
	}
	out := make([]string, len(found))
	for i, f := range found {
		out[i] = f.s
	}
	return out
}

// foldName lower-cases a name and drops everything but letters and digits, so "Created At", "created_at"
// and "createdAt" compare equal.
func foldName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
