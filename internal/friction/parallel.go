package friction

// Compute's walk in parallel: every worker walks a contiguous range of the view's customers
// (journey.View.Split, ascending) with its own walker and grid; the grids are merged into the first.
//
// The result is the same, to the bit, as one walk over all customers. Counts and source sets merge
// exactly. The stall medians are taken over every walker's steps. The one order-dependent figure is the
// float sum of a cell's ratings: the first walker sums its ratings as it goes, the others log theirs
// (ratingAdd), and merge adds the logs walker by walker, each in walk order, so every cell's sum is made
// of the same additions in the same order as one walk's.

// merge adds the grids of ws[1:] into ws[0]'s, then their logged ratings in walker order.
func merge(ws []*walker) {
	g := ws[0].g
	for _, w := range ws[1:] {
		for i := range g.tp {
			g.tp[i].add(&w.g.tp[i])
		}
		for i := range g.st {
			g.st[i].add(&w.g.st[i])
		}
	}
	for _, w := range ws[1:] {
		for _, r := range w.ratingLog {
			for _, gr := range w.groupsOf(int(r.group)) {
				g.tpCell(gr, r.tp).ratingSum += float64(r.rating)
				g.stCell(gr, uint32(r.st)).ratingSum += float64(r.rating)
			}
		}
	}
}

// add adds b's counts and sources to a; b's rating sum is not kept (its walker logged its ratings).
func (a *acc) add(b *acc) {
	a.customers += b.customers
	a.events += b.events
	a.exits += b.exits
	a.loops += b.loops
	a.backtracks += b.backtracks
	a.steps += b.steps
	a.slow += b.slow
	a.eligible += b.eligible
	a.support += b.support
	a.ratings += b.ratings
	a.low += b.low
	a.effortCustomers += b.effortCustomers
	a.effortTouches += b.effortTouches
	for i, n := range b.effortHist {
		a.effortHist[i] += n
	}
	orInto(a.sources, b.sources)
}
