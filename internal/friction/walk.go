package friction

import (
	"math"
	"slices"
	"time"

	"wayline/internal/journey"
)

// visitGap is the pause that ends a visit: events further apart are separate sittings (the usual web
// analytics session timeout).
const visitGap = 30 * 60 * 1_000_000

// walker walks the trails once, filling the grid and keeping the timed steps for the stall pass.
type walker struct {
	j         *journey.Journeys
	g         *grid
	s         Settings
	window    int64 // µs
	isSupport []bool
	rating    []float32
	text      []uint32 // the model's event text (dictionary id, 0 none): what tells two steps apart
	steps     []step
	nTp       uint32
	words     int // 64-bit words of a source bit set
	// logRatings: the walker logs its ratings in ratingLog instead of summing them (see merge).
	logRatings bool
	ratingLog  []ratingAdd
	// Per customer scratch: flags, events and sources per touchpoint and stage, the cells touched, first
	// positions.
	tpFlags, stFlags []uint8
	tpEvents         []int32
	stEvents         []int32
	tpSrc, stSrc     []uint64 // words bits per touchpoint (stage)
	evText           []uint32 // the trail's event texts and ratings, gathered before the walk
	evRating         []float32
	tpFirst, stFirst []int32
	tpRun            []int32          // the stage run in which the touchpoint was last seen without text
	textRun          map[uint64]int32 // the same for (touchpoint, text) pairs of events with text
	touchedTp        []uint32
	touchedSt        []uint32
	nextAbove        []int32 // per stage: nearest later position of that stage (backward scan)
	groups           [][]int // per group: the groups its customers count in
}

// newWalker returns a walker filling g; events is the expected number of events it walks (a capacity
// hint) and logRatings whether it logs its ratings instead of summing them.
func newWalker(j *journey.Journeys, g *grid, s Settings, isSupport []bool, events int, logRatings bool) *walker {
	w := &walker{j: j, g: g, s: s, window: int64(s.SupportWindow / time.Microsecond), isSupport: isSupport,
		rating: j.Model().Events.Rating, text: j.Model().Events.Text, nTp: uint32(g.nTp),
		steps: make([]step, 0, events), textRun: map[uint64]int32{}, logRatings: logRatings,
		words: (len(j.SourceNames()) + 63) / 64}
	w.tpFlags, w.tpFirst, w.tpRun = make([]uint8, g.nTp), make([]int32, g.nTp), make([]int32, g.nTp)
	w.stFlags, w.stFirst = make([]uint8, g.nSt), make([]int32, g.nSt)
	w.tpEvents, w.stEvents = make([]int32, g.nTp), make([]int32, g.nSt)
	w.tpSrc, w.stSrc = make([]uint64, g.nTp*w.words), make([]uint64, g.nSt*w.words)
	w.nextAbove = make([]int32, g.nSt)
	w.groups = [][]int{{0}}
	for gr := 1; gr < len(g.tp)/max(g.nTp, 1); gr++ {
		w.groups = append(w.groups, []int{0, gr})
	}
	for i := range w.tpRun {
		w.tpRun[i] = -1
	}
	return w
}

// seenInRun reports whether the step (touchpoint, text) was already met in this stage run, and records it.
// Runs only grow within a customer, so a stale run number never matches.
func (w *walker) seenInRun(tp, text uint32, run int32) bool {
	if text == 0 {
		seen := w.tpRun[tp] == run
		w.tpRun[tp] = run
		return seen
	}
	key := uint64(tp)<<32 | uint64(text)
	r, ok := w.textRun[key]
	w.textRun[key] = run
	return ok && r == run
}

