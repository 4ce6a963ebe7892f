package friction

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"

	"gonum.org/v1/gonum/mat"

	"wayline/internal/journey"
)

// Moment is a touchpoint whose presence changes the chance of converting: a moment of truth.
//
// Only touches before a customer's first conversion count: a customer "has" a touchpoint when it appears on
// their trail before the first goal event (anywhere on the trail when they did not convert). Goal
// touchpoints are never moments: every customer who has one has converted, so their lift would be 1 by
// definition.
//
// Lift is matched on stage reached: With and Without are the customers who reached the touchpoint's stage
// (their highest stage up to and including their first goal event is at or after it), split by whether they
// had the touchpoint. Customers who never got that far are left out on both sides, so a Decision-stage
// touchpoint is compared with other customers who also got to Decision, not with everyone who saw one ad.
//
// RemovalEffect is the first-order Markov removal effect: the share of the chain's conversion probability
// lost when the touchpoint is removed from the journey graph (its incoming transitions redirected to the
// no-conversion state).
type Moment struct {
	Touchpoint, Stage     string
	With, Without         int     // customers who reached the stage and had / did not have the touchpoint
	ConvWith, ConvWithout float64 // their conversion rates; NaN for an empty group
	Lift                  float64 // ConvWith − ConvWithout; NaN when either group is empty
	RemovalEffect         float64 // 0..1 share of conversions lost without the touchpoint
}

// MomentsOfTruth returns the view's moments of truth, at most limit of them (limit ≤ 0: all), ranked by
// removal effect, then by |lift| (an undefined lift last), then by name. Touchpoints nobody had before
// converting are left out.
//
// The Markov chain has a START state, one state per touchpoint seen before a conversion, and two absorbing
// states: CONVERSION (the trail of a converted customer ends there, cut at the first goal event) and NULL
// (the journey ended without converting). Transition probabilities are the observed transition counts
// normalised per state; consecutive repeats are self-loops, which change how long the chain stays in a
// state but not where it ends. With Q the transient part and N = (I − Q)⁻¹, the conversion probability
// from every state is x = N·r (r: one-step probabilities into CONVERSION), and removing X leaves
// x_START − (N[START][X] / N[X][X])·x_X, since N[START][X] / N[X][X] is the probability of ever reaching X.
// So the removal effect is N[START][X]·x_X / (N[X][X]·x_START), from one matrix inverse for all touchpoints
// (cubic in the number of touchpoints: fine for hundreds, seconds for a few thousand). Without conversions
// every removal effect is 0: there is nothing to lose.
//
// Large views are walked by up to GOMAXPROCS goroutines, each over a contiguous range of customers; the
// counts are integers, merged exactly before the chain is solved, so the result is the same, to the bit,
// as from one walk.
func MomentsOfTruth(v *journey.View, limit int) ([]Moment, error) {
	return momentsOfTruth(v, limit, min(runtime.GOMAXPROCS(0), 1+v.PassingEvents()/minEventsPerWorker))
}

