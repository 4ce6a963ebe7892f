package maps

import (
	"cmp"
	"math"
	"math/bits"
	"runtime"
	"slices"

	"wayline/internal/friction"
	"wayline/internal/journey"
)

// maxMoves is how many within-stage moves a stage's actions list.
const maxMoves = 5

// maxPains and maxOpportunities keep the map's lanes readable.
const (
	maxPains         = 3
	maxOpportunities = 3
)

// minEventsPerWorker keeps small views on one goroutine: below it, starting workers and merging their
// counts costs more than the walk.
const minEventsPerWorker = 20_000

// Observed builds the observed map of v (see doc.go for every definition). fr is the friction result of
// the same view (nil: cells without data) and moments its moments of truth (nil: no opportunities).
//
// Large views are walked by up to GOMAXPROCS goroutines, each over a contiguous range of customers; the
// map is the same, to the bit, as from one walk (see observed_parallel.go).
func Observed(v *journey.View, fr *friction.Result, moments []friction.Moment) *Map {
	return observed(v, fr, moments, min(runtime.GOMAXPROCS(0), 1+v.PassingEvents()/minEventsPerWorker))
}

// observed is Observed with up to workers goroutines.
func observed(v *journey.View, fr *friction.Result, moments []friction.Moment, workers int) *Map {
	j := v.Journeys()
	stages := j.Stages()
	tpNames := j.TouchpointNames()
	ratings := j.Model().Events.Rating
	lowRating := friction.DefaultSettings().LowRating
	if fr != nil {
		lowRating = fr.Settings.LowRating
	}
	bounds := v.Split(workers)
	ws := make([]*walk, max(len(bounds)-1, 1))
	journey.Parallel(len(ws), func(k int) {
		// The first walk sums ratings as it goes; the others log theirs, added after it in walk order.
		w := newWalk(j, len(stages), len(tpNames), k > 0)
		if k+1 < len(bounds) {
			v.EachTrailIn(bounds[k], bounds[k+1], func(t *journey.Trail) { w.customer(t, ratings, lowRating) })
		}
		ws[k] = w
	})
	w := merge(ws)
	converted := w.converted

	cells := cellIndex(fr)
	m := &Map{Customers: v.Len(), Converted: converted, Goal: []string{}, Stages: make([]Stage, len(stages))}
	for tp, name := range tpNames {
		if j.IsGoalTouchpoint(uint32(tp)) {
			m.Goal = append(m.Goal, name)
		}
	}
	for s, name := range stages {
		st := &m.Stages[s]
		*st = Stage{Name: name, Customers: w.stCust[s], Reached: shareOf(w.stCust[s], m.Customers), Skipped: w.skipped[s],
			Sources: w.stSrc.count(s), Touchpoints: []MapTouchpoint{}, Pains: []friction.Cell{}, Opportunities: []Opportunity{},
			Friction: stageCell(fr, s, name)}
		for tp := range tpNames {
			if w.tpCust[tp] == 0 || j.TouchpointStage(uint32(tp)) != s {
				continue
			}
			st.Touchpoints = append(st.Touchpoints, MapTouchpoint{Touchpoint: tpNames[tp], Channels: w.channels(j, tp),
				Customers: w.tpCust[tp], Events: w.tpEvents[tp], Share: shareOf(w.tpCust[tp], st.Customers),
				Sources: w.tpSrc.count(tp), Friction: cells.touchpoint(tpNames[tp], name)})
		}
		slices.SortStableFunc(st.Touchpoints, func(a, b MapTouchpoint) int { return cmp.Compare(b.Customers, a.Customers) })
		st.Actions = w.actions(s, stages, tpNames, st.Customers)
		st.Emotion = w.emotion(s)
		st.Pains = pains(fr, name)
		st.Opportunities = opportunities(moments, name)
	}
	return m
}

func shareOf(k, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(k) / float64(n)
}

// pairKey is a within-stage move from one touchpoint to another.
type pairKey struct{ from, to uint32 }

type pairCount struct{ customers, last int }

type sourceCount struct {
	id     uint32
	events int
}

// denseMoves bounds the touchpoints of a stage for which moves are counted in a square table rather than
// a map (a quarter of a million entries at the limit).
const denseMoves = 512