// customer adds one trail to the cells of group 0 and of its persona group.
func (w *walker) customer(t *journey.Trail, group int) {
	n := t.Len()
	if n == 0 {
		return
	}
	w.touchedTp, w.touchedSt = w.touchedTp[:0], w.touchedSt[:0]
	// Texts and ratings live in the model's event order, not the journey's: read one after the other in
	// the walk, each is a cache miss that waits for the last. Gathered in a loop of independent loads, the
	// misses overlap (a third less time for Compute on the million-event benchmark).
	w.evText, w.evRating = slices.Grow(w.evText[:0], n)[:n], slices.Grow(w.evRating[:0], n)[:n]
	for i, e := range t.Event {
		w.evText[i], w.evRating[i] = w.text[e], w.rating[e]
	}
	run := int32(0)
	bought := false
	lastTouch := int32(-1) // position of the last non-support event
	for i := 0; i < n; i++ {
		tp, st := t.Touchpoint[i], t.Stage[i]
		if w.tpFlags[tp]&fTouched == 0 {
			w.tpFlags[tp] = fTouched
			w.tpFirst[tp] = int32(i)
			w.touchedTp = append(w.touchedTp, tp)
		}
		if w.stFlags[st]&fTouched == 0 {
			w.stFlags[st] = fTouched
			w.stFirst[st] = int32(i)
			w.touchedSt = append(w.touchedSt, st)
		}
		w.event(tp, st, t.Source[i])
		if i > 0 && (st != t.Stage[i-1] || t.Time[i]-t.Time[i-1] > visitGap) {
			run++
		}
		if w.j.IsGoalTouchpoint(tp) {
			bought = true
		}
		// A loop: the same step again within the same visit to its stage (no stage change, no pause longer
		// than visitGap), right after itself or after other touchpoints of the stage. The same step is the
		// same touchpoint with the same text (the product viewed, the campaign opened); events without text
		// are alike, so viewing three different products is browsing, viewing one product twice is a loop.
		if w.seenInRun(tp, w.evText[i], run) {
			w.tpFlags[tp] |= fLoop
			w.stFlags[st] |= fLoop
		}
		if i+1 < n {
			// Going back after the first goal event is a new buying cycle, not friction.
			if !bought && t.Stage[i+1] < st {
				w.tpFlags[tp] |= fBacktrack
				w.stFlags[st] |= fBacktrack
			}
			w.steps = append(w.steps, step{pair: tp*w.nTp + t.Touchpoint[i+1], stage: uint16(st),
				group: uint16(group), gap: t.Time[i+1] - t.Time[i]})
		}
		if w.isSupport[tp] {
			// A support contact counts against the last non-support touch before it, within the window.
			if lastTouch >= 0 && t.Time[i]-t.Time[lastTouch] <= w.window {
				w.tpFlags[t.Touchpoint[lastTouch]] |= fSupport
				w.stFlags[t.Stage[lastTouch]] |= fSupport
			}
		} else {
			w.tpFlags[tp] |= fEligible
			w.stFlags[st] |= fEligible
			lastTouch = int32(i)
		}
		if r := w.evRating[i]; !math.IsNaN(float64(r)) {
			w.addRating(group, tp, st, r)
			// The rating also follows the last non-support touch before it, within the window.
			if lastTouch >= 0 && lastTouch != int32(i) && t.Time[i]-t.Time[lastTouch] <= w.window {
				w.addRating(group, t.Touchpoint[lastTouch], t.Stage[lastTouch], r)
			}
		}
	}
	if !t.Converted {
		// The customer left at their last step; support contacts after it are about it, not a later step.
		last := int32(n - 1)
		if lastTouch >= 0 {
			last = lastTouch
		}
		w.tpFlags[t.Touchpoint[last]] |= fExit
		w.stFlags[t.Stage[last]] |= fExit
	}
	w.effort(t, group)
	w.flush(group, t.Touchpoint[n-1], t.Stage[n-1])
}

// event counts an event and its source in the customer's scratch; flush adds them to the cells.
func (w *walker) event(tp, st, src uint32) {
	w.tpEvents[tp]++
	w.stEvents[st]++
	w.tpSrc[int(tp)*w.words+int(src/64)] |= 1 << (src % 64)
	w.stSrc[int(st)*w.words+int(src/64)] |= 1 << (src % 64)
}

// ratingAdd is a logged rating: the sum of a cell's ratings is added in walk order (see merge).
type ratingAdd struct {
	tp     uint32
	st     uint16
	group  uint16
	rating float32
}

