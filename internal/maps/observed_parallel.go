package maps

// Observed's walk in parallel: every worker walks a contiguous range of the view's customers
// (journey.View.Split, ascending) with its own walk; merge adds them into the first.
//
// The map is the same, to the bit, as from one walk. Counts, source sets, channel counts and move counts
// merge exactly (a customer is in one range only, so the per-customer stamps never meet), and every list
// built from them is sorted by a total order. The one order-dependent figure is the float sum of a stage's
// ratings: the first walk sums its ratings as it goes, the others log theirs (ratingAdd), and merge adds
// the logs walk by walk, each in walk order: the same additions in the same order as one walk's.

// ratingAdd is a logged rating of a stage.
type ratingAdd struct {
	stage  uint32
	rating float32
}

// merge adds ws[1:] into ws[0] and returns it.
func merge(ws []*walk) *walk {
	w := ws[0]
	for _, o := range ws[1:] {
		w.converted += o.converted
		for _, xs := range [][2][]int{{w.stCust, o.stCust}, {w.skipped, o.skipped}, {w.movedOn, o.movedOn},
			{w.left, o.left}, {w.tpCust, o.tpCust}, {w.tpEvents, o.tpEvents}, {w.rN, o.rN}, {w.rLow, o.rLow},
			{w.rCust, o.rCust}} {
			for i, n := range xs[1] {
				xs[0][i] += n
			}
		}
		for i, b := range o.stSrc.bits {
			w.stSrc.bits[i] |= b
		}
		for i, b := range o.tpSrc.bits {
			w.tpSrc.bits[i] |= b
		}
		for tp, chs := range o.tpCh {
			for _, c := range chs {
				w.countChannel(uint32(tp), c.id, c.events)
			}
		}
		for s := range w.moves {
			w.moves[s].add(&o.moves[s])
		}
	}
	for _, o := range ws[1:] {
		for _, r := range o.ratingLog {
			w.rSum[r.stage] += float64(r.rating)
		}
	}
	return w
}

// add adds o's customers per move to t (same stage, so the same layout).
func (t *moveTable) add(o *moveTable) {
	if t.dense != nil {
		for i := range t.dense {
			t.dense[i].customers += o.dense[i].customers
		}
		return
	}
	for k, pc := range o.sparse {
		p := t.sparse[k]
		if p == nil {
			p = &pairCount{}
			t.sparse[k] = p
		}
		p.customers += pc.customers
	}
}