// moveTable counts, per within-stage move, the customers who made it at least once.
type moveTable struct {
	size   int // touchpoints in the stage; 0 with sparse
	dense  []pairCount
	sparse map[pairKey]*pairCount
}

func (t *moveTable) at(from, to uint32, local []int32) *pairCount {
	if t.dense != nil {
		return &t.dense[int(local[from])*t.size+int(local[to])]
	}
	k := pairKey{from, to}
	pc := t.sparse[k]
	if pc == nil {
		pc = &pairCount{}
		t.sparse[k] = pc
	}
	return pc
}

// each calls fn for every move made by at least one customer.
func (t *moveTable) each(members []uint32, fn func(k pairKey, customers int)) {
	if t.dense == nil {
		for k, pc := range t.sparse {
			fn(k, pc.customers)
		}
		return
	}
	for i, pc := range t.dense {
		if pc.customers > 0 {
			fn(pairKey{members[i/t.size], members[i%t.size]}, pc.customers)
		}
	}
}

// bitsets is one bitset of sources per row (stage or touchpoint).
type bitsets struct {
	words int
	bits  []uint64
}

func newBitsets(rows, n int) bitsets {
	w := (n + 63) / 64
	return bitsets{words: w, bits: make([]uint64, rows*w)}
}

func (b bitsets) set(row int, i uint32) { b.bits[row*b.words+int(i/64)] |= 1 << (i % 64) }

func (b bitsets) count(row int) int {
	n := 0
	for _, x := range b.bits[row*b.words : (row+1)*b.words] {
		n += bits.OnesCount64(x)
	}
	return n
}

// walk accumulates the map's counts over the view's trails.
type walk struct {
	converted                      int
	stCust, skipped, movedOn, left []int
	stSrc, tpSrc                   bitsets
	tpCust, tpEvents, tpSeen       []int
	tpCh                           [][]sourceCount // per touchpoint: channel ids with events
	local                          []int32         // a touchpoint's index among its stage's touchpoints
	members                        [][]uint32      // a stage's touchpoints
	moves                          []moveTable
	rSum                           []float64
	rN, rLow, rCust, rSeen         []int
	logRatings                     bool        // log ratings in ratingLog instead of summing them in rSum
	evRating                       []float32   // the trail's ratings, gathered before the walk
	ratingLog                      []ratingAdd // see merge
}

// newWalk returns an empty walk; logRatings makes it log its ratings instead of summing them.
func newWalk(j *journey.Journeys, stages, touchpoints int, logRatings bool) *walk {
	sources := len(j.SourceNames())
	w := &walk{stCust: make([]int, stages), skipped: make([]int, stages), movedOn: make([]int, stages),
		left: make([]int, stages), stSrc: newBitsets(stages, sources), tpSrc: newBitsets(touchpoints, sources),
		tpCust: make([]int, touchpoints), tpEvents: make([]int, touchpoints), tpSeen: make([]int, touchpoints),
		tpCh: make([][]sourceCount, touchpoints), local: make([]int32, touchpoints), members: make([][]uint32, stages),
		moves: make([]moveTable, stages), rSum: make([]float64, stages), rN: make([]int, stages),
		rLow: make([]int, stages), rCust: make([]int, stages), rSeen: make([]int, stages), logRatings: logRatings}
	for tp := range touchpoints {
		s := j.TouchpointStage(uint32(tp))
		w.local[tp] = int32(len(w.members[s]))
		w.members[s] = append(w.members[s], uint32(tp))
	}
	for s, ms := range w.members {
		if len(ms) <= denseMoves {
			w.moves[s] = moveTable{size: len(ms), dense: make([]pairCount, len(ms)*len(ms))}
		} else {
			w.moves[s] = moveTable{sparse: map[pairKey]*pairCount{}}
		}
	}
	return w
}

