package friction

import "wayline/internal/journey"

// tally holds the counts behind the moments of truth for a range of customers. All are integers, so the
// tallies of parallel walks add up to exactly one walk's (see MomentsOfTruth).
type tally struct {
	j                    *journey.Journeys
	with                 []int // per touchpoint: customers who had it before converting
	withConv             []int // of whom converted
	seen                 []int // per touchpoint: 1 + index of the last customer counted
	reached, reachedConv []int // per stage (and one past the last): customers whose highest stage it is
	chain                *transitions
}

func newTally(j *journey.Journeys) *tally {
	nTp, nSt := len(j.TouchpointNames()), len(j.Stages())
	return &tally{j: j, with: make([]int, nTp), withConv: make([]int, nTp), seen: make([]int, nTp),
		reached: make([]int, nSt+1), reachedConv: make([]int, nSt+1), chain: newTransitions(nTp)}
}

// customer counts one trail: its touches before the first goal event, its highest stage up to and
// including that event, and its path through the chain.
func (c *tally) customer(t *journey.Trail) {
	cut := t.Len()
	for k, tp := range t.Touchpoint {
		if c.j.IsGoalTouchpoint(tp) {
			cut = k
			break
		}
	}
	top := -1
	for k := 0; k < t.Len() && k <= cut; k++ {
		top = max(top, int(t.Stage[k]))
	}
	if top >= 0 {
		c.reached[top]++
		if t.Converted {
			c.reachedConv[top]++
		}
	}
	prev := 0 // START
	for _, tp := range t.Touchpoint[:cut] {
		if c.seen[tp] != t.Index+1 {
			c.seen[tp] = t.Index + 1
			c.with[tp]++
			if t.Converted {
				c.withConv[tp]++
			}
		}
		c.chain.add(prev, int(tp)+1)
		prev = int(tp) + 1
	}
	c.chain.end(prev, t.Converted)
}

// add adds o's counts to c. Customers are in one range only, so the per-customer stamps never meet.
func (c *tally) add(o *tally) {
	for _, xs := range [][2][]int{{c.with, o.with}, {c.withConv, o.withConv}, {c.reached, o.reached},
		{c.reachedConv, o.reachedConv}} {
		for i, n := range xs[1] {
			xs[0][i] += n
		}
	}
	c.chain.addAll(o.chain)
}

// addAll adds o's transitions and ends to c (the same number of states).
func (c *transitions) addAll(o *transitions) {
	for s := range c.states {
		c.toConv[s] += o.toConv[s]
		c.toNo[s] += o.toNo[s]
	}
	if c.dense != nil {
		for i, n := range o.dense {
			c.dense[i] += n
		}
		return
	}
	for k, n := range o.sparse {
		c.sparse[k] += n
	}
}
