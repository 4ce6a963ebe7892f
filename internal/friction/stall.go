package friction

import "wayline/internal/journey"

// stall marks each kept step slow when it took more than twice the median of the same step (same touchpoint
// to same next touchpoint, over all customers of the view) and at least a minute more than that median, so
// steps that normally take seconds are not called stalls for a few seconds more.
func (w *walker) stall() {
	pairs := int(w.nTp) * int(w.nTp)
	if len(w.steps) == 0 || pairs == 0 {
		return
	}
	off := make([]int, pairs+1)
	for _, s := range w.steps {
		off[s.pair+1]++
	}
	for i := 1; i <= pairs; i++ {
		off[i] += off[i-1]
	}
	gaps := make([]int64, len(w.steps))
	fill := append([]int(nil), off[:pairs]...)
	for _, s := range w.steps {
		gaps[fill[s.pair]] = s.gap
		fill[s.pair]++
	}
	limit := make([]int64, pairs)
	for p := range pairs {
		if xs := gaps[off[p]:off[p+1]]; len(xs) > 0 {
			m := medianOf(xs)
			limit[p] = max(2*m, m+minuteMicros)
		}
	}
	for _, s := range w.steps {
		slow := s.gap > limit[s.pair]
		for _, gr := range w.groupsOf(int(s.group)) {
			a, b := w.g.tpCell(gr, s.tp), w.g.stCell(gr, uint32(s.stage))
			a.steps++
			b.steps++
			if slow {
				a.slow++
				b.slow++
			}
		}
	}
}

const minuteMicros = 60_000_000

// medianOf is the lower median of xs (reordered in place): exact, by the journeys' own quickselect.
func medianOf(xs []int64) int64 { return journey.SelectK(xs, (len(xs)-1)/2) }