func (w *walk) customer(t *journey.Trail, ratings []float32, lowRating float64) {
	stamp := t.Index + 1
	if t.Converted {
		w.converted++
	}
	var visited, moved uint64
	after := -1 // the highest stage after the current event
	for k := t.Len() - 1; k >= 0; k-- {
		s := int(t.Stage[k])
		if after > s {
			moved |= 1 << s
		}
		after = max(after, s)
	}
	// Ratings live in the model's event order, not the journey's: gathered in a loop of independent loads,
	// their cache misses overlap instead of each waiting for the last.
	w.evRating = slices.Grow(w.evRating[:0], t.Len())[:t.Len()]
	for k, e := range t.Event {
		w.evRating[k] = ratings[e]
	}
	for k := range t.Len() {
		s, tp := int(t.Stage[k]), t.Touchpoint[k]
		visited |= 1 << s
		w.stSrc.set(s, t.Source[k])
		w.tpSrc.set(int(tp), t.Source[k])
		w.tpEvents[tp]++
		if w.tpSeen[tp] != stamp {
			w.tpSeen[tp] = stamp
			w.tpCust[tp]++
		}
		w.countChannel(tp, t.Channel[k], 1)
		if k > 0 && int(t.Stage[k-1]) == s && t.Touchpoint[k-1] != tp {
			if pc := w.moves[s].at(t.Touchpoint[k-1], tp, w.local); pc.last != stamp {
				pc.last = stamp
				pc.customers++
			}
		}
		if r := w.evRating[k]; !math.IsNaN(float64(r)) {
			if w.logRatings {
				w.ratingLog = append(w.ratingLog, ratingAdd{stage: uint32(s), rating: r})
			} else {
				w.rSum[s] += float64(r)
			}
			w.rN[s]++
			if float64(r) <= lowRating {
				w.rLow[s]++
			}
			if w.rSeen[s] != stamp {
				w.rSeen[s] = stamp
				w.rCust[s]++
			}
		}
	}
	for m := visited; m != 0; m &= m - 1 {
		w.stCust[bits.TrailingZeros64(m)]++
	}
	for m := moved; m != 0; m &= m - 1 {
		w.movedOn[bits.TrailingZeros64(m)]++
	}
	// A stage is skipped when it was not visited but a later one was.
	for s := range w.stCust {
		if visited&(1<<s) == 0 && visited>>(s+1) != 0 {
			w.skipped[s]++
		}
	}
	if t.Len() > 0 && !t.Converted {
		w.left[t.Stage[t.Len()-1]]++
	}
}

// countChannel adds events events of touchpoint tp on channel ch.
func (w *walk) countChannel(tp, ch uint32, events int) {
	for i := range w.tpCh[tp] {
		if w.tpCh[tp][i].id == ch {
			w.tpCh[tp][i].events += events
			return
		}
	}
	w.tpCh[tp] = append(w.tpCh[tp], sourceCount{id: ch, events: events})
}

// channels names a touchpoint's channels by events desc, then name.
func (w *walk) channels(j *journey.Journeys, tp int) []string {
	names := j.ChannelNames()
	cs := slices.Clone(w.tpCh[tp])
	slices.SortFunc(cs, func(a, b sourceCount) int {
		if c := cmp.Compare(b.events, a.events); c != 0 {
			return c
		}
		return cmp.Compare(names[a.id], names[b.id])
	})
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = names[c.id]
	}
	return out
}

func (w *walk) actions(s int, stages, tpNames []string, customers int) []Action {
	type move struct {
		key pairKey
		n   int
	}
	var ms []move
	w.moves[s].each(w.members[s], func(k pairKey, n int) { ms = append(ms, move{k, n}) })
	slices.SortFunc(ms, func(a, b move) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		if c := cmp.Compare(tpNames[a.key.from], tpNames[b.key.from]); c != 0 {
			return c
		}
		return cmp.Compare(tpNames[a.key.to], tpNames[b.key.to])
	})
	out := []Action{}
	for _, m := range ms[:min(len(ms), maxMoves)] {
		out = append(out, Action{Label: tpNames[m.key.from] + " → " + tpNames[m.key.to], Customers: m.n, Share: shareOf(m.n, customers)})
	}
	if s+1 < len(stages) {
		out = append(out, Action{Label: "Moved on to " + stages[s+1], Customers: w.movedOn[s], Share: shareOf(w.movedOn[s], customers)})
	}
	return append(out, Action{Label: "Left without buying", Customers: w.left[s], Share: shareOf(w.left[s], customers)})
}