func (w *walker) addRating(group int, tp, st uint32, r float32) {
	low := float64(r) <= w.s.LowRating
	for _, gr := range w.groupsOf(group) {
		for _, a := range [2]*acc{w.g.tpCell(gr, tp), w.g.stCell(gr, st)} {
			a.ratings++
			if !w.logRatings {
				a.ratingSum += float64(r)
			}
			if low {
				a.low++
			}
		}
	}
	if w.logRatings {
		w.ratingLog = append(w.ratingLog, ratingAdd{tp: tp, st: uint16(st), group: uint16(group), rating: r})
	}
}

// groupsOf is the cell groups a customer of group counts in: all customers, and their persona.
func (w *walker) groupsOf(group int) []int { return w.groups[group] }

// effort counts, for the first occurrence of each touchpoint and the first entry into each stage, the
// touches until the first event of a later stage; customers who never move on do not count.
func (w *walker) effort(t *journey.Trail, group int) {
	n := t.Len()
	for s := range w.nextAbove {
		w.nextAbove[s] = -1
	}
	for i := n - 1; i >= 0; i-- {
		tp, st := t.Touchpoint[i], t.Stage[i]
		if w.tpFirst[tp] == int32(i) || w.stFirst[st] == int32(i) {
			next := int32(-1)
			for s := int(st) + 1; s < len(w.nextAbove); s++ {
				if k := w.nextAbove[s]; k >= 0 && (next < 0 || k < next) {
					next = k
				}
			}
			if next >= 0 {
				touches := int(next) - i
				for _, gr := range w.groupsOf(group) {
					if w.tpFirst[tp] == int32(i) {
						w.g.tpCell(gr, tp).addEffort(touches)
					}
					if w.stFirst[st] == int32(i) {
						w.g.stCell(gr, st).addEffort(touches)
					}
				}
			}
		}
		w.nextAbove[st] = int32(i)
	}
}

// flush adds the customer's flags, events, timed steps and sources to the cells and clears them for the
// next customer. Every event but the last (lastTp, lastSt) starts a timed step.
func (w *walker) flush(group int, lastTp, lastSt uint32) {
	for _, gr := range w.groupsOf(group) {
		for _, tp := range w.touchedTp {
			a := w.g.tpCell(gr, tp)
			addFlags(a, w.tpFlags[tp])
			a.events += int(w.tpEvents[tp])
			a.steps += int(w.tpEvents[tp])
			orInto(a.sources, w.tpSrc[int(tp)*w.words:])
		}
		for _, st := range w.touchedSt {
			a := w.g.stCell(gr, st)
			addFlags(a, w.stFlags[st])
			a.events += int(w.stEvents[st])
			a.steps += int(w.stEvents[st])
			orInto(a.sources, w.stSrc[int(st)*w.words:])
		}
		w.g.tpCell(gr, lastTp).steps--
		w.g.stCell(gr, lastSt).steps--
	}
	for _, tp := range w.touchedTp {
		w.tpFlags[tp] = 0
		w.tpRun[tp] = -1
		w.tpEvents[tp] = 0
		clear(w.tpSrc[int(tp)*w.words : int(tp+1)*w.words])
	}
	// Clearing costs the map's capacity, not its length: a map grown by one long trail is replaced, so it
	// does not slow down every later customer.
	if len(w.textRun) > 256 {
		w.textRun = map[uint64]int32{}
	} else {
		clear(w.textRun)
	}
	for _, st := range w.touchedSt {
		w.stFlags[st] = 0
		w.stEvents[st] = 0
		clear(w.stSrc[int(st)*w.words : int(st+1)*w.words])
	}
}

// orInto ors the first len(dst) words of src into dst.
func orInto(dst, src []uint64) {
	for i := range dst {
		dst[i] |= src[i]
	}
}

func addFlags(a *acc, f uint8) {
	a.customers++
	if f&fExit != 0 {
		a.exits++
	}
	if f&fLoop != 0 {
		a.loops++
	}
	if f&fBacktrack != 0 {
		a.backtracks++
	}
	if f&fEligible != 0 {
		a.eligible++
		if f&fSupport != 0 {
			a.support++
		}
	}
}
