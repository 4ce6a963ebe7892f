package friction

import (
	"slices"

	"wayline/internal/journey"
)

// stall marks each kept step slow when it took more than twice the median of the same step (same touchpoint
// to same next touchpoint, over all customers of the view: the steps of every walker) and at least a minute
// more than that median, so steps that normally take seconds are not called stalls for a few seconds more.
// The cells' step counts are the walkers' (see flush); stall adds the slow ones, each walker to its grid.
func stall(ws []*walker) {
	nTp := int(ws[0].nTp)
	pairs := nTp * nTp
	if pairs == 0 {
		return
	}
	// The gaps by pair (a counting sort, each walker counting and placing its own steps at once), then each
	// pair's exact median. Within a pair, walker k's gaps follow those of walkers 0…k-1.
	fill := make([][]int, len(ws))
	journey.Parallel(len(ws), func(k int) {
		n := make([]int, pairs)
		for _, s := range ws[k].steps {
			n[s.pair]++
		}
		fill[k] = n
	})
	off := make([]int, pairs+1)
	total := 0
	for p := range pairs {
		off[p] = total
		for _, n := range fill {
			// The count becomes the walker's first position in the pair's gaps.
			n[p], total = total, total+n[p]
		}
	}
	off[pairs] = total
	if total == 0 {
		return
	}
	gaps := make([]int64, total)
	journey.Parallel(len(ws), func(k int) {
		at := fill[k]
		for _, s := range ws[k].steps {
			gaps[at[s.pair]] = s.gap
			at[s.pair]++
		}
	})
	limit := make([]int64, pairs)
	// The medians in parallel: each worker takes the pairs whose gaps start in its share of all gaps.
	journey.Parallel(len(ws), func(k int) {
		lo, _ := slices.BinarySearch(off[:pairs], total*k/len(ws))
		hi, _ := slices.BinarySearch(off[:pairs], total*(k+1)/len(ws))
		for p := lo; p < hi; p++ {
			if xs := gaps[off[p]:off[p+1]]; len(xs) > 0 {
				m := medianOf(xs)
				limit[p] = max(2*m, m+minuteMicros)
			}
		}
	})
	journey.Parallel(len(ws), func(k int) { ws[k].markSlow(limit) })
}

// markSlow counts the walker's steps slower than their pair's limit in its grid.
func (w *walker) markSlow(limit []int64) {
	for _, s := range w.steps {
		if s.gap <= limit[s.pair] {
			continue
		}
		tp := s.pair / w.nTp
		for _, gr := range w.groupsOf(int(s.group)) {
			w.g.tpCell(gr, tp).slow++
			w.g.stCell(gr, uint32(s.stage)).slow++
		}
	}
}

const minuteMicros = 60_000_000

// medianOf is the lower median of xs (reordered in place): exact, by the journeys' own quickselect.
func medianOf(xs []int64) int64 { return journey.SelectK(xs, (len(xs)-1)/2) }
