package friction

import (
	"fmt"
	"math"
	"math/bits"
	"runtime"

	"wayline/internal/journey"
)

// acc accumulates the evidence of one cell.
type acc struct {
	customers, events              int
	exits, loops, backtracks       int
	steps, slow                    int
	eligible, support              int // customers with a non-support touch in the cell; of them, followed by support
	ratings, low                   int
	ratingSum                      float64
	effortCustomers, effortTouches int
	effortHist                     [effortBins]int32 // customers by touches to the next stage (the last bin: that many or more)
	sources                        []uint64          // bit set of source ids
}

// Per customer and cell flags, flushed into the accumulators when the customer is done.
const (
	fTouched = 1 << iota
	fExit
	fLoop
	fBacktrack
	fEligible
	fSupport
)

// step is one timed move from an event to the next, kept until the step medians are known.
type step struct {
	pair  uint32 // from touchpoint × touchpoints + to touchpoint
	stage uint16 // the from touchpoint's stage
	group uint16
	gap   int64
}

// grid holds the accumulators of all cells: group 0 is all customers, group g ≥ 1 persona g-1.
type grid struct {
	nTp, nSt int
	tp, st   []acc
}

func newGrid(groups, nTp, nSt, sources int) *grid {
	g := &grid{nTp: nTp, nSt: nSt}
	g.tp, g.st = make([]acc, groups*nTp), make([]acc, groups*nSt)
	words := (sources + 63) / 64
	// One backing array for every cell's source bit set: a few allocations instead of one per cell.
	bitsets := make([]uint64, (len(g.tp)+len(g.st))*words)
	for i := range g.tp {
		g.tp[i].sources, bitsets = bitsets[:words:words], bitsets[words:]
	}
	for i := range g.st {
		g.st[i].sources, bitsets = bitsets[:words:words], bitsets[words:]
	}
	return g
}

func (g *grid) tpCell(group int, tp uint32) *acc { return &g.tp[group*g.nTp+int(tp)] }
func (g *grid) stCell(group int, s uint32) *acc  { return &g.st[group*g.nSt+int(s)] }

// minEventsPerWorker keeps small views on one goroutine: below it, starting workers and merging their
// grids costs more than the walk.
const minEventsPerWorker = 20_000

// Compute measures friction on v. personaOf gives every profile of v's journeys its persona label (-1 for
// none) and personaNames names the labels; both may be nil for no persona grid. It returns ErrBadSettings
// for invalid settings and ErrBadPersonas for labels that do not fit.
//
// Large views are walked by up to GOMAXPROCS goroutines, each over a contiguous range of customers; the
// result is the same, to the bit, as one walk over all of them (see parallel.go).
func Compute(v *journey.View, personaOf []int32, personaNames []string, s Settings) (*Result, error) {
	workers := min(runtime.GOMAXPROCS(0), 1+v.PassingEvents()/minEventsPerWorker)
	return compute(v, personaOf, personaNames, s, workers)
}

// compute is Compute with up to workers goroutines.
func compute(v *journey.View, personaOf []int32, personaNames []string, s Settings, workers int) (*Result, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	j := v.Journeys()
	if len(personaNames) > 0 || personaOf != nil {
		if len(personaOf) != j.Profiles() {
			return nil, fmt.Errorf("%w: %d labels for %d profiles", ErrBadPersonas, len(personaOf), j.Profiles())
		}
		for p, l := range personaOf {
			if l < -1 || int(l) >= len(personaNames) {
				return nil, fmt.Errorf("%w: profile %d has label %d, but there are %d personas", ErrBadPersonas, p, l, len(personaNames))
			}
		}
	}
	groups := 1 + len(personaNames)
	nTp, nSt, sources := len(j.TouchpointNames()), len(j.Stages()), len(j.SourceNames())
	isSupport := supportTouchpoints(j)
	bounds := v.Split(workers)
	ws := make([]*walker, max(len(bounds)-1, 1))
	events := v.PassingEvents()/len(ws) + 1
	journey.Parallel(len(ws), func(k int) {
		// The first walker sums ratings as it goes; the others log theirs, added after it in walk order.
		w := newWalker(j, newGrid(groups, nTp, nSt, sources), s, isSupport, events+events/8, k > 0)
		if k+1 < len(bounds) {
			v.EachTrailIn(bounds[k], bounds[k+1], func(t *journey.Trail) {
				group := 0
				if personaOf != nil && personaOf[t.Profile] >= 0 {
					group = int(personaOf[t.Profile]) + 1
				}
				w.customer(t, group)
			})
		}
		ws[k] = w
	})
	stall(ws)
	merge(ws)
	return ws[0].result(personaNames), nil
}

// cellOf turns an accumulator into a cell.
func cellOf(a *acc, tp, stage string, persona int32, s Settings) Cell {
	c := Cell{Touchpoint: tp, Stage: stage, Persona: persona}
	c.Evidence = Evidence{Customers: a.customers, Events: a.events, Exits: a.exits, Loops: a.loops,
		Backtracks: a.backtracks, Steps: a.steps, Support: a.support, Ratings: a.ratings}
	for _, word := range a.sources {
		c.Evidence.Sources += bits.OnesCount64(word)
	}
	nan := math.NaN()
	c.Components = Components{ExitRate: nan, LoopRate: nan, BacktrackRate: nan, StallRatio: nan, SupportRate: nan,
		MeanRating: nan, LowRatingShare: nan, Effort: nan}
	if a.customers > 0 {
		n := float64(a.customers)
		c.Components.ExitRate = float64(a.exits) / n
		c.Components.LoopRate = float64(a.loops) / n
		c.Components.BacktrackRate = float64(a.backtracks) / n
	}
	if a.steps > 0 {
		c.Components.StallRatio = float64(a.slow) / float64(a.steps)
	}
	if a.eligible > 0 {
		c.Components.SupportRate = float64(a.support) / float64(a.eligible)
	}
	if a.ratings > 0 {
		c.Components.MeanRating = a.ratingSum / float64(a.ratings)
		c.Components.LowRatingShare = float64(a.low) / float64(a.ratings)
	}
	if a.effortCustomers > 0 {
		// A mean below the median (a few customers needing fewer touches than typical) is no extra effort:
		// 0, not a negative score term.
		c.Components.Effort = max(0, 1-a.effortMedian()/(float64(a.effortTouches)/float64(a.effortCustomers)))
	}
	c.Score, c.Low, c.High = nan, nan, nan
	if a.customers >= s.MinCustomers {
		c.Enough = true
		c.Score = Score(c.Components, s.Weights)
		c.Low, c.High = Wilson(c.Score, a.customers)
	}
	return c
}

// effortBins bounds the touch counts kept for the median; longer runs share the last bin (the mean still
// uses their exact counts).
const effortBins = 64

func (a *acc) addEffort(touches int) {
	a.effortCustomers++
	a.effortTouches += touches
	a.effortHist[min(touches, effortBins-1)]++
}

// effortMedian is the lower median of the customers' touch counts.
func (a *acc) effortMedian() float64 {
	k := int32((a.effortCustomers - 1) / 2)
	for t, n := range a.effortHist {
		if k < n {
			return float64(t)
		}
		k -= n
	}
	return effortBins - 1
}