// momentsOfTruth is MomentsOfTruth with up to workers goroutines.
func momentsOfTruth(v *journey.View, limit, workers int) ([]Moment, error) {
	j := v.Journeys()
	names := j.TouchpointNames()
	nTp := len(names)
	stages := j.Stages()

	bounds := v.Split(workers)
	ts := make([]*tally, max(len(bounds)-1, 1))
	journey.Parallel(len(ts), func(k int) {
		t := newTally(j)
		if k+1 < len(bounds) {
			v.EachTrailIn(bounds[k], bounds[k+1], t.customer)
		}
		ts[k] = t
	})
	t := ts[0]
	for _, o := range ts[1:] {
		t.add(o)
	}
	with, withConv, reached, reachedConv, chain := t.with, t.withConv, t.reached, t.reachedConv, t.chain
	// reached[s] becomes the customers whose highest stage is s or later.
	for s := len(stages) - 1; s >= 0; s-- {
		reached[s] += reached[s+1]
		reachedConv[s] += reachedConv[s+1]
	}

	removal, err := chain.removalEffects()
	if err != nil {
		return nil, err
	}
	var out []Moment
	for tp := range nTp {
		if with[tp] == 0 || j.IsGoalTouchpoint(uint32(tp)) {
			continue
		}
		s := j.TouchpointStage(uint32(tp))
		m := Moment{Touchpoint: names[tp], Stage: stages[s], With: with[tp], Without: reached[s] - with[tp],
			RemovalEffect: removal[tp+1]}
		m.ConvWith = rate(withConv[tp], m.With)
		m.ConvWithout = rate(reachedConv[s]-withConv[tp], m.Without)
		m.Lift = m.ConvWith - m.ConvWithout
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b Moment) int {
		if c := cmp.Compare(b.RemovalEffect, a.RemovalEffect); c != 0 {
			return c
		}
		if c := cmp.Compare(absOrMinus(b.Lift), absOrMinus(a.Lift)); c != 0 {
			return c
		}
		return cmp.Compare(a.Touchpoint, b.Touchpoint)
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func rate(k, n int) float64 {
	if n == 0 {
		return math.NaN()
	}
	return float64(k) / float64(n)
}

// absOrMinus ranks an undefined lift below every defined one.
func absOrMinus(x float64) float64 {
	if math.IsNaN(x) {
		return -1
	}
	return math.Abs(x)
}

// denseLimit bounds the touchpoint count for which transitions are counted in a dense matrix (4 MB of
// int32 at the limit); beyond it a map keeps memory proportional to the transitions actually seen.
const denseLimit = 1023

// transitions counts the first-order chain: state 0 is START, touchpoint tp is state tp+1.
type transitions struct {
	states       int
	dense        []int32
	sparse       map[uint64]int32
	toConv, toNo []int32 // per state: journeys that ended there converted / not converted
}

func newTransitions(touchpoints int) *transitions {
	c := &transitions{states: touchpoints + 1, toConv: make([]int32, touchpoints+1), toNo: make([]int32, touchpoints+1)}
	if touchpoints <= denseLimit {
		c.dense = make([]int32, c.states*c.states)
	} else {
		c.sparse = map[uint64]int32{}
	}
	return c
}

func (c *transitions) add(from, to int) {
	if c.dense != nil {
		c.dense[from*c.states+to]++
		return
	}
	c.sparse[uint64(from)<<32|uint64(to)]++
}

func (c *transitions) end(last int, converted bool) {
	if converted {
		c.toConv[last]++
	} else {
		c.toNo[last]++
	}
}

// each calls fn for every counted transition between states.
func (c *transitions) each(fn func(from, to int, n int32)) {
	if c.dense != nil {
		for k, n := range c.dense {
			if n != 0 {
				fn(k/c.states, k%c.states, n)
			}
		}
		return
	}
	for k, n := range c.sparse {
		fn(int(k>>32), int(k&math.MaxUint32), n)
	}
}

// removalEffects returns the removal effect of every state (index 0, START, unused; unvisited states 0).
func (c *transitions) removalEffects() ([]float64, error) {
	out := make([]float64, c.states)
	// Compact the visited states: every visited state has at least one way out (a next event or an end).
	out1 := make([]int64, c.states)
	for s := range c.states {
		out1[s] = int64(c.toConv[s]) + int64(c.toNo[s])
	}
	c.each(func(from, _ int, n int32) { out1[from] += int64(n) })
	idx := make([]int, c.states)
	n := 0
	for s := range c.states {
		idx[s] = -1
		if out1[s] > 0 {
			idx[s] = n
			n++
		}
	}
	if out1[0] == 0 {
		return out, nil // no customers
	}
	a := mat.NewDense(n, n, nil)
	for i := range n {
		a.Set(i, i, 1)
	}
	c.each(func(from, to int, k int32) {
		i, j := idx[from], idx[to]
		a.Set(i, j, a.At(i, j)-float64(k)/float64(out1[from]))
	})
	r := mat.NewVecDense(n, nil)
	for s := range c.states {
		if idx[s] >= 0 {
			r.SetVec(idx[s], float64(c.toConv[s])/float64(out1[s]))
		}
	}
	var inv mat.Dense
	if err := inv.Inverse(a); err != nil {
		return nil, fmt.Errorf("moments of truth: the journey chain cannot be solved: %w", err)
	}
	var x mat.VecDense
	x.MulVec(&inv, r)
	pConv := x.AtVec(0)
	if pConv <= 0 {
		return out, nil
	}
	for s := 1; s < c.states; s++ {
		i := idx[s]
		if i < 0 {
			continue
		}
		e := inv.At(0, i) * x.AtVec(i) / (inv.At(i, i) * pConv)
		out[s] = min(max(e, 0), 1)
	}
	return out, nil
}
